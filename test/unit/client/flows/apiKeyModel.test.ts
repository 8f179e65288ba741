import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { addRemoteCluster } from '../../../../client/src/flows/addRemoteCluster';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import {
  esConnection,
  everythingShown,
  REMOTE_SERVER,
  ScriptedFlowUi,
  selfManagedApiKeyStart,
  testContext,
  type SavedConnection,
  CONNECTION_DEFAULTS,
} from './support';

/** Plays `elasticsearch-keystore add` on the local cluster with the key the user copied. */
function keystoreAddFromClipboard(emulator: RunningEmulator, alias: string) {
  return (ui: ScriptedFlowUi) => {
    const key = ui.clipboard[ui.clipboard.length - 1];
    emulator.state.cluster('local').keystoreAdd(`cluster.remote.${alias}.credentials`, key);
    return 'Done: Added on Every Node';
  };
}

describe('Add Remote Cluster, API-key model', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'local', version: '8.15.0' },
        {
          name: 'remote',
          version: '8.17.0',
          users: [
            { username: 'elastic', password: 'changeme', roles: ['superuser'] },
            { username: 'reader', password: 'reader-pw', roles: ['monitor_only'] },
          ],
          roles: { monitor_only: { cluster: ['monitor'] } },
        },
        { name: 'old', version: '8.9.2' },
        { name: 'closed', version: '8.17.0', remoteClusterServer: false },
      ],
    });
    saved = [
      esConnection('local', emulator.clusterUrl('local')),
      esConnection('remote', emulator.clusterUrl('remote')),
      esConnection('reader', emulator.clusterUrl('remote'), 'reader', 'reader-pw'),
      esConnection('old', emulator.clusterUrl('old')),
      esConnection('closed', emulator.clusterUrl('closed')),
    ];
  });
  after(() => emulator.stop());
  afterEach(() => {
    emulator.faults.clear();
    const local = emulator.state.cluster('local');
    local.persistent = {};
    local.transient = {};
    local.keystoreOnDisk.clear();
    local.reloadKeystore();
    local.roles.clear();
  });

  test('self-managed: creates the key, guides the keystore step, writes proxy settings, connects, and offers a role', async () => {
    const ui = new ScriptedFlowUi(
      [...selfManagedApiKeyStart(), { type: 'europe' }, { type: 'logs-*, metrics-*' }, { type: '' }, { type: 'europe-readers' }],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [
          { match: /Add the key to the keystore/, answer: 'Copy Command' },
          { match: /Add the key to the keystore/, answer: 'Copy Key' },
          { match: /Add the key to the keystore/, answer: keystoreAddFromClipboard(emulator, 'europe') },
          { match: /is connected\. Create a role/, answer: 'Create Role' },
        ],
      },
    );
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);

    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(ui.remainingAnswers, 0);
    // The settings Elasticsearch now has for the alias.
    const local = emulator.state.cluster('local');
    assert.deepEqual(
      Object.fromEntries(Object.entries(local.persistent).filter(([key]) => key.startsWith('cluster.remote.europe.'))),
      { 'cluster.remote.europe.mode': 'proxy', 'cluster.remote.europe.proxy_address': REMOTE_SERVER },
    );
    assert.equal(emulator.state.remoteStatus(local, 'europe').connected, true);
    // The key on the remote grants exactly what was asked, and is a cross-cluster key.
    const keys = [...emulator.state.cluster('remote').apiKeys.values()].filter(
      (key) => key.type === 'cross_cluster' && !key.invalidated,
    );
    assert.equal(keys.length, 1);
    assert.deepEqual(keys[0].access, { search: [{ names: ['logs-*', 'metrics-*'] }] });
    assert.equal(keys[0].metadata.alias, 'europe');
    // The keystore step: command and key only on explicit request.
    assert.deepEqual(ui.clipboard[0], 'bin/elasticsearch-keystore add cluster.remote.europe.credentials');
    assert.equal(ui.clipboard.length, 2);
    const encoded = ui.clipboard[1];
    assert.equal(Buffer.from(encoded, 'base64').toString().split(':')[0], keys[0].id, 'the copied value is the encoded key');
    // Reload happened (the nodes loaded the credentials) and the role grants the same patterns on the alias.
    assert.equal(local.keystoreLoaded.get('cluster.remote.europe.credentials'), encoded);
    assert.deepEqual(local.roles.get('europe-readers')?.remote_indices, [
      { clusters: ['europe'], names: ['logs-*', 'metrics-*'], privileges: ['read', 'read_cross_cluster', 'view_index_metadata'] },
    ]);
    // The summary listed every change before anything was written.
    const summary = ui.confirmations[0].detail;
    assert.match(summary, /create the cross-cluster API key "remote-cluster-europe-for-local" \(search logs-\*, metrics-\*\)/);
    assert.match(summary, /bin\/elasticsearch-keystore add cluster\.remote\.europe\.credentials/);
    assert.match(summary, /proxy_address: remote\.emulated\.local:9443/);
    // Steps: counters, Back from the second on.
    assert.deepEqual(
      ui.shown.slice(0, 9).map((step) => step.step),
      [1, 2, 3, 4, 5, 5, 6, 7, 8],
    );
    assert.equal(ui.shown[0].canGoBack, false);
    assert.ok(ui.shown.slice(1, 9).every((step) => step.canGoBack));
    assert.equal(context.refreshes, 1, 'the remote-clusters view is refreshed after the change');
    assert.match(result.report, /is connected to the remote cluster "europe"/);
    assert.match(result.report, /Created the role "europe-readers"/);
    assert.ok(
      !everythingShown(context, result).includes(encoded),
      'the encoded key appears in no message, log line, report or result',
    );
  });

  test('self-managed: sniff mode with seeds, node_connections and skip_unavailable are asked for and written', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^API key/ },
        { pick: /^local$/ },
        { pick: /^Self-managed/ },
        { pick: /^remote$/ },
        { pick: /Enter the address/ },
        { type: REMOTE_SERVER },
        { pick: /^Sniff mode/ },
        { type: `${REMOTE_SERVER}, 127.0.0.1:9443` },
        { type: '0' },
        { type: '2' },
        { pick: /^false/ },
        { type: 'sniffed' },
        { type: 'logs-*' },
        { type: '' },
        'cancel',
      ],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [
          { match: /Add the key to the keystore/, answer: 'Copy Key' },
          { match: /Add the key to the keystore/, answer: keystoreAddFromClipboard(emulator, 'sniffed') },
        ],
      },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const local = emulator.state.cluster('local');
    assert.deepEqual(
      Object.fromEntries(Object.entries(local.persistent).filter(([key]) => key.startsWith('cluster.remote.sniffed.'))),
      {
        'cluster.remote.sniffed.mode': 'sniff',
        'cluster.remote.sniffed.seeds': [REMOTE_SERVER, '127.0.0.1:9443'],
        'cluster.remote.sniffed.node_connections': '2',
        'cluster.remote.sniffed.skip_unavailable': 'false',
      },
    );
    assert.match(
      ui.confirmations[0].detail,
      /cluster\.remote\.sniffed\.mode: sniff, seeds: remote\.emulated\.local:9443, 127\.0\.0\.1:9443, node_connections: 2, skip_unavailable: false/,
    );
    const mode = ui.shown.find((step) => /^How should "local" connect to/.test(step.text));
    assert.deepEqual(mode?.labels, ['Proxy mode', 'Sniff mode']);
    assert.equal(mode?.active, 'Proxy mode', 'proxy mode is the default');
    assert.ok(!ui.shown.some((step) => step.text.startsWith('TLS server name')), 'no server name in sniff mode');
    assert.equal(ui.shown.find((step) => step.text.startsWith('Seeds'))?.value, REMOTE_SERVER, 'the address is the first seed');
    assert.deepEqual(ui.shown.find((step) => step.text.startsWith('node_connections'))?.rejected, [
      'Give a whole number of at least 1, or leave it empty for the default.',
    ]);
    const skip = ui.shown.find((step) => step.text.startsWith('skip_unavailable'));
    assert.match(skip?.text ?? '', /default became true in 8\.15 \(this cluster: 8\.\d+\.\d+\)/);
  });

  test('a failure writing the settings offers the rollback: the key is invalidated and nothing is left behind', async () => {
    emulator.faults.status(500, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    const ui = new ScriptedFlowUi([...selfManagedApiKeyStart(), { type: 'failing' }, { type: 'logs-*' }, { type: '' }], {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [
        { match: /Add the key to the keystore/, answer: 'Copy Key' },
        { match: /Add the key to the keystore/, answer: keystoreAddFromClipboard(emulator, 'failing') },
        { match: /remote-cluster settings on "local" failed/, answer: 'Undo Changes' },
      ],
    });
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);

    assert.equal(result.outcome, 'rolled-back');
    const failure = ui.notices.find((notice) => notice.answer === 'Undo Changes');
    assert.ok(failure?.modal);
    assert.match(failure.detail ?? '', /Already done:\n• Created the cross-cluster API key "remote-cluster-failing-for-local"/);
    assert.match(failure.detail ?? '', /You added cluster\.remote\.failing\.credentials to the keystore/);
    const key = [...emulator.state.cluster('remote').apiKeys.values()].find(
      (candidate) => candidate.name === 'remote-cluster-failing-for-local',
    );
    assert.equal(key?.invalidated, true, 'the created key was invalidated');
    assert.deepEqual(emulator.state.cluster('local').persistent, {});
    // What no API can undo is handed to the user.
    assert.match(
      result.report,
      /## Still to do by hand\n\n- Remove it from every node of "local": bin\/elasticsearch-keystore remove cluster\.remote\.failing\.credentials/,
    );
    assert.match(result.report, /## Undone\n\n- Created the cross-cluster API key/);
  });

  test('when the connection does not come up, the likely cause is explained and undo restores the replaced alias exactly', async () => {
    const local = emulator.state.cluster('local');
    local.persistent = {
      'cluster.remote.europe.seeds': ['old-seed.example:9300'],
      'cluster.remote.europe.skip_unavailable': 'false',
    };
    const keysBefore = new Set(emulator.state.cluster('remote').apiKeys.keys());
    const ui = new ScriptedFlowUi(
      [
        ...selfManagedApiKeyStart([
          { pick: /Enter the address/ },
          { type: 'nowhere.example:9443' },
          CONNECTION_DEFAULTS,
          { type: '' },
        ]),
        { type: 'europe' },
        { type: 'logs-*' },
        { type: '' },
      ],
      {
        confirm: [
          { match: /already has a remote cluster "europe"\. Replace it\?/, answer: true },
          { match: /^Make these changes\?/, answer: true },
        ],
        notify: [
          { match: /Add the key to the keystore/, answer: 'Copy Key' },
          { match: /Add the key to the keystore/, answer: keystoreAddFromClipboard(emulator, 'europe') },
          { match: /did not connect within 10 s/, answer: 'Undo Changes' },
        ],
      },
    );
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);

    assert.equal(result.outcome, 'rolled-back');
    assert.match(ui.confirmations[0].detail, /cluster\.remote\.europe\.seeds: old-seed\.example:9300 \(persistent\)/);
    const failure = ui.notices.find((notice) => /did not connect/.test(notice.message));
    assert.match(failure?.message ?? '', /remote cluster server may not be reachable/);
    assert.ok(context.slept >= 9000, 'it waited the configured time (virtual clock)');
    assert.deepEqual(
      local.persistent,
      { 'cluster.remote.europe.seeds': ['old-seed.example:9300'], 'cluster.remote.europe.skip_unavailable': 'false' },
      'the old sniff configuration is back',
    );
    const created = [...emulator.state.cluster('remote').apiKeys.values()].filter((key) => !keysBefore.has(key.id));
    assert.equal(created.length, 1);
    assert.equal(created[0].invalidated, true, 'the key created by this run was invalidated');
  });

  test('stopping at the keystore step counts as a failure with the rollback offered', async () => {
    const ui = new ScriptedFlowUi([...selfManagedApiKeyStart(), { type: 'stopped' }, { type: 'logs-*' }, { type: '' }], {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [
        { match: /Add the key to the keystore/, answer: undefined },
        { match: /Stopped before the key was in the keystore/, answer: 'Undo Changes' },
      ],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back');
    assert.deepEqual(result.undone, [
      'Created the cross-cluster API key "remote-cluster-stopped-for-local" (id ' + result.undone[0].split('(id ')[1],
    ]);
    assert.deepEqual(emulator.state.cluster('local').persistent, {});
  });

  test('a node whose keystore lacks the credentials stops the flow before any settings are written', async () => {
    const ui = new ScriptedFlowUi([...selfManagedApiKeyStart(), { type: 'forgot' }, { type: 'logs-*' }, { type: '' }], {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [
        { match: /Add the key to the keystore/, answer: 'Done: Added on Every Node' },
        { match: /Storing the key in the local keystore failed/, answer: 'Keep Changes' },
      ],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /The keystore of local-node-0 does not hold cluster\.remote\.forgot\.credentials/);
    assert.deepEqual(emulator.state.cluster('local').persistent, {});
    assert.match(result.report, /## Changes made\n\n- Created the cross-cluster API key/, 'kept changes are listed');
  });

  test('a user without manage_security gets the privilege explained and nothing is changed', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^API key/ },
        { pick: /^local$/ },
        { pick: /^Self-managed/ },
        { pick: /^reader$/ },
        { pick: /Enter the address/ },
        { type: REMOTE_SERVER },
        CONNECTION_DEFAULTS,
        { type: '' },
        CONNECTION_DEFAULTS,
        { type: 'europe' },
        { type: 'logs-*' },
        { type: '' },
      ],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
      },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /Creating the cross-cluster API key failed: .*lacks the privilege.*"manage_security"/);
    assert.deepEqual(result.done, []);
    assert.deepEqual(emulator.state.cluster('local').persistent, {});
  });

  test('every answer is validated before the flow goes on', async () => {
    const keysBefore = emulator.state.cluster('remote').apiKeys.size;
    const ui = new ScriptedFlowUi(
      [
        { pick: /^API key/ },
        { pick: /^local$/ },
        { pick: /^Self-managed/ },
        { pick: /^old$/ }, // 8.9: no cross-cluster API keys
        { pick: /^closed$/ }, // remote cluster server disabled
        { pick: /^remote$/ },
        { pick: /Enter the address/ },
        { type: 'https://remote.emulated.local:9443' },
        { type: 'remote.emulated.local:9300' },
        { type: REMOTE_SERVER },
        CONNECTION_DEFAULTS,
        { type: '10.0.0.1' },
        { type: '' },
        CONNECTION_DEFAULTS,
        { type: 'eu.west' },
        { type: 'europe' },
        { type: 'Logs-*' },
        { type: '' },
        { type: '' },
        { type: 'leader-*' },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: false }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'cancelled', 'declining the summary writes nothing');
    const errors = ui.notices.filter((notice) => notice.kind === 'error').map((notice) => notice.message);
    assert.match(errors[0], /runs Elasticsearch 8\.9\.2, which has no cross-cluster API keys/);
    assert.match(errors[1], /remote cluster server of "closed" is not enabled/);
    const rejected = (prompt: RegExp) => ui.shown.find((step) => prompt.test(step.text))?.rejected ?? [];
    assert.deepEqual(rejected(/Address of the remote cluster server/).length, 2);
    assert.match(rejected(/Address of the remote cluster server/)[1], /Port 9300 is the certificate model's/);
    assert.match(rejected(/TLS server name/)[0], /cannot be an IP address/);
    assert.match(rejected(/^Alias/)[0], /letters, digits/);
    assert.match(rejected(/SEARCH/)[0], /uppercase/);
    assert.match(rejected(/REPLICATE/)[0], /at least one index pattern/);
    assert.match(ui.confirmations[0].detail, /replication leader-\*/);
    assert.equal(emulator.state.cluster('remote').apiKeys.size, keysBefore, 'no key was created');
  });

  test('Back returns to the previous step with the earlier answer kept', async () => {
    const ui = new ScriptedFlowUi([
      ...selfManagedApiKeyStart(),
      { type: 'first' }, // alias
      'back', // search → alias
      { type: 'second' },
      { type: 'logs-*' },
      'back', // replication → search
      'back', // search → alias
      'back', // alias → skip_unavailable
      { pick: /^false/ },
      { type: 'third' },
      'cancel',
    ]);
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'cancelled');
    const aliasSteps = ui.shown.filter((step) => step.text.startsWith('Alias'));
    assert.deepEqual(
      aliasSteps.map((step) => step.value),
      ['remote', 'first', 'second', 'second'],
      'suggested from the remote cluster name, then the earlier answers',
    );
    assert.equal(
      ui.shown.filter((step) => step.text.startsWith('Indices the local cluster may SEARCH'))[2].value,
      'logs-*',
      'Back keeps the typed patterns',
    );
    const skip = ui.shown.filter((step) => step.text.startsWith('skip_unavailable'));
    assert.equal(skip.length, 2, 'Back from the alias returned to the skip_unavailable question');
    assert.equal(skip[1].active, 'Leave unset', 'its earlier answer is kept');
  });

  test('version between 8.10 and the documented 8.14 asks before going on', async () => {
    const versioned = await startEmulator({
      clusters: [
        { name: 'local', version: '8.12.0' },
        { name: 'remote', version: '8.17.0' },
      ],
    });
    try {
      const ui = new ScriptedFlowUi([{ pick: /^API key/ }, { pick: /^local$/ }, { pick: /^Self-managed/ }, 'cancel'], {
        confirm: [{ match: /runs Elasticsearch 8\.12\.0\. The documentation for Self-managed lists 8\.14\.0/, answer: true }],
      });
      await addRemoteCluster(
        testContext(ui, [
          esConnection('local', versioned.clusterUrl('local')),
          esConnection('remote', versioned.clusterUrl('remote')),
        ]),
      );
      assert.equal(ui.confirmations.length, 1);
      assert.equal(ui.shown.length, 4, 'after confirming it went on to the remote step');
    } finally {
      await versioned.stop();
    }
  });

  test('without a remote connection: the pasted key is used and never shown', async () => {
    const remote = emulator.state.cluster('remote');
    const issued = remote.issueApiKey({
      name: 'made-in-kibana',
      type: 'cross_cluster',
      owner: 'elastic',
      roles: [],
      access: { search: [{ names: ['*'] }] },
      metadata: {},
    });
    const ui = new ScriptedFlowUi(
      [
        { pick: /^API key/ },
        { pick: /^local$/ },
        { pick: /^Self-managed/ },
        { pick: /No connection to the remote/ },
        { pick: /Enter the address/ },
        { type: REMOTE_SERVER },
        CONNECTION_DEFAULTS,
        { type: '' },
        CONNECTION_DEFAULTS,
        { type: 'not a key' },
        { type: issued.encoded },
        { type: 'pasted' },
      ],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [
          { match: /Add the key to the keystore/, answer: 'Copy Key' },
          { match: /Add the key to the keystore/, answer: keystoreAddFromClipboard(emulator, 'pasted') },
        ],
      },
    );
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);
    assert.equal(result.outcome, 'completed', result.report);
    const keyStep = ui.shown.find((step) => step.password);
    assert.ok(keyStep, 'the key is typed into a password box');
    assert.match(keyStep.rejected[0], /not an encoded key/);
    assert.match(ui.confirmations[0].detail, /Use the cross-cluster API key you pasted/);
    assert.ok(!everythingShown(context, result).includes(issued.encoded));
  });
});
