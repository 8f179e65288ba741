import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RemoteInfoResponse } from '../../../../client/src/api/types/elasticsearch';
import { flattenSettings } from '../../../../client/src/api/shape';
import { disconnectedHint, summarizeRemoteClusters } from '../../../../client/src/views/remoteClusters';

const remoteInfo = {
  west: {
    mode: 'proxy',
    connected: true,
    proxy_address: 'west.example.com:9443',
    server_name: 'west.example.com',
    num_proxy_sockets_connected: 18,
    max_proxy_socket_connections: 18,
    initial_connect_timeout: '30s',
    skip_unavailable: true,
    cluster_credentials: '::es_redacted::',
  },
  east: {
    mode: 'sniff',
    connected: false,
    seeds: ['east-1:9300', 'east-2:9300'],
    num_nodes_connected: 0,
    max_connections_per_cluster: 3,
    initial_connect_timeout: '30s',
    skip_unavailable: false,
  },
  yml_only: {
    mode: 'sniff',
    connected: true,
    seeds: ['y:9300'],
    num_nodes_connected: 1,
    max_connections_per_cluster: 3,
    initial_connect_timeout: '30s',
    skip_unavailable: false,
  },
} satisfies RemoteInfoResponse;

test('merges _remote/info with the cluster settings, one summary per alias, sorted by alias', () => {
  const remotes = summarizeRemoteClusters(remoteInfo, {
    persistent: {
      'cluster.remote.west.mode': 'proxy',
      'cluster.remote.west.proxy_address': 'west.example.com:9443',
      'cluster.remote.Draft.mode': 'proxy',
    },
    // Nested form, as Elasticsearch answers without flat_settings.
    transient: { cluster: { remote: { east: { seeds: ['east-1:9300', 'east-2:9300'] }, node: { attr: 'gateway' } } } },
  });
  assert.deepEqual(
    remotes.map((remote) => remote.alias),
    ['Draft', 'east', 'west', 'yml_only'],
  );
  const [draft, east, west, yml] = remotes;
  assert.deepEqual(
    {
      mode: west.mode,
      addresses: west.addresses,
      serverName: west.serverName,
      connected: west.connected,
      connections: west.connections,
      skip: west.skipUnavailable,
      model: west.securityModel,
      definedIn: west.definedIn,
    },
    {
      mode: 'proxy',
      addresses: ['west.example.com:9443'],
      serverName: 'west.example.com',
      connected: true,
      connections: { open: 18, max: 18 },
      skip: true,
      model: 'api-key',
      definedIn: ['persistent'],
    },
  );
  assert.equal(east.securityModel, 'certificate');
  assert.deepEqual(east.definedIn, ['transient']);
  assert.deepEqual(east.connections, { open: 0, max: 3 });
  assert.deepEqual(yml.definedIn, [], 'only elasticsearch.yml defines it');
  // In the settings but not in _remote/info: Elasticsearch has not enabled it.
  assert.equal(draft.connected, undefined);
  assert.equal(draft.mode, 'proxy');
  assert.equal(draft.securityModel, 'unknown');
});

test('odd responses are read as far as they make sense instead of throwing', () => {
  const remotes = summarizeRemoteClusters(
    { weird: { mode: 42, connected: 'yes', seeds: 'a:9300, b:9300' } } as unknown as RemoteInfoResponse,
    {
      persistent: null,
      transient: 'nope',
    } as never,
  );
  assert.equal(remotes.length, 1);
  assert.equal(remotes[0].mode, 'sniff');
  assert.deepEqual(remotes[0].addresses, ['a:9300', 'b:9300']);
  assert.equal(remotes[0].connected, undefined);
  assert.deepEqual(summarizeRemoteClusters(undefined, undefined), []);
  assert.deepEqual(summarizeRemoteClusters([] as never, [] as never), []);
});

test('removed settings (null) do not count as configuration', () => {
  assert.deepEqual(summarizeRemoteClusters({}, { persistent: { 'cluster.remote.gone.seeds': null }, transient: {} }), []);
});

test('flattens nested settings and keeps lists as values', () => {
  assert.deepEqual(
    flattenSettings({
      cluster: { remote: { a: { seeds: ['x:1'], skip_unavailable: 'true' } } },
      'cluster.remote.b.mode': 'proxy',
    }),
    {
      'cluster.remote.a.seeds': ['x:1'],
      'cluster.remote.a.skip_unavailable': 'true',
      'cluster.remote.b.mode': 'proxy',
    },
  );
});

test('a disconnected remote gets the likely reason when its port and security model disagree', () => {
  const base = { alias: 'r', mode: 'sniff' as const, definedIn: ['persistent' as const], settings: {}, connected: false };
  assert.match(
    disconnectedHint({ ...base, addresses: ['r:9300'], securityModel: 'api-key' }) ?? '',
    /remote cluster server \(port 9443/,
  );
  assert.match(
    disconnectedHint({ ...base, addresses: ['r:9443'], securityModel: 'certificate' }) ?? '',
    /cluster\.remote\.r\.credentials/,
  );
  assert.match(disconnectedHint({ ...base, addresses: ['r:9443'], securityModel: 'api-key' }) ?? '', /no open connection/);
  assert.equal(disconnectedHint({ ...base, connected: true, addresses: ['r:9300'], securityModel: 'api-key' }), undefined);
});
