/**
 * Extension entry point: starts the language server and registers commands. Activation is lazy
 * (a YAML/JSON file is opened or the workspace holds an elasticsearch.yml) and does nothing
 * else at start-up.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions } from 'vscode-languageclient/node';
import { COMMANDS, INTERNAL_COMMANDS } from './commandIds';
import { registerConnectionCommands, type Connections } from './connections/commands';
import { registerConsoleCommands } from './console/provider';
import { registerDiagnosisCommands } from './diagnosis/commands';
import { registerFlowCommands, type FlowsApi } from './flows/commands';
import { registerLanguageStatus } from './languageStatus';
import { createExtensionLog } from './log';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import { languageServerOptions } from './serverProcess';
import { registerRemoteClustersView, type RemoteClustersViewApi } from './views/view';
import { errorText } from './errorText';

let client: LanguageClient | undefined;

/**
 * The in-editor tests' way in, returned from `activate` only when VS Code runs the extension's
 * tests (ExtensionMode.Test). Any installed extension can read another's exports, and these hold
 * the connection store (whose secrets SecretStorage keeps from other extensions), authenticated
 * API clients and the flows' UI seam; so in production and development nothing is exported.
 */
export interface ExtensionApi {
  connections: Connections;
  /** The Remote Clusters view's nodes, for the in-editor tests. */
  remoteClustersView: RemoteClustersViewApi;
  /** Test seam of the guided flows (scripted UI, short timeouts). */
  flows: FlowsApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi | undefined> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions = languageServerOptions(serverModule, TransportKind.ipc);
  const clientOptions: LanguageClientOptions = {
    // The server decides from content which of these documents concern remote clusters.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', language: 'elasticsearch-console' },
      { scheme: 'untitled', language: 'elasticsearch-console' },
    ],
    initializationOptions: {
      stackVersion: vscode.workspace.getConfiguration('elasticRemoteClusters').get<string>('stackVersion') || undefined,
      keystoreCredentialAliases:
        vscode.workspace.getConfiguration('elasticRemoteClusters').get<string[] | null>('keystoreCredentialAliases') ?? undefined,
    },
    outputChannelName: 'Elastic Remote Clusters Language Server',
  };
  client = new LanguageClient('elasticRemoteClusters', 'Elastic Remote Clusters', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showServerStatus, () => showServerStatus()),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Elastic remote clusters language server restarted.');
    }),
    // Used by quick fixes that hand the user a command to run elsewhere (e.g. elasticsearch-keystore add).
    vscode.commands.registerCommand(INTERNAL_COMMANDS.copyToClipboard, async (text: unknown) => {
      if (typeof text !== 'string') return;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`Copied to the clipboard: ${text}`);
    }),
  );

  // Connections (Add/Test/Remove) and their request log; the other features get API clients from the returned object.
  const log = createExtensionLog();
  context.subscriptions.push(log);
  const documents = new ReadOnlyDocuments();
  context.subscriptions.push(documents);
  const connections = registerConnectionCommands(context, log);
  const remoteClustersView = registerRemoteClustersView(context, connections, log, documents);
  const flows = registerFlowCommands(context, connections, log, documents);
  registerConsoleCommands(context, connections, log, documents);
  registerDiagnosisCommands(context, connections, log, documents);
  context.subscriptions.push(registerLanguageStatus(client, log));

  try {
    await client.start();
  } catch (error) {
    // Connections, flows and the view do not need the server: keep them working and say what is off.
    const reason = errorText(error);
    const showOutput = 'Show Output';
    void vscode.window
      .showErrorMessage(
        `The Elastic remote clusters language server did not start (${reason}). Diagnostics, completion and hover are off; connections and flows still work.`,
        showOutput,
      )
      .then((choice) => choice === showOutput && client?.outputChannel.show());
  }
  return exportsFor(context.extensionMode, { connections, remoteClustersView, flows });
}

/** The test seam in test mode; nothing otherwise (see ExtensionApi). */
export function exportsFor(mode: vscode.ExtensionMode, api: ExtensionApi): ExtensionApi | undefined {
  return mode === vscode.ExtensionMode.Test ? api : undefined;
}

/** Reports whether the language server is running; returns the state for tests and scripts. */
async function showServerStatus(): Promise<{ running: boolean; serverName?: string }> {
  const running = client?.isRunning() ?? false;
  const serverName = client?.initializeResult?.serverInfo?.name;
  const message = running
    ? `Elastic remote clusters language server is running (${serverName ?? 'unknown'} ${client?.initializeResult?.serverInfo?.version ?? ''}).`
    : 'Elastic remote clusters language server is not running. Run "Elastic: Restart Language Server".';
  void vscode.window.showInformationMessage(message);
  return { running, serverName };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
