/**
 * The Remote Clusters view in a real VS Code, against the emulator the harness started: saved
 * connections appear as nodes, an Elasticsearch connection lists its remote clusters with status
 * icons, a Cloud connection its deployments and their trust, and the item commands work on nodes.
 * The view's nodes are read through the `remoteClustersView` entry of the extension's API.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { TreeNode } from '../../../client/src/views/nodes';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints } from './support';

const ALIAS = 'itest-far';

async function putSettings(url: string, authorization: string, persistent: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/_cluster/settings`, {
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ persistent }),
  });
  assert.equal(response.status, 200, await response.text());
}

function byLabel(nodes: TreeNode[], label: string): TreeNode {
  const node = nodes.find((candidate) => candidate.label === label);
  assert.ok(node, `"${label}" among ${JSON.stringify(nodes.map((candidate) => candidate.label))}`);
  return node;
}

export const tests: IntegrationTest[] = [
  {
    name: "the Remote Clusters view shows the emulator's remote clusters and deployments, and its commands act on the nodes",
    fn: async () => {
      const endpoints = emulatorEndpoints();
      assert.ok(endpoints?.cloudUrl && endpoints.cloudApiKey, 'the harness started the emulator with a Cloud API');
      const api = (await activatedExtension()).exports as ExtensionApi;
      const view = api.remoteClustersView;
      const store = api.connections.store;
      const localUrl = endpoints.clusters.local.url;
      const authorization = `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}`;
      // A certificate-model remote pointed at an address nothing answers on: configured, not connected.
      await putSettings(localUrl, authorization, { [`cluster.remote.${ALIAS}.seeds`]: ['far.example.invalid:9300'] });

      const local = await store.add(
        { name: 'itest local', kind: 'elasticsearch', url: localUrl, auth: 'basic', username: endpoints.username },
        { password: endpoints.password },
      );
      const cloud = await store.add(
        { name: 'itest cloud', kind: 'cloud', url: endpoints.cloudUrl, auth: 'apiKey' },
        { apiKey: endpoints.cloudApiKey },
      );
      try {
        await vscode.commands.executeCommand('workbench.view.extension.elasticRemoteClusters');
        const roots = await view.children();
        const localNode = byLabel(roots, 'itest local');
        const cloudNode = byLabel(roots, 'itest cloud');

        const remote = byLabel(await view.children(localNode), ALIAS);
        assert.equal(remote.description, 'not connected · TLS certificate · far.example.invalid:9300');
        const item = view.treeItem(remote);
        assert.ok(item.iconPath instanceof vscode.ThemeIcon);
        assert.equal(item.iconPath.id, 'error');
        // ThemeColor's `id` is public at run time but missing from the @types/vscode version we pin.
        assert.equal((item.iconPath.color as unknown as { id: string } | undefined)?.id, 'testing.iconFailed');
        assert.equal(item.contextValue, 'remoteCluster.removable');
        assert.match((item.tooltip as vscode.MarkdownString).value, /Security model: TLS certificate/);
        const connectionItem = view.treeItem(byLabel(await view.children(), 'itest local'));
        assert.match(String(connectionItem.description), /^8\.15\.0 · 0\/1 connected$/);

        const deployment = byLabel(await view.children(cloudNode), 'prod');
        const [trust] = await view.children(deployment);
        assert.equal(trust.kind, 'accountTrust');
        assert.equal(trust.description, 'own organization · trusts all its deployments');

        const copied = await vscode.commands.executeCommand<string>('elasticRemoteClusters.copyClusterId', deployment);
        assert.match(copied ?? '', /^[0-9a-f]{32}$/);
        assert.equal(await vscode.env.clipboard.readText(), copied);

        const document = await vscode.commands.executeCommand<vscode.TextDocument>('elasticRemoteClusters.openItemJson', remote);
        assert.equal(document?.languageId, 'json');
        const json = JSON.parse(document.getText()) as { alias: string; remote_info: { connected: boolean } };
        assert.equal(json.alias, ALIAS);
        assert.equal(json.remote_info.connected, false);
        assert.ok(!document.getText().includes(endpoints.password));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

        // The item action hands the node's connection id to Test Connection.
        const tested = await vscode.commands.executeCommand<{ kind: string; version: string }>(
          'elasticRemoteClusters.view.testConnection',
          localNode,
        );
        assert.deepEqual({ kind: tested?.kind, version: tested?.version }, { kind: 'elasticsearch', version: '8.15.0' });

        // Refresh picks up a change made elsewhere.
        await putSettings(localUrl, authorization, { [`cluster.remote.${ALIAS}.seeds`]: null });
        await vscode.commands.executeCommand('elasticRemoteClusters.refreshRemoteClusters');
        // (Flows in earlier tests leave cross-cluster keys on "local": its keys group may come first.)
        assert.deepEqual(
          (await view.children(localNode)).filter((node) => node.kind !== 'crossClusterKeys').map((node) => node.label),
          ['No remote clusters'],
        );
      } finally {
        await putSettings(localUrl, authorization, { [`cluster.remote.${ALIAS}.seeds`]: null });
        await store.remove(local.id);
        await store.remove(cloud.id);
      }
      // Removed connections leave the view at once.
      assert.deepEqual(
        (await view.children()).filter((node) => node.label.startsWith('itest ')),
        [],
      );
    },
  },
];
