/**
 * The multi-step UI in VS Code: one QuickPick or InputBox per step with a step counter, a Back
 * button from the second step on, and validation messages that block accepting a bad value.
 */
import * as vscode from 'vscode';
import { BACK, type Back, type PickItem, type StepPosition, type WizardUi } from './steps';

type ValuedItem<T> = vscode.QuickPickItem & { value: T };

/**
 * One QuickPick step: title, step counter, Back button, items; resolves with what `accepted`
 * reads from the pick when the user accepts (undefined keeps it open), BACK, or undefined when
 * it is dismissed. Shared by single and multiple selection.
 */
export function showStepQuickPick<T, R>(
  options: StepPosition & { placeholder: string; items: PickItem<T>[] },
  configure: (quickPick: vscode.QuickPick<ValuedItem<T>>) => void,
  accepted: (quickPick: vscode.QuickPick<ValuedItem<T>>) => R | undefined,
): Promise<R | Back | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<ValuedItem<T>>();
    quickPick.title = options.title;
    quickPick.step = options.step;
    quickPick.totalSteps = options.totalSteps;
    quickPick.placeholder = options.placeholder;
    quickPick.ignoreFocusOut = true;
    quickPick.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    quickPick.items = options.items.map((item) => ({
      label: item.label,
      description: item.description,
      detail: item.detail,
      value: item.value,
    }));
    configure(quickPick);
    let settled = false;
    const finish = (value: R | Back | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      quickPick.dispose();
    };
    quickPick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK));
    quickPick.onDidAccept(() => {
      const value = accepted(quickPick);
      if (value !== undefined) finish(value);
    });
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
  });
}

export const quickInputWizardUi: WizardUi = {
  pick<T>(options: StepPosition & { placeholder: string; items: PickItem<T>[]; active?: T }): Promise<T | Back | undefined> {
    return showStepQuickPick<T, { value: T }>(
      options,
      (quickPick) => {
        const active = quickPick.items.find((item) => JSON.stringify(item.value) === JSON.stringify(options.active));
        if (active) quickPick.activeItems = [active];
      },
      (quickPick) => {
        const selected = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        // Wrapped so that an item whose value is itself undefined still counts as a choice.
        return selected ? { value: selected.value } : undefined;
      },
    ).then((result) => (result === undefined || result === BACK ? result : (result as { value: T }).value));
  },

  input(options): Promise<string | Back | undefined> {
    return new Promise((resolve) => {
      const box = vscode.window.createInputBox();
      box.title = options.title;
      box.step = options.step;
      box.totalSteps = options.totalSteps;
      box.prompt = options.prompt;
      box.placeholder = options.placeholder;
      box.value = options.value ?? '';
      box.password = options.password ?? false;
      box.ignoreFocusOut = true;
      box.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      let settled = false;
      let validation = 0;
      const finish = (value: string | Back | undefined) => {
        if (settled) return;
        settled = true;
        resolve(value);
        box.dispose();
      };
      const validate = async (value: string): Promise<string | undefined> => {
        const ticket = ++validation;
        const problem = await options.validate(value);
        // Only the latest keystroke's answer is shown.
        if (ticket === validation) box.validationMessage = problem;
        return problem;
      };
      box.onDidChangeValue((value) => void validate(value));
      box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK));
      box.onDidAccept(async () => {
        box.busy = true;
        const problem = await validate(box.value);
        box.busy = false;
        if (!problem) finish(box.value);
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  },

  async confirm(message, detail, action) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return answer === action;
  },
};
