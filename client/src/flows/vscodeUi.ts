/**
 * The flows' UI in VS Code: the connection wizard's quick inputs (step counter, Back button,
 * validation that blocks bad values) plus a multi-select pick, progress notifications, messages
 * with buttons, the clipboard and untitled editors.
 */
import * as vscode from 'vscode';
import { quickInputWizardUi } from '../connections/quickInput';
import { BACK, type Back, type FlowUi, type NoticeKind, type NoticeOptions, type PickItem, type StepPosition } from './ui';

export const vscodeFlowUi: FlowUi = {
  pick: (options) => quickInputWizardUi.pick(options),
  input: (options) => quickInputWizardUi.input(options),
  confirm: (message, detail, action) => quickInputWizardUi.confirm(message, detail, action),

  pickMany<T>(options: StepPosition & { placeholder: string; items: PickItem<T>[]; selected?: T[] }): Promise<T[] | Back | undefined> {
    return new Promise((resolve) => {
      const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { value: T }>();
      quickPick.title = options.title;
      quickPick.step = options.step;
      quickPick.totalSteps = options.totalSteps;
      quickPick.placeholder = options.placeholder;
      quickPick.canSelectMany = true;
      quickPick.ignoreFocusOut = true;
      quickPick.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      quickPick.items = options.items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, value: item.value }));
      const selected = new Set((options.selected ?? []).map((value) => JSON.stringify(value)));
      quickPick.selectedItems = quickPick.items.filter((item) => selected.has(JSON.stringify(item.value)));
      let settled = false;
      const finish = (value: T[] | Back | undefined) => {
        if (settled) return;
        settled = true;
        resolve(value);
        quickPick.dispose();
      };
      quickPick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK));
      quickPick.onDidAccept(() => finish(quickPick.selectedItems.map((item) => item.value)));
      quickPick.onDidHide(() => finish(undefined));
      quickPick.show();
    });
  },

  progress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => task((message) => progress.report({ message }))));
  },

  async notify(kind: NoticeKind, message: string, actions: string[] = [], options: NoticeOptions = {}): Promise<string | undefined> {
    const show = kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(message, { modal: options.modal ?? false, detail: options.detail }, ...actions);
  },

  async copyToClipboard(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
  },

  async openUntitled(content: string, language: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ content, language });
    await vscode.window.showTextDocument(document, { preview: false });
  },
};
