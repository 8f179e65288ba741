/**
 * Language status items for the documents the language server reads: what the server recognised
 * the active file as, the Elasticsearch version its checks assume, and the aliases it believes
 * have keystore credentials, each with a link to the setting that changes it. The server answers
 * `elasticRemoteClusters/documentStatus`; the texts come from languageStatusText.ts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusRequest, type DocumentStatus } from '../../server/src/lsp/protocol';
import { errorText } from './errorText';
import type { ExtensionLog } from './log';
import { presentDocumentStatus, type StatusEntry } from './languageStatusText';

/** The languages the client hands to the server (see documentSelector in extension.ts). */
const LANGUAGES = ['yaml', 'json', 'jsonc', 'elasticsearch-console'];
const REFRESH_DELAY_MS = 300;
const SETTINGS = ['elasticRemoteClusters.stackVersion', 'elasticRemoteClusters.keystoreCredentialAliases'];

export function registerLanguageStatus(client: LanguageClient, log: Pick<ExtensionLog, 'info'>): vscode.Disposable {
  const items = new Map<StatusEntry['id'], vscode.LanguageStatusItem>();
  let ticket = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastLogged: string | undefined;

  const hide = () => {
    for (const item of items.values()) item.dispose();
    items.clear();
  };

  const show = (entries: StatusEntry[]) => {
    const wanted = new Set(entries.map((entry) => entry.id));
    for (const [id, item] of items) {
      if (wanted.has(id)) continue;
      item.dispose();
      items.delete(id);
    }
    for (const entry of entries) {
      let item = items.get(entry.id);
      if (!item) {
        item = vscode.languages.createLanguageStatusItem(`elasticRemoteClusters.${entry.id}`, LANGUAGES);
        items.set(entry.id, item);
      }
      item.name = entry.name;
      item.text = entry.text;
      item.detail = entry.detail;
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = entry.setting
        ? { title: entry.setting.title, command: 'workbench.action.openSettings', arguments: [entry.setting.id] }
        : undefined;
    }
  };

  const refresh = async () => {
    const document = vscode.window.activeTextEditor?.document;
    const mine = ++ticket;
    if (!document || !LANGUAGES.includes(document.languageId) || !client.isRunning()) return hide();
    let status: DocumentStatus;
    try {
      status = await client.sendRequest(DocumentStatusRequest, { uri: document.uri.toString() });
    } catch (error) {
      // A server without the request (or one that is restarting) simply means no status to show.
      if (mine === ticket) hide();
      const message = `Document status not available: ${errorText(error)}`;
      // Once per distinct reason: an editor switch should not add a log line each time.
      if (message !== lastLogged) log.info(message);
      lastLogged = message;
      return;
    }
    // Only the answer for the latest editor and edit counts.
    if (mine !== ticket) return;
    const entries = presentDocumentStatus(status);
    if (entries) show(entries);
    else hide();
  };

  const schedule = (delayMs: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void refresh();
    }, delayMs);
  };

  const subscriptions = [
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((change) => {
      if (change.document === vscode.window.activeTextEditor?.document) schedule(REFRESH_DELAY_MS);
    }),
    vscode.workspace.onDidChangeConfiguration((change) => {
      if (SETTINGS.some((setting) => change.affectsConfiguration(setting))) schedule(REFRESH_DELAY_MS);
    }),
    client.onDidChangeState(() => schedule(0)),
  ];
  schedule(0);

  return {
    dispose() {
      if (timer) clearTimeout(timer);
      ticket++;
      for (const subscription of subscriptions) subscription.dispose();
      hide();
    },
  };
}
