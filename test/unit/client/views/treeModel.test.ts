/**
 * The Remote Clusters view's data against the API emulator: what nodes a user sees for
 * Elasticsearch, Elastic Cloud and ECE connections, in which order, and how loading, failures,
 * slow endpoints, the concurrency bound and refreshes behave.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import type { TrustSettings } from '../../../../client/src/api/types/cloud';
import { createClients } from '../../../../client/src/connections/clients';
import type { ConnectionProfile, ConnectionSecrets } from '../../../../client/src/connections/profile';
import { RemoteClustersTreeModel, type TreeDataSource, type TreeModelOptions } from '../../../../client/src/views/treeModel';
import type { TreeNode } from '../../../../client/src/views/nodes';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { esHttp } from '../support';

const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVGb3JUZXN0czAKBggqhkjOPQQDAjAA\n-----END CERTIFICATE-----';
const PROD_CLUSTER_ID = 'a1'.repeat(16);
const ALPHA_CLUSTER_ID = 'b2'.repeat(16);
const STRANGER_CLUSTER_ID = 'c3'.repeat(16);
const NOW = Date.parse('2026-06-01T00:00:00Z');

/** A connection source over fixed profiles that counts how many loads hold clients at once. */
class FixtureSource implements TreeDataSource {
  active = 0;
  peak = 0;
  opened = 0;
  constructor(
    public profileList: ConnectionProfile[],
    private readonly secrets: Record<string, ConnectionSecrets>,
    public problemList: string[] = [],
  ) {}
  profiles() {
    return this.profileList;
  }
  problems() {
    return this.problemList;
  }
  async openClients(profile: ConnectionProfile) {
    const clients = createClients(profile, this.secrets[profile.id] ?? {});
    this.opened++;
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    return {
      ...clients,
      close: async () => {
        this.active--;
        await clients.close();
      },
    };
  }
}

/** Asks for a node's children, waits for the loads that started, and asks again. */
async function load(model: RemoteClustersTreeModel, node?: TreeNode): Promise<TreeNode[]> {
  model.children(node);
  await model.settled();
  return model.children(node);
}

/** Resolves when the model reports a change after which `condition` holds (bounded by a timeout). */
function waitUntil(model: RemoteClustersTreeModel, what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting until ${what}`));
    }, timeoutMs);
    const subscription = model.onDidChange(() => {
      if (!condition()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

const labels = (nodes: TreeNode[]) => nodes.map((node) => node.label);
const find = (nodes: TreeNode[], label: string) => {
  const node = nodes.find((candidate) => candidate.label === label);
  assert.ok(node, `a node labelled "${label}" among ${JSON.stringify(labels(nodes))}`);
  return node;
};

describe('Remote Clusters view data against the emulator', () => {
  let emulator: RunningEmulator;
  let ece: RunningEmulator;
  let encodedKey: string;
  const models: RemoteClustersTreeModel[] = [];

  const es = (id: string, cluster: string, overrides: Partial<ConnectionProfile> = {}): ConnectionProfile => ({
    id,
    name: id,
    kind: 'elasticsearch',
    url: emulator.clusterUrl(cluster),
    auth: 'basic',
    username: 'elastic',
    ...overrides,
  });
  const cloud = (): ConnectionProfile => ({ id: 'org', name: 'Org', kind: 'cloud', url: emulator.cloudUrl, auth: 'apiKey' });
  const eceProfile = (): ConnectionProfile => ({
    id: 'ece',
    name: 'ECE',
    kind: 'ece',
    url: ece.cloudUrl,
    region: 'ece-region',
    auth: 'apiKey',
  });
  const secretsFor = (profiles: ConnectionProfile[]) =>
    Object.fromEntries(
      profiles.map((profile) => [
        profile.id,
        profile.kind === 'elasticsearch' ? { password: 'changeme' } : { apiKey: profile.kind === 'ece' ? 'ece-key' : 'org-key' },
      ]),
    );
  const modelFor = (profiles: ConnectionProfile[], options: TreeModelOptions = {}, problems: string[] = []) => {
    const source = new FixtureSource(profiles, secretsFor(profiles), problems);
    const model = new RemoteClustersTreeModel(source, { now: () => NOW, ...options });
    models.push(model);
    return { model, source };
  };

  before(async () => {
    const prodTrust: TrustSettings = {
      accounts: [
        { account_id: 'acct-b', name: 'Partner org', trust_all: false, trust_allowlist: [ALPHA_CLUSTER_ID, STRANGER_CLUSTER_ID] },
      ],
      direct: [
        {
          name: 'on-prem CA',
          type: 'generic',
          scope_id: 'onprem',
          trust_all: true,
          certificates: [
            {
              pem: PEM,
              metadata: { fingerprint: 'AA:BB', valid_from: '2024-01-01T00:00:00Z', valid_to: '2025-01-01T00:00:00Z' },
            },
            {
              pem: PEM,
              metadata: { fingerprint: 'CC:DD', valid_from: '2025-01-01T00:00:00Z', valid_to: '2030-01-01T00:00:00Z' },
            },
          ],
        },
      ],
    };
    emulator = await startEmulator({
      clusters: [
        { name: 'local' },
        { name: 'remote', version: '8.17.0' },
        { name: 'other' },
        { name: 'prod' },
        { name: 'alpha' },
      ],
      cloud: {
        apiKeys: ['org-key'],
        accountId: 'acct-a',
        deployments: [
          { id: 'dep-prod', name: 'zeta-prod', cluster: 'prod', clusterId: PROD_CLUSTER_ID, trust: prodTrust },
          { id: 'dep-alpha', name: 'Alpha', cluster: 'alpha', clusterId: ALPHA_CLUSTER_ID, trust: {} },
        ],
      },
    });
    ece = await startEmulator({
      clusters: [{ name: 'ecedep' }],
      cloud: {
        flavor: 'ece',
        apiKeys: ['ece-key'],
        trustRelationships: [
          { id: 'tr-zulu', name: 'Zulu ECE', publicCaCert: PEM, accountIds: ['x', 'y'] },
          { id: 'tr-cloud', name: 'Elastic Cloud', publicCaCert: PEM, trustByDefault: true },
        ],
        deployments: [
          {
            id: 'ece-dep',
            name: 'ece-dep',
            cluster: 'ecedep',
            trust: { external: [{ trust_relationship_id: 'tr-zulu', trust_all: true }] },
          },
        ],
      },
    });

    // On `local`: an API-key remote that connects, a certificate remote that connects, one that
    // points the certificate model at the API-key port, a transient one, and one never enabled.
    const remote = new ElasticsearchClient(esHttp(emulator.clusterUrl('remote')));
    const local = new ElasticsearchClient(esHttp(emulator.clusterUrl('local')));
    const key = await remote.createCrossClusterApiKey({ name: 'from-local', access: { search: [{ names: ['logs-*'] }] } });
    encodedKey = key.encoded;
    emulator.state.cluster('local').keystoreAdd('cluster.remote.secure.credentials', encodedKey);
    await local.reloadSecureSettings();
    await local.putClusterSettings({
      persistent: {
        'cluster.remote.secure.mode': 'proxy',
        'cluster.remote.secure.proxy_address': 'remote.emulated.local:9443',
        'cluster.remote.secure.server_name': 'remote.emulated.local',
        'cluster.remote.Certs.seeds': ['remote.emulated.local:9300'],
        'cluster.remote.Certs.skip_unavailable': true,
        'cluster.remote.wrong-port.seeds': ['remote.emulated.local:9443'],
        'cluster.remote.draft.mode': 'proxy',
      },
      transient: { 'cluster.remote.temp.seeds': ['other.emulated.local:9300'] },
    });
    await Promise.all([remote.http.close(), local.http.close()]);
  });

  after(async () => {
    for (const model of models) model.dispose();
    await Promise.all([emulator.stop(), ece.stop()]);
  });

  test('the root lists the saved connections in their saved order without calling any API', async () => {
    const before = emulator.state.requests.length;
    const { model, source } = modelFor([es('zz-local', 'local'), cloud(), es('aa-remote', 'remote')]);
    const roots = model.children();
    assert.deepEqual(labels(roots), ['zz-local', 'Org', 'aa-remote']);
    assert.deepEqual(
      roots.map((node) => [node.kind, node.description, node.icon.id, node.contextValue, node.collapsible]),
      [
        ['connection', 'Elasticsearch', 'server', 'connection.elasticsearch', 'expanded'],
        ['connection', 'Elastic Cloud Hosted API', 'cloud', 'connection.cloud', 'expanded'],
        ['connection', 'Elasticsearch', 'server', 'connection.elasticsearch', 'expanded'],
      ],
    );
    assert.equal(emulator.state.requests.length, before, 'nothing is loaded until a connection is expanded');
    assert.equal(source.opened, 0);
  });

  test('an Elasticsearch connection shows its remotes, merged from _remote/info and _cluster/settings, by alias', async () => {
    const { model } = modelFor([es('local', 'local')]);
    const [connection] = model.children();
    assert.deepEqual(labels(model.children(connection)), ['Loading…'], 'a loading node while the API answers');
    const remotes = await load(model, connection);
    assert.deepEqual(labels(remotes), ['Certs', 'draft', 'secure', 'temp', 'wrong-port']);

    const secure = find(remotes, 'secure');
    assert.equal(secure.description, 'connected · API key · remote.emulated.local:9443');
    assert.deepEqual(secure.icon, { id: 'pass-filled', color: 'testing.iconPassed' });
    assert.equal(secure.contextValue, 'remoteCluster.removable');
    assert.equal(secure.alias, 'secure');
    assert.equal(secure.connectionId, 'local');
    assert.match(secure.tooltip, /Security model: API key/);
    assert.match(secure.tooltip, /Server name: `remote\.emulated\.local`/);

    const certs = find(remotes, 'Certs');
    assert.equal(certs.description, 'connected · TLS certificate · remote.emulated.local:9300');
    assert.match(certs.tooltip, /skip_unavailable: true/);

    const wrongPort = find(remotes, 'wrong-port');
    assert.equal(wrongPort.description, 'not connected · TLS certificate · remote.emulated.local:9443');
    assert.deepEqual(wrongPort.icon, { id: 'error', color: 'testing.iconFailed' });
    assert.match(wrongPort.tooltip, /certificate model is used/);

    const draft = find(remotes, 'draft');
    assert.equal(draft.description, 'not enabled (no proxy_address)');
    assert.equal(draft.icon.id, 'circle-slash');

    assert.match(find(remotes, 'temp').tooltip, /Defined in: transient cluster settings/);
    assert.match(find(remotes, 'temp').description ?? '', /^connected/);

    const [loaded] = model.children();
    assert.equal(loaded.description, '8.15.0 · 3/5 connected');
    assert.equal(loaded.icon.color, 'list.warningForeground', 'a connection with disconnected remotes stands out');
    assert.match(loaded.tooltip, /UUID/);
  });

  test('the JSON behind a node holds what the APIs said, with no secret in it or anywhere in the tree', async () => {
    const { model } = modelFor([es('local', 'local')]);
    const [connection] = model.children();
    const secure = find(await load(model, connection), 'secure');
    assert.deepEqual(
      (secure.json as { remote_info: { cluster_credentials: string } }).remote_info.cluster_credentials,
      '::es_redacted::',
    );
    assert.equal(
      (secure.json as { cluster_settings: Record<string, unknown> }).cluster_settings['cluster.remote.secure.proxy_address'],
      'remote.emulated.local:9443',
    );
    const everything = JSON.stringify(model.loadedNodes());
    assert.ok(!everything.includes(encodedKey), 'the cross-cluster key never appears');
    assert.ok(!everything.includes('changeme'), 'the password never appears');
  });

  test('a cluster without remotes says so instead of showing nothing', async () => {
    const { model } = modelFor([es('other', 'other')]);
    const [connection] = model.children();
    const children = await load(model, connection);
    assert.deepEqual(labels(children), ['No remote clusters']);
    assert.equal(model.children()[0].description, '8.15.0 · no remotes');
  });

  test('when only _cluster/settings fails, the remotes from _remote/info are still shown under a warning', async () => {
    emulator.faults.status(403, { server: 'local', path: '/_cluster/settings' });
    const { model } = modelFor([es('local', 'local')]);
    const [connection] = model.children();
    const children = await load(model, connection);
    assert.equal(children[0].label, 'Cluster settings could not be read');
    assert.equal(children[0].icon.id, 'warning');
    assert.match(children[0].tooltip, /403/);
    assert.deepEqual(labels(children.slice(1)), ['Certs', 'secure', 'temp', 'wrong-port'], 'draft is only in the settings');
    assert.equal(find(children, 'secure').contextValue, 'remoteCluster', 'without the settings, removal is not offered');
    assert.match(find(children, 'secure').tooltip, /Defined in: unknown/);
  });

  test('failures show on the node that failed; the other connections load normally', async () => {
    emulator.faults.reset({ server: 'other', path: '/_remote/info' });
    const profiles = [
      es('dead', 'local', { url: 'http://127.0.0.1:1' }),
      es('reset', 'other'),
      es('wrong-password', 'local'),
      es('no-secret', 'local'),
      es('healthy', 'remote'),
    ];
    const source = new FixtureSource(profiles, {
      ...secretsFor(profiles),
      'wrong-password': { password: 'nope' },
      'no-secret': {},
    });
    const model = new RemoteClustersTreeModel(source, { maxParallelLoads: 5 });
    models.push(model);
    for (const connection of model.children()) model.children(connection);
    await model.settled();
    const childrenOf = (label: string) => model.children(find(model.children(), label));

    const expected: Record<string, RegExp> = {
      dead: /Could not connect to http:\/\/127\.0\.0\.1:1/,
      reset: /was closed before Elasticsearch answered/,
      'wrong-password': /rejected \(401\)/,
      'no-secret': /No password is stored for connection "no-secret"/,
    };
    for (const [label, message] of Object.entries(expected)) {
      const nodes = childrenOf(label);
      assert.equal(nodes.length, 1, `${label}: one error node`);
      assert.equal(nodes[0].kind, 'error');
      assert.match(nodes[0].tooltip.replace(/\\/g, ''), message);
      assert.deepEqual(nodes[0].icon, { id: 'error', color: 'errorForeground' });
      assert.equal(find(model.children(), label).description, 'failed to load');
    }
    assert.match(childrenOf('dead')[0].label, /^Could not connect/, 'the label is the start of the message');
    // `remote` issued the cross-cluster key `local` uses, so it lists it.
    assert.deepEqual(
      labels(childrenOf('healthy')),
      ['Cross-cluster API keys', 'No remote clusters'],
      'a healthy connection is unaffected',
    );
  });

  test('a malformed response becomes an error node, not an exception', async () => {
    emulator.faults.malformedBody({ server: 'remote', path: '/_remote/info' });
    const { model } = modelFor([es('remote', 'remote')]);
    const [connection] = model.children();
    const [error] = await load(model, connection);
    assert.equal(error.kind, 'error');
    assert.match(error.tooltip, /not what Elasticsearch sends/);
    // Clicking the error node refreshes its connection, which now works.
    model.refresh(error);
    await model.settled();
    assert.deepEqual(labels(model.children(connection)), ['Cross-cluster API keys', 'No remote clusters']);
  });

  test('a slow connection shows "Loading…" while the others finish, and does not hold up the tree', async () => {
    emulator.faults.delay(1500, { server: 'other', path: '/_remote/info' });
    const { model } = modelFor([es('slow', 'other'), es('local', 'local'), es('remote', 'remote')], { maxParallelLoads: 2 });
    const started = Date.now();
    const [slow, local, remote] = model.children();
    for (const connection of [slow, local, remote]) model.children(connection);
    await waitUntil(
      model,
      'the fast connections loaded',
      () => model.children(local)[0].kind !== 'loading' && model.children(remote)[0].kind !== 'loading',
    );
    assert.ok(Date.now() - started < 1400, 'the fast connections did not wait for the slow one');
    assert.equal(model.children(slow)[0].kind, 'loading');
    assert.equal(model.children()[0].description, 'loading…');
    await model.settled();
    assert.deepEqual(labels(model.children(slow)), ['No remote clusters']);
  });

  test('a connection that does not answer within its timeout shows the timeout on its node', async () => {
    emulator.faults.delay(2500, { server: 'other', path: '/_remote/info' });
    const { model } = modelFor([es('stuck', 'other', { timeoutSeconds: 1 }), es('local', 'local')]);
    const [stuck, local] = model.children();
    model.children(stuck);
    model.children(local);
    await model.settled();
    assert.match(model.children(stuck)[0].label, /timed out after 1 s/);
    assert.equal(model.children(local).length, 5);
  });

  test('no more loads run at once than the bound allows, and all of them finish', async () => {
    emulator.faults.delay(150, { path: '/_remote/info', times: 6 });
    const profiles = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => es(id, id === 'a' ? 'local' : 'other'));
    const { model, source } = modelFor(profiles, { maxParallelLoads: 2 });
    let progress = 0;
    const withProgress = new RemoteClustersTreeModel(source, { maxParallelLoads: 2, onLoadStarted: () => progress++ });
    models.push(withProgress);
    for (const connection of model.children()) model.children(connection);
    assert.equal(model.busy, true);
    await model.settled();
    assert.equal(source.peak, 2);
    assert.equal(source.active, 0, 'every client was closed');
    for (const connection of model.children()) assert.notEqual(model.children(connection)[0].kind, 'loading');
    withProgress.children(withProgress.children()[0]);
    await withProgress.settled();
    assert.equal(progress, 1, 'the view is told when a load starts');
  });

  test('a refresh keeps showing the last data until the new answer arrives, and an outdated answer is dropped', async () => {
    const { model } = modelFor([es('local', 'local')]);
    const [connection] = model.children();
    assert.equal((await load(model, connection)).length, 5);

    const local = new ElasticsearchClient(esHttp(emulator.clusterUrl('local')));
    try {
      // The first refresh is slow and ends in a failure; the second is fast and sees a new alias.
      const firstRequestArrived = new Promise<void>((resolve) =>
        emulator.faults.before(resolve, { server: 'local', path: '/_remote/info' }),
      );
      emulator.faults.delay(600, { server: 'local', path: '/_remote/info' });
      emulator.faults.status(500, { server: 'local', path: '/_remote/info' });
      model.refresh(connection);
      assert.equal(model.children(connection).length, 5, 'still the previous remotes');
      assert.match(model.children()[0].description ?? '', /refreshing…$/);
      await local.putClusterSettings({ persistent: { 'cluster.remote.added.seeds': ['remote.emulated.local:9300'] } });
      // The second refresh starts only once the first one's request is held at the cluster.
      await firstRequestArrived;
      model.refresh(connection);
      await model.settled();
      assert.ok(labels(model.children(connection)).includes('added'), 'the newer answer wins over the slower, older one');
      assert.equal(model.children(connection).length, 6);
    } finally {
      await local.putClusterSettings({ persistent: { 'cluster.remote.added.seeds': null } });
      await local.http.close();
    }
  });

  test('changes tell the view once per burst, and a disposed model goes quiet', async () => {
    const { model } = modelFor([es('local', 'local'), es('remote', 'remote')]);
    let notified = 0;
    model.onDidChange(() => notified++);
    for (const connection of model.children()) model.children(connection);
    await model.settled();
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(notified >= 1 && notified <= 2, `notified ${notified} times for two loads`);
    model.dispose();
    assert.deepEqual(model.children(), []);
  });

  test('editing or removing a saved connection drops what was loaded for it', async () => {
    const { model, source } = modelFor([es('local', 'local')]);
    const [connection] = model.children();
    await load(model, connection);
    source.profileList = [es('local', 'local', { url: 'http://127.0.0.1:1' })];
    model.connectionsChanged();
    const [edited] = model.children();
    assert.equal(edited.description, 'Elasticsearch', 'the old data is not shown for the edited connection');
    const [error] = await load(model, edited);
    assert.equal(error.kind, 'error');
    source.profileList = [];
    model.connectionsChanged();
    assert.deepEqual(model.children(), []);
  });

  test('unusable entries in the connections setting are reported above the connections', () => {
    const { model } = modelFor([es('local', 'local')], {}, ['Connection #2 is not an object; it is ignored.']);
    const [problems, connection] = model.children();
    assert.equal(problems.label, 'A saved connection cannot be used');
    assert.equal(problems.icon.id, 'warning');
    assert.match(problems.tooltip, /Connection \\#2 is not an object/);
    assert.equal(connection.label, 'local');
  });

  test("a Cloud connection lists deployments by name and loads each one's trust only when expanded", async () => {
    const { model } = modelFor([cloud()]);
    const [connection] = model.children();
    const before = emulator.state.requests.filter((request) => request.server === 'cloud').length;
    const deployments = await load(model, connection);
    // The organization's "Trust all deployments" default comes first (seed 003), then the deployments.
    assert.deepEqual(labels(deployments), ['Organization default: trust all deployments', 'Alpha', 'zeta-prod']);
    assert.equal(
      emulator.state.requests.filter((request) => request.server === 'cloud').length - before,
      2,
      'only the list and the organization were requested',
    );
    assert.equal(model.children()[0].description, '2 deployments');

    const prod = find(deployments, 'zeta-prod');
    assert.equal(prod.clusterId, PROD_CLUSTER_ID);
    assert.equal(prod.deploymentId, 'dep-prod');
    assert.equal(prod.contextValue, 'deployment.hasClusterId');
    assert.equal(prod.collapsible, 'collapsed');
    assert.match(prod.tooltip, new RegExp(PROD_CLUSTER_ID));

    const trust = await load(model, prod);
    assert.deepEqual(
      trust.map((node) => [node.kind, node.label, node.description]),
      [
        ['notice', 'Trusts no other deployment of its organization', undefined],
        ['accountTrust', 'Partner org', 'account · trusts 2 listed clusters · stricter version policy'],
        ['directTrust', 'on-prem CA', 'direct · 2 certificates · scope onprem · trusts all its clusters · 1 expired'],
      ],
    );
    const [ownOrganization, partner, onPrem] = trust;
    assert.match(ownOrganization.tooltip, /February 2021/);
    assert.equal(onPrem.icon.id, 'warning', 'an expired certificate is flagged');
    assert.match(onPrem.tooltip, /AA:BB/);

    // Allowlists name the clusters this connection knows.
    const allowed = model.children(partner);
    assert.deepEqual(
      allowed.map((node) => [node.label, node.description, node.clusterId, node.contextValue]),
      [
        [ALPHA_CLUSTER_ID, 'deployment Alpha', ALPHA_CLUSTER_ID, 'allowedCluster.hasClusterId'],
        [STRANGER_CLUSTER_ID, undefined, STRANGER_CLUSTER_ID, 'allowedCluster.hasClusterId'],
      ],
    );
    assert.deepEqual(labels(await load(model, find(deployments, 'Alpha'))), ['Trusts no other deployment of its organization']);
  });

  test('a deployment that fails to load shows its error without touching its siblings', async () => {
    emulator.faults.status(500, { server: 'cloud', path: '/api/v1/deployments/dep-alpha' });
    const { model } = modelFor([cloud()]);
    const [connection] = model.children();
    const deployments = await load(model, connection);
    const alpha = find(deployments, 'Alpha');
    const prod = find(deployments, 'zeta-prod');
    model.children(alpha);
    model.children(prod);
    await model.settled();
    const [error] = model.children(alpha);
    assert.equal(error.kind, 'error');
    assert.match(error.label, /failed on the server \(500\)/);
    assert.equal(error.ownerKey, alpha.key, 'clicking it reloads that deployment only');
    assert.equal(model.children(prod).length, 3);
    model.refresh(error);
    await model.settled();
    assert.deepEqual(labels(model.children(alpha)), ['Trusts no other deployment of its organization']);
  });

  test('refreshing everything reloads only what was expanded, and forgets deleted deployments', async () => {
    const { model } = modelFor([cloud(), es('local', 'local')]);
    const [connection] = model.children();
    const deployments = await load(model, connection);
    await load(model, find(deployments, 'zeta-prod'));
    const before = emulator.state.requests.length;
    model.refresh();
    await model.settled();
    const paths = emulator.state.requests.slice(before).map((request) => request.path);
    assert.deepEqual(
      paths.sort(),
      ['/api/v1/account', '/api/v1/deployments/_search', '/api/v1/deployments/dep-prod'],
      'the collapsed Elasticsearch connection and Alpha were not loaded',
    );
  });

  test('an ECE connection shows the platform trust relationships first, then its deployments', async () => {
    const { model } = modelFor([eceProfile()]);
    const [connection] = model.children();
    const children = await load(model, connection);
    assert.deepEqual(labels(children), ['Platform trust relationships', 'ece-dep']);
    assert.equal(model.children()[0].description, '1 deployment · region ece-region');

    const relationships = await load(model, children[0]);
    assert.deepEqual(
      relationships.map((node) => [node.label, node.description, node.icon.id]),
      [
        ['Local environment', 'this installation', 'home'],
        ['Elastic Cloud', 'trusted by default', 'link'],
        ['Zulu ECE', '2 accounts', 'link'],
      ],
    );
    assert.equal(model.children(connection)[0].description, '3 environments');

    const trust = await load(model, children[1]);
    assert.deepEqual(
      trust.map((node) => [node.kind, node.label, node.description]),
      [['externalTrust', 'Zulu ECE', 'environment · trusts all its clusters']],
    );
  });

  test('with a second ECE environment connected, the platform trust says which direction of the two-way trust is missing', async () => {
    const second = await startEmulator({
      clusters: [],
      cloud: {
        flavor: 'ece',
        apiKeys: ['ece-key'],
        trustRelationships: [{ name: 'First ECE', publicCaCert: PEM, installationId: ece.state.cloud.installationId }],
      },
    });
    try {
      const secondProfile: ConnectionProfile = { ...eceProfile(), id: 'ece2', name: 'ECE two', url: second.cloudUrl };
      const { model } = modelFor([eceProfile(), secondProfile]);
      const [first, other] = model.children();
      const [platform] = await load(model, first);
      await load(model, platform);
      const twoWay = (await load(model, platform)).filter((node) => node.kind === 'twoWayTrust');
      assert.deepEqual(
        twoWay.map((node) => [node.label, node.description, node.contextValue]),
        [['Two-way trust with ECE two', 'missing: this → ECE two', 'twoWayTrust.missing']],
      );
      assert.match(twoWay[0].tooltip, /"ECE two" trusts "ECE", but "ECE" does not trust "ECE two"/);
      // Its Create action makes the side that lacks the relationship trust the other one.
      assert.deepEqual(twoWay[0].createTrustArgs, { connectionId: 'ece', sourceConnectionId: 'ece2' });
      // Seen from the other side, the same gap is the other direction.
      const [otherPlatform] = await load(model, other);
      await load(model, otherPlatform);
      const fromOther = (await load(model, otherPlatform)).filter((node) => node.kind === 'twoWayTrust');
      assert.equal(fromOther[0].description, 'missing: ECE → this');
      assert.deepEqual(fromOther[0].createTrustArgs, { connectionId: 'ece', sourceConnectionId: 'ece2' });
      // The local relationship carries no Remove action; the others name their ID for it.
      const relationships = model.children(platform).filter((node) => node.kind === 'trustRelationship');
      assert.deepEqual(
        relationships.map((node) => [node.label, node.contextValue, node.relationshipId !== undefined]),
        [
          ['Local environment', 'trustRelationship.local', true],
          ['Elastic Cloud', 'trustRelationship', true],
          ['Zulu ECE', 'trustRelationship', true],
        ],
      );
    } finally {
      await second.stop();
    }
  });

  test('platform trust relationships that cannot be listed fail alone', async () => {
    ece.faults.status(403, { server: 'cloud', path: '/api/v1/regions/ece-region/platform/configuration/trust-relationships' });
    const { model } = modelFor([eceProfile()]);
    const [connection] = model.children();
    const [platform, deployment] = await load(model, connection);
    const [error] = await load(model, platform);
    assert.equal(error.kind, 'error');
    assert.match(error.label, /403/);
    assert.equal(model.children(connection)[0].description, 'failed to load');
    assert.equal((await load(model, deployment))[0].label, 'Zulu ECE');
  });
});

describe('Remote Clusters view at scale: filter, sort, paging, key expiry', () => {
  let emulator: RunningEmulator;
  const models: RemoteClustersTreeModel[] = [];
  const DAY = 86_400_000;

  const es = (id: string, cluster: string): ConnectionProfile => ({
    id,
    name: id,
    kind: 'elasticsearch',
    url: emulator.clusterUrl(cluster),
    auth: 'basic',
    username: 'elastic',
  });
  const org = (): ConnectionProfile => ({ id: 'big', name: 'Big org', kind: 'cloud', url: emulator.cloudUrl, auth: 'apiKey' });
  const modelFor = (profiles: ConnectionProfile[], options: TreeModelOptions = {}) => {
    const secrets = Object.fromEntries(
      profiles.map((profile) => [
        profile.id,
        profile.kind === 'elasticsearch' ? { password: 'changeme' } : { apiKey: 'big-key' },
      ]),
    );
    const model = new RemoteClustersTreeModel(new FixtureSource(profiles, secrets), options);
    models.push(model);
    return model;
  };

  before(async () => {
    emulator = await startEmulator({
      clusters: [{ name: 'many' }, { name: 'issuer', version: '8.17.0' }, { name: 'dep0' }],
      cloud: { apiKeys: ['big-key'], deployments: [{ id: 'd000', name: 'deployment-000', cluster: 'dep0' }] },
    });
    // 500 deployments: the same emulated cluster behind 499 more deployment records.
    const first = emulator.state.cloud.deployments.get('d000');
    assert.ok(first);
    for (let n = 1; n < 500; n++) {
      const id = `d${String(n).padStart(3, '0')}`;
      emulator.state.cloud.deployments.set(id, { ...first, id, name: `deployment-${String(n).padStart(3, '0')}` });
    }
    // 1,000 remotes on `many`, every tenth one pointing nowhere (not connected).
    const many = emulator.state.cluster('many');
    for (let n = 0; n < 1000; n++) {
      const alias = `r${String(n).padStart(4, '0')}`;
      many.persistent[`cluster.remote.${alias}.seeds`] = [
        n % 10 === 0 ? `nowhere-${n}.example:9300` : 'issuer.emulated.local:9300',
      ];
      emulator.state.attemptConnection(many, alias);
    }
    // Cross-cluster keys on `issuer`: one expiring in 5 days, one in 90 days, one expired, one without expiry.
    const issuer = emulator.state.cluster('issuer');
    const issue = (name: string, expiration?: number) =>
      issuer.issueApiKey({
        name,
        type: 'cross_cluster',
        owner: 'elastic',
        roles: [],
        access: { search: [{ names: ['logs-*'] }] },
        metadata: {},
        ...(expiration !== undefined ? { expiration } : {}),
      });
    issue('soon', Date.now() + 5 * DAY);
    issue('later', Date.now() + 90 * DAY);
    issue('gone', Date.now() - 2 * DAY);
    issue('forever');
  });
  after(async () => {
    for (const model of models) model.dispose();
    await emulator.stop();
  });

  test('a cluster with 1,000 remotes shows 100 at a time with "Load more…"', async () => {
    const model = modelFor([es('many', 'many')]);
    const [connection] = model.children();
    let children = await load(model, connection);
    const remotes = children.filter((node) => node.kind === 'remoteCluster');
    assert.equal(remotes.length, 100);
    assert.equal(remotes[0].label, 'r0000');
    const more = children[children.length - 1];
    assert.equal(more.kind, 'loadMore');
    assert.equal(more.label, 'Load more…');
    assert.equal(more.description, '100 of 1000 shown');
    assert.equal(model.children()[0].description, '8.15.0 · 900/1000 connected');
    model.showMore(more);
    children = model.children(connection);
    assert.equal(children.filter((node) => node.kind === 'remoteCluster').length, 200);
    assert.equal(children[children.length - 1].description, '200 of 1000 shown');
    for (let page = 0; page < 8; page++) model.showMore(children[children.length - 1]);
    children = model.children(connection);
    assert.equal(children.filter((node) => node.kind === 'remoteCluster').length, 1000);
    assert.ok(!children.some((node) => node.kind === 'loadMore'), 'no "Load more…" once everything is shown');
  });

  test('filter and sort: by text in name or details, problems first when sorted by status', async () => {
    const model = modelFor([es('many', 'many')]);
    const [connection] = model.children();
    await load(model, connection);
    model.setFilter('r09');
    let shown = model.children(connection).filter((node) => node.kind === 'remoteCluster');
    assert.equal(shown.length, 100);
    assert.ok(shown.every((node) => node.label.startsWith('r09')));
    model.setFilter('nowhere');
    shown = model.children(connection).filter((node) => node.kind === 'remoteCluster');
    assert.equal(shown.length, 100, 'the filter matches the address in the description');
    assert.ok(shown.every((node) => node.description?.startsWith('not connected')));
    model.setFilter('no-such-alias');
    const empty = model.children(connection);
    assert.deepEqual(labels(empty), ['Nothing here matches "no-such-alias"']);
    model.setFilter('');
    model.setSort('status');
    shown = model.children(connection).filter((node) => node.kind === 'remoteCluster');
    assert.equal(shown[0].label, 'r0000');
    assert.equal(shown[1].label, 'r0010', 'the not-connected remotes come first');
    assert.ok(shown.every((node) => node.description?.startsWith('not connected')));
    model.setSort('name');
    assert.equal(model.children(connection).filter((node) => node.kind === 'remoteCluster')[1].label, 'r0001');
  });

  test('an organization with 500 deployments loads 100 per page through the search cursor', async () => {
    const model = modelFor([org()]);
    const [connection] = model.children();
    let children = await load(model, connection);
    assert.equal(children.filter((node) => node.kind === 'deployment').length, 100);
    assert.equal(model.children()[0].description, '100 of 500 deployments loaded');
    let more = children[children.length - 1];
    assert.equal(more.kind, 'loadMore');
    assert.equal(more.description, '100 of 500 shown');
    const searches = () => emulator.state.requests.filter((request) => request.path === '/api/v1/deployments/_search').length;
    const before = searches();
    model.showMore(more);
    await model.settled();
    children = model.children(connection);
    assert.equal(searches(), before + 1, 'one more page was fetched');
    assert.equal(children.filter((node) => node.kind === 'deployment').length, 200);
    assert.equal(model.children()[0].description, '200 of 500 deployments loaded');
    for (let page = 0; page < 3; page++) {
      more = model.children(connection).at(-1) as TreeNode;
      model.showMore(more);
      await model.settled();
    }
    children = model.children(connection);
    assert.equal(children.filter((node) => node.kind === 'deployment').length, 500);
    assert.ok(!children.some((node) => node.kind === 'loadMore'));
    assert.equal(new Set(children.map((node) => node.deploymentId)).size, 500, 'no deployment twice');
    assert.equal(model.children()[0].description, '500 deployments');
  });

  test('a failed page leaves the loaded deployments and says so on "Load more…"', async () => {
    const model = modelFor([org()]);
    const [connection] = model.children();
    const children = await load(model, connection);
    emulator.faults.status(503, { method: 'POST', path: '/api/v1/deployments/_search' });
    model.showMore(children[children.length - 1]);
    await model.settled();
    emulator.faults.clear();
    const after = model.children(connection);
    assert.equal(after.filter((node) => node.kind === 'deployment').length, 100);
    assert.match(after[after.length - 1].description ?? '', /^failed: /);
  });

  test('cross-cluster keys: expiry shown, a warning within 30 days, expired keys as errors, told once loaded', async () => {
    const told: string[][] = [];
    const model = modelFor([es('issuer', 'issuer')], {
      onKeysLoaded: (_profile, keys) => told.push(keys.map((key) => key.name)),
    });
    const [connection] = model.children();
    const children = await load(model, connection);
    const group = find(children, 'Cross-cluster API keys');
    assert.equal(group.description, '4 · 2 expiring or expired');
    assert.deepEqual(group.icon, { id: 'warning', color: 'list.warningForeground' });
    const keys = model.children(group);
    assert.deepEqual(labels(keys), ['forever', 'gone', 'later', 'soon']);
    const soon = find(keys, 'soon');
    assert.match(soon.description ?? '', /^expires in 5 days \(\d{4}-\d{2}-\d{2}\) · search logs-\*$/);
    assert.deepEqual(soon.icon, { id: 'warning', color: 'list.warningForeground' });
    assert.match(soon.tooltip, /expires within 30 days/);
    assert.equal(soon.contextValue, 'crossClusterKey');
    assert.match(find(keys, 'gone').description ?? '', /^expired 2 days ago/);
    assert.equal(find(keys, 'gone').icon.id, 'error');
    assert.equal(find(keys, 'later').icon.id, 'key');
    assert.equal(find(keys, 'forever').description, 'search logs-*');
    assert.deepEqual(told, [['forever', 'gone', 'later', 'soon']]);
    model.setSort('status');
    assert.deepEqual(labels(model.children(group)), ['gone', 'soon', 'forever', 'later']);
  });
});
