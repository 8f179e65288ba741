import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { removeRemoteCluster } from '../../../../client/src/flows/removeRemoteCluster';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { esConnection, ScriptedFlowUi, testContext, type SavedConnection } from './support';

describe('Remove Remote Cluster', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({ clusters: [{ name: 'local' }, { name: 'remote', version: '8.17.0' }] });
    saved = [esConnection('local', emulator.clusterUrl('local')), esConnection('remote', emulator.clusterUrl('remote'))];
  });
  after(() => emulator.stop());
  afterEach(() => {
    emulator.faults.clear();
    const local = emulator.state.cluster('local');
    local.persistent = {};
    local.transient = {};
  });

  test('nulls every key of the alias in both scopes and leaves other aliases alone', async () => {
    const local = emulator.state.cluster('local');
    local.persistent = {
      'cluster.remote.europe.mode': 'proxy',
      'cluster.remote.europe.proxy_address': 'remote.emulated.local:9443',
      'cluster.remote.europe.skip_unavailable': 'true',
      'cluster.remote.asia.seeds': ['asia.example:9300'],
    };
    local.transient = { 'cluster.remote.europe.transport.compress': 'true' };
    const ui = new ScriptedFlowUi([{ pick: /^local$/ }, { pick: /^europe$/ }], {
      confirm: [{ match: /Remove the remote cluster "europe" from "local"\?/, answer: true }],
    });
    const context = testContext(ui, saved);
    const result = await removeRemoteCluster(context);
    assert.equal(result.outcome, 'completed', result.report);
    assert.deepEqual(local.persistent, { 'cluster.remote.asia.seeds': ['asia.example:9300'] });
    assert.deepEqual(local.transient, {});
    assert.deepEqual(ui.shown[1].labels, ['asia', 'europe']);
    assert.deepEqual(
      ui.shown.map((step) => `${step.step}/${step.totalSteps}`),
      ['1/2', '2/2'],
      'a fixed list of steps shows its total',
    );
    assert.match(ui.shown.find((step) => step.labels?.includes('europe'))?.text ?? '', /remote cluster to remove/);
    assert.match(ui.confirmations[0].detail, /cluster\.remote\.europe\.transport\.compress: true \(transient\)/);
    assert.match(result.report, /Set 4 setting\(s\) of "europe" to null on "local"/);
    assert.equal(context.refreshes, 1);
  });

  test('with the connection and alias as arguments it only asks for the confirmation, and reports a keystore entry to clean up', async () => {
    const local = emulator.state.cluster('local');
    const remote = emulator.state.cluster('remote');
    const key = remote.issueApiKey({
      name: 'k',
      type: 'cross_cluster',
      owner: 'elastic',
      roles: [],
      access: { search: [{ names: ['*'] }] },
      metadata: {},
    });
    local.keystoreAdd('cluster.remote.keyed.credentials', key.encoded);
    local.reloadKeystore();
    local.persistent = {
      'cluster.remote.keyed.mode': 'proxy',
      'cluster.remote.keyed.proxy_address': remote.remoteClusterServer.address,
    };
    const ui = new ScriptedFlowUi([], { confirm: [{ match: /Remove the remote cluster "keyed"/, answer: true }] });
    const result = await removeRemoteCluster(testContext(ui, saved), { connectionId: 'local', alias: 'keyed' });
    assert.equal(result.outcome, 'completed');
    assert.equal(ui.shown.length, 0);
    assert.deepEqual(local.persistent, {});
    assert.match(result.report, /bin\/elasticsearch-keystore remove cluster\.remote\.keyed\.credentials/);
    local.keystoreRemove('cluster.remote.keyed.credentials');
    local.reloadKeystore();
  });

  test('an alias without cluster settings is explained; a refused update changes nothing', async () => {
    const missing = new ScriptedFlowUi([]);
    assert.equal(
      (await removeRemoteCluster(testContext(missing, saved), { connectionId: 'local', alias: 'ghost' })).outcome,
      'cancelled',
    );
    assert.match(missing.notices[0].message, /no cluster settings for a remote cluster "ghost"/);

    emulator.state.cluster('local').persistent = { 'cluster.remote.europe.seeds': ['eu.example:9300'] };
    emulator.faults.status(403, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    const ui = new ScriptedFlowUi([], { confirm: [{ match: /Remove the remote cluster/, answer: true }] });
    const result = await removeRemoteCluster(testContext(ui, saved), { connectionId: 'local', alias: 'europe' });
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /Nothing was changed/);
    assert.deepEqual(emulator.state.cluster('local').persistent, { 'cluster.remote.europe.seeds': ['eu.example:9300'] });
  });
});
