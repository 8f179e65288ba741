/**
 * The diagnosis against the emulator: real API clients, the emulator's remote-cluster model and the
 * planted causes (missing role, REST key as credentials, invalidated / expiring key, incompatible
 * versions, alias typo). The network step gets a fixed report here: the emulated transport
 * addresses do not exist on any network; network.test.ts probes real sockets.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import type { HttpClient } from '../../../../client/src/api/http';
import { localProbe, remoteProbe } from '../../../../client/src/diagnosis/clusterProbes';
import { renderReport, runDiagnosis, verdictOf, type DiagnosisReport } from '../../../../client/src/diagnosis/engine';
import type { EndpointReport, NetworkProbe } from '../../../../client/src/diagnosis/checkContext';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { setNodeRoles } from '../../../emulator/diagnosis';
import { esHttp } from '../support';

const DAY = 86_400_000;

/** A network that answers like a healthy remote cluster server would. */
const healthyNetwork: NetworkProbe = {
  async probe(address) {
    const [host, port] = address.split(':');
    return {
      address,
      host,
      port: Number(port),
      dns: { addresses: ['127.0.0.1'] },
      tcp: { ok: true },
      speaks: 'tls',
      httpOverTls: false,
    } satisfies EndpointReport;
  },
};

function status(report: DiagnosisReport, id: string): string {
  const outcome = report.outcomes.find((candidate) => candidate.id === id);
  assert.ok(outcome, `check ${id} ran`);
  return outcome.status;
}

function outcome(report: DiagnosisReport, id: string) {
  const found = report.outcomes.find((candidate) => candidate.id === id);
  assert.ok(found);
  return found;
}

describe('diagnosis against the emulator', () => {
  let emulator: RunningEmulator;
  let localHttp: HttpClient;
  let remoteHttp: HttpClient;
  let encodedKey: string;
  let keyId: string;

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'local', version: '8.15.0' },
        { name: 'remote', version: '8.15.0' },
      ],
    });
    localHttp = esHttp(emulator.clusterUrl('local'));
    remoteHttp = esHttp(emulator.clusterUrl('remote'));
  });
  after(async () => {
    await localHttp.close();
    await remoteHttp.close();
    await emulator.stop();
  });

  beforeEach(() => {
    const local = emulator.state.cluster('local');
    const remote = emulator.state.cluster('remote');
    setNodeRoles(local, ['data', 'master', 'remote_cluster_client']);
    const key = remote.issueApiKey({
      name: 'ccs-key',
      type: 'cross_cluster',
      owner: 'elastic',
      roles: [],
      access: { search: [{ names: ['logs-*'] }] },
      metadata: { alias: 'west', local_cluster_uuid: local.uuid },
    });
    encodedKey = key.encoded;
    keyId = key.id;
    local.keystoreAdd('cluster.remote.west.credentials', key.encoded);
    local.reloadKeystore();
    local.persistent = { 'cluster.remote.west.seeds': [remote.remoteClusterServer.address] };
    local.roles.set('analyst', {
      cluster: [],
      indices: [],
      remote_indices: [{ clusters: ['west'], names: ['logs-*'], privileges: ['read'] }],
    });
  });

  const diagnose = (alias = 'west', extra: { keyId?: string } = {}) =>
    runDiagnosis({
      alias,
      localConnectionName: 'local',
      localConnectionId: 'local-id',
      local: localProbe(new ElasticsearchClient(localHttp)),
      remote: remoteProbe('remote', new ElasticsearchClient(remoteHttp)),
      keyHint: extra.keyId ? { id: extra.keyId } : undefined,
      network: healthyNetwork,
    });

  test('a healthy API-key remote passes every check that applies, and the report never shows the key', async () => {
    const report = await diagnose();
    for (const id of [
      'local.alias',
      'local.connected',
      'local.resolve',
      'local.roles',
      'local.port-model',
      'credentials.key',
      'credentials.access',
      'versions.ccs',
    ]) {
      assert.equal(status(report, id), 'passed', `${id}: ${outcome(report, id).evidence.join(' ')}`);
    }
    assert.equal(verdictOf(report), 'passed');
    const text = renderReport(report);
    assert.ok(!text.includes(encodedKey), 'the encoded key is not in the report');
    assert.match(text, /Diagnosis of remote cluster `west`/);
  });

  test('nodes without remote_cluster_client: the roles check fails and resolve-cluster reports the role error', async () => {
    setNodeRoles(emulator.state.cluster('local'), ['data', 'master']);
    const report = await diagnose();
    assert.equal(status(report, 'local.roles'), 'failed');
    assert.equal(outcome(report, 'local.roles').action?.kind, 'addRole');
    assert.equal(status(report, 'local.resolve'), 'failed');
    assert.match(outcome(report, 'local.resolve').evidence.join(' '), /does not have the remote cluster client role enabled/);
  });

  test('a REST API key stored as credentials: resolve-cluster fails with the key-type error and the key check names the cause', async () => {
    const remote = emulator.state.cluster('remote');
    const rest = remote.issueApiKey({ name: 'rest-key', type: 'rest', owner: 'elastic', roles: ['superuser'], metadata: {} });
    const local = emulator.state.cluster('local');
    local.keystoreAdd('cluster.remote.west.credentials', rest.encoded);
    local.reloadKeystore();
    const report = await diagnose('west', { keyId: rest.id });
    assert.equal(status(report, 'local.connected'), 'failed');
    assert.equal(status(report, 'local.resolve'), 'failed');
    assert.match(outcome(report, 'local.resolve').evidence.join(' '), /expected API key type of \[cross_cluster\]/);
    assert.match(outcome(report, 'local.resolve').fix ?? '', /REST API key/);
    assert.equal(status(report, 'credentials.key'), 'failed');
    assert.match(outcome(report, 'credentials.key').fix ?? '', /REST API key/);
    assert.ok(!renderReport(report).includes(rest.encoded));
  });

  test('an invalidated key fails; a key expiring within 30 days warns', async () => {
    const remote = emulator.state.cluster('remote');
    const record = remote.apiKeys.get(keyId);
    assert.ok(record);
    record.invalidated = true;
    let report = await diagnose();
    assert.equal(status(report, 'credentials.key'), 'failed');
    assert.equal(status(report, 'local.resolve'), 'failed');
    assert.match(outcome(report, 'local.resolve').evidence.join(' '), /unable to authenticate/);

    record.invalidated = false;
    record.expiration = Date.now() + 10 * DAY;
    report = await diagnose();
    assert.equal(status(report, 'credentials.key'), 'warning');
    assert.equal(status(report, 'local.connected'), 'passed');
  });

  test('local roles wanting indices the key does not grant: a warning naming them', async () => {
    emulator.state.cluster('local').roles.set('metrics', {
      cluster: [],
      indices: [],
      remote_indices: [{ clusters: ['w*'], names: ['metrics-*'], privileges: ['read'] }],
    });
    const report = await diagnose();
    assert.equal(status(report, 'credentials.access'), 'warning');
    assert.match(outcome(report, 'credentials.access').fix ?? '', /metrics-\*/);
    emulator.state.cluster('local').roles.delete('metrics');
  });

  test('a mistyped alias fails with the likely one suggested', async () => {
    const report = await diagnose('wset');
    assert.equal(status(report, 'local.alias'), 'failed');
    assert.match(outcome(report, 'local.alias').fix ?? '', /"west"/);
    assert.equal(status(report, 'credentials.key'), 'not-checked');
  });

  test('the API-key model pointed at the transport port: a port warning and the channel-profile error explained', async () => {
    emulator.state.cluster('local').persistent = {
      'cluster.remote.west.seeds': [emulator.state.cluster('remote').transportAddress],
    };
    const report = await diagnose();
    assert.equal(status(report, 'local.port-model'), 'warning');
    assert.equal(status(report, 'local.resolve'), 'failed');
    assert.match(outcome(report, 'local.resolve').fix ?? '', /remote cluster server port/);
  });

  test('incompatible versions fail the version check', async () => {
    const emulator2 = await startEmulator({
      clusters: [
        { name: 'new', version: '9.1.0' },
        { name: 'old', version: '8.17.0' },
      ],
    });
    const http = esHttp(emulator2.clusterUrl('new'));
    try {
      const local = emulator2.state.cluster('new');
      local.persistent = { 'cluster.remote.old.seeds': [emulator2.state.cluster('old').transportAddress] };
      const report = await runDiagnosis({
        alias: 'old',
        localConnectionName: 'new',
        localConnectionId: 'n',
        local: localProbe(new ElasticsearchClient(http)),
        network: healthyNetwork,
      });
      assert.equal(status(report, 'versions.ccs'), 'failed', outcome(report, 'versions.ccs').evidence.join(' '));
      assert.match(outcome(report, 'versions.ccs').fix ?? '', /8\.18/);
      assert.equal(status(report, 'credentials.key'), 'not-checked');
    } finally {
      await http.close();
      await emulator2.stop();
    }
  });
});
