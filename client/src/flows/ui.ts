/**
 * What the guided flows need from the editor, as an interface: the step UI every multi-step
 * quick input uses (pick, input, confirm; see ui/steps.ts) plus multi-select, progress
 * notifications, messages with buttons, the clipboard and read-only documents. VS Code implements
 * it in vscodeUi.ts; tests pass a scripted implementation, so every flow runs end to end without
 * an editor.
 */
import type { Back, PickItem, StepPosition, WizardUi } from '../ui/steps';

export type NoticeKind = 'info' | 'warning' | 'error';

export interface NoticeOptions {
  /** A modal dialog instead of a toast: for questions that must be answered before going on. */
  modal?: boolean;
  /** Longer text under the message (modal dialogs only show it). */
  detail?: string;
}

export interface FlowUi extends WizardUi {
  /** A pick where several items can be chosen; resolves to the chosen values, BACK, or undefined. */
  pickMany<T>(
    options: StepPosition & { placeholder: string; items: PickItem<T>[]; selected?: T[] },
  ): Promise<T[] | Back | undefined>;
  /** Runs a task while a progress notification shows `title` and the latest reported message. */
  progress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T>;
  /** Shows a message with buttons; resolves to the chosen button, or undefined when dismissed. */
  notify(kind: NoticeKind, message: string, actions?: string[], options?: NoticeOptions): Promise<string | undefined>;
  copyToClipboard(text: string): Promise<void>;
  /**
   * Shows text in a read-only editor that VS Code never backs up (safe for secrets). The title's
   * extension picks the language; the title itself must not hold a secret.
   */
  openReadOnly(title: string, content: string): Promise<void>;
  /**
   * Asks where to save `content` (never a secret) with a save dialog and writes it there; resolves
   * to the path written, or undefined when the person cancelled.
   */
  saveText?(suggestedName: string, content: string): Promise<string | undefined>;
}
