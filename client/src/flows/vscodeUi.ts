/**
 * The flows' UI in VS Code: the shared step quick inputs of ui/quickInput.ts (step counter, Back
 * button, validation that blocks bad values) plus a multi-select pick, progress notifications,
 * messages with buttons, the clipboard and read-only documents.
 */
import * as vscode from 'vscode';
import { quickInputWizardUi, showStepQuickPick } from '../ui/quickInput';
import type { ReadOnlyDocuments } from '../readOnlyDocuments';
import type { Back, PickItem, StepPosition } from '../ui/steps';
import type { FlowUi, NoticeKind, NoticeOptions } from './ui';

/** The steps, messages and progress of the flows, which Edit Connection uses too. */
export const vscodeStepUi: Pick<FlowUi, 'pick' | 'input' | 'confirm' | 'notify' | 'progress'> = {
  pick: (options) => quickInputWizardUi.pick(options),
  input: (options) => quickInputWizardUi.input(options),
  confirm: (message, detail, action) => quickInputWizardUi.confirm(message, detail, action),

  progress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) =>
        task((message) => progress.report({ message })),
      ),
    );
  },

  async notify(
    kind: NoticeKind,
    message: string,
    actions: string[] = [],
    options: NoticeOptions = {},
  ): Promise<string | undefined> {
    const show =
      kind === 'error'
        ? vscode.window.showErrorMessage
        : kind === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    return show(message, { modal: options.modal ?? false, detail: options.detail }, ...actions);
  },
};

export function vscodeFlowUi(documents: ReadOnlyDocuments): FlowUi {
  return {
    ...vscodeStepUi,

    pickMany<T>(
      options: StepPosition & { placeholder: string; items: PickItem<T>[]; selected?: T[] },
    ): Promise<T[] | Back | undefined> {
      return showStepQuickPick<T, T[]>(
        options,
        (quickPick) => {
          quickPick.canSelectMany = true;
          const selected = new Set((options.selected ?? []).map((value) => JSON.stringify(value)));
          quickPick.selectedItems = quickPick.items.filter((item) => selected.has(JSON.stringify(item.value)));
        },
        (quickPick) => quickPick.selectedItems.map((item) => item.value),
      );
    },

    async copyToClipboard(text: string): Promise<void> {
      await vscode.env.clipboard.writeText(text);
    },

    async openReadOnly(title: string, content: string): Promise<void> {
      await documents.show(title, content);
    },

    async saveText(suggestedName: string, content: string): Promise<string | undefined> {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri = await vscode.window.showSaveDialog({
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, suggestedName) } : {}),
        saveLabel: 'Save',
      });
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
      return uri.fsPath || uri.toString();
    },
  };
}
