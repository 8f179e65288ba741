/**
 * VS Code glue for the diagnosis: Elastic: Diagnose Remote Cluster (palette, tree item, code lens)
 * and Elastic: Explain Remote Cluster Error. The command asks only for what its argument lacks,
 * runs the checks with a progress notification, shows the report read-only, remembers the verdict
 * for the tree, and offers the fixing actions the report found. Returns the report (for tests).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ApiError } from '../api/errors';
import { loadCaFile } from '../api/http';
import type { Connections } from '../connections/commands';
import type { ConnectionClients } from '../connections/clients';
import type { ConnectionProfile } from '../connections/profile';
import type { ExtensionLog } from '../log';
import type { ReadOnlyDocuments } from '../readOnlyDocuments';
import { errorText } from '../errorText';
import { localProbe, remoteProbe } from './clusterProbes';
import { aliasAnchors } from './aliases';
import { DiagnoseCodeLensProvider } from './codeLens';
import { explainError, renderExplanation } from './errorCatalogue';
import { renderReport, runDiagnosis, summarize, verdictOf, type DiagnosisReport } from './engine';
import { lastDiagnoses } from './lastDiagnosis';
import type { FixAction, NetworkProbe, RemoteClusterProbe } from './checkContext';
import { createNetworkProbe } from './network';

export interface DiagnoseArgs {
  connectionId?: string;
  alias?: string;
  /** The connection to the remote cluster; null: diagnose without one (and do not ask). */
  remoteConnectionId?: string | null;
  /** Id of the cross-cluster API key to look for on the remote. */
  keyId?: string;
  /** Tests: do not offer the fixing actions (a notification would wait for a click). */
  quiet?: boolean;
  /** Leave out the network checks (this machine cannot reach the clusters' network, or tests with virtual addresses). */
  skipNetwork?: boolean;
}

export function registerDiagnosisCommands(
  context: vscode.ExtensionContext,
  connections: Connections,
  log: ExtensionLog,
  documents: ReadOnlyDocuments,
): void {
  const lenses = new DiagnoseCodeLensProvider(() => connections.store.list());
  context.subscriptions.push(
    lenses,
    connections.store.onDidChange(() => lenses.refresh()),
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'file', language: 'json' },
        { scheme: 'file', language: 'jsonc' },
        { scheme: 'untitled', language: 'yaml' },
        { scheme: 'untitled', language: 'json' },
      ],
      lenses,
    ),
    vscode.commands.registerCommand(COMMANDS.diagnoseRemoteCluster, async (argument?: unknown) => {
      try {
        return await diagnose(connections, log, documents, isRecord(argument) ? (argument as DiagnoseArgs) : {});
      } catch (error) {
        const message = log.redactor.scrub(errorText(error));
        log.error(`Diagnose Remote Cluster failed: ${message}`);
        void vscode.window.showErrorMessage(`Diagnose Remote Cluster could not run: ${message}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMANDS.explainError, (argument?: unknown) =>
      explain(documents, typeof argument === 'string' ? argument : undefined),
    ),
  );
}

async function diagnose(
  connections: Connections,
  log: ExtensionLog,
  documents: ReadOnlyDocuments,
  args: DiagnoseArgs,
): Promise<DiagnosisReport | undefined> {
  const candidates = connections.store.list().filter((profile) => profile.kind === 'elasticsearch');
  const local = args.connectionId
    ? connections.store.get(args.connectionId)
    : await pickProfile(candidates, 'Diagnose a remote cluster of which connection (the local cluster)?');
  if (!local) {
    if (args.connectionId) void vscode.window.showErrorMessage(`No saved connection has the id "${args.connectionId}".`);
    else if (candidates.length === 0)
      void vscode.window.showInformationMessage('Add an Elasticsearch connection first ("Elastic: Add Connection").');
    return undefined;
  }
  const opened: ConnectionClients[] = [];
  try {
    const localClients = await connections.openClients(local);
    opened.push(localClients);
    if (localClients.kind !== 'elasticsearch')
      throw new ApiError('configuration', `"${local.name}" is not an Elasticsearch connection.`);
    const localCluster = localProbe(localClients.elasticsearch);

    const alias = args.alias ?? (await pickAlias(localCluster));
    if (!alias) return undefined;

    const others = candidates.filter((profile) => profile.id !== local.id);
    const remoteProfile =
      args.remoteConnectionId === null
        ? undefined
        : args.remoteConnectionId
          ? connections.store.get(args.remoteConnectionId)
          : others.length
            ? await pickProfile(
                others,
                `Which connection is the remote cluster "${alias}"? (Esc: none; its keys are then not checked)`,
              )
            : undefined;
    let remote: RemoteClusterProbe | undefined;
    let caPem: string | undefined;
    let caLabel: string | undefined;
    if (remoteProfile) {
      const remoteClients = await connections.openClients(remoteProfile);
      opened.push(remoteClients);
      if (remoteClients.kind === 'elasticsearch') remote = remoteProbe(remoteProfile.name, remoteClients.elasticsearch);
      if (remoteProfile.caFile) {
        const loaded = await loadCaFile(remoteProfile.caFile);
        if (loaded.ok) {
          caPem = loaded.value;
          caLabel = `the CA file of connection "${remoteProfile.name}"`;
        }
      }
    }

    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Diagnosing remote cluster "${alias}" of ${local.name}…` },
      () =>
        runDiagnosis({
          alias,
          localConnectionName: local.name,
          localConnectionId: local.id,
          local: localCluster,
          remote,
          keyHint: args.keyId ? { id: args.keyId } : undefined,
          caPem,
          caLabel,
          network: args.skipNetwork ? offlineNetwork : createNetworkProbe(),
        }),
    );
    const summary = summarize(report);
    lastDiagnoses.set(local.id, alias, { verdict: verdictOf(report), summary, at: new Date(report.startedAt).toLocaleString() });
    log.info(`Diagnosed remote cluster "${alias}" of "${local.name}": ${summary}`);
    await documents.show(`diagnosis-${alias.replace(/[^\w.-]/g, '_')}.md`, log.redactor.scrub(renderReport(report)), {
      key: `diagnosis/${local.id}/${alias}`,
    });
    // The tree reloads: the new verdict shows, and resolve-cluster may have reconnected the remote.
    void vscode.commands.executeCommand(COMMANDS.refreshRemoteClusters);
    if (!args.quiet) void offerActions(report, local);
    return report;
  } finally {
    for (const clients of opened) await clients.close().catch(() => undefined);
  }
}

/** Stands in for the network when it is skipped: every network check then says "not checked". */
const offlineNetwork: NetworkProbe = {
  probe: async (address) => {
    throw new Error(`network checks were skipped, so ${address} was not probed`);
  },
};

async function pickProfile(profiles: ConnectionProfile[], placeHolder: string): Promise<ConnectionProfile | undefined> {
  if (profiles.length === 0) return undefined;
  const picked = await vscode.window.showQuickPick(
    profiles.map((profile) => ({ label: profile.name, description: profile.url ?? profile.cloudId, profile })),
    { placeHolder },
  );
  return picked?.profile;
}

async function pickAlias(local: ReturnType<typeof localProbe>): Promise<string | undefined> {
  const known = await local.remoteInfo().then(Object.keys, () => [] as string[]);
  if (known.length === 0)
    return vscode.window.showInputBox({
      prompt: 'Remote cluster alias to diagnose (GET _remote/info lists none)',
      ignoreFocusOut: true,
    });
  return vscode.window.showQuickPick(known, { placeHolder: 'Diagnose which remote cluster?' });
}

const ACTION_LABELS: Record<FixAction['kind'], string> = {
  openSetting: 'Open the Setting',
  addTrustedEnvironment: 'Add Trusted Environment',
  createApiKey: 'Create Cross-Cluster API Key',
  addRole: 'Open node.roles',
  explainError: 'Explain the Error',
};

async function offerActions(report: DiagnosisReport, local: ConnectionProfile): Promise<void> {
  const actions = new Map<string, FixAction>();
  for (const outcome of report.outcomes) {
    if (
      outcome.action &&
      (outcome.status === 'failed' || outcome.status === 'warning') &&
      !actions.has(ACTION_LABELS[outcome.action.kind])
    ) {
      actions.set(ACTION_LABELS[outcome.action.kind], outcome.action);
    }
  }
  const verdict = verdictOf(report);
  const message = `"${report.alias}": ${summarize(report)}`;
  const buttons = [...actions.keys()].slice(0, 3);
  const choice =
    verdict === 'failed'
      ? await vscode.window.showErrorMessage(message, ...buttons)
      : verdict === 'warning'
        ? await vscode.window.showWarningMessage(message, ...buttons)
        : await vscode.window.showInformationMessage(message);
  const action = choice ? actions.get(choice) : undefined;
  if (!action) return;
  switch (action.kind) {
    case 'addTrustedEnvironment':
      await vscode.commands.executeCommand(COMMANDS.addTrustedEnvironment, { connectionId: action.connectionId });
      return;
    case 'createApiKey':
      await vscode.commands.executeCommand(COMMANDS.createCrossClusterApiKey);
      return;
    case 'explainError':
      await vscode.commands.executeCommand(COMMANDS.explainError, action.text);
      return;
    case 'openSetting':
      await openInWorkspace(
        (text, uri) => aliasAnchors(uri, text).find((anchor) => anchor.alias === action.alias)?.offset,
        `cluster.remote.${action.alias}.${action.setting}`,
        local,
      );
      return;
    case 'addRole':
      await openInWorkspace((text) => firstMatch(text, /^\s*node\.roles\s*:|^\s*roles\s*:/m), 'node.roles', local);
      return;
  }
}

/** Opens the first elasticsearch.yml in the workspace where `locate` finds the setting; says so when none does. */
async function openInWorkspace(
  locate: (text: string, uri: string) => number | undefined,
  what: string,
  local: ConnectionProfile,
): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*elasticsearch.{yml,yaml}', '**/node_modules/**', 20);
  for (const file of files) {
    const document = await vscode.workspace.openTextDocument(file);
    const offset = locate(document.getText(), file.toString());
    if (offset === undefined) continue;
    const position = document.positionAt(offset);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
    return;
  }
  void vscode.window.showInformationMessage(
    `${what} is not in an elasticsearch.yml of this workspace. If it lives in the cluster settings of "${local.name}", change it with PUT _cluster/settings (or Remove / Add Remote Cluster); otherwise edit elasticsearch.yml on the nodes.`,
  );
}

function firstMatch(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? match.index + (match[0].length - match[0].trimStart().length) : undefined;
}

async function explain(documents: ReadOnlyDocuments, given: string | undefined): Promise<string[] | undefined> {
  let text = given;
  if (text === undefined) {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
    text =
      selected ||
      (await vscode.window.showInputBox({
        prompt: 'Paste an Elasticsearch error or log line about remote clusters',
        ignoreFocusOut: true,
      }));
  }
  if (!text?.trim()) return undefined;
  await documents.show('remote-cluster-error.md', renderExplanation(text), { key: 'explain-error', preview: true });
  return explainError(text).map((entry) => entry.id);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}
