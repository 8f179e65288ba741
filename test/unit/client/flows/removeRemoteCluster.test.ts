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
    const ui = new ScriptedFlowUi([{ pick: /^local$/ }, { pickMany: [/^europe$/] }], {
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
    assert.match(ui.shown.find((step) => step.labels?.includes('europe'))?.text ?? '', /remote clusters to remove/);
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

  test('several aliases: one summary, one confirmation, one settings request; the report says how to put them back', async () => {
    const local = emulator.state.cluster('local');
    local.persistent = {
      'cluster.remote.europe.mode': 'proxy',
      'cluster.remote.europe.proxy_address': 'eu.example:9443',
      'cluster.remote.asia.seeds': ['asia.example:9300'],
      'cluster.remote.africa.seeds': ['africa.example:9300'],
    };
    let puts = 0;
    emulator.faults.before(() => puts++, { server: 'local', method: 'PUT', path: '/_cluster/settings', times: Infinity });
    const ui = new ScriptedFlowUi([{ pick: /^local$/ }, { pickMany: [/^europe$/, /^asia$/] }], {
      confirm: [{ match: /Remove 2 remote clusters \("asia", "europe"\) from "local"\?/, answer: true }],
    });
    const result = await removeRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(ui.shown[1].kind, 'pickMany');
    assert.equal(ui.confirmations.length, 1);
    assert.match(ui.confirmations[0].detail, /cluster\.remote\.europe\.proxy_address: eu\.example:9443 \(persistent\)/);
    assert.match(ui.confirmations[0].detail, /cluster\.remote\.asia\.seeds: asia\.example:9300 \(persistent\)/);
    assert.equal(puts, 1, 'one request for all aliases');
    assert.deepEqual(local.persistent, { 'cluster.remote.africa.seeds': ['africa.example:9300'] });
    assert.match(result.report, /To put "asia", "europe" back exactly as they were: .*"cluster\.remote\.europe\.mode":"proxy"/);
  });

  test('several aliases from the view: a lost answer that cannot be read back is undone, restoring every alias', async () => {
    const local = emulator.state.cluster('local');
    const original = {
      'cluster.remote.europe.mode': 'proxy',
      'cluster.remote.europe.proxy_address': 'eu.example:9443',
      'cluster.remote.europe.skip_unavailable': 'false',
      'cluster.remote.asia.seeds': ['asia.example:9300'],
    };
    local.persistent = { ...original };
    emulator.faults.resetAfterApplying({ server: 'local', method: 'PUT', path: '/_cluster/settings' });
    emulator.faults.before(() => emulator.faults.status(500, { server: 'local', method: 'GET', path: '/_cluster/settings' }), {
      server: 'local',
      method: 'PUT',
      path: '/_cluster/settings',
    });
    const ui = new ScriptedFlowUi([], {
      confirm: [{ match: /Remove 2 remote clusters/, answer: true }],
      notify: [{ match: /Removing "europe", "asia" failed/, answer: 'Undo Changes' }],
    });
    const result = await removeRemoteCluster(testContext(ui, saved), { connectionId: 'local', aliases: ['europe', 'asia'] });
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.equal(ui.shown.length, 0, "the view's selection answers the steps");
    assert.match(
      ui.notices.find((notice) => notice.modal)?.detail ?? '',
      /Possibly: Set 4 setting\(s\) of "europe", "asia" to null/,
    );
    assert.deepEqual(local.persistent, original);
  });
});
