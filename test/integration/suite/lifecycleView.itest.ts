/**
 * The Remote Clusters view's own commands through the real UI (uiDriver.ts): Filter, Clear Filter
 * and Sort run from the Command Palette, the filter typed into the real input box and the order
 * picked in the real quick pick, and "Load more…" clicked with the mouse on a cluster with more
 * remote clusters than one page shows. The emulated "remote" cluster (deployment "prod") gets 104
 * remotes that cannot connect and one that does, over HTTP (settings, Cloud keystore API); what the view shows is read through the extension's test
 * API (`remoteClustersView`: its nodes, description and message).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { ConnectionProfile } from '../../../client/src/connections/profile';
import type { TreeNode } from '../../../client/src/views/nodes';
import type { IntegrationTest } from './index';
import { activatedExtension, emulatorEndpoints, waitFor, type EmulatorEndpoints } from './support';
import * as ui from './uiDriver';

const CONNECTION = 'itest view many';
const UNREACHABLE = Array.from({ length: 104 }, (_, i) => `itest-view-${String(i).padStart(3, '0')}`);
/** Connected (API-key model, to the remote cluster server of "local"): first by name, last by status. */
const CONNECTED = 'itest-a-connected';
const SERVER = 'local.emulated.local:9443';

async function readyApi(): Promise<{ api: ExtensionApi; endpoints: EmulatorEndpoints }> {
  const endpoints = emulatorEndpoints();
  assert.ok(endpoints, 'the harness started the emulator');
  assert.ok(ui.uiDriverAvailable(), 'the harness offers the UI driver (ERC_UI_DRIVER; code-server route only)');
  await ui.cleanWorkbench();
  const api = (await activatedExtension()).exports as ExtensionApi;
  assert.equal(api.flows.scriptedUiInstalled(), false, 'no scripted UI is installed: the real quick inputs and dialogs answer');
  return { api, endpoints };
}

/** A request to an emulated cluster as its superuser, or to the Cloud API with its key. */
async function call(
  endpoints: EmulatorEndpoints,
  target: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const cloud = target === 'cloud';
  const response = await fetch(`${cloud ? endpoints.cloudUrl : endpoints.clusters[target].url}${path}`, {
    method,
    headers: {
      authorization: cloud
        ? `ApiKey ${endpoints.cloudApiKey}`
        : `Basic ${Buffer.from(`${endpoints.username}:${endpoints.password}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${path} on ${target}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** The keystore of deployment "prod" (the emulated "remote" cluster). */
async function prodKeystorePath(endpoints: EmulatorEndpoints): Promise<string> {
  const list = (await call(endpoints, 'cloud', 'GET', '/api/v1/deployments')) as {
    deployments: Array<{ id: string; name: string }>;
  };
  const prod = list.deployments.find((deployment) => deployment.name === 'prod');
  assert.ok(prod, 'the Cloud organization has the deployment "prod"');
  return `/api/v1/deployments/${prod.id}/elasticsearch/main-elasticsearch/keystore`;
}

/**
 * Puts the remotes on "remote": 104 that cannot connect, and CONNECTED with a cross-cluster API key
 * of "local" in the deployment keystore; returns the key's id (for the clean-up).
 */
async function putRemotes(endpoints: EmulatorEndpoints): Promise<string> {
  const key = (await call(endpoints, 'local', 'POST', '/_security/cross_cluster/api_key', {
    name: 'itest-view-key',
    access: { search: [{ names: ['logs-*'] }] },
  })) as { id: string; encoded: string };
  await call(endpoints, 'cloud', 'PATCH', await prodKeystorePath(endpoints), {
    secrets: { [`cluster.remote.${CONNECTED}.credentials`]: { value: key.encoded } },
  });
  await call(endpoints, 'remote', 'PUT', '/_cluster/settings', {
    persistent: {
      [`cluster.remote.${CONNECTED}.mode`]: 'proxy',
      [`cluster.remote.${CONNECTED}.proxy_address`]: SERVER,
      ...Object.fromEntries(UNREACHABLE.map((alias) => [`cluster.remote.${alias}.seeds`, ['far.example.invalid:9300']])),
    },
  });
  return key.id;
}

async function removeRemotes(endpoints: EmulatorEndpoints, keyId: string | undefined): Promise<void> {
  await call(endpoints, 'remote', 'PUT', '/_cluster/settings', {
    persistent: {
      [`cluster.remote.${CONNECTED}.mode`]: null,
      [`cluster.remote.${CONNECTED}.proxy_address`]: null,
      ...Object.fromEntries(UNREACHABLE.map((alias) => [`cluster.remote.${alias}.seeds`, null])),
    },
  });
  await call(endpoints, 'cloud', 'PATCH', await prodKeystorePath(endpoints), {
    secrets: { [`cluster.remote.${CONNECTED}.credentials`]: null },
  });
  if (keyId) await call(endpoints, 'local', 'DELETE', '/_security/api_key', { ids: [keyId] });
}

/**
 * Runs `body` with the 105 remotes on "remote" and a connection to it shown in the view; afterwards
 * the remotes, the connection, the filter and the sort order are as before.
 */
async function withManyRemotes(body: (api: ExtensionApi, connection: TreeNode) => Promise<void>): Promise<void> {
  const { api, endpoints } = await readyApi();
  let profile: ConnectionProfile | undefined;
  let keyId: string | undefined;
  try {
    keyId = await putRemotes(endpoints);
    profile = await api.connections.store.add(
      {
        name: CONNECTION,
        kind: 'elasticsearch',
        url: endpoints.clusters.remote.url,
        auth: 'basic',
        username: endpoints.username,
      },
      { password: endpoints.password },
    );
    await vscode.commands.executeCommand('workbench.view.extension.elasticRemoteClusters');
    const connection = (await api.remoteClustersView.children()).find((node) => node.label === CONNECTION);
    assert.ok(connection, `the view shows the connection "${CONNECTION}"`);
    await body(api, connection);
  } finally {
    await vscode.commands.executeCommand('elasticRemoteClusters.clearRemoteClustersFilter');
    await vscode.commands.executeCommand('elasticRemoteClusters.sortRemoteClusters', 'name');
    if (profile) await api.connections.store.remove(profile.id);
    await removeRemotes(endpoints, keyId);
  }
}

/** The remote clusters (and "Load more…" / notices) the view lists under the connection. */
async function listed(api: ExtensionApi, connection: TreeNode): Promise<TreeNode[]> {
  return (await api.remoteClustersView.children(connection)).filter((node) => node.kind !== 'crossClusterKeys');
}

function labels(nodes: TreeNode[]): string[] {
  return nodes.map((node) => node.label);
}

/** Waits until the view's description is `expected` (the commands run from the palette cannot be awaited). */
async function arrangedAs(api: ExtensionApi, expected: string | undefined): Promise<{ description?: string; message?: string }> {
  return waitFor(
    `the view's description to be ${JSON.stringify(expected)} (now ${JSON.stringify(api.remoteClustersView.arrangement().description)})`,
    () => {
      const arrangement = api.remoteClustersView.arrangement();
      return arrangement.description === expected ? arrangement : undefined;
    },
    10000,
  );
}

export const tests: IntegrationTest[] = [
  {
    name: 'Filter, Clear Filter and Sort of the Remote Clusters view, typed and picked in the real inputs, change what the view lists and says',
    skip: ui.skipWithoutDriver,
    fn: () =>
      withManyRemotes(async (api, connection) => {
        const first = await listed(api, connection);
        assert.equal(first.length, 101, 'one page of 100 remote clusters and "Load more…"');
        assert.equal(first[0].label, CONNECTED, 'sorted by name first');
        assert.match(first[0].description ?? '', /^connected/, `"${CONNECTED}" is connected`);
        assert.match(first[1].description ?? '', /^not connected/, 'the others are not');
        assert.equal(first[100].label, 'Load more…');
        assert.equal(first[100].description, '100 of 105 shown');

        await ui.runFromCommandPalette('Elastic: Filter Remote Clusters View');
        const box = await ui.waitForQuickInput({ title: /^Filter the Remote Clusters view/ });
        assert.match(box.message, /^Show only remote clusters, deployments and keys whose name or details contain this text/);
        await ui.typeInQuickInput('itest-view-10');
        const filtered = await arrangedAs(api, 'filter: "itest-view-10"');
        assert.match(
          filtered.message ?? '',
          /whose name or details contain "itest-view-10"\. Clear the filter to see everything\./,
        );
        assert.deepEqual(labels(await listed(api, connection)), [
          'itest-view-100',
          'itest-view-101',
          'itest-view-102',
          'itest-view-103',
        ]);

        await ui.runFromCommandPalette('Elastic: Filter Remote Clusters View');
        const again = await ui.waitForQuickInput({ title: /^Filter the Remote Clusters view/ });
        assert.equal(again.value, 'itest-view-10', 'the box shows the current filter');
        await ui.typeInQuickInput('no-such-remote');
        await arrangedAs(api, 'filter: "no-such-remote"');
        const none = await listed(api, connection);
        assert.deepEqual(labels(none), ['Nothing here matches "no-such-remote"']);
        // (The tooltip is Markdown: its parentheses and dots come escaped.)
        assert.match(none[0].tooltip.replace(/\\/g, ''), /105 item\(s\) are hidden by the filter/);

        await ui.runFromCommandPalette('Elastic: Clear Remote Clusters View Filter');
        const cleared = await arrangedAs(api, undefined);
        assert.equal(cleared.message, undefined, 'no filter message once cleared');
        assert.equal((await listed(api, connection)).length, 101);

        await ui.runFromCommandPalette('Elastic: Sort Remote Clusters View');
        const sort = await ui.waitForQuickInput({ title: /^Sort the Remote Clusters view/ });
        assert.deepEqual(sort.items, ['By name', 'By status']);
        await ui.pickQuickInputItem(/^By status$/);
        await arrangedAs(api, 'sorted by status');
        const byStatus = await listed(api, connection);
        assert.equal(byStatus[0].label, 'itest-view-000', 'problems first: a remote that is not connected');
        assert.ok(!labels(byStatus).includes(CONNECTED), 'the connected remote moved past the first page');

        await ui.runFromCommandPalette('Elastic: Sort Remote Clusters View');
        await ui.pickQuickInputItem(/^By name$/);
        await arrangedAs(api, undefined);
        assert.equal((await listed(api, connection))[0].label, CONNECTED);
      }),
  },
  {
    name: '"Load more…" clicked in the Remote Clusters view shows the rest of a cluster\'s 105 remote clusters',
    skip: ui.skipWithoutDriver,
    fn: () =>
      withManyRemotes(async (api, connection) => {
        const before = await listed(api, connection);
        assert.equal(before.length, 101);
        assert.equal(before[100].label, 'Load more…');
        // The tree is a virtual list: click its first remote cluster (once the view has rendered it),
        // then go to its last row with End, as a person would scroll there.
        await ui.clickTreeItem(new RegExp(`^${CONNECTED}$`));
        await ui.pressKey('End');
        await ui.clickTreeItem(/^Load more…$/);
        const after = await waitFor(
          'the view to list all 105 remote clusters',
          async () => {
            const nodes = await listed(api, connection);
            return nodes.length === 105 ? nodes : undefined;
          },
          10000,
        );
        assert.ok(!labels(after).includes('Load more…'), 'nothing more to load');
        assert.equal(after[104].label, 'itest-view-103');
        assert.deepEqual(
          labels(after).sort(),
          [CONNECTED, ...UNREACHABLE].sort(),
          'every remote cluster of "remote" is listed once',
        );
      }),
  },
];
