/**
 * Console request files in the editor: a "Send request" CodeLens on every request, the connection
 * each file sends to (asked once, remembered per file in the workspace state), and the response in
 * a read-only editor beside the file (one per request file, replaced on every send).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONSOLE_LANGUAGE_ID } from '#core';
import { COMMANDS } from '../commandIds';
import type { Connections } from '../connections/commands';
import { describeProfile, type ConnectionProfile } from '../connections/profile';
import type { ExtensionLog } from '../log';
import type { ReadOnlyDocuments } from '../readOnlyDocuments';
import { describeError } from '../errorText';
import {
  connectionKindsFor,
  consoleRequests,
  formatFailure,
  formatResponse,
  prepareRequest,
  requestAt,
  secretFields,
  sendPrepared,
  type PreparedRequest,
} from './request';

/** What a new request file starts with: the requests that check and use a remote cluster. */
export const NEW_CONSOLE_FILE = [
  '# Requests in this file go to the connection named above each request; "Send request" sends one.',
  '# The response opens beside this file.',
  '',
  '# Which remote clusters does this cluster know, and are they connected?',
  'GET _remote/info',
  '',
  "# Search a remote cluster's indices as <alias>:<index pattern>.",
  'GET my-remote:logs-*/_search',
  '{',
  '  "size": 5,',
  '  "query": { "match_all": {} }',
  '}',
  '',
].join('\n');

const STATE_KEY = 'elasticRemoteClusters.consoleConnections';

/** What the send command returns (for tests and scripts). */
export interface ConsoleSendResult {
  status?: number;
  /** The response editor's document. */
  responseUri?: string;
  problem?: string;
}

class SendLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly connectionName: (uri: vscode.Uri) => string | undefined) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const chosen = this.connectionName(document.uri);
    return consoleRequests(document.getText()).flatMap((request) => {
      const range = new vscode.Range(document.positionAt(request.lineSpan.start), document.positionAt(request.lineSpan.end));
      return [
        new vscode.CodeLens(range, {
          title: '$(play) Send request',
          tooltip: `Send ${request.method} ${request.path}`,
          command: COMMANDS.sendConsoleRequest,
          arguments: [document.uri, request.lineSpan.start],
        }),
        new vscode.CodeLens(range, {
          title: chosen ? `to ${chosen}` : 'choose connection',
          tooltip: "The connection this file's requests go to",
          command: COMMANDS.chooseConsoleConnection,
          arguments: [document.uri],
        }),
      ];
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerConsoleCommands(
  context: vscode.ExtensionContext,
  connections: Connections,
  log: ExtensionLog,
  documents: ReadOnlyDocuments,
): void {
  const remembered = (): Record<string, string> => context.workspaceState.get<Record<string, string>>(STATE_KEY) ?? {};
  const profileFor = (uri: vscode.Uri): ConnectionProfile | undefined => {
    const id = remembered()[uri.toString()];
    return id ? connections.store.get(id) : undefined;
  };
  const lenses = new SendLenses((uri) => profileFor(uri)?.name);
  const remember = async (uri: vscode.Uri, profile: ConnectionProfile) => {
    await context.workspaceState.update(STATE_KEY, { ...remembered(), [uri.toString()]: profile.id });
    lenses.refresh();
  };

  const chooseConnection = async (
    uri: vscode.Uri,
    prepared?: Pick<PreparedRequest, 'service'>,
  ): Promise<ConnectionProfile | undefined> => {
    const kinds = prepared ? connectionKindsFor(prepared) : (['elasticsearch', 'cloud', 'ece'] as const);
    const profiles = connections.store.list().filter((profile) => (kinds as readonly string[]).includes(profile.kind));
    if (profiles.length === 0) {
      const add = 'Add Connection';
      const choice = await vscode.window.showErrorMessage(
        prepared?.service === 'cloud'
          ? 'This request needs an Elastic Cloud or ECE connection, and none is saved.'
          : 'No Elasticsearch connection is saved yet.',
        add,
      );
      if (choice === add) void vscode.commands.executeCommand(COMMANDS.addConnection);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      profiles.map((profile) => ({ label: profile.name, description: describeProfile(profile), profile })),
      { placeHolder: `Where should the requests of ${path.basename(uri.path)} go?` },
    );
    if (picked) await remember(uri, picked.profile);
    return picked?.profile;
  };

  const send = async (target?: unknown, offsetArgument?: unknown, connectionId?: unknown): Promise<ConsoleSendResult> => {
    try {
      const editor = vscode.window.activeTextEditor;
      const uri =
        target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : editor?.document.uri;
      if (!uri) return { problem: 'Open a Console request file (.es or .console) first.' };
      const document = await vscode.workspace.openTextDocument(uri);
      const offset =
        typeof offsetArgument === 'number'
          ? offsetArgument
          : editor && editor.document.uri.toString() === uri.toString()
            ? document.offsetAt(editor.selection.active)
            : 0;
      const text = document.getText();
      const found = requestAt(text, offset);
      if (!found) {
        void vscode.window.showWarningMessage(
          'There is no request here: a request starts with a line such as "GET _remote/info".',
        );
        return { problem: 'no request' };
      }
      const preparing = prepareRequest(text, found.request);
      if (!preparing.ok) {
        void vscode.window.showErrorMessage(preparing.problem);
        return { problem: preparing.problem };
      }
      const prepared = preparing.value;
      let profile = typeof connectionId === 'string' ? connections.store.get(connectionId) : profileFor(uri);
      if (profile && typeof connectionId === 'string') await remember(uri, profile);
      if (profile && !connectionKindsFor(prepared).includes(profile.kind)) profile = undefined;
      profile ??= await chooseConnection(uri, prepared);
      if (!profile) return { problem: 'no connection' };
      const chosen = profile;
      let shown: string;
      let status: number | undefined;
      const secrets: ReturnType<typeof secretFields> = [];
      try {
        const response = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: `Sending ${prepared.label}…` },
          async () => {
            const clients = await connections.openClients(chosen);
            try {
              return await sendPrepared(clients, prepared);
            } finally {
              await clients.close();
            }
          },
        );
        status = response.status;
        secrets.push(...secretFields(response.body));
        for (const secret of secrets) log.redactor.add(secret.value);
        shown = formatResponse(prepared, chosen.name, response, secrets);
      } catch (error) {
        shown = formatFailure(prepared, chosen.name, describeError(error));
      }
      // One response document per request file, replaced on every send.
      const responseDocument = await documents.show(`${path.basename(uri.path)} response.jsonc`, shown, {
        key: uri.toString(),
        beside: true,
        preserveFocus: true,
        preview: true,
      });
      if (secrets.length) offerSecrets(secrets);
      return { status, responseUri: responseDocument.uri.toString() };
    } catch (error) {
      const problem = describeError(error);
      void vscode.window.showErrorMessage(`The request could not be sent: ${problem}`);
      return { problem };
    }
  };

  context.subscriptions.push(
    lenses,
    vscode.languages.registerCodeLensProvider({ language: CONSOLE_LANGUAGE_ID }, lenses),
    connections.store.onDidChange(() => lenses.refresh()),
    vscode.commands.registerCommand(COMMANDS.sendConsoleRequest, send),
    vscode.commands.registerCommand(COMMANDS.newConsoleFile, async () => {
      const document = await vscode.workspace.openTextDocument({ language: CONSOLE_LANGUAGE_ID, content: NEW_CONSOLE_FILE });
      await vscode.window.showTextDocument(document);
      return document.uri.toString();
    }),
    vscode.commands.registerCommand(COMMANDS.chooseConsoleConnection, async (target?: unknown) => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      return uri ? (await chooseConnection(uri))?.id : undefined;
    }),
  );
}

/** Secrets are hidden in the response editor; each can be copied on request. */
function offerSecrets(secrets: Array<{ path: string; value: string }>): void {
  const actions = secrets.slice(0, 3).map((secret) => `Copy ${secret.path}`);
  void vscode.window
    .showInformationMessage(
      `The response holds secret values (${secrets.map((secret) => secret.path).join(', ')}); they are hidden in the editor.`,
      ...actions,
    )
    .then(async (choice) => {
      const secret = secrets.find((candidate) => `Copy ${candidate.path}` === choice);
      if (secret) {
        await vscode.env.clipboard.writeText(secret.value);
        void vscode.window.showInformationMessage(`Copied ${secret.path} to the clipboard.`);
      }
    });
}
