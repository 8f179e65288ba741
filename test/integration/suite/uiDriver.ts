/**
 * Drives the real workbench UI from an in-editor test, as a person at the keyboard and mouse would:
 * each call is posted to the outer harness (test/integration/uiDriverHost.ts), which performs it on
 * the workbench page with Playwright's real key and mouse events and answers with what the DOM
 * shows. Only available on the code-server route (ERC_UI_DRIVER is set by the harness).
 *
 * Start a command without awaiting it, drive its UI, then await it:
 *
 *   const running = vscode.commands.executeCommand('elasticRemoteClusters.addConnection');
 *   await ui.pickQuickInputItem(/^Elasticsearch \(URL\)/);
 *   await ui.typeInQuickInput('http://127.0.0.1:9200');
 *   ...
 *   const saved = await running;
 *
 * Every wait has a timeout and fails naming what it waited for and what the screen showed.
 */
import * as http from 'node:http';
import * as vscode from 'vscode';
import {
  describeScreen,
  UI_DRIVER_ENV,
  type DialogState,
  type NotificationState,
  type Pattern,
  type QuickInputState,
  type Screen,
} from '../uiDriverHost';

export type { DialogState, NotificationState, QuickInputState, Screen };

const DEFAULT_TIMEOUT_MS = 20000;

/** What a quick input must show to count as the awaited one; every given pattern must match. */
export interface QuickInputExpectation {
  /** The title with its step counter, e.g. /^Add Elastic Connection \(2\/7\)$/. */
  title?: RegExp;
  /** A pick's placeholder (the question above the items), or an input box's placeholder. */
  placeholder?: RegExp;
  /** An input box's prompt (the text under the box), or its validation message. */
  prompt?: RegExp;
  /** One of the visible items' labels. */
  item?: RegExp;
}

function connection(): { url: string; token: string } | undefined {
  const raw = process.env[UI_DRIVER_ENV];
  return raw ? (JSON.parse(raw) as { url: string; token: string }) : undefined;
}

/** True when the harness offers the driver (the code-server route). */
export function uiDriverAvailable(): boolean {
  return connection() !== undefined;
}

/** For an IntegrationTest's `skip`: why a test that drives the UI cannot run on this route, or undefined. */
export function skipWithoutDriver(): string | undefined {
  return uiDriverAvailable() ? undefined : `no UI driver on this route (${UI_DRIVER_ENV} is only set on the code-server route)`;
}

function pattern(value: RegExp): Pattern {
  return { source: value.source, flags: value.flags };
}

/** Posts one action and waits for its answer; the HTTP wait outlasts the action's own timeout. */
function post<T>(action: string, body: Record<string, unknown>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const target = connection();
  if (!target)
    return Promise.reject(
      new Error(`the UI driver is not available: ${UI_DRIVER_ENV} is not set (only the code-server route has it)`),
    );
  const payload = JSON.stringify({ ...body, timeoutMs });
  return new Promise<T>((resolve, reject) => {
    const request = http.request(
      `${target.url}/${action}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
        timeout: timeoutMs + 30000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: T; error?: string };
            if (answer.error !== undefined) reject(new Error(`UI driver ${action}: ${answer.error}`));
            else resolve(answer.result as T);
          } catch (error) {
            reject(new Error(`UI driver ${action}: unreadable answer (HTTP ${response.statusCode}): ${String(error)}`));
          }
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`UI driver ${action}: no answer within ${timeoutMs + 30000} ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** What the workbench shows now: the quick input, a modal dialog, the visible notifications. */
export function readScreen(): Promise<Screen> {
  return post('screen', {});
}

/**
 * Lets the extension's modal dialogs show while `enabled`. VS Code refuses them while extension
 * tests run (`showWarningMessage(..., { modal: true })` then fails with "DialogService: refused to
 * show dialog in tests"); the harness serves the workbench with that guard switchable. Prefer
 * `withRealDialogs`, which switches it back off.
 */
export async function showRealDialogs(enabled: boolean): Promise<void> {
  await post('showRealDialogs', { enabled });
}

/** Runs `body` with real modal dialogs (see showRealDialogs), switching them off afterwards. */
export async function withRealDialogs<T>(body: () => Promise<T>): Promise<T> {
  await showRealDialogs(true);
  try {
    return await body();
  } finally {
    await showRealDialogs(false);
  }
}

/** Waits for a visible quick input (matching `expect`, when given) and returns what it shows. */
export function waitForQuickInput(expect: QuickInputExpectation = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<QuickInputState> {
  return post(
    'waitForQuickInput',
    {
      expect: Object.fromEntries(
        Object.entries(expect)
          .filter(([, value]) => value instanceof RegExp)
          .map(([key, value]) => [key, pattern(value as RegExp)]),
      ),
    },
    timeoutMs,
  );
}

/**
 * Clicks into the quick input's box, clears it, types `text` key by key and (unless `accept` is
 * false) presses Enter and waits until the quick input moves on. Fails when a validation message
 * blocks the value. Returns the quick input as it was after typing (a password shows as "•"s).
 */
export function typeInQuickInput(text: string, options: { accept?: boolean; timeoutMs?: number } = {}): Promise<QuickInputState> {
  return post('typeInQuickInput', { text, accept: options.accept ?? true }, options.timeoutMs);
}

/**
 * Moves the highlight with the arrow keys to the first visible item whose label matches and
 * presses Enter; fails listing the visible items when none matches. Returns the pick as shown.
 */
export function pickQuickInputItem(label: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<QuickInputState> {
  return post('pickQuickInputItem', { label: pattern(label) }, timeoutMs);
}

/**
 * A multi-select pick: clicks the checkboxes so that exactly the items matching one of `labels` are
 * checked (unchecking preselected others), then presses Enter and waits until the pick moves on.
 * Every pattern must match a visible item. Returns the pick as accepted (`checkedItems`).
 */
export function checkQuickInputItems(labels: RegExp[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<QuickInputState> {
  return post('checkQuickInputItems', { labels: labels.map(pattern) }, timeoutMs);
}

/** Clicks a title-bar button of the quick input by its tooltip, e.g. /^Back$/. */
export function pressQuickInputButton(tooltip: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<QuickInputState> {
  return post('pressQuickInputButton', { tooltip: pattern(tooltip) }, timeoutMs);
}

/** Waits for a modal dialog (`showWarningMessage(..., { modal: true }, ...)`) whose message matches. */
export function waitForDialog(message: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DialogState> {
  return post('waitForDialog', { message: pattern(message) }, timeoutMs);
}

/** Clicks the dialog's button whose label matches (e.g. /^Apply$/, /^Cancel$/) and waits for the dialog to close. */
export function pressDialogButton(label: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DialogState> {
  return post('pressDialogButton', { label: pattern(label) }, timeoutMs);
}

/** Waits for a notification (a toast, or an entry of the open notification center) whose message matches. */
export function waitForNotification(message: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<NotificationState> {
  return post('waitForNotification', { message: pattern(message) }, timeoutMs);
}

/** Clicks a button of the notification whose message matches `message` (any notification when omitted). */
export function pressNotificationButton(
  label: RegExp,
  message: RegExp = /./,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<NotificationState> {
  return post('pressNotificationButton', { label: pattern(label), message: pattern(message) }, timeoutMs);
}

/**
 * Clicks, with the mouse, the first row of an extension's tree view (e.g. "Remote Clusters") whose
 * label matches. Only rendered rows count: the tree is a virtual list, so focus the view and scroll
 * (e.g. `pressKey('End')`) to a row far down first.
 */
export async function clickTreeItem(label: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await post('clickTreeItem', { label: pattern(label) }, timeoutMs);
}

/**
 * Leaves the workbench as a test expects to find it: no notifications (the toast slots and the
 * notification center are emptied, so a test waits only for its own), no open editors, no quick
 * input or dialog left over. Meant for the start of each real-input test.
 */
export async function cleanWorkbench(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const screen = await readScreen();
    if (!screen.quickInput && !screen.dialog && !screen.notificationCenterOpen) break;
    await escape();
  }
  await bounded('notifications.clearAll', vscode.commands.executeCommand('notifications.clearAll'));
  // Reverted and closed one by one: closing all would ask whether to save an edited untitled file.
  for (let i = 0; i < 30 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); i++)
    await bounded('closing an editor', vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));
  await bounded('closing the editors', vscode.commands.executeCommand('workbench.action.closeAllEditors'));
}

/** Fails instead of hanging when a workbench command does not finish within 10 s. */
async function bounded(what: string, running: Thenable<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`cleaning the workbench: ${what} did not finish within 10 s`)), 10000);
  });
  try {
    await Promise.race([running, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Presses a key on the page (Playwright key names: "Escape", "Enter", "ArrowDown", "Control+A"). */
export function pressKey(key: string): Promise<Screen> {
  return post('pressKey', { key });
}

/** Presses Escape (closes the quick input or dialog that has the focus); returns the screen afterwards. */
export function escape(): Promise<Screen> {
  return pressKey('Escape');
}

/**
 * Runs a command as a person does: F1 opens the Command Palette, the title is typed (e.g.
 * "Elastic: Test Connection"), and the entry with exactly that label is chosen. The command's own
 * result cannot be awaited this way; check what it shows or changes.
 */
export async function runFromCommandPalette(title: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await pressKey('F1');
  await waitForQuickInput({}, timeoutMs);
  // The leading ">" keeps the palette in command mode after the box was cleared.
  await typeInQuickInput(`>${title}`, { accept: false, timeoutMs });
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await pickQuickInputItem(exact, timeoutMs);
}

/** Saves a picture of the workbench as test-results/<name>.png, for failure evidence; returns its path. */
export async function screenshot(name: string): Promise<string> {
  return (await post<{ path: string }>('screenshot', { name })).path;
}

/**
 * Runs `drive` while `running` (a command started without awaiting) waits for the UI; on a failure
 * saves a screenshot named `name` and presses Escape until the UI is closed, so the command ends
 * and later tests start from a clean workbench. Resolves to the command's result; fails when the
 * command has not finished `commandTimeoutMs` after `drive` returned.
 */
export async function driveCommand<T>(
  name: string,
  running: Thenable<T>,
  drive: () => Promise<void>,
  commandTimeoutMs = 60000,
): Promise<T> {
  // Noted early so a command that fails before the driver finishes is not an unhandled rejection.
  const settled = Promise.resolve(running).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    await drive();
  } catch (error) {
    const picture = await screenshot(`${name}-failure`).catch(() => undefined);
    for (let i = 0; i < 5; i++) {
      const screen = await readScreen().catch(() => undefined);
      if (!screen || (!screen.quickInput && !screen.dialog)) break;
      await escape().catch(() => undefined);
    }
    const message = error instanceof Error ? error.message : String(error);
    // A command that ended early (failed, cancelled) usually explains why the UI did not come.
    const ended = await Promise.race([settled, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000))]);
    const commandState = !ended
      ? 'the command was still running'
      : ended.ok
        ? `the command had ended with ${JSON.stringify(ended.value)?.slice(0, 1500)}`
        : `the command had failed: ${String(ended.error)}`;
    throw new Error(`${message}\n(${commandState})${picture ? `\n(screenshot: ${picture})` : ''}`, { cause: error });
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), commandTimeoutMs)));
  const outcome = await Promise.race([settled, late]);
  clearTimeout(timer);
  if (!outcome) {
    const screen = await readScreen().catch(() => undefined);
    const picture = await screenshot(`${name}-unfinished`).catch(() => undefined);
    await escape().catch(() => undefined);
    throw new Error(
      `the command did not finish within ${commandTimeoutMs} ms after the UI was driven. The screen showed:\n${
        screen ? describeScreen(screen) : '(unreadable)'
      }${picture ? `\n(screenshot: ${picture})` : ''}`,
    );
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
