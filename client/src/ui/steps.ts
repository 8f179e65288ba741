/**
 * The multi-step runner behind every quick-input flow (the connection wizard and the guided flows),
 * with the editor-independent pieces the steps share: the Back marker, pick items, the step
 * position and the pick/input/confirm UI. VS Code implements the UI in quickInput.ts; tests pass a
 * scripted one.
 *
 * The runner: the list of steps may be recomputed from the draft after each answer (answers can
 * add or remove later steps), Back returns to the previous step with its answer still in the
 * draft, Escape cancels. A step validates its own answer and asks again when it is not usable, so
 * nothing invalid reaches the next step.
 *
 * Step counters: a flow with a fixed list of steps shows "n/total". A flow whose list depends on
 * the answers shows "n" alone: a total computed from the answers so far would change as later
 * answers add or remove steps (1/4, then 2/5, then 3/4), which reads as if the flow went back.
 */
export const BACK = Symbol('back');
export type Back = typeof BACK;

export interface PickItem<T> {
  label: string;
  /** Shown beside the label; VS Code cuts it off beyond about PICK_TEXT_LIMITS.description characters. */
  description?: string;
  /** Shown under the label on one line; cut off beyond about PICK_TEXT_LIMITS.detail characters. */
  detail?: string;
  value: T;
}

/**
 * What fits in a quick pick of the default width without being cut off. Longer explanations go to
 * the step's placeholder or to the summary shown before anything is changed.
 */
export const PICK_TEXT_LIMITS = { description: 40, detail: 90 } as const;

export interface StepPosition {
  title: string;
  step: number;
  /** Undefined when the number of steps depends on answers not given yet. */
  totalSteps?: number;
  canGoBack: boolean;
}

/** The quick inputs a multi-step flow shows. */
export interface WizardUi {
  /** Resolves to the chosen value, BACK, or undefined when cancelled. */
  pick<T>(options: StepPosition & { placeholder: string; items: PickItem<T>[]; active?: T }): Promise<T | Back | undefined>;
  /** Resolves to the accepted text (only accepted when validate returns undefined), BACK, or undefined. */
  input(
    options: StepPosition & {
      prompt: string;
      placeholder?: string;
      value?: string;
      password?: boolean;
      validate(value: string): string | undefined | Promise<string | undefined>;
    },
  ): Promise<string | Back | undefined>;
  /** A modal yes/no for dangerous choices. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
}

export type StepOutcome = 'next' | Back | undefined;

/** Turns a pick/input answer into a step outcome, applying it to the draft when it is a value. */
export function applyAnswer<T>(value: T | Back | undefined, apply: (value: T) => void): StepOutcome {
  if (value === undefined) return undefined;
  if (value === BACK) return BACK;
  apply(value as T);
  return 'next';
}

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
 * Runs the steps in order: a fixed list, or `stepsFor(draft)` recomputed after every answer.
 * Resolves to true when the last step was answered, false when the user cancelled.
 */
export async function runSteps<D>(
  title: string,
  draft: D,
  steps: FlowStep<D>[] | ((draft: D) => FlowStep<D>[]),
): Promise<boolean> {
  const stepsFor = typeof steps === 'function' ? steps : () => steps;
  // Only a fixed list has a total that cannot change later (see the counters note at the top).
  const totalKnown = typeof steps !== 'function';
  const history: string[] = [];
  let current: string | undefined = stepsFor(draft)[0]?.id;
  while (current !== undefined) {
    const list = stepsFor(draft);
    const index = list.findIndex((step) => step.id === current);
    if (index < 0) {
      // The step no longer applies (an earlier answer changed): continue with the first unanswered one.
      current = list.find((step) => !step.silent && !history.includes(step.id))?.id;
      continue;
    }
    const visible = list.filter((step) => !step.silent);
    const position: StepPosition = {
      title,
      step: Math.max(1, visible.indexOf(list[index]) + 1),
      ...(totalKnown ? { totalSteps: visible.length } : {}),
      canGoBack: history.length > 0,
    };
    const outcome = await list[index].run(draft, position);
    if (outcome === undefined) return false;
    if (outcome === BACK) {
      current = history.pop() ?? current;
      continue;
    }
    if (!list[index].silent) history.push(current);
    current = nextStepId(list, index, stepsFor(draft));
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
