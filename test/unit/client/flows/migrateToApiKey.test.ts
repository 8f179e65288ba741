import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { migrateToApiKeyModel, withServerPort } from '../../../../client/src/flows/migrateToApiKey';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { esConnection, everythingShown, ScriptedFlowUi, testContext, type SavedConnection, type Answer } from './support';

const SETTING = 'cluster.remote.europe.credentials';
const TRANSPORT = 'remote.emulated.local:9300';

function keystoreAddFromClipboard(emulator: RunningEmulator) {
  return (ui: ScriptedFlowUi) => {
    emulator.state.cluster('local').keystoreAdd(SETTING, ui.clipboard[ui.clipboard.length - 1]);
    return 'Done: Added on Every Node';
  };
}

/** Answers after the arguments (local connection, alias): platform, remote, new address, access. */
function answers(address: string): Answer[] {
  return [{ pick: /^Self-managed/ }, { pick: /^remote$/ }, { type: address }, { type: 'logs-*' }, { type: 'leader-*' }];
}

describe('Migrate to the API-key model', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'local', version: '8.15.0' },
        { name: 'remote', version: '8.17.0' },
      ],
    });
    saved = [esConnection('local', emulator.clusterUrl('local')), esConnection('remote', emulator.clusterUrl('remote'))];
  });
  after(() => emulator.stop());
  beforeEach(() => {
    // "europe" is a certificate-model remote (sniff mode, transport port) that connects.
    const local = emulator.state.cluster('local');
    local.persistent = { 'cluster.remote.europe.seeds': [TRANSPORT], 'cluster.remote.europe.skip_unavailable': 'false' };
    local.transient = {};
    local.keystoreOnDisk.clear();
    local.reloadKeystore();
    local.followers.clear();
    local.autoFollowPatterns.clear();
    emulator.state.cluster('remote').apiKeys.clear();
    emulator.state.attemptConnection(local, 'europe');
  });
  afterEach(() => emulator.faults.clear());

  test('keeps the alias: creates the key, guides pausing and the keystore, switches to port 9443, verifies, offers trust removal', async () => {
    const local = emulator.state.cluster('local');
    assert.equal(emulator.state.remoteStatus(local, 'europe').connected, true, 'connected with certificates before');
    // Replication through "europe": an active follower, a paused one (stays paused), one of another alias, a pattern.
    local.followers.set('follower-logs', { leaderIndex: 'logs', remoteCluster: 'europe', status: 'active' });
    local.followers.set('follower-old', { leaderIndex: 'old', remoteCluster: 'europe', status: 'paused' });
    local.followers.set('follower-asia', { leaderIndex: 'x', remoteCluster: 'asia', status: 'active' });
    local.autoFollowPatterns.set('europe-logs', { remoteCluster: 'europe', active: true, leaderIndexPatterns: ['logs-*'] });
    let pausedDuringSwitch = false;
    const ui = new ScriptedFlowUi(answers('remote.emulated.local:9443'), {
      confirm: [{ match: /^Migrate "europe" to the API-key model\?/, answer: true }],
      notify: [
        { match: /Pause what uses "europe"/, answer: 'Done: Operations Paused' },
        { match: /Add the key to the keystore/, answer: 'Copy Key' },
        {
          match: /Add the key to the keystore/,
          answer: (scripted) => {
            pausedDuringSwitch =
              local.followers.get('follower-logs')?.status === 'paused' &&
              local.autoFollowPatterns.get('europe-logs')?.active === false;
            return keystoreAddFromClipboard(emulator)(scripted);
          },
        },
      ],
    });
    const context = testContext(ui, saved);
    const result = await migrateToApiKeyModel(context, { connectionId: 'local', alias: 'europe' });

    assert.equal(result.outcome, 'completed', result.report);
    // Same alias, same mode and other settings; only the address moved to the remote cluster server.
    assert.deepEqual(local.persistent, {
      'cluster.remote.europe.seeds': ['remote.emulated.local:9443'],
      'cluster.remote.europe.skip_unavailable': 'false',
    });
    const status = emulator.state.remoteStatus(local, 'europe');
    assert.equal(status.connected, true);
    assert.equal(status.usesApiKey, true);
    const keys = [...emulator.state.cluster('remote').apiKeys.values()];
    assert.equal(keys.length, 1);
    assert.deepEqual(keys[0].access, { search: [{ names: ['logs-*'] }], replication: [{ names: ['leader-*'] }] });
    assert.equal(keys[0].metadata.alias, 'europe');
    // The address input was pre-filled with port 9443; the summary named every step in order.
    assert.equal(ui.shown.find((shown) => /New seeds/.test(shown.text))?.value, 'remote.emulated.local:9443');
    const summary = ui.confirmations[0].detail;
    assert.match(summary, /1\. On "remote": create the cross-cluster API key/);
    assert.match(
      summary,
      /2\. On "local": pause the follower indices follower-logs and the auto-follow patterns europe-logs \(POST <index>\/_ccr\/pause_follow/,
    );
    // Followers survive: paused before the keystore changed, resumed on the same alias afterwards.
    assert.ok(pausedDuringSwitch, 'the follower and the pattern were paused while the credentials changed');
    assert.equal(local.followers.get('follower-logs')?.status, 'active');
    assert.equal(local.followers.get('follower-logs')?.remoteCluster, 'europe');
    assert.equal(local.autoFollowPatterns.get('europe-logs')?.active, true);
    assert.equal(local.followers.get('follower-old')?.status, 'paused', 'a follower paused before stays paused');
    assert.match(result.report, /Resumed the follower index follower-logs/);
    assert.match(
      summary,
      /4\. On "local": PUT _cluster\/settings — cluster\.remote\.europe\.seeds: remote\.emulated\.local:9443 \(now remote\.emulated\.local:9300\)/,
    );
    // After the switch: resume what was paused, and the certificate trust can go.
    assert.match(result.report, /Resume what you paused/);
    assert.ok(ui.notices.some((notice) => /Remove the certificate-model trust\?/.test(notice.message)));
    assert.ok(!everythingShown(context, result).includes(ui.clipboard[0]), 'the key is never shown or logged');
  });

  test('does not connect on the new address: undo restores the certificate-model settings and invalidates the key', async () => {
    const local = emulator.state.cluster('local');
    const ui = new ScriptedFlowUi(answers('remote.emulated.local:9444'), {
      confirm: [{ match: /^Migrate/, answer: true }],
      notify: [
        { match: /Pause what uses/, answer: 'Nothing to Pause' },
        { match: /Add the key to the keystore/, answer: 'Copy Key' },
        { match: /Add the key to the keystore/, answer: keystoreAddFromClipboard(emulator) },
        { match: /europe/, answer: 'Undo Changes' },
      ],
    });
    const context = testContext(ui, saved, { connectTimeoutMs: 3000 });
    const result = await migrateToApiKeyModel(context, { connectionId: 'local', alias: 'europe' });

    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.deepEqual(local.persistent, {
      'cluster.remote.europe.seeds': [TRANSPORT],
      'cluster.remote.europe.skip_unavailable': 'false',
    });
    const keys = [...emulator.state.cluster('remote').apiKeys.values()];
    assert.equal(keys[0].invalidated, true);
    // The keystore entry was added by hand, so removing it is left to the user, and the report says how.
    assert.match(result.report, /bin\/elasticsearch-keystore remove cluster\.remote\.europe\.credentials/);
  });

  test('failure with a paused follower: the undo says it could not resume it while the keystore still holds the key', async () => {
    const local = emulator.state.cluster('local');
    local.followers.set('follower-logs', { leaderIndex: 'logs', remoteCluster: 'europe', status: 'active' });
    const ui = new ScriptedFlowUi(answers('remote.emulated.local:9444'), {
      confirm: [{ match: /^Migrate/, answer: true }],
      notify: [
        { match: /Pause what uses/, answer: 'Nothing to Pause' },
        { match: /Add the key to the keystore/, answer: 'Copy Key' },
        { match: /Add the key to the keystore/, answer: keystoreAddFromClipboard(emulator) },
        { match: /europe/, answer: 'Undo Changes' },
      ],
    });
    const result = await migrateToApiKeyModel(testContext(ui, saved, { connectTimeoutMs: 3000 }), {
      connectionId: 'local',
      alias: 'europe',
    });
    // The certificate-model settings are back, but with the credentials still loaded the follower cannot reconnect.
    assert.equal(result.outcome, 'partly-undone', result.report);
    assert.deepEqual(local.persistent['cluster.remote.europe.seeds'], [TRANSPORT]);
    assert.equal(local.followers.get('follower-logs')?.status, 'paused');
    assert.match(result.report, /POST follower-logs\/_ccr\/resume_follow/);
    assert.match(result.report, /bin\/elasticsearch-keystore remove cluster\.remote\.europe\.credentials/);
  });

  test('refuses an alias that already uses the API key', async () => {
    const local = emulator.state.cluster('local');
    local.keystoreAdd(SETTING, 'x');
    local.reloadKeystore();
    const ui = new ScriptedFlowUi([{ pick: /^Self-managed/ }]);
    const result = await migrateToApiKeyModel(testContext(ui, saved), { connectionId: 'local', alias: 'europe' });
    assert.equal(result.outcome, 'cancelled');
    assert.match(ui.notices[0].message, /already uses the API-key model/);
  });

  test('withServerPort swaps the port', () => {
    assert.equal(withServerPort('es.example.com:9300'), 'es.example.com:9443');
    assert.equal(withServerPort('[::1]:9400'), '[::1]:9443');
  });
});
