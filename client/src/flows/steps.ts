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
      current = steps.find((step) => !history.includes(step.id))?.id;
      continue;
    }
    const position: StepPosition = { title, step: index + 1, totalSteps: steps.length, canGoBack: history.length > 0 };
    const outcome = await steps[index].run(draft, position);
    if (outcome === undefined) return false;
    if (outcome === BACK) {
      current = history.pop() ?? current;
      continue;
    }
    history.push(current);
    const next = stepsFor(draft);
    current = next[next.findIndex((step) => step.id === current) + 1]?.id;
  }
  return true;
}
