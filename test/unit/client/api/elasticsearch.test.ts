import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import type { Auth } from '../../../../client/src/api/http';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { apiErrorOf, ELASTIC, esHttp } from '../support';

describe('Elasticsearch client against the emulator', () => {
  let emulator: RunningEmulator;
  const clients: ElasticsearchClient[] = [];
  const connect = (cluster: string, auth: Auth = ELASTIC) => {
    const client = new ElasticsearchClient(esHttp(emulator.clusterUrl(cluster), { auth }));
    clients.push(client);
    return client;
  };

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        {
          name: 'local',
          version: '8.15.2',
          users: [
            { username: 'elastic', password: 'changeme', roles: ['superuser'] },
            { username: 'watcher', password: 'watcher-pw', roles: ['monitor_only'] },
          ],
          roles: { monitor_only: { cluster: ['monitor'] }, key_role: { cluster: ['manage_security'] } },
          apiKeys: [{ id: 'restkey1', key: 'restsecret1', roles: ['key_role'] }],
        },
        { name: 'remote' },
        { name: 'open', security: false },
      ],
    });
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.http.close()));
    await emulator.stop();
  });
  beforeEach(() => {
    const local = emulator.state.cluster('local');
    local.persistent = {};
    local.transient = {};
  });

  test('GET / reports version, name and UUID; X-Pack reports security', async () => {
    const local = connect('local');
    const info = await local.info();
    assert.equal(info.version.number, '8.15.2');
    assert.equal(info.cluster_name, 'local');
    assert.equal(info.cluster_uuid, emulator.state.cluster('local').uuid);
    const xpack = await local.xpackFeatures();
    assert.equal(xpack.features?.security?.enabled, true);
  });

  test('a cluster without security answers without credentials and says security is off', async () => {
    const open = connect('open', { type: 'none' });
    assert.equal((await open.info()).cluster_name, 'open');
    assert.equal((await open.xpackFeatures()).features?.security?.enabled, false);
  });

  test('API-key model end to end: connected only once the key is in the keystore, loaded, and the address is the remote cluster server', async () => {
    const remote = connect('remote');
    const local = connect('local');
    const key = await remote.createCrossClusterApiKey({
      name: 'to-local',
      access: { search: [{ names: ['logs-*'] }], replication: [{ names: ['archive'] }] },
    });
    assert.equal(Buffer.from(key.encoded, 'base64').toString(), `${key.id}:${key.api_key}`);

    const rcs = emulator.state.cluster('remote').remoteClusterServer.address;
    await local.putClusterSettings({ persistent: { cluster: { remote: { r1: { mode: 'proxy', proxy_address: rcs } } } } });
    // No credentials yet: the certificate model is used, which cannot talk to the remote cluster server port.
    assert.equal((await local.remoteInfo()).r1.connected, false);

    emulator.state.cluster('local').keystoreAdd('cluster.remote.r1.credentials', key.encoded);
    assert.equal((await local.remoteInfo()).r1.connected, false, 'not before reload_secure_settings');
    const reload = await local.reloadSecureSettings();
    const [node] = Object.values(reload.nodes);
    assert.deepEqual(node.secure_setting_names, ['cluster.remote.r1.credentials']);
    assert.equal(reload.cluster_name, 'local');

    const info = (await local.remoteInfo()).r1;
    assert.equal(info.mode, 'proxy');
    assert.equal(info.connected, true);
    assert.equal(info.cluster_credentials, '::es_redacted::');
    assert.ok(info.mode === 'proxy' && info.num_proxy_sockets_connected > 0);

    // Pointing the API-key alias at the transport port breaks it, as it would for real.
    await local.putClusterSettings({
      persistent: { 'cluster.remote.r1.proxy_address': emulator.state.cluster('remote').transportAddress },
    });
    assert.equal((await local.remoteInfo()).r1.connected, false);
    await local.putClusterSettings({ persistent: { 'cluster.remote.r1.proxy_address': rcs } });
    assert.equal((await local.remoteInfo()).r1.connected, true);

    const invalidated = await remote.invalidateApiKeys({ ids: [key.id] });
    assert.deepEqual(invalidated.invalidated_api_keys, [key.id]);
    assert.equal((await local.remoteInfo()).r1.connected, false, 'an invalidated key no longer connects');
    // Elasticsearch no longer finds invalidated keys, so a second call reports nothing at all.
    const again = await remote.invalidateApiKeys({ ids: [key.id] });
    assert.deepEqual([again.invalidated_api_keys, again.previously_invalidated_api_keys, again.error_count], [[], [], 0]);
  });

  test('certificate model: sniff seeds on the transport port connect; the API-key port does not', async () => {
    const local = connect('local');
    const remote = emulator.state.cluster('remote');
    await local.putClusterSettings({
      persistent: { 'cluster.remote.cert.seeds': [remote.transportAddress], 'cluster.remote.cert.skip_unavailable': false },
    });
    const info = (await local.remoteInfo()).cert;
    assert.equal(info.mode, 'sniff');
    assert.equal(info.connected, true);
    assert.equal(info.skip_unavailable, false);
    assert.equal(info.cluster_credentials, undefined);
    await local.putClusterSettings({ persistent: { 'cluster.remote.cert.seeds': [remote.remoteClusterServer.address] } });
    assert.equal((await local.remoteInfo()).cert.connected, false);
  });

  test('skip_unavailable defaults to true from 8.15 on', async () => {
    const local = connect('local');
    await local.putClusterSettings({ persistent: { 'cluster.remote.d.seeds': ['nowhere.example:9300'] } });
    const info = (await local.remoteInfo()).d;
    assert.equal(info.skip_unavailable, true);
    assert.equal(info.connected, false);
  });

  test('cluster settings: values come back as strings, nested or flat, with defaults on request', async () => {
    const local = connect('local');
    // A list setting given as one string comes back as that string, as Elasticsearch echoes it.
    const put = await local.putClusterSettings(
      { persistent: { 'cluster.remote.a.seeds': 'a.example:9300', 'cluster.remote.a.node_connections': 5 } },
      { flatSettings: true },
    );
    assert.deepEqual(put.persistent, { 'cluster.remote.a.node_connections': '5', 'cluster.remote.a.seeds': 'a.example:9300' });
    const nested = await local.getClusterSettings();
    assert.deepEqual(nested.persistent, { cluster: { remote: { a: { node_connections: '5', seeds: 'a.example:9300' } } } });
    assert.deepEqual(
      ((await local.remoteInfo()).a as { seeds: string[] }).seeds,
      ['a.example:9300'],
      '_remote/info always lists the seeds',
    );
    const flat = await local.getClusterSettings({ flatSettings: true, includeDefaults: true });
    assert.equal(flat.defaults?.['cluster.remote.a.skip_unavailable'], 'true');
    assert.equal(flat.defaults?.['cluster.remote.initial_connect_timeout'], '30s');
    assert.equal(flat.defaults?.['cluster.remote.a.seeds'], undefined, 'set values are not defaults');
  });

  test("cluster settings: switching mode without removing the old keys is refused with Elasticsearch's message", async () => {
    const local = connect('local');
    await local.putClusterSettings({ persistent: { 'cluster.remote.a.seeds': ['a.example:9300'] } });
    const error = await apiErrorOf(
      local.putClusterSettings({
        persistent: { 'cluster.remote.a.mode': 'proxy', 'cluster.remote.a.proxy_address': 'a.example:9443' },
      }),
    );
    assert.equal(error.kind, 'bad-request');
    assert.match(
      error.message,
      /Setting "cluster\.remote\.a\.seeds" cannot be used with the configured "cluster\.remote\.a\.mode" \[required=SNIFF, configured=PROXY\]/,
    );
    // All or nothing: nothing of the refused request was applied.
    assert.deepEqual((await local.getClusterSettings({ flatSettings: true })).persistent, {
      'cluster.remote.a.seeds': ['a.example:9300'],
    });
    // Nulling the old keys in the same request makes the switch valid.
    await local.putClusterSettings({
      persistent: {
        'cluster.remote.a.seeds': null,
        'cluster.remote.a.mode': 'proxy',
        'cluster.remote.a.proxy_address': 'a.example:9443',
      },
    });
    assert.deepEqual((await local.getClusterSettings({ flatSettings: true })).persistent, {
      'cluster.remote.a.mode': 'proxy',
      'cluster.remote.a.proxy_address': 'a.example:9443',
    });
  });

  test('cluster settings: dependent keys need an enabled remote; a wildcard null removes an alias', async () => {
    const local = connect('local');
    const error = await apiErrorOf(local.putClusterSettings({ persistent: { 'cluster.remote.b.skip_unavailable': true } }));
    assert.match(
      error.message,
      /Cannot configure setting \[cluster\.remote\.b\.skip_unavailable\] if remote cluster is not enabled\./,
    );
    await local.putClusterSettings({
      persistent: { 'cluster.remote.b.seeds': ['b.example:9300'], 'cluster.remote.b.skip_unavailable': true },
    });
    await local.putClusterSettings({ persistent: { 'cluster.remote.b.*': null } });
    assert.deepEqual((await local.getClusterSettings({ flatSettings: true })).persistent, {});
  });

  test('cluster settings: static, secure and unknown keys are refused; bad values are named', async () => {
    const local = connect('local');
    for (const key of [
      'cluster.remote.initial_connect_timeout',
      'remote_cluster_server.enabled',
      'cluster.remote.a.credentials',
    ]) {
      const error = await apiErrorOf(local.putClusterSettings({ persistent: { [key]: 'x' } }));
      assert.match(
        error.message,
        new RegExp(`persistent setting \\[${key.replace(/\./g, '\\.')}\\], not dynamically updateable`),
      );
    }
    // A key Elasticsearch does not know at all (here a typo of "seeds") is "not recognized", also when nulled.
    for (const value of ['x', null]) {
      const typo = await apiErrorOf(local.putClusterSettings({ transient: { 'cluster.remote.a.seed': value } }));
      assert.match(typo.message, /transient setting \[cluster\.remote\.a\.seed\], not recognized/);
    }
    const badPort = await apiErrorOf(local.putClusterSettings({ persistent: { 'cluster.remote.a.seeds': ['a.example'] } }));
    assert.match(badPort.message, /remote hosts need to be configured as \[host:port\], found \[a\.example\] instead/);
    const badBool = await apiErrorOf(
      local.putClusterSettings({
        persistent: { 'cluster.remote.a.seeds': ['a:1'], 'cluster.remote.a.skip_unavailable': 'maybe' },
      }),
    );
    assert.match(badBool.message, /only \[true\] or \[false\] are allowed/);
  });

  test('roles: create then update, read back, and "not found" is an empty answer', async () => {
    const local = connect('local');
    const role = {
      cluster: ['cross_cluster_search'],
      remote_indices: [{ clusters: ['r1'], names: ['logs-*'], privileges: ['read', 'read_cross_cluster'] }],
      remote_cluster: [{ clusters: ['r1'], privileges: ['monitor_enrich' as const] }],
    };
    assert.deepEqual(await local.putRole('ccs_reader', role), { role: { created: true } });
    assert.deepEqual(await local.putRole('ccs_reader', role), { role: { created: false } });
    const roles = await local.getRoles(['ccs_reader', 'missing']);
    assert.deepEqual(Object.keys(roles), ['ccs_reader']);
    assert.deepEqual(roles.ccs_reader.remote_indices, role.remote_indices);
    assert.deepEqual(await local.getRoles(['missing']), {});
    assert.ok('superuser' in (await local.getRoles()));
  });

  test('roles: invalid privileges are refused with the reason', async () => {
    const local = connect('local');
    const error = await apiErrorOf(
      local.putRole('bad', { remote_cluster: [{ clusters: ['r1'], privileges: ['monitor' as never] }] }),
    );
    assert.match(error.message, /Only \[monitor_enrich, monitor_stats\] are allowed/);
    const unknownField = await apiErrorOf(local.putRole('bad', { clusters: ['all'] } as never));
    assert.match(unknownField.message, /unexpected field \[clusters\]/);
  });

  test('a user without the privilege gets a 403 naming the privileges that would grant it', async () => {
    const watcher = connect('local', { type: 'basic', username: 'watcher', password: 'watcher-pw' });
    assert.equal((await watcher.remoteInfo()) !== undefined, true, 'monitor is enough to read');
    const error = await apiErrorOf(watcher.putClusterSettings({ persistent: { 'cluster.remote.a.seeds': ['a:9300'] } }));
    assert.equal(error.kind, 'forbidden');
    assert.deepEqual(error.details.grantingPrivileges, ['manage', 'all']);
    assert.match(error.message, /user "watcher" lacks the privilege for cluster:admin\/settings\/update/);
  });

  test('an API key cannot create a cross-cluster API key (Elasticsearch refuses with 400)', async () => {
    const viaKey = connect('local', { type: 'apiKey', apiKey: 'restkey1:restsecret1' });
    assert.equal((await apiErrorOf(viaKey.info())).kind, 'forbidden', 'the key role has no monitor privilege');
    const error = await apiErrorOf(viaKey.createCrossClusterApiKey({ name: 'x', access: { search: [{ names: ['*'] }] } }));
    assert.equal(error.kind, 'bad-request');
    assert.match(error.message, /An API key cannot be used to create a cross-cluster API key/);
  });

  test('cross-cluster keys: access is required, updates report whether anything changed, names invalidate', async () => {
    const remote = connect('remote');
    const missing = await apiErrorOf(remote.createCrossClusterApiKey({ name: 'x' } as never));
    assert.match(missing.message, /Required \[access\]/);
    const empty = await apiErrorOf(remote.createCrossClusterApiKey({ name: 'x', access: {} }));
    assert.match(empty.message, /non-empty access/);
    const key = await remote.createCrossClusterApiKey({
      name: 'rotating',
      access: { search: [{ names: ['a'] }] },
      expiration: '30d',
    });
    assert.ok(key.expiration && key.expiration > Date.now());
    assert.deepEqual(await remote.updateCrossClusterApiKey(key.id, { access: { search: [{ names: ['a', 'b'] }] } }), {
      updated: true,
    });
    assert.deepEqual(await remote.updateCrossClusterApiKey(key.id, { access: { search: [{ names: ['a', 'b'] }] } }), {
      updated: false,
    });
    const byName = await remote.invalidateApiKeys({ name: 'rotating' });
    assert.deepEqual(byName.invalidated_api_keys, [key.id]);
    const notFound = await apiErrorOf(remote.updateCrossClusterApiKey('nope', { access: { search: [{ names: ['a'] }] } }));
    assert.equal(notFound.kind, 'not-found');
  });
});
