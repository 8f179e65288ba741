/**
 * What a flow has changed so far, each change with the way to take it back, and the final report.
 * When a later step fails, the flow says what was already done and offers to undo it in reverse
 * order; changes that cannot be undone through an API (a command the user ran on a node) come with
 * the manual step instead. Nothing here ever holds a secret.
 */
import { ApiError } from '../api/errors';
import { describeError } from '../errorText';
import { type FlowContext } from './context';

export interface AppliedChange {
  /** What was done, past tense, e.g. `Created the cross-cluster API key "x" on "remote".` */
  done: string;
  /**
   * Undoes it through an API; `description` says what undoing does, `byHand` how to remove it
   * without the extension when the undo fails (the request or command to run).
   */
  undo?: {
    description: string;
    run(): Promise<void>;
    byHand: string;
    /** Reads the state back when the undo's own answer is lost: true when the change is gone. */
    isUndone?(): Promise<boolean>;
  };
  /** What the user must do by hand to undo it, when no API can. */
  manualUndo?: string;
}

/** `rolled-back`: every change made was undone (or only manual steps remain); `partly-undone`: an undo failed. */
export type FlowOutcome = 'completed' | 'cancelled' | 'failed' | 'rolled-back' | 'partly-undone';

/** What every flow command returns (for tests and scripts). Never contains a secret. */
export interface FlowResult {
  outcome: FlowOutcome;
  /** Changes made and kept. */
  done: string[];
  /** Changes made and then undone. */
  undone: string[];
  /** The report shown to the user, as Markdown. */
  report: string;
}

export class ChangeLog {
  readonly applied: AppliedChange[] = [];
  readonly undone: string[] = [];
  /** Changes whose undo was tried and failed; they are still in place. */
  readonly undoFailed: AppliedChange[] = [];
  /** Notes for the report (warnings, next steps). */
  readonly notes: string[] = [];

  record(change: AppliedChange): void {
    this.applied.push(change);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  get doneTexts(): string[] {
    return this.applied.map((change) => change.done);
  }

  /**
   * Undoes every recorded change, newest first. Returns what could not be undone (API failures
   * and manual steps), in words.
   */
  async undoAll(context: FlowContext): Promise<string[]> {
    const left: string[] = [];
    const changes = [...this.applied].reverse();
    await context.ui.progress('Undoing the changes…', async (report) => {
      for (const change of changes) {
        if (change.undo) {
          report(change.undo.description);
          try {
            await change.undo.run();
            this.undone.push(change.done);
            this.applied.splice(this.applied.indexOf(change), 1);
            context.log.info(`Undone: ${change.done}`);
            continue;
          } catch (error) {
            if (outcomeUnknown(error) && (await change.undo.isUndone?.().catch(() => false))) {
              this.undone.push(change.done);
              this.applied.splice(this.applied.indexOf(change), 1);
              context.log.info(`Undone (no answer came back, reading the state back confirms it): ${change.done}`);
              continue;
            }
            this.undoFailed.push(change);
            left.push(`Could not undo "${change.done}": ${describeError(error)} To remove it by hand: ${change.undo.byHand}`);
            context.log.error(`Undo failed for "${change.done}": ${describeError(error)}`);
          }
        }
        if (change.manualUndo) left.push(change.manualUndo);
      }
    });
    return left;
  }
}

const UNDO = 'Undo Changes';
const KEEP = 'Keep Changes';

/**
 * A step failed after others succeeded: says what happened and what was already done, and offers
 * to undo it. Returns the outcome to report.
 */
export async function offerRollback(
  context: FlowContext,
  changes: ChangeLog,
  problem: string,
): Promise<{ outcome: FlowOutcome; left: string[] }> {
  context.log.error(problem);
  if (changes.applied.length === 0) {
    await context.ui.notify('error', problem);
    return { outcome: 'failed', left: [] };
  }
  const detail = [
    'Already done:',
    ...changes.applied.map((change) => `• ${change.done}`),
    '',
    `"${UNDO}" takes these back; "${KEEP}" leaves them so you can fix the cause and continue by hand.`,
  ].join('\n');
  const answer = await context.ui.notify('error', problem, [UNDO, KEEP], { modal: true, detail });
  if (answer !== UNDO) return { outcome: 'failed', left: [] };
  const left = await changes.undoAll(context);
  return { outcome: changes.undoFailed.length ? 'partly-undone' : 'rolled-back', left };
}

/**
 * Whether a failed write may still have been carried out: the request went out and no answer came
 * back (timeout, connection reset, or a gateway error from a proxy in between).
 */
export function outcomeUnknown(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.kind === 'timeout' || error.kind === 'connection-reset' || error.status === 502 || error.status === 504)
  );
}

export interface CheckedWrite<T> {
  write(): Promise<T>;
  /** Reads the state back after a lost answer: true when the change is there. */
  isApplied(): Promise<boolean>;
  /** The change to record once it is (or may be) in place, with an undo that works in either case. `value` is absent when the answer was lost. */
  change(value: T | undefined): AppliedChange;
}

/**
 * Runs a write and records its change. When the answer is lost (see outcomeUnknown) the state is
 * read back: if the change is there it counts as done (with a note); if it is not, the error
 * stands; if the state cannot be read either, the change is recorded as possibly made, so that the
 * undo covers it, and the error stands.
 */
export async function recordedWrite<T>(
  context: FlowContext,
  changes: ChangeLog,
  step: CheckedWrite<T>,
): Promise<{ answered: true; value: T } | { answered: false }> {
  let value: T;
  try {
    value = await step.write();
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    let applied: boolean;
    try {
      applied = await step.isApplied();
    } catch (readError) {
      const change = step.change(undefined);
      changes.record({ ...change, done: `Possibly: ${change.done} (the answer was lost and the result could not be read back)` });
      context.log.error(`No answer, and the state could not be read back: ${describeError(readError)}`);
      throw withSentence(
        error,
        `Whether it was carried out is unknown: reading the state back failed too (${describeError(readError)}).`,
      );
    }
    if (!applied) throw withSentence(error, 'Reading the state back shows it was not carried out.');
    const change = step.change(undefined);
    changes.record(change);
    changes.note(
      `No answer came back for this step (${describeError(error)}), but reading the state back shows it was carried out: ${change.done}`,
    );
    context.log.info(`Answer lost, change confirmed by reading it back: ${change.done}`);
    return { answered: false };
  }
  changes.record(step.change(value));
  return { answered: true, value };
}

function withSentence(error: unknown, sentence: string): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.kind, `${error.message} ${sentence}`, error.context, error.details);
}

/** Ends a flow after a failed step: offers the undo, refreshes the views when something was undone, reports. */
export async function failFlow(
  context: FlowContext,
  title: string,
  changes: ChangeLog,
  problem: string,
  summary: string,
): Promise<FlowResult> {
  const { outcome, left } = await offerRollback(context, changes, problem);
  if (outcome === 'rolled-back' || outcome === 'partly-undone') await context.refreshViews();
  return finishFlow(context, title, outcome, changes, { summary: summary + afterUndo(outcome, changes), problem, left });
}

/** For the headline and the toast: what the undo took back, what is still there and how to remove it. */
function afterUndo(outcome: FlowOutcome, changes: ChangeLog): string {
  if (outcome === 'partly-undone') {
    const undone = changes.undone.length ? ` Undone: ${changes.undone.join(' ')}` : ' Nothing could be undone.';
    const remaining = changes.undoFailed.map((change) => `${change.done} To remove it by hand: ${change.undo?.byHand}`).join(' ');
    return `${undone} Still in place (the undo failed): ${remaining}`;
  }
  const manual = changes.applied.filter((change) => change.manualUndo).length;
  if (outcome === 'rolled-back' && manual) return ` ${manual} step(s) must be undone by hand (see the report).`;
  return '';
}

/** Builds the Markdown report and the result object, logs it, and shows a summary with a link to it. */
export async function finishFlow(
  context: FlowContext,
  title: string,
  outcome: FlowOutcome,
  changes: ChangeLog,
  options: { summary: string; problem?: string; left?: string[] },
): Promise<FlowResult> {
  const lines = [`# ${title}`, '', `**${outcomeLabel(outcome)}.** ${options.summary}`];
  if (options.problem) lines.push('', '## What went wrong', '', options.problem);
  const afterUndo = outcome === 'rolled-back' || outcome === 'partly-undone';
  if (changes.applied.length)
    lines.push(
      '',
      afterUndo ? '## Left in place' : '## Changes made',
      '',
      ...changes.applied.map((change) => `- ${change.done}`),
    );
  if (changes.undone.length) lines.push('', '## Undone', '', ...changes.undone.map((text) => `- ${text}`));
  if (options.left?.length) lines.push('', '## Still to do by hand', '', ...options.left.map((text) => `- ${text}`));
  if (changes.notes.length) lines.push('', '## Notes', '', ...changes.notes.map((text) => `- ${text}`));
  const report = lines.join('\n') + '\n';
  context.log.info(`${title}: ${outcomeLabel(outcome)}. ${options.summary}`);
  if (outcome !== 'cancelled') {
    const show = 'Show Report';
    const kind = outcome === 'completed' ? 'info' : outcome === 'rolled-back' ? 'warning' : 'error';
    void context.ui.notify(kind, `${title}: ${options.summary}`, [show]).then((choice) => {
      if (choice === show) return context.ui.openReadOnly(`${title} report.md`, report);
    });
  }
  return { outcome, done: changes.doneTexts, undone: [...changes.undone], report };
}

export function cancelled(changes: ChangeLog = new ChangeLog()): FlowResult {
  return { outcome: 'cancelled', done: changes.doneTexts, undone: [...changes.undone], report: '' };
}

function outcomeLabel(outcome: FlowOutcome): string {
  switch (outcome) {
    case 'completed':
      return 'Done';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return 'Failed';
    case 'rolled-back':
      return 'Failed and undone';
    case 'partly-undone':
      return 'Failed, and the undo failed too';
  }
}
