/**
 * What a flow has changed so far, each change with the way to take it back, and the final report.
 * When a later step fails, the flow says what was already done and offers to undo it in reverse
 * order; changes that cannot be undone through an API (a command the user ran on a node) come with
 * the manual step instead. Nothing here ever holds a secret.
 */
import { describeError, type FlowContext } from './context';

export interface AppliedChange {
  /** What was done, past tense, e.g. `Created the cross-cluster API key "x" on "remote".` */
  done: string;
  /** Undoes it through an API; `description` says what undoing does. */
  undo?: { description: string; run(): Promise<void> };
  /** What the user must do by hand to undo it, when no API can. */
  manualUndo?: string;
}

export type FlowOutcome = 'completed' | 'cancelled' | 'failed' | 'rolled-back';

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
            left.push(`Could not undo "${change.done}": ${describeError(error)}`);
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
export async function offerRollback(context: FlowContext, changes: ChangeLog, problem: string): Promise<{ outcome: FlowOutcome; left: string[] }> {
  context.log.error(problem);
  if (changes.applied.length === 0) {
    await context.ui.notify('error', problem);
    return { outcome: 'failed', left: [] };
  }
  const detail = ['Already done:', ...changes.applied.map((change) => `• ${change.done}`), '', `"${UNDO}" takes these back; "${KEEP}" leaves them so you can fix the cause and continue by hand.`].join('\n');
  const answer = await context.ui.notify('error', problem, [UNDO, KEEP], { modal: true, detail });
  if (answer !== UNDO) return { outcome: 'failed', left: [] };
  const left = await changes.undoAll(context);
  return { outcome: 'rolled-back', left };
}

/** Ends a flow after a failed step: offers the undo, refreshes the views when something was undone, reports. */
export async function failFlow(context: FlowContext, title: string, changes: ChangeLog, problem: string, summary: string): Promise<FlowResult> {
  const { outcome, left } = await offerRollback(context, changes, problem);
  if (outcome === 'rolled-back') await context.refreshViews();
  return finishFlow(context, title, outcome, changes, { summary, problem, left });
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
  if (changes.applied.length) lines.push('', outcome === 'rolled-back' ? '## Left in place' : '## Changes made', '', ...changes.applied.map((change) => `- ${change.done}`));
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
  }
}
