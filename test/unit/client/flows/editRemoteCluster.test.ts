import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { editRemoteCluster } from '../../../../client/src/flows/editRemoteCluster';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cloudConnection, esConnection, ScriptedFlowUi, testContext, type SavedConnection } from './support';

describe('Edit Remote Cluster', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'local', version: '8.17.0' },
        { name: 'old', version: '7.17.20' },
      ],
    });
    saved = [esConnection('local', emulator.clusterUrl('local')), esConnection('old', emulator.clusterUrl('old'))];
  });
  after(() => emulator.stop());
  afterEach(() => {
    emulator.faults.clear();
    for (const name of ['local', 'old']) {
      emulator.state.cluster(name).persistent = {};
      emulator.state.cluster(name).transient = {};
    }
  });

  test('pre-fills every step from the cluster, shows a before/after diff and changes only what was edited', async () => {
    const local = emulator.state.cluster('local');
    local.persistent = {
      'cluster.remote.europe.mode': 'proxy',
      'cluster.remote.europe.proxy_address': 'eu.example.com:9443',
      'cluster.remote.europe.server_name': 'eu.example.com',
      'cluster.remote.europe.transport.compress': 'true',
      'cluster.remote.asia.seeds': ['asia.example.com:9300'],
    };
    const ui = new ScriptedFlowUi(
      [
        { pick: /^local$/ },
        { pick: /^europe$/ },
        { pick: /^Proxy mode/ },
        { type: 'eu2.example.com:9443' },
        { type: 'eu2.example.com' },
        { type: '6' },
        { pick: /^false/ },
      ],
      { confirm: [{ match: /Change the remote cluster "europe" on "local"\?/, answer: true }] },
    );
    const context = testContext(ui, saved);
    const result = await editRemoteCluster(context);
    assert.equal(result.outcome, 'completed', result.report);
    assert.deepEqual(ui.shown[1].labels, ['asia', 'europe']);
    assert.equal(ui.shown[2].active, 'Proxy mode (current)', 'the current mode is preselected');
    assert.equal(ui.shown[3].value, 'eu.example.com:9443', 'the address is pre-filled');
    assert.equal(ui.shown[4].value, 'eu.example.com');
    assert.equal(ui.shown[5].value, '', 'an unset count stays empty (the default)');
    assert.equal(ui.shown[6].active, 'Leave unset');
    assert.match(ui.shown[6].text, /default became true in 8\.15 \(this cluster: 8\.17\.0\)\. In effect now: true\./);
    assert.match(ui.shown[2].text, /^How "europe" connects \(now (not )?connected\)/, 'GET _remote/info says what is in effect');
    const detail = ui.confirmations[0].detail;
    assert.match(detail, /cluster\.remote\.europe\.proxy_address: eu\.example\.com:9443 → eu2\.example\.com:9443 \(persistent\)/);
    assert.match(detail, /cluster\.remote\.europe\.proxy_socket_connections: \(not set\) → 6/);
    assert.match(detail, /cluster\.remote\.europe\.skip_unavailable: \(not set\) → false/);
    assert.doesNotMatch(detail, /transport\.compress/, 'keys the flow does not manage are not touched');
    assert.deepEqual(local.persistent, {
      'cluster.remote.europe.mode': 'proxy',
      'cluster.remote.europe.proxy_address': 'eu2.example.com:9443',
      'cluster.remote.europe.server_name': 'eu2.example.com',
      'cluster.remote.europe.proxy_socket_connections': '6',
      'cluster.remote.europe.skip_unavailable': 'false',
      'cluster.remote.europe.transport.compress': 'true',
      'cluster.remote.asia.seeds': ['asia.example.com:9300'],
    });
    assert.match(result.report, /To undo later, put back the previous values/);
    assert.equal(context.refreshes, 1);
  });

  test('switching proxy → sniff nulls the proxy keys in the same request; a transient copy moves to persistent', async () => {
    const local = emulator.state.cluster('local');
    local.persistent = {
      'cluster.remote.europe.mode': 'proxy',
      'cluster.remote.europe.proxy_address': 'eu.example.com:9300',
      'cluster.remote.europe.proxy_socket_connections': '4',
    };
    local.transient = { 'cluster.remote.europe.skip_unavailable': 'true' };
    const ui = new ScriptedFlowUi([{ pick: /^Sniff mode/ }, { type: 'eu-1:9300 eu-2:9300' }, { type: '2' }, { pick: /^true/ }], {
      confirm: [{ match: /Change the remote cluster "europe"/, answer: true }],
    });
    const result = await editRemoteCluster(testContext(ui, saved), { connectionId: 'local', alias: 'europe' });
    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(ui.shown[1].value, 'eu.example.com:9300', 'the proxy address is offered as the first seed');
    assert.equal(ui.shown[3].active, 'true — skip it when unreachable', 'the transient value counts');
    assert.match(ui.confirmations[0].detail, /proxy mode's keys are removed in the same request/);
    assert.match(ui.confirmations[0].detail, /proxy_socket_connections: 4 → \(removed\)/);
    assert.deepEqual(local.persistent, {
      'cluster.remote.europe.mode': 'sniff',
      'cluster.remote.europe.seeds': ['eu-1:9300', 'eu-2:9300'],
      'cluster.remote.europe.node_connections': '2',
      'cluster.remote.europe.skip_unavailable': 'true',
    });
    assert.deepEqual(local.transient, {});
  });

  test('legacy search.remote.* keys on 7.x are moved to cluster.remote.* in one request', async () => {
    const old = emulator.state.cluster('old');
    old.persistent = { 'search.remote.legacy.seeds': ['l-1:9300'], 'search.remote.legacy.skip_unavailable': 'true' };
    const ui = new ScriptedFlowUi(
      [{ pick: /^old$/ }, { pick: /^legacy$/ }, { pick: /^Sniff mode/ }, { type: 'l-1:9300' }, { type: '' }, { pick: /^true/ }],
      { confirm: [{ match: /Change the remote cluster "legacy" on "old"/, answer: true }] },
    );
    const result = await editRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(ui.shown[1].labels?.join() ?? '', /legacy/);
    assert.match(ui.confirmations[0].detail, /Legacy names are moved to cluster\.remote\.legacy\.\*/);
    assert.match(ui.confirmations[0].detail, /search\.remote\.legacy\.seeds: \[l-1:9300\] → \(removed\)/);
    assert.deepEqual(old.persistent, {
      'cluster.remote.legacy.mode': 'sniff',
      'cluster.remote.legacy.seeds': ['l-1:9300'],
      'cluster.remote.legacy.skip_unavailable': 'true',
    });
  });

  test('a refused write changes nothing; a lost answer that cannot be read back is undone to the exact previous values', async () => {
    const local = emulator.state.cluster('local');
    const original = {
      'cluster.remote.europe.mode': 'proxy',
      'cluster.remote.europe.proxy_address': 'eu.example.com:9443',
      'cluster.remote.europe.skip_unavailable': 'false',
    };
    local.persistent = { ...original };
    const answers = [{ type: 'other.example.com:9443' }, { type: '' }, { type: '' }, { pick: /^Leave unset/ }];
    const refusedUi = new ScriptedFlowUi([{ pick: /^Proxy/ }, ...answers], {
      confirm: [{ match: /Change the remote cluster/, answer: true }],
    });
    emulator.faults.status(403, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    const refused = await editRemoteCluster(testContext(refusedUi, saved), { connectionId: 'local', alias: 'europe' });
    assert.equal(refused.outcome, 'failed');
    assert.match(refused.report, /Nothing was changed/);
    assert.deepEqual(local.persistent, original);

    // The write is carried out but its answer is lost, and reading the settings back fails too.
    emulator.faults.resetAfterApplying({ server: 'local', method: 'PUT', path: '/_cluster/settings' });
    emulator.faults.before(() => emulator.faults.status(500, { server: 'local', method: 'GET', path: '/_cluster/settings' }), {
      server: 'local',
      method: 'PUT',
      path: '/_cluster/settings',
    });
    const lostUi = new ScriptedFlowUi([{ pick: /^Proxy/ }, ...answers], {
      confirm: [{ match: /Change the remote cluster/, answer: true }],
      notify: [{ match: /Changing "europe" failed/, answer: 'Undo Changes' }],
    });
    const result = await editRemoteCluster(testContext(lostUi, saved), { connectionId: 'local', alias: 'europe' });
    assert.equal(result.outcome, 'rolled-back', result.report);
    const failure = lostUi.notices.find((notice) => notice.modal);
    assert.match(
      failure?.detail ?? '',
      /Possibly: Changed "europe" on "local":.*proxy_address: eu\.example\.com:9443 → other\.example\.com:9443/,
    );
    assert.match(result.report, /## Undone/);
    assert.deepEqual(local.persistent, original, 'the previous values are back, skip_unavailable included');
  });
});

describe('Edit Remote Cluster on an Elastic Cloud deployment', () => {
  // On Elastic Cloud the cluster name GET / reports is the deployment's Elasticsearch cluster ID.
  const HOSTED_ID = 'abcdef0123456789abcdef0123456789';
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: HOSTED_ID, version: '8.17.0' },
        { name: 'other', version: '8.17.0' },
      ],
      cloud: {
        apiKeys: ['org-key'],
        deployments: [
          { id: 'dep-h', name: 'hosted', cluster: HOSTED_ID, clusterId: HOSTED_ID },
          { id: 'dep-o', name: 'other', cluster: 'other' },
        ],
      },
    });
    saved = [
      esConnection('hosted', emulator.clusterUrl(HOSTED_ID)),
      cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'),
    ];
  });
  after(() => emulator.stop());

  const entries = () => {
    const deployment = emulator.state.cloud.deployments.get('dep-h');
    if (!deployment) throw new Error('no deployment');
    return deployment;
  };

  test("an alias of the deployment's remote-clusters list is changed there (skip_unavailable only); a failure is undone", async () => {
    entries().remoteClusters = [
      { deployment_id: 'dep-o', elasticsearch_ref_id: 'main-elasticsearch', alias: 'other' },
      { deployment_id: 'dep-o', elasticsearch_ref_id: 'main-elasticsearch', alias: 'kept', skip_unavailable: false },
    ];
    const ui = new ScriptedFlowUi([{ pick: /^hosted$/ }, { pick: /^other$/ }, { pick: /^true/ }], {
      confirm: [{ match: /Change the remote cluster "other" of deployment "hosted"\?/, answer: true }],
    });
    const result = await editRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.deepEqual(ui.shown[1].labels, ['kept', 'other']);
    assert.ok(!ui.shown.some((step) => /^proxy_address|^How "/.test(step.text)), 'only skip_unavailable is asked');
    assert.match(ui.confirmations[0].detail, /skip_unavailable: \(not set\) → true/);
    assert.deepEqual(
      entries().remoteClusters.map((ref) => [ref.alias, ref.skip_unavailable]),
      [
        ['kept', false],
        ['other', true],
      ],
    );

    // The list is written but the answer is lost, and reading it back fails too: undo puts the old entry back.
    emulator.faults.resetAfterApplying({ server: 'cloud', method: 'PUT', path: /remote-clusters$/ });
    emulator.faults.before(() => emulator.faults.status(500, { server: 'cloud', method: 'GET', path: /remote-clusters$/ }), {
      server: 'cloud',
      method: 'PUT',
      path: /remote-clusters$/,
    });
    const lostAnswers = new ScriptedFlowUi([{ pick: /^true/ }], {
      confirm: [{ match: /Change the remote cluster "kept"/, answer: true }],
      notify: [{ match: /Changing "kept" failed/, answer: 'Undo Changes' }],
    });
    const lost = await editRemoteCluster(testContext(lostAnswers, saved), { connectionId: 'hosted', alias: 'kept' });
    assert.equal(lost.outcome, 'rolled-back', lost.report);
    assert.equal(entries().remoteClusters.find((ref) => ref.alias === 'kept')?.skip_unavailable, false);
    emulator.faults.clear();
  });
});
