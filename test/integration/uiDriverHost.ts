/**
 * The harness half of the UI driver (see suite/uiDriver.ts for the half the tests call): a small
 * HTTP server on 127.0.0.1 with a random port and token. The extension host posts actions to it
 * (`POST /<action>` with a JSON body); it performs them on the workbench page with real keyboard
 * and mouse events through playwright-core and answers with what the screen shows. One action runs
 * at a time, in the order they arrive.
 *
 * Secrets: a password input's value is never read back (only its length), and typed text is never
 * logged or put into an error message, because everything the extension host prints is searched
 * for the run's secrets.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The env variable that carries `{ url, token }` to the extension host. */
export const UI_DRIVER_ENV = 'ERC_UI_DRIVER';

export interface QuickInputState {
  /** The title as shown, with the step counter, e.g. "Add Elastic Connection (2/7)". */
  title: string;
  /** The step counter from the title ("2/7", or "2" when the total is unknown). */
  step?: string;
  placeholder: string;
  /** An input box's prompt (without VS Code's "Press 'Enter' to confirm…" hint), or its validation message while one is shown. */
  message: string;
  /** True while the input box shows an error (a validation message that blocks Enter). */
  validationError: boolean;
  /** The input's text; a password input shows one "•" per character instead. */
  value: string;
  password: boolean;
  /** Labels of the visible items of a pick (empty for an input box). */
  items: string[];
  /** The same items with the text beside (description) and under (detail) each label. */
  itemTexts: Array<{ label: string; description: string; detail: string }>;
  /** The label of the highlighted item. */
  activeItem?: string;
  /** A multi-select pick only: labels of the checked items. */
  checkedItems?: string[];
  /** Tooltips of the title-bar buttons without their keybinding (e.g. "Back"). */
  buttons: string[];
}

export interface DialogState {
  /** Differs for every dialog shown, also when the same question is asked again. */
  id: number;
  message: string;
  detail: string;
  buttons: string[];
}

export interface NotificationState {
  message: string;
  buttons: string[];
}

export interface Screen {
  quickInput?: QuickInputState;
  dialog?: DialogState;
  /** Toasts, and the entries of the notification center while it is open. */
  notifications: NotificationState[];
  notificationCenterOpen: boolean;
  /** How often the quick input was hidden so far: a step that was answered hides before the next shows. */
  quickInputHides: number;
}

/** Serializable stand-in for a RegExp in a request body. */
export interface Pattern {
  source: string;
  flags: string;
}

export interface RunningUiDriver {
  /** The value of ERC_UI_DRIVER. */
  env: string;
  /**
   * Hands the workbench page to the driver before it loads the workbench (it changes how the
   * workbench bundle is served, see DIALOG_GUARD); requests before that wait for it.
   */
  attach(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** The little of the DOM the in-page functions use (the test build has no DOM library). */
interface PageElement {
  textContent: string | null;
  innerText: string;
  type?: string;
  value?: string;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  getClientRects(): { length: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageGlobals {
  document: PageElement;
  getComputedStyle(element: PageElement): { visibility: string; display: string };
  MutationObserver: new (callback: () => void) => { observe(target: PageElement, options: object): void };
  ercQuickInput?: { hides: number; hidden: boolean; widget: PageElement };
  ercDialogs?: number;
}

const POLL_MS = 100;
/** How long a notification is looked for among the toasts before the notification center is opened. */
const TOAST_GRACE_MS = 2000;
/** How long an Enter waits for the quick input to move on before a shown validation error counts as a rejection. */
const REJECTION_MS = 1500;

/** Reads the quick input, the modal dialog and the notifications from the DOM (runs in the page). */
function readScreenInPage(): Screen {
  const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
  const isVisible = (element: PageElement | null | undefined): element is PageElement =>
    !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const textOf = (element: PageElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Without the keybinding VS Code appends, e.g. "Back (Ctrl+Alt+-)" reads "Back".
  const tooltipOf = (element: PageElement) =>
    (element.getAttribute('aria-label') || element.getAttribute('title') || '').replace(/\s*\([^()]*\)$/, '');
  const page = globalThis as unknown as PageGlobals;
  const widget = document.querySelector('.quick-input-widget');
  // Counts hides of the quick input widget (VS Code reuses one), so a step that came and went is seen.
  if (widget && page.ercQuickInput?.widget !== widget) {
    const state = { hides: page.ercQuickInput?.hides ?? 0, hidden: !isVisible(widget), widget };
    page.ercQuickInput = state;
    new page.MutationObserver(() => {
      const hidden = getComputedStyle(widget).display === 'none';
      if (hidden && !state.hidden) state.hides++;
      state.hidden = hidden;
    }).observe(widget, { attributes: true, attributeFilter: ['style', 'class'] });
  }
  const screen: Screen = {
    notifications: [],
    notificationCenterOpen: isVisible(document.querySelector('.notifications-center')),
    quickInputHides: page.ercQuickInput?.hides ?? 0,
  };

  if (isVisible(widget)) {
    const input = widget.querySelector('.quick-input-box input');
    const rows = Array.from(widget.querySelectorAll('.quick-input-list .monaco-list-row')).filter(isVisible);
    const title = textOf(widget.querySelector('.quick-input-title'));
    const step = /\((\d+(?:\/\d+)?)\)$/.exec(title)?.[1];
    const password = input?.type === 'password';
    const active = rows.find((row) => row.classList.contains('focused'));
    // A multi-select pick's rows carry aria-checked.
    const multiSelect = rows.some((row) => row.getAttribute('aria-checked') !== null);
    screen.quickInput = {
      title,
      ...(step ? { step } : {}),
      placeholder: input?.getAttribute('placeholder') ?? '',
      // VS Code appends its keyboard hint to an input box's prompt; the hint is not the flow's text.
      message: textOf(widget.querySelector('.quick-input-message'))
        .replace(/\s*\(?Press 'Enter' to confirm or 'Escape' to cancel\)?$/, '')
        .trim(),
      validationError: !!widget.querySelector('.quick-input-box .monaco-inputbox.error'),
      value: password ? '•'.repeat(input?.value?.length ?? 0) : (input?.value ?? ''),
      password,
      items: rows.map((row) => textOf(row.querySelector('.label-name'))),
      // Rows are reused: a part that the item does not have is hidden but may hold an earlier item's text.
      itemTexts: rows.map((row) => {
        // innerText leaves out hidden parts; of an element that is not rendered it would give all text.
        const visibleText = (element: PageElement | null | undefined) =>
          isVisible(element) ? element.innerText.replace(/\s+/g, ' ').trim() : '';
        return {
          label: textOf(row.querySelector('.label-name')),
          description: visibleText(row.querySelector('.label-description')),
          detail: visibleText(row.querySelectorAll('.quick-input-list-row')[1]),
        };
      }),
      ...(active ? { activeItem: textOf(active.querySelector('.label-name')) } : {}),
      ...(multiSelect
        ? {
            checkedItems: rows
              .filter((row) => row.getAttribute('aria-checked') === 'true')
              .map((row) => textOf(row.querySelector('.label-name'))),
          }
        : {}),
      buttons: Array.from(widget.querySelectorAll('.quick-input-titlebar .action-label'))
        .filter(isVisible)
        .map((button) => tooltipOf(button)),
    };
  }

  const dialog = document.querySelector('.monaco-dialog-box');
  if (isVisible(dialog)) {
    const text = dialog.querySelector('.dialog-message-text');
    const detail = dialog.querySelector('.dialog-message-detail');
    // VS Code builds every dialog anew: numbering the element tells a repeated question from the last one.
    if (!dialog.getAttribute('data-erc-dialog'))
      dialog.setAttribute('data-erc-dialog', String((page.ercDialogs = (page.ercDialogs ?? 0) + 1)));
    // Without a detail, VS Code puts the message itself into the detail element.
    screen.dialog = {
      id: Number(dialog.getAttribute('data-erc-dialog')),
      message: text ? text.innerText.trim() : (detail?.innerText.trim() ?? ''),
      detail: text && isVisible(detail) ? detail.innerText.trim() : '',
      buttons: Array.from(dialog.querySelectorAll('.dialog-buttons .monaco-button')).filter(isVisible).map(textOf),
    };
  }

  for (const item of Array.from(
    document.querySelectorAll('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item'),
  )) {
    if (!isVisible(item)) continue;
    screen.notifications.push({
      message: textOf(item.querySelector('.notification-list-item-message')),
      buttons: Array.from(item.querySelectorAll('.notification-list-item-buttons-container .monaco-button'))
        .filter(isVisible)
        .map(textOf),
    });
  }
  return screen;
}

/**
 * Marks the element to act on with a data attribute (runs in the page), so Playwright can click it
 * with the mouse; returns false when there is none.
 */
function markTargetInPage(args: {
  kind: 'dialogButton' | 'notificationButton' | 'quickInputButton' | 'quickInputCheckbox' | 'treeItem';
  message?: Pattern;
  label: Pattern;
  mark: string;
}): boolean {
  const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
  const isVisible = (element: PageElement | null | undefined): element is PageElement =>
    !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const textOf = (element: PageElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const label = new RegExp(args.label.source, args.label.flags);
  const message = args.message ? new RegExp(args.message.source, args.message.flags) : undefined;
  let candidates: PageElement[] = [];
  let labelOf = textOf;
  if (args.kind === 'dialogButton') {
    candidates = Array.from(document.querySelectorAll('.monaco-dialog-box .dialog-buttons .monaco-button'));
  } else if (args.kind === 'notificationButton') {
    candidates = Array.from(
      document.querySelectorAll('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item'),
    )
      .filter(
        (item) => isVisible(item) && (!message || message.test(textOf(item.querySelector('.notification-list-item-message')))),
      )
      .flatMap((item) => Array.from(item.querySelectorAll('.notification-list-item-buttons-container .monaco-button')));
  } else if (args.kind === 'quickInputButton') {
    candidates = Array.from(document.querySelectorAll('.quick-input-widget .quick-input-titlebar .action-label'));
    labelOf = (element) =>
      (element?.getAttribute('aria-label') || element?.getAttribute('title') || '').replace(/\s*\([^()]*\)$/, '');
  } else if (args.kind === 'treeItem') {
    // Rows of extension tree views (rendered rows only: the list is virtual, scroll first).
    candidates = Array.from(document.querySelectorAll('.monaco-list-row')).filter(
      (row) => row.querySelector('.custom-view-tree-node-item') !== null,
    );
    labelOf = (element) => textOf(element?.querySelector('.label-name'));
  } else {
    candidates = Array.from(document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row'));
    labelOf = (element) => textOf(element?.querySelector('.label-name'));
  }
  const found = candidates.find((candidate) => isVisible(candidate) && label.test(labelOf(candidate)));
  if (!found) return false;
  // A multi-select row: its checkbox, as a person clicks it.
  const target = args.kind === 'quickInputCheckbox' ? (found.querySelector('[role="checkbox"]') ?? found) : found;
  for (const old of Array.from(document.querySelectorAll('[data-erc-ui-driver]'))) old.removeAttribute('data-erc-ui-driver');
  target.setAttribute('data-erc-ui-driver', args.mark);
  return true;
}

/**
 * VS Code's DialogService refuses modal dialogs while extension tests run (`prompt` throws "refused
 * to show dialog in tests", `confirm` answers yes without asking). This finds its guard in the
 * workbench bundle, `c(){return this.a.isExtensionDevelopment&&this.a.extensionTestsLocationURI?!0:…}`
 * followed by `async confirm(` (the file dialogs' save confirmation has the same guard and keeps it),
 * so that it can be switched off from the page (`globalThis.__ercRealDialogs`).
 */
const DIALOG_GUARD =
  /(\w+)\(\)\{return this\.(\w+)\.isExtensionDevelopment&&this\.\2\.extensionTestsLocationURI\?!0:!!this\.\2\.enableSmokeTestDriver\}(?=async confirm\()/g;
const REAL_DIALOGS_FLAG = '__ercRealDialogs';

/** Serves the workbench bundle with the dialog guard switchable; returns a problem text when it was not found. */
async function installDialogSwitch(page: Page, state: { problem?: string; patched?: boolean }): Promise<void> {
  await page.route(/\/vs\/code\/browser\/workbench\/workbench\.js$/, async (route) => {
    const response = await route.fetch();
    const source = await response.text();
    const found = source.match(DIALOG_GUARD)?.length ?? 0;
    if (found !== 1) {
      state.problem = `the DialogService guard was found ${found} times in workbench.js (expected once); VS Code changed`;
      return route.fulfill({ response });
    }
    state.patched = true;
    const body = source.replace(
      DIALOG_GUARD,
      (guard: string, name: string) =>
        `${name}(){return globalThis.${REAL_DIALOGS_FLAG}?!1:(${guard.slice(name.length + 10, -1)})}`,
    );
    // The body is sent decoded and changed: drop the original encoding and length.
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(([key]) => !['content-length', 'content-encoding'].includes(key.toLowerCase())),
    );
    return route.fulfill({ status: response.status(), headers, body });
  });
}

export function pattern(value: RegExp): Pattern {
  return { source: value.source, flags: value.flags };
}

function regex(value: Pattern | undefined): RegExp | undefined {
  return value ? new RegExp(value.source, value.flags) : undefined;
}

/** What the screen shows, as text for failure messages. */
export function describeScreen(screen: Screen): string {
  const lines: string[] = [];
  const quick = screen.quickInput;
  if (quick) {
    lines.push(`quick input "${quick.title}"${quick.placeholder ? ` placeholder "${quick.placeholder}"` : ''}`);
    if (quick.checkedItems) lines.push(`  checked: ${quick.checkedItems.map((item) => `"${item}"`).join(', ') || 'none'}`);
    if (quick.message) lines.push(`  message${quick.validationError ? ' (error)' : ''}: ${quick.message}`);
    lines.push(`  value: "${quick.value}"${quick.password ? ' (password)' : ''}`);
    if (quick.items.length) lines.push(`  items: ${quick.items.map((item) => `"${item}"`).join(', ')}`);
    if (quick.buttons.length) lines.push(`  buttons: ${quick.buttons.join(', ')}`);
  } else lines.push('no quick input');
  if (screen.dialog) {
    lines.push(`dialog "${screen.dialog.message}" buttons [${screen.dialog.buttons.join(', ')}]`);
    if (screen.dialog.detail) lines.push(`  detail: ${screen.dialog.detail.replace(/\n/g, ' / ')}`);
  }
  for (const notification of screen.notifications)
    lines.push(`notification "${notification.message}" buttons [${notification.buttons.join(', ')}]`);
  return lines.join('\n');
}

/** What identifies the step shown; the message is left out, as a validation message replaces the prompt. */
function quickInputSignature(screen: Screen): string {
  const quick = screen.quickInput;
  return quick
    ? JSON.stringify([
        screen.quickInputHides,
        quick.title,
        quick.placeholder,
        quick.items,
        quick.value,
        quick.password,
        quick.checkedItems,
      ])
    : '';
}

/** Every action: its body (JSON) and what it answers. */
type Body = Record<string, unknown>;

class WorkbenchDriver {
  private readonly marks = { next: 0 };

  constructor(
    private readonly page: Page,
    private readonly screenshotDir: string,
    private readonly dialogSwitch: { problem?: string; patched?: boolean },
  ) {}

  async showRealDialogs(body: Body): Promise<{ enabled: boolean }> {
    if (!this.dialogSwitch.patched)
      throw new Error(
        `modal dialogs cannot be shown in this run: ${this.dialogSwitch.problem ?? 'the workbench bundle was not loaded through the driver'}`,
      );
    const enabled = body.enabled !== false;
    await this.page.evaluate(({ flag, on }) => void ((globalThis as Record<string, unknown>)[flag] = on), {
      flag: REAL_DIALOGS_FLAG,
      on: enabled,
    });
    return { enabled };
  }

  async screen(): Promise<Screen> {
    return this.page.evaluate(readScreenInPage);
  }

  /** Polls the screen until `accept` returns a value; fails naming what was awaited and what was shown. */
  private async waitUntil<T>(
    what: string,
    timeoutMs: number,
    accept: (screen: Screen) => T | undefined | Promise<T | undefined>,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      const value = await accept(screen);
      if (value !== undefined) return value;
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}. The screen showed:\n${describeScreen(screen)}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async click(kind: Parameters<typeof markTargetInPage>[0]['kind'], label: Pattern, message?: Pattern) {
    const mark = `target-${++this.marks.next}`;
    const found = await this.page.evaluate(markTargetInPage, { kind, label, message, mark });
    if (!found) return false;
    await this.page.click(`[data-erc-ui-driver="${mark}"]`, { timeout: 5000 });
    return true;
  }

  waitForQuickInput(body: Body): Promise<QuickInputState> {
    const expect = (body.expect ?? {}) as { title?: Pattern; placeholder?: Pattern; prompt?: Pattern; item?: Pattern };
    const [title, placeholder, prompt, item] = [expect.title, expect.placeholder, expect.prompt, expect.item].map(regex);
    const wanted = [
      title && `title ${title}`,
      placeholder && `placeholder ${placeholder}`,
      prompt && `prompt ${prompt}`,
      item && `an item ${item}`,
    ].filter(Boolean);
    return this.waitUntil(
      `a quick input${wanted.length ? ` with ${wanted.join(', ')}` : ''}`,
      Number(body.timeoutMs ?? 20000),
      ({ quickInput }) =>
        quickInput &&
        (!title || title.test(quickInput.title)) &&
        (!placeholder || placeholder.test(quickInput.placeholder)) &&
        (!prompt || prompt.test(quickInput.message)) &&
        (!item || quickInput.items.some((label) => item.test(label)))
          ? quickInput
          : undefined,
    );
  }

  /** After Enter: waits until the quick input hides or shows something else; a validation error that stays is a rejection. */
  private async awaitAccepted(before: Screen, what: string, timeoutMs: number): Promise<void> {
    const signature = quickInputSignature(before);
    const pressed = Date.now();
    await this.waitUntil(`the quick input to move on after ${what}`, timeoutMs, (screen) => {
      if (!screen.quickInput || quickInputSignature(screen) !== signature) return true;
      if (screen.quickInput.validationError && Date.now() - pressed > REJECTION_MS)
        throw new Error(`${what} was rejected: "${screen.quickInput.message}". The screen showed:\n${describeScreen(screen)}`);
      return undefined;
    });
  }

  async typeInQuickInput(body: Body): Promise<QuickInputState> {
    const text = String(body.text ?? '');
    const timeoutMs = Number(body.timeoutMs ?? 20000);
    const shown = await this.waitForQuickInput({ timeoutMs });
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.click({ timeout: 5000 });
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    const left = await input.inputValue();
    if (left !== '') throw new Error(`the quick input "${shown.title}" could not be cleared (${left.length} characters left)`);
    await this.page.keyboard.type(text);
    const typed = await this.screen();
    const described = shown.password ? `the ${text.length} typed characters` : `"${text}"`;
    if (body.accept !== false) {
      await this.page.keyboard.press('Enter');
      await this.awaitAccepted(typed, `Enter on ${described} in "${shown.title}"`, timeoutMs);
    }
    return typed.quickInput ?? shown;
  }

  async pickQuickInputItem(body: Body): Promise<QuickInputState> {
    const label = regex(body.label as Pattern) as RegExp;
    const timeoutMs = Number(body.timeoutMs ?? 20000);
    const shown = await this.waitUntil(`a quick pick with an item ${label}`, timeoutMs, ({ quickInput }) =>
      quickInput?.items.some((item) => label.test(item)) ? quickInput : undefined,
    );
    const target = shown.items.findIndex((item) => label.test(item));
    // Arrow keys from the highlighted item, as a person at the keyboard would.
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.focus();
    const from = Math.max(
      0,
      shown.items.findIndex((item) => item === shown.activeItem),
    );
    const key = target >= from ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(target - from); i++) await this.page.keyboard.press(key);
    const before = await this.waitUntil(`the item ${label} to be highlighted`, 5000, (screen) =>
      screen.quickInput?.activeItem !== undefined && label.test(screen.quickInput.activeItem) ? screen : undefined,
    );
    await this.page.keyboard.press('Enter');
    await this.awaitAccepted(before, `choosing "${shown.items[target]}" in "${shown.title}"`, timeoutMs);
    return shown;
  }

  /**
   * A multi-select pick: clicks the checkboxes so that exactly the items matching one of `labels`
   * are checked, then presses Enter. Every pattern must match a visible item.
   */
  async checkQuickInputItems(body: Body): Promise<QuickInputState> {
    const labels = (body.labels as Pattern[]).map((label) => regex(label) as RegExp);
    const timeoutMs = Number(body.timeoutMs ?? 20000);
    const shown = await this.waitUntil(
      `a multi-select quick pick with items ${labels.join(', ')}`,
      timeoutMs,
      ({ quickInput }) =>
        quickInput?.checkedItems && labels.every((label) => quickInput.items.some((item) => label.test(item)))
          ? quickInput
          : undefined,
    );
    const wanted = (item: string) => labels.some((label) => label.test(item));
    for (const item of shown.items) {
      if (wanted(item) === (shown.checkedItems ?? []).includes(item)) continue;
      const exact = pattern(new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      if (!(await this.click('quickInputCheckbox', exact)))
        throw new Error(`the item "${item}" went away. The screen showed:\n${describeScreen(await this.screen())}`);
    }
    const before = await this.waitUntil(`exactly the items ${labels.join(', ')} to be checked`, 5000, (screen) => {
      const checked = screen.quickInput?.checkedItems ?? [];
      return screen.quickInput && screen.quickInput.items.every((item) => wanted(item) === checked.includes(item))
        ? screen
        : undefined;
    });
    // Enter in the box accepts; on a clicked checkbox, which keeps the focus, it would toggle it again.
    await this.page.locator('.quick-input-widget .quick-input-box input').focus();
    await this.page.keyboard.press('Enter');
    await this.awaitAccepted(before, `accepting ${before.quickInput?.checkedItems?.join(', ')} in "${shown.title}"`, timeoutMs);
    return before.quickInput ?? shown;
  }

  async pressQuickInputButton(body: Body): Promise<QuickInputState> {
    const tooltip = body.tooltip as Pattern;
    const timeoutMs = Number(body.timeoutMs ?? 20000);
    const shown = await this.waitUntil(`a quick input with a button ${regex(tooltip)}`, timeoutMs, ({ quickInput }) =>
      quickInput?.buttons.some((button) => regex(tooltip)!.test(button)) ? quickInput : undefined,
    );
    const before = await this.screen();
    if (!(await this.click('quickInputButton', tooltip)))
      throw new Error(`no quick input button ${regex(tooltip)}. The screen showed:\n${describeScreen(before)}`);
    await this.awaitAccepted(before, `the button ${regex(tooltip)} in "${shown.title}"`, timeoutMs);
    return shown;
  }

  waitForDialog(body: Body): Promise<DialogState> {
    const message = regex(body.message as Pattern);
    return this.waitUntil(`a dialog ${message ?? ''}`.trim(), Number(body.timeoutMs ?? 20000), ({ dialog }) =>
      dialog && (!message || message.test(dialog.message)) ? dialog : undefined,
    );
  }

  async pressDialogButton(body: Body): Promise<DialogState> {
    const label = body.label as Pattern;
    const timeoutMs = Number(body.timeoutMs ?? 20000);
    const dialog = await this.waitUntil(`a dialog with a button ${regex(label)}`, timeoutMs, (screen) =>
      screen.dialog?.buttons.some((button) => regex(label)!.test(button)) ? screen.dialog : undefined,
    );
    if (!(await this.click('dialogButton', label)))
      throw new Error(`the dialog button ${regex(label)} went away. The screen showed:\n${describeScreen(await this.screen())}`);
    await this.waitUntil(`the dialog "${dialog.message}" to close`, 10000, (screen) =>
      !screen.dialog || screen.dialog.id !== dialog.id ? true : undefined,
    );
    return dialog;
  }

  /** Clicks the first shown row of an extension's tree view whose label matches, with the mouse. */
  async clickTreeItem(body: Body): Promise<{ clicked: true }> {
    const label = body.label as Pattern;
    await this.waitUntil(`a tree view row ${regex(label)}`, Number(body.timeoutMs ?? 20000), async () =>
      (await this.click('treeItem', label)) ? true : undefined,
    );
    return { clicked: true };
  }

  /** Clicks the bell in the status bar (toggles the notification center). */
  private async toggleNotificationCenter(): Promise<void> {
    await this.page.locator('[id="status.notifications"] a, [id="status.notifications"]').first().click({ timeout: 5000 });
  }

  /**
   * Waits for a notification. A toast can be missing (VS Code shows at most a few per moment and
   * hides them after a while), so after a short look at the toasts the notification center is
   * opened, as a person would click the bell; `act` runs while it is open, then it is closed again.
   */
  private async withNotification<T>(
    what: string,
    timeoutMs: number,
    match: (notification: NotificationState) => boolean,
    act: (notification: NotificationState) => Promise<T>,
  ): Promise<T> {
    const started = Date.now();
    let opened = false;
    try {
      const notification = await this.waitUntil(what, timeoutMs, async (screen) => {
        const found = screen.notifications.find(match);
        if (found) return found;
        if (!opened && !screen.notificationCenterOpen && Date.now() - started > TOAST_GRACE_MS) {
          opened = true;
          await this.toggleNotificationCenter();
        }
        return undefined;
      });
      return await act(notification);
    } finally {
      if (opened && (await this.screen()).notificationCenterOpen) await this.toggleNotificationCenter().catch(() => undefined);
    }
  }

  waitForNotification(body: Body): Promise<NotificationState> {
    const message = regex(body.message as Pattern) as RegExp;
    return this.withNotification(
      `a notification ${message}`,
      Number(body.timeoutMs ?? 20000),
      (notification) => message.test(notification.message),
      async (notification) => notification,
    );
  }

  pressNotificationButton(body: Body): Promise<NotificationState> {
    const message = body.message as Pattern;
    const label = body.label as Pattern;
    return this.withNotification(
      `a notification ${regex(message)} with a button ${regex(label)}`,
      Number(body.timeoutMs ?? 20000),
      (candidate) => regex(message)!.test(candidate.message) && candidate.buttons.some((button) => regex(label)!.test(button)),
      async (notification) => {
        if (!(await this.click('notificationButton', label, message)))
          throw new Error(
            `the notification button ${regex(label)} went away. The screen showed:\n${describeScreen(await this.screen())}`,
          );
        return notification;
      },
    );
  }

  async pressKey(body: Body): Promise<Screen> {
    await this.page.keyboard.press(String(body.key));
    return this.screen();
  }

  async screenshot(body: Body): Promise<{ path: string }> {
    const name = String(body.name ?? 'ui-driver').replace(/[^\w.-]+/g, '-');
    mkdirSync(this.screenshotDir, { recursive: true });
    const path = join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return { path };
  }
}

async function readBody(request: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Body) : {};
}

/** Starts the driver's HTTP server on 127.0.0.1; `screenshotDir` receives `screenshot(name)` pictures. */
export async function startUiDriver(screenshotDir: string): Promise<RunningUiDriver> {
  const token = randomBytes(24).toString('hex');
  let attach: (page: Page) => Promise<void> = async () => undefined;
  const attached = new Promise<WorkbenchDriver>((resolve) => {
    attach = async (page) => {
      const dialogSwitch = {};
      await installDialogSwitch(page, dialogSwitch);
      resolve(new WorkbenchDriver(page, screenshotDir, dialogSwitch));
    };
  });
  // One action at a time: keyboard and mouse actions must not interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const actions: Record<string, (driver: WorkbenchDriver, body: Body) => Promise<unknown>> = {
    screen: (driver) => driver.screen(),
    showRealDialogs: (driver, body) => driver.showRealDialogs(body),
    waitForQuickInput: (driver, body) => driver.waitForQuickInput(body),
    typeInQuickInput: (driver, body) => driver.typeInQuickInput(body),
    pickQuickInputItem: (driver, body) => driver.pickQuickInputItem(body),
    checkQuickInputItems: (driver, body) => driver.checkQuickInputItems(body),
    pressQuickInputButton: (driver, body) => driver.pressQuickInputButton(body),
    waitForDialog: (driver, body) => driver.waitForDialog(body),
    pressDialogButton: (driver, body) => driver.pressDialogButton(body),
    waitForNotification: (driver, body) => driver.waitForNotification(body),
    pressNotificationButton: (driver, body) => driver.pressNotificationButton(body),
    pressKey: (driver, body) => driver.pressKey(body),
    clickTreeItem: (driver, body) => driver.clickTreeItem(body),
    screenshot: (driver, body) => driver.screenshot(body),
  };
  const server: Server = createServer((request, response) => {
    const reply = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    if (request.method !== 'POST' || request.headers.authorization !== `Bearer ${token}`)
      return reply(403, { error: 'forbidden' });
    const name = (request.url ?? '').replace(/^\//, '');
    const action = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined;
    if (!action) return reply(404, { error: `unknown UI driver action "${name}"` });
    const body = readBody(request);
    const run = queue.then(async () => action(await attached, await body));
    queue = run.catch(() => undefined);
    run.then(
      (result) => reply(200, { result: result ?? null }),
      (error: unknown) => reply(200, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    env: JSON.stringify({ url: `http://127.0.0.1:${port}`, token }),
    attach: (page) => attach(page),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
