/**
 * Registers the guided flows (Add/Remove Remote Cluster, Create Cross-Cluster API Key, Add Trusted
 * Environment, Edit Trust). Each command takes an optional argument object (from the
 * remote-clusters view or a script), returns a result object, and never throws into VS Code.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Connections } from '../connections/commands';
import type { ExtensionLog } from '../log';
import type { ReadOnlyDocuments } from '../readOnlyDocuments';
import { describeError } from '../errorText';
import { addRemoteCluster, type AddRemoteClusterArgs } from './addRemoteCluster';
import type { FlowResult } from './changes';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS, type FlowContext } from './context';
import { createCrossClusterApiKey } from './createApiKey';
import { changeCrossClusterApiKey } from './changeApiKey';
import { migrateToApiKeyModel } from './migrateToApiKey';
import { ECK_CERTIFICATE_TRUST_TITLE, eckCertificateTrust } from './eckCertificateTrust';
import { editRemoteCluster } from './editRemoteCluster';
import { removeRemoteCluster } from './removeRemoteCluster';
import { addTrustedEnvironment, editTrust } from './trust';
import { createTrustRelationship, exportTrustParameters, removeTrustRelationship } from './trustRelationships';
import type { FlowUi } from './ui';
import { vscodeFlowUi } from './vscodeUi';

/**
 * Test seam, reachable through the extension's exports: in-editor tests cannot click quick inputs,
 * so they drive a flow with a scripted UI. `useUi(undefined)` restores the real one.
 */
export interface FlowsApi {
  useUi(ui: FlowUi | undefined): void;
  /** True while a scripted UI replaces the real one (tests that drive the real UI assert it is false). */
  scriptedUiInstalled(): boolean;
  /** The real VS Code UI, for a scripted UI that still shows documents as a user would see them. */
  realUi: FlowUi;
  /** Overrides the connect timeout (milliseconds) and poll interval of later flows; undefined restores the setting. */
  useTiming(timing: { connectTimeoutMs: number; pollIntervalMs: number } | undefined): void;
}

export function registerFlowCommands(
  context: vscode.ExtensionContext,
  connections: Connections,
  log: ExtensionLog,
  documents: ReadOnlyDocuments,
): FlowsApi {
  const realUi = vscodeFlowUi(documents);
  let uiOverride: FlowUi | undefined;
  let timingOverride: { connectTimeoutMs: number; pollIntervalMs: number } | undefined;

  const flowContext = (): FlowContext => {
    const seconds = vscode.workspace
      .getConfiguration('elasticRemoteClusters')
      .get<number>('remoteConnectTimeoutSeconds', DEFAULT_CONNECT_TIMEOUT_SECONDS);
    return {
      ui: uiOverride ?? realUi,
      connections: { list: () => connections.store.list(), open: (profile) => connections.openClients(profile) },
      log,
      timing: {
        connectTimeoutMs:
          timingOverride?.connectTimeoutMs ?? Math.max(5, Math.min(600, seconds || DEFAULT_CONNECT_TIMEOUT_SECONDS)) * 1000,
        pollIntervalMs: timingOverride?.pollIntervalMs ?? 2000,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: () => Date.now(),
      },
      manifests: {
        openYamlDocuments: () =>
          vscode.workspace.textDocuments
            .filter((document) => document.languageId === 'yaml' && !document.isClosed)
            .map((document) => ({
              uri: document.uri.toString(),
              label: path.basename(document.uri.path),
              text: document.getText(),
            })),
        applyEdits: async (uri, edits, options) => {
          const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
          if (!document) return false;
          const edit = new vscode.WorkspaceEdit();
          // needsConfirmation: VS Code shows the change in its refactor preview (a diff) and applies it only when accepted.
          const metadata = options?.preview ? { label: 'Manifest change', needsConfirmation: true } : undefined;
          for (const change of edits)
            edit.replace(
              document.uri,
              new vscode.Range(document.positionAt(change.span.start), document.positionAt(change.span.end)),
              change.newText,
              metadata,
            );
          const applied = await vscode.workspace.applyEdit(edit);
          if (applied) await vscode.window.showTextDocument(document, { preview: false });
          return applied;
        },
      },
      refreshViews: async () => {
        try {
          await vscode.commands.executeCommand(COMMANDS.refreshRemoteClusters);
        } catch {
          // A failed refresh only leaves the view stale until its next refresh; the flow's outcome stands.
        }
      },
    };
  };

  /** Runs a flow; an unexpected error becomes a message and a failed result instead of an exception in VS Code. */
  const guarded =
    <A>(name: string, flow: (context: FlowContext, args: A) => Promise<FlowResult>) =>
    async (args?: unknown): Promise<FlowResult> => {
      const context = flowContext();
      try {
        return await flow(context, (args && typeof args === 'object' ? args : {}) as A);
      } catch (error) {
        const problem = `${name} stopped: ${describeError(error)}`;
        log.error(problem);
        void context.ui.notify('error', problem);
        return { outcome: 'failed', done: [], undone: [], report: problem };
      }
    };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      COMMANDS.addRemoteCluster,
      guarded<AddRemoteClusterArgs>('Add Remote Cluster', addRemoteCluster),
    ),
    vscode.commands.registerCommand(COMMANDS.removeRemoteCluster, guarded('Remove Remote Clusters', removeRemoteCluster)),
    vscode.commands.registerCommand(COMMANDS.editRemoteCluster, guarded('Edit Remote Cluster', editRemoteCluster)),
    vscode.commands.registerCommand(
      COMMANDS.createCrossClusterApiKey,
      guarded('Create Cross-Cluster API Key', createCrossClusterApiKey),
    ),
    vscode.commands.registerCommand(
      COMMANDS.changeCrossClusterApiKey,
      guarded('Change Cross-Cluster API Key', changeCrossClusterApiKey),
    ),
    vscode.commands.registerCommand(COMMANDS.migrateToApiKeyModel, guarded('Migrate to the API-Key Model', migrateToApiKeyModel)),
    vscode.commands.registerCommand(COMMANDS.addTrustedEnvironment, guarded('Add Trusted Environment', addTrustedEnvironment)),
    vscode.commands.registerCommand(COMMANDS.editTrust, guarded('Edit Trust', editTrust)),
    vscode.commands.registerCommand(COMMANDS.trustEceFromEck, guarded(ECK_CERTIFICATE_TRUST_TITLE, eckCertificateTrust)),
    vscode.commands.registerCommand(
      COMMANDS.exportEceTrustParameters,
      guarded('Export ECE Trust Parameters', exportTrustParameters),
    ),
    vscode.commands.registerCommand(
      COMMANDS.createEceTrustRelationship,
      guarded('Create ECE Trust Relationship', createTrustRelationship),
    ),
    vscode.commands.registerCommand(
      COMMANDS.removeEceTrustRelationship,
      guarded('Remove ECE Trust Relationship', removeTrustRelationship),
    ),
  );
  return {
    useUi: (ui) => (uiOverride = ui),
    scriptedUiInstalled: () => uiOverride !== undefined,
    realUi,
    useTiming: (timing) => (timingOverride = timing),
  };
}
