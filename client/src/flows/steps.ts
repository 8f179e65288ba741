/**
 * The multi-step runner every flow uses: the list of steps is recomputed from the draft after each
 * answer (answers can add or remove later steps), Back returns to the previous step with its
 * answer still in the draft, Escape cancels. A step validates its own answer and asks again when
 * it is not usable, so nothing invalid reaches the next step.
 */
import { BACK, type Back, type StepPosition } from './ui';

export type StepOutcome = 'next' | Back | undefined;

export interface FlowStep<D> {
  /** Stable name, used to find the step again after the list was recomputed. */
  id: string;
  /**
   * A step that shows nothing unless something is wrong (e.g. checking a connection given as an
   * argument): it is not counted, and Back skips over it.
   */
  silent?: boolean;
  run(draft: D, position: StepPosition): Promise<StepOutcome>;
}

/**
 * Runs the steps `stepsFor(draft)` returns, in order. Resolves to true when the last step was
 * answered, false when the user cancelled.
 */
export async function runSteps<D>(title: string, draft: D, stepsFor: (draft: D) => FlowStep<D>[]): Promise<boolean> {
  const history: string[] = [];
  let current: string | undefined = stepsFor(draft)[0]?.id;
  while (current !== undefined) {
    const steps = stepsFor(draft);
    const index = steps.findIndex((step) => step.id === current);
    if (index < 0) {
      // The step no longer applies (an earlier answer changed): continue with the first unanswered one.
      current = steps.find((step) => !step.silent && !history.includes(step.id))?.id;
      continue;
    }
    const visible = steps.filter((step) => !step.silent);
    const position: StepPosition = { title, step: Math.max(1, visible.indexOf(steps[index]) + 1), totalSteps: visible.length, canGoBack: history.length > 0 };
    const outcome = await steps[index].run(draft, position);
    if (outcome === undefined) return false;
    if (outcome === BACK) {
      current = history.pop() ?? current;
      continue;
    }
    if (!steps[index].silent) history.push(current);
    current = nextStepId(steps, index, stepsFor(draft));
  }
  return true;
}

/** The step after `steps[index]` in the recomputed list (the answer may have added or removed steps, even this one). */
function nextStepId<D>(steps: FlowStep<D>[], index: number, next: FlowStep<D>[]): string | undefined {
  const here = next.findIndex((step) => step.id === steps[index].id);
  if (here >= 0) return next[here + 1]?.id;
  const ids = new Set(next.map((step) => step.id));
  const following = steps.slice(index + 1).find((step) => ids.has(step.id));
  if (following) return following.id;
  // Only new steps are left: continue with the first one that was not in the old list.
  const old = new Set(steps.map((step) => step.id));
  return next.find((step) => !old.has(step.id))?.id;
}
