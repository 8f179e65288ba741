/**
 * Diagnose Remote Cluster in a real VS Code against the harness' emulator, on a set-up broken on
 * purpose: the Cloud deployment "prod" (cluster "remote", 8.17) gets an alias pointing at the
 * "local" cluster's remote cluster server, with a REST API key of "local" stored as its credentials,
 * and "local" runs 8.15 (more than one minor older). The diagnosis must find both causes, show its
 * report read-only without the key, and mark the alias in the Remote Clusters view.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConnectionProfile } from '../../../client/src/connections/profile';
import type { DiagnosisReport } from '../../../client/src/diagnosis/engine';
import type { ExtensionApi } from '../../../client/src/extension';
import type { TreeNode } from '../../../client/src/views/nodes';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints, waitFor } from './support';

const ALIAS = 'itest-diag';

async function call(url: string, init: RequestInit & { auth: string }): Promise<unknown> {
  const response = await fetch(url, { ...init, headers: { authorization: init.auth, 'content-type': 'application/json' } });
  assert.ok(response.ok, `${init.method ?? 'GET'} ${url} → ${response.status}`);
  return response.json();
}

export const tests: IntegrationTest[] = [
  {
    name: 'Diagnose Remote Cluster finds a REST key stored as credentials and a version gap, and the view shows the verdict',
    fn: async () => {
      const endpoints = emulatorEndpoints();
      assert.ok(
        endpoints?.cloudUrl && endpoints.cloudApiKey && endpoints.restApiKey,
        'the harness started the emulator with a Cloud API and a REST key',
      );
      const basic = `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}`;
      const cloud = `ApiKey ${endpoints.cloudApiKey}`;
      const encodedRestKey = Buffer.from(endpoints.restApiKey).toString('base64');
      const restKeyId = endpoints.restApiKey.split(':')[0];
      const { deployments } = (await call(`${endpoints.cloudUrl}/api/v1/deployments`, { auth: cloud })) as {
        deployments: Array<{ id: string; name: string }>;
      };
      const prod = deployments.find((deployment) => deployment.name === 'prod');
      assert.ok(prod);
      const keystoreUrl = `${endpoints.cloudUrl}/api/v1/deployments/${prod.id}/elasticsearch/_main/keystore`;

      const { connections, remoteClustersView } = (await activatedExtension()).exports as ExtensionApi;
      const created: ConnectionProfile[] = [];
      try {
        created.push(
          await connections.store.add(
            {
              name: 'itest diag prod',
              kind: 'elasticsearch',
              url: endpoints.clusters.remote.url,
              auth: 'basic',
              username: endpoints.username,
            },
            { password: endpoints.password },
          ),
        );
        created.push(
          await connections.store.add(
            {
              name: 'itest diag local',
              kind: 'elasticsearch',
              url: endpoints.clusters.local.url,
              auth: 'basic',
              username: endpoints.username,
            },
            { password: endpoints.password },
          ),
        );
        const [prodConnection, localConnection] = created;

        // The planted causes: a REST key as the alias' credentials; seeds at the remote cluster server of "local".
        await call(keystoreUrl, {
          method: 'PATCH',
          auth: cloud,
          body: JSON.stringify({ secrets: { [`cluster.remote.${ALIAS}.credentials`]: { value: encodedRestKey } } }),
        });
        await call(`${endpoints.clusters.remote.url}/_cluster/settings`, {
          method: 'PUT',
          auth: basic,
          body: JSON.stringify({ persistent: { [`cluster.remote.${ALIAS}.seeds`]: ['local.emulated.local:9443'] } }),
        });

        const report = await vscode.commands.executeCommand<DiagnosisReport>('elasticRemoteClusters.diagnoseRemoteCluster', {
          connectionId: prodConnection.id,
          alias: ALIAS,
          remoteConnectionId: localConnection.id,
          keyId: restKeyId,
          quiet: true,
          // The emulated transport addresses exist on no network; the network checks have their own tests.
          skipNetwork: true,
        });
        assert.ok(report, 'the command returned its report');
        const byId = new Map(report.outcomes.map((outcome) => [outcome.id, outcome]));
        assert.equal(byId.get('local.alias')?.status, 'passed');
        assert.equal(byId.get('local.connected')?.status, 'failed');
        assert.equal(byId.get('local.resolve')?.status, 'failed');
        assert.match(byId.get('local.resolve')?.evidence.join(' ') ?? '', /expected API key type of \[cross_cluster\]/);
        assert.equal(byId.get('credentials.key')?.status, 'failed');
        assert.match(byId.get('credentials.key')?.fix ?? '', /REST API key/);
        assert.equal(byId.get('versions.ccs')?.status, 'warning', byId.get('versions.ccs')?.evidence.join(' '));
        assert.equal(byId.get('network.tcp')?.status, 'not-checked');

        const shown = await waitFor('the report document', () =>
          vscode.workspace.textDocuments.find(
            (document) => document.uri.scheme === 'elastic-remote-clusters' && document.uri.path === `/diagnosis-${ALIAS}.md`,
          ),
        );
        const text = shown.getText();
        assert.match(text, /❌ failed — The cross-cluster API key on the remote/);
        assert.ok(
          !text.includes(encodedRestKey) && !text.includes(endpoints.restApiKey.split(':')[1]),
          'the key is not in the report',
        );

        const remoteNode = await waitFor('the alias node with its last diagnosis', async () => {
          const roots = await remoteClustersView.children();
          const connectionNode = roots.find((node) => node.connectionId === prodConnection.id);
          if (!connectionNode) return undefined;
          const children: TreeNode[] = await remoteClustersView.children(connectionNode);
          const node = children.find((child) => child.alias === ALIAS);
          return node && /Last diagnosis/.test(node.tooltip) ? node : undefined;
        });
        assert.equal(remoteNode.icon.id, 'bug');

        const explained = await vscode.commands.executeCommand<string[]>(
          'elasticRemoteClusters.explainError',
          byId.get('local.resolve')?.evidence.join('\n'),
        );
        assert.deepEqual(explained, ['wrong-key-type']);
      } finally {
        await call(`${endpoints.clusters.remote.url}/_cluster/settings`, {
          method: 'PUT',
          auth: basic,
          body: JSON.stringify({ persistent: { [`cluster.remote.${ALIAS}.seeds`]: null } }),
        }).catch(() => undefined);
        await call(keystoreUrl, {
          method: 'PATCH',
          auth: cloud,
          body: JSON.stringify({ secrets: { [`cluster.remote.${ALIAS}.credentials`]: null } }),
        }).catch(() => undefined);
        for (const profile of created) await connections.store.remove(profile.id).catch(() => undefined);
      }
    },
  },
];
