import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import { likelyCauses, waitForConnection } from '../../../../client/src/flows/remoteStatus';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { ELASTIC, esHttp } from '../support';
import { ScriptedFlowUi, testContext } from './support';

/**
 * Elasticsearch does not retry a disconnected remote by itself: the wait must make it try. The
 * remote starts out not trusting the local cluster, so the attempt the settings write makes fails;
 * the trust is then fixed on the remote side only, which by itself changes nothing locally.
 */

describe('waiting for a remote connection', () => {
  let emulator: RunningEmulator;
  const clients: ElasticsearchClient[] = [];
  const connect = (cluster: string) => {
    const client = new ElasticsearchClient(esHttp(emulator.clusterUrl(cluster), { auth: ELASTIC }));
    clients.push(client);
    return client;
  };

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'new', version: '8.17.0' },
        { name: 'old', version: '8.12.2' },
        { name: 'remote', version: '8.17.0', trustsCertificatesOf: [] },
      ],
    });
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.http.close()));
    await emulator.stop();
  });
  beforeEach(() => {
    emulator.state.cluster('remote').trustsCertificatesOf = new Set();
    emulator.state.requests.length = 0;
  });

  /** Writes the alias while the remote refuses, then fixes the trust on the remote side after the first poll. */
  async function failThenFix(local: string) {
    const client = connect(local);
    const remote = emulator.state.cluster('remote');
    await client.putClusterSettings({ persistent: { 'cluster.remote.r.seeds': [remote.transportAddress] } });
    assert.equal((await client.remoteInfo()).r.connected, false, 'the first attempt failed');
    remote.trustsCertificatesOf = new Set([local]);
    assert.equal((await client.remoteInfo()).r.connected, false, 'fixing the other side does not reconnect by itself');
    const context = testContext(new ScriptedFlowUi([]), []);
    return {
      result: await waitForConnection(context, client, 'r'),
      requests: emulator.state.requests
        .filter((request) => request.server === local)
        .map((request) => `${request.method} ${request.path}`),
    };
  }

  test('8.13 and later: the resolve-cluster API makes it reconnect', async () => {
    const { result, requests } = await failThenFix('new');
    assert.equal(result.connected, true);
    assert.ok(requests.includes('GET /_resolve/cluster/r:*'), requests.join(', '));
  });

  test('before 8.13: a search on alias:* makes it reconnect, after the missing endpoint is noticed once', async () => {
    const { result, requests } = await failThenFix('old');
    assert.equal(result.connected, true);
    assert.ok(requests.includes('GET /r:*/_search'), requests.join(', '));
    assert.equal(requests.filter((request) => request.startsWith('GET /_resolve/cluster')).length, 1);
  });

  test('with the version known, an old cluster is never sent resolve-cluster', async () => {
    const client = connect('old');
    const remote = emulator.state.cluster('remote');
    await client.putClusterSettings({ persistent: { 'cluster.remote.v.seeds': [remote.transportAddress] } });
    remote.trustsCertificatesOf = new Set(['old']);
    const result = await waitForConnection(testContext(new ScriptedFlowUi([]), []), client, 'v', '8.12.2');
    assert.equal(result.connected, true);
    assert.equal(
      emulator.state.requests.some((request) => request.path.startsWith('/_resolve/cluster')),
      false,
    );
  });

  test('what the resolve-cluster attempt reports is shown among the causes', async () => {
    const client = connect('new');
    const remote = emulator.state.cluster('remote');
    await client.putClusterSettings({ persistent: { 'cluster.remote.x.seeds': [remote.transportAddress] } });
    const reason = 'action [indices:admin/resolve/cluster] towards remote cluster is unauthorized for user [elastic]';
    emulator.faults.status(
      200,
      { server: 'new', path: '/_resolve/cluster/x:*', times: Infinity },
      { x: { connected: true, skip_unavailable: true, error: reason } },
    );
    try {
      const context = testContext(new ScriptedFlowUi([]), [], { connectTimeoutMs: 3000 });
      const result = await waitForConnection(context, client, 'x');
      assert.equal(result.connected, false);
      assert.equal(result.attemptProblem, reason);
      const causes = likelyCauses(result, { model: 'certificate', localPlatform: 'self-managed', remoteIsCloud: false });
      assert.ok(
        causes.some((cause) => cause.includes(reason)),
        causes.join('\n'),
      );
    } finally {
      emulator.faults.clear();
    }
  });
});

describe('likely causes of a connection that did not come up', () => {
  test('API-key model: missing credentials and the transport port are named first', () => {
    const causes = likelyCauses(
      {
        connected: false,
        waitedMs: 60000,
        info: {
          mode: 'proxy',
          connected: false,
          proxy_address: 'r.example:9300',
          server_name: '',
          num_proxy_sockets_connected: 0,
          max_proxy_socket_connections: 18,
          initial_connect_timeout: '30s',
          skip_unavailable: true,
        },
      },
      { model: 'api-key', localPlatform: 'self-managed', remoteIsCloud: false, keystore: 'manual' },
    );
    assert.match(
      causes[0],
      /no credentials for this alias loaded: add cluster\.remote\.<alias>\.credentials to the keystore of every node/,
    );
    assert.match(causes[1], /uses port 9300, the certificate model's port/);
  });

  test('a Cloud remote without server_name, and an alias that is not listed at all', () => {
    const cloud = likelyCauses(
      {
        connected: false,
        waitedMs: 1,
        info: {
          mode: 'proxy',
          connected: false,
          proxy_address: 'x.cloud:9400',
          server_name: '',
          num_proxy_sockets_connected: 0,
          max_proxy_socket_connections: 18,
          initial_connect_timeout: '30s',
          skip_unavailable: true,
        },
      },
      { model: 'certificate', localPlatform: 'cloud', remoteIsCloud: true },
    );
    assert.ok(cloud.some((cause) => /need server_name set to the deployment's endpoint/.test(cause)));
    const missing = likelyCauses(
      { connected: false, waitedMs: 1 },
      { model: 'api-key', localPlatform: 'cloud', remoteIsCloud: false },
    );
    assert.equal(missing.length, 1);
    assert.match(missing[0], /does not list the alias/);
  });
});
