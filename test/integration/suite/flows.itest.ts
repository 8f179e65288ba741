/**
 * The guided flows in a real VS Code, against the emulator the harness started (clusters "local"
 * 8.15 and "remote" 8.17, the latter being the Cloud deployment "prod"). Quick inputs cannot be
 * clicked from here, so the commands run with their argument objects and a scripted UI installed
 * through the extension's `flows.useUi` test seam; everything else — the command registry, the
 * bundled extension, its API clients, the Cloud keystore, CodeLens and the response editor — is real.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { FlowResult } from '../../../client/src/flows/changes';
import type { ConsoleSendResult } from '../../../client/src/console/provider';
import type { ConnectionProfile } from '../../../client/src/connections/profile';
import { CONNECTION_DEFAULTS, ScriptedFlowUi } from '../../unit/client/flows/support';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints, EXTENSION_ID, waitFor } from './support';

const ALIAS = 'itest-flow';

/** Connections saved by the first test and removed by the last. */
const saved: { hosted?: ConnectionProfile; selfManaged?: ConnectionProfile; cloud?: ConnectionProfile } = {};

async function api(): Promise<ExtensionApi> {
  return (await activatedExtension()).exports as ExtensionApi;
}

async function remoteInfo(url: string): Promise<Record<string, { connected: boolean; cluster_credentials?: string }>> {
  const endpoints = emulatorEndpoints();
  assert.ok(endpoints);
  const response = await fetch(`${url}/_remote/info`, {
    headers: { authorization: `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, { connected: boolean; cluster_credentials?: string }>;
}

export const tests: IntegrationTest[] = [
  {
    name: 'Add Remote Cluster (API key, Elastic Cloud keystore) runs end to end and the clusters connect',
    fn: async () => {
      const endpoints = emulatorEndpoints();
      assert.ok(endpoints?.cloudUrl && endpoints.cloudApiKey, 'the harness started the emulator with a Cloud API');
      const { connections, flows } = await api();
      saved.hosted = await connections.store.add(
        {
          name: 'itest hosted',
          kind: 'elasticsearch',
          url: endpoints.clusters.remote.url,
          auth: 'basic',
          username: endpoints.username,
        },
        { password: endpoints.password },
      );
      saved.selfManaged = await connections.store.add(
        {
          name: 'itest self-managed',
          kind: 'elasticsearch',
          url: endpoints.clusters.local.url,
          auth: 'basic',
          username: endpoints.username,
        },
        { password: endpoints.password },
      );
      saved.cloud = await connections.store.add(
        { name: 'itest cloud', kind: 'cloud', url: endpoints.cloudUrl, auth: 'apiKey' },
        { apiKey: endpoints.cloudApiKey },
      );

      const ui = new ScriptedFlowUi(
        [
          { pick: /^Elastic Cloud Hosted/ },
          { pick: /^prod$/ },
          { pick: /Enter the address/ },
          { type: 'local.emulated.local:9443' },
          { type: '' },
          CONNECTION_DEFAULTS,
          { type: ALIAS },
          { type: 'logs-*' },
          { type: '' },
          // A Cloud deployment connecting to a self-managed cluster: who issued the proxy's certificate.
          { pick: /^A public CA/ },
        ],
        { confirm: [{ match: /^Make these changes\?/, answer: true }] },
      );
      flows.useUi(ui);
      flows.useTiming({ connectTimeoutMs: 15000, pollIntervalMs: 200 });
      try {
        const result = await vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.addRemoteCluster', {
          localConnectionId: saved.hosted.id,
          remoteConnectionId: saved.selfManaged.id,
          model: 'api-key',
        });
        assert.equal(result.outcome, 'completed', result.report);
        assert.equal(ui.remainingAnswers, 0);
        assert.match(
          ui.confirmations[0].detail,
          /In the keystore of deployment "prod": set cluster\.remote\.itest-flow\.credentials/,
        );
        const info = await remoteInfo(endpoints.clusters.remote.url);
        assert.equal(info[ALIAS]?.connected, true);
        assert.equal(info[ALIAS]?.cluster_credentials, '::es_redacted::', 'the API-key model is in use');
      } finally {
        flows.useUi(undefined);
        flows.useTiming(undefined);
      }
    },
  },
  {
    name: 'a Console file gets Send request CodeLenses, and sending shows the response beside it',
    fn: async () => {
      assert.ok(saved.hosted, 'the previous test saved the connections');
      const document = await vscode.workspace.openTextDocument({
        language: 'elasticsearch-console',
        content: `# status of the remote clusters\nGET _remote/info\n`,
      });
      await vscode.window.showTextDocument(document);
      const lenses = await waitFor('the CodeLenses', async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
        return found?.length ? found : undefined;
      });
      const send = lenses.find((lens) => lens.command?.command === 'elasticRemoteClusters.sendConsoleRequest');
      assert.match(send?.command?.title ?? '', /Send request/);
      assert.equal(send?.range.start.line, 1);

      const result = await vscode.commands.executeCommand<ConsoleSendResult>(
        'elasticRemoteClusters.sendConsoleRequest',
        document.uri,
        document.offsetAt(new vscode.Position(1, 0)),
        saved.hosted.id,
      );
      assert.equal(result.status, 200, result.problem);
      const response = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === result.responseUri);
      assert.ok(response, 'the response editor is open');
      assert.match(response.getText(), /^\/\/ GET _remote\/info\n\/\/ 200 OK · itest hosted/);
      assert.match(response.getText(), new RegExp(`"${ALIAS}": \\{[^}]*"connected": true`));
      assert.ok(
        vscode.window.visibleTextEditors.some((editor) => editor.document === response),
        'shown beside the request file',
      );
    },
  },
  {
    name: "Remove Remote Cluster with the view's argument object asks only for the confirmation and the alias is gone",
    fn: async () => {
      const endpoints = emulatorEndpoints();
      assert.ok(endpoints && saved.hosted);
      const { connections, flows } = await api();
      const ui = new ScriptedFlowUi([], {
        confirm: [{ match: new RegExp(`Remove the remote cluster "${ALIAS}"`), answer: true }],
      });
      flows.useUi(ui);
      try {
        const result = await vscode.commands.executeCommand<FlowResult>('elasticRemoteClusters.removeRemoteCluster', {
          connectionId: saved.hosted.id,
          alias: ALIAS,
        });
        assert.equal(result.outcome, 'completed', result.report);
        assert.equal(ui.shown.length, 0);
        assert.equal((await remoteInfo(endpoints.clusters.remote.url))[ALIAS], undefined);
        assert.match(result.report, /used a cross-cluster API key/);
      } finally {
        flows.useUi(undefined);
        for (const profile of [saved.hosted, saved.selfManaged, saved.cloud])
          if (profile) await connections.store.remove(profile.id);
      }
    },
  },
  {
    name: 'the getting-started walkthrough is contributed and opens',
    fn: async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      const walkthroughs =
        (extension?.packageJSON as { contributes?: { walkthroughs?: Array<{ id: string; steps: Array<{ id: string }> }> } })
          .contributes?.walkthroughs ?? [];
      const walkthrough = walkthroughs.find((candidate) => candidate.id === 'elasticRemoteClusters.gettingStarted');
      assert.deepEqual(
        walkthrough?.steps.map((step) => step.id),
        ['connections', 'test', 'remoteServer', 'addRemote', 'console'],
      );
      await vscode.commands.executeCommand(
        'workbench.action.openWalkthrough',
        `${EXTENSION_ID}#elasticRemoteClusters.gettingStarted`,
        false,
      );
    },
  },
];
