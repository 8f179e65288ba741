import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { changeCrossClusterApiKey, rotatedName } from '../../../../client/src/flows/changeApiKey';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import {
  cloudConnection,
  esConnection,
  everythingShown,
  REMOTE_SERVER,
  ScriptedFlowUi,
  testContext,
  type SavedConnection,
} from './support';

const SETTING = 'cluster.remote.europe.credentials';

/** Plays `elasticsearch-keystore add --force` on the local cluster with the value the user copied last. */
function keystoreAddFromClipboard(emulator: RunningEmulator) {
  return (ui: ScriptedFlowUi) => {
    emulator.state.cluster('local').keystoreAdd(SETTING, ui.clipboard[ui.clipboard.length - 1]);
    return 'Done: Added on Every Node';
  };
}

describe('Change Cross-Cluster API Key', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];
  let old: { id: string; encoded: string };

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
    // "europe" on local connects to remote with an API key that expires in 10 days.
    const remote = emulator.state.cluster('remote');
    remote.apiKeys.clear();
    remote.remoteClusterServer.enabled = true;
    const issued = remote.issueApiKey({
      name: 'remote-cluster-europe-for-local',
      type: 'cross_cluster',
      owner: 'elastic',
      roles: [],
      access: { search: [{ names: ['logs-*'] }], replication: [{ names: ['leader-*'] }] },
      metadata: { alias: 'europe' },
      expiration: Date.now() + 10 * 86_400_000,
    });
    old = { id: issued.id, encoded: issued.encoded };
    const local = emulator.state.cluster('local');
    local.persistent = { 'cluster.remote.europe.mode': 'proxy', 'cluster.remote.europe.proxy_address': REMOTE_SERVER };
    local.keystoreOnDisk.clear();
    local.keystoreAdd(SETTING, issued.encoded);
    local.reloadKeystore();
  });
  afterEach(() => emulator.faults.clear());

  test('change access: pre-filled from the key, updated in place, undo-able, the connection untouched', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^remote$/ },
        { pick: /^remote-cluster-europe-for-local$/ },
        { pick: /^Change its access/ },
        { type: 'logs-*, metrics-*' },
        { type: '' },
      ],
      { confirm: [{ match: /^Change the access of "remote-cluster-europe-for-local"\?/, answer: true }] },
    );
    const context = testContext(ui, saved);
    const result = await changeCrossClusterApiKey(context);

    assert.equal(result.outcome, 'completed', result.report);
    const key = emulator.state.cluster('remote').apiKeys.get(old.id);
    assert.deepEqual(key?.access, { search: [{ names: ['logs-*', 'metrics-*'] }] });
    // The inputs showed the key's current access.
    const search = ui.shown.find((shown) => /SEARCH/.test(shown.text));
    assert.equal(search?.value, 'logs-*');
    assert.equal(ui.shown.find((shown) => /REPLICATE/.test(shown.text))?.value, 'leader-*');
    // The key list said when it expires; the summary said what it grants now and after.
    assert.match(ui.shown[1].labels?.join() ?? '', /remote-cluster-europe-for-local/);
    const detail = ui.confirmations[0].detail;
    assert.match(detail, /grants search logs-\*, metrics-\*\./);
    assert.match(detail, /Now it grants search logs-\*; replication leader-\*/);
    assert.match(result.report, /Changed the access of the key "remote-cluster-europe-for-local"/);
    assert.equal(key?.invalidated, false);
  });

  test('change access keeps the document and field restrictions of the patterns that stay', async () => {
    const remote = emulator.state.cluster('remote');
    // As in 50_cross_cluster.yml: a search entry with a query and field_security.
    const restricted = remote.issueApiKey({
      name: 'restricted',
      type: 'cross_cluster',
      owner: 'elastic',
      roles: [],
      access: {
        search: [
          {
            names: ['logs*'],
            query: '{"term":{"category":"shared"}}',
            field_security: { grant: ['*'], except: ['private'] },
          },
        ],
      },
      metadata: {},
    });
    const ui = new ScriptedFlowUi([{ pick: /^Change its access/ }, { type: 'logs*, metrics-*' }, { type: '' }], {
      confirm: [{ match: /^Change the access of "restricted"/, answer: true }],
    });
    const result = await changeCrossClusterApiKey(testContext(ui, saved), { connectionId: 'remote', keyId: restricted.id });
    assert.equal(result.outcome, 'completed', result.report);
    assert.deepEqual(remote.apiKeys.get(restricted.id)?.access, {
      search: [
        { names: ['logs*'], query: '{"term":{"category":"shared"}}', field_security: { grant: ['*'], except: ['private'] } },
        { names: ['metrics-*'] },
      ],
    });
    assert.match(ui.confirmations[0].detail, /Kept for the patterns that stay: the document and field restrictions .* of logs\*/);
  });

  test('change access fails: the key keeps its access and the report says so', async () => {
    emulator.faults.status(500, { method: 'PUT', path: /_security\/cross_cluster\/api_key\// });
    const ui = new ScriptedFlowUi([{ pick: /^Change its access/ }, { type: 'metrics-*' }, { type: '' }], {
      confirm: [{ match: /^Change the access/, answer: true }],
    });
    const context = testContext(ui, saved);
    const result = await changeCrossClusterApiKey(context, { connectionId: 'remote', keyId: old.id });
    assert.equal(result.outcome, 'failed');
    assert.deepEqual(emulator.state.cluster('remote').apiKeys.get(old.id)?.access, {
      search: [{ names: ['logs-*'] }],
      replication: [{ names: ['leader-*'] }],
    });
    assert.match(result.report, /Updating the key failed/);
    assert.match(result.report, /The access was not changed/);
  });

  test('rotate (self-managed): new key with the same access stored where the old one was, verified, old key invalidated', async () => {
    const ui = new ScriptedFlowUi([{ pick: /^local$/ }, { pick: /^Self-managed/ }, { pick: /^europe$/ }, { type: old.encoded }], {
      confirm: [{ match: /^Rotate "remote-cluster-europe-for-local" used by "europe" on "local"\?/, answer: true }],
      notify: [
        { match: /Put the new key into the keystore/, answer: 'Copy Key' },
        { match: /Put the new key into the keystore/, answer: keystoreAddFromClipboard(emulator) },
      ],
    });
    const context = testContext(ui, saved);
    const result = await changeCrossClusterApiKey(context, { connectionId: 'remote', keyId: old.id, action: 'rotate' });

    assert.equal(result.outcome, 'completed', result.report);
    const remote = emulator.state.cluster('remote');
    const local = emulator.state.cluster('local');
    const fresh = remote.apiKeys.get(result.newKeyId as string);
    assert.ok(fresh, 'a new key exists');
    assert.deepEqual(fresh.access, { search: [{ names: ['logs-*'] }], replication: [{ names: ['leader-*'] }] });
    assert.match(fresh.name, /^remote-cluster-europe-for-local-rotated-\d{8}-\d{4}$/);
    assert.equal(fresh.metadata.rotated_from, old.id);
    assert.ok(fresh.expiration !== undefined, 'the new key gets the old lifetime');
    assert.equal(remote.apiKeys.get(old.id)?.invalidated, true, 'the old key is invalidated');
    assert.equal(
      Buffer.from(local.keystoreLoaded.get(SETTING) as string, 'base64')
        .toString()
        .split(':')[0],
      fresh.id,
    );
    assert.equal(emulator.state.remoteStatus(local, 'europe').connected, true);
    // The summary listed the four stages; the secret went only to the clipboard.
    assert.match(ui.confirmations[0].detail, /4\. On "remote": invalidate the old key/);
    assert.match(ui.confirmations[0].detail, /"Undo" puts the old key back/);
    const encodedNew = ui.clipboard[0];
    assert.ok(!everythingShown(context, result).includes(encodedNew), 'the new key is never shown or logged');
    assert.ok(!everythingShown(context, result).includes(old.encoded), 'nor is the old one');
    assert.match(result.report, /Invalidated the old key/);
  });

  test('rotate: the keystore was not changed — stops before invalidating, and undo invalidates the new key', async () => {
    const ui = new ScriptedFlowUi([{ pick: /^local$/ }, { pick: /^Self-managed/ }, { pick: /^europe$/ }, { type: '' }], {
      confirm: [{ match: /^Rotate/, answer: true }],
      notify: [
        // The user says done without adding the key anywhere.
        { match: /Put the new key into the keystore/, answer: 'Done: Added on Every Node' },
        { match: /did not change/, answer: 'Undo Changes' },
      ],
    });
    const context = testContext(ui, saved);
    const result = await changeCrossClusterApiKey(context, { connectionId: 'remote', keyId: old.id, action: 'rotate' });

    assert.equal(result.outcome, 'rolled-back', result.report);
    const remote = emulator.state.cluster('remote');
    assert.equal(remote.apiKeys.get(old.id)?.invalidated, false, 'the old key stays valid');
    assert.equal(remote.apiKeys.get(result.newKeyId as string)?.invalidated, true, 'the new key is invalidated');
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('local'), 'europe').connected, true);
    assert.match(result.report, /still holds the old key/);
    // Without the old value the undo cannot put it back, and says what to do by hand.
    assert.match(result.report, /with the old key, then POST _nodes\/reload_secure_settings/);
  });

  test('rotate: the remote does not connect with the new key — undo puts the old key back and invalidates the new one', async () => {
    const remote = emulator.state.cluster('remote');
    const ui = new ScriptedFlowUi([{ pick: /^local$/ }, { pick: /^Self-managed/ }, { pick: /^europe$/ }, { type: old.encoded }], {
      confirm: [{ match: /^Rotate/, answer: true }],
      notify: [
        { match: /Put the new key into the keystore/, answer: 'Copy Key' },
        {
          match: /Put the new key into the keystore/,
          answer: (scripted) => {
            // Meanwhile the remote's remote cluster server goes away.
            remote.remoteClusterServer.enabled = false;
            return keystoreAddFromClipboard(emulator)(scripted);
          },
        },
        { match: /does not connect with the new key/, answer: 'Undo Changes' },
        {
          match: /Put the OLD key into the keystore/,
          answer: () => {
            remote.remoteClusterServer.enabled = true;
            return 'Copy Key';
          },
        },
        { match: /Put the OLD key into the keystore/, answer: keystoreAddFromClipboard(emulator) },
      ],
    });
    const context = testContext(ui, saved, { connectTimeoutMs: 3000 });
    const result = await changeCrossClusterApiKey(context, { connectionId: 'remote', keyId: old.id, action: 'rotate' });

    assert.equal(result.outcome, 'rolled-back', result.report);
    const local = emulator.state.cluster('local');
    assert.equal(local.keystoreLoaded.get(SETTING), old.encoded, 'the old key is back in the keystore');
    assert.equal(remote.apiKeys.get(old.id)?.invalidated, false);
    assert.equal(remote.apiKeys.get(result.newKeyId as string)?.invalidated, true);
    assert.equal(emulator.state.remoteStatus(local, 'europe').connected, true);
    assert.match(result.report, /## Undone/);
  });

  test('rotate (ECK): the Secret with the new key opens read-only; once applied, secure settings reload and the old key goes', async () => {
    const ui = new ScriptedFlowUi([{ pick: /^local$/ }, { pick: /^Kubernetes \(ECK\)/ }, { pick: /^europe$/ }, { type: '' }], {
      confirm: [{ match: /^Rotate/, answer: true }],
      notify: [
        {
          match: /Apply the new key to "local"/,
          answer: (scripted) => {
            // kubectl apply: the Secret's value reaches the nodes' keystores.
            const secret = scripted.opened[scripted.opened.length - 1].content;
            const value = /credentials: "([^"]+)"/.exec(secret)?.[1] as string;
            emulator.state.cluster('local').keystoreAdd(SETTING, value);
            return 'Done: Secret Applied';
          },
        },
      ],
    });
    const context = testContext(ui, saved);
    const result = await changeCrossClusterApiKey(context, { connectionId: 'remote', keyId: old.id, action: 'rotate' });
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(ui.opened[0].title, /^Secret local-remote-europe-credentials \(new key\)\.yaml$/);
    assert.match(ui.opened[0].content, /do not commit it/);
    const loaded = emulator.state.cluster('local').keystoreLoaded.get(SETTING) as string;
    assert.equal(Buffer.from(loaded, 'base64').toString().split(':')[0], result.newKeyId);
    assert.equal(emulator.state.cluster('remote').apiKeys.get(old.id)?.invalidated, true);
    assert.ok(!everythingShown(context, result).includes(loaded), 'the key is only in the read-only document');
    assert.match(ui.confirmations[0].detail, /A read-only editor shows the Secret/);
  });

  test('rotatedName replaces an earlier rotation suffix', () => {
    const now = new Date('2026-11-30T07:45:00Z');
    assert.equal(rotatedName('k', now), 'k-rotated-20261130-0745');
    assert.equal(rotatedName('k-rotated-20250101-0000', now), 'k-rotated-20261130-0745');
  });
});

describe('Change Cross-Cluster API Key: rotation on Elastic Cloud Hosted', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];
  let old: { id: string; encoded: string };

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'hosted', version: '8.17.0' },
        { name: 'remote', version: '8.17.0' },
      ],
      cloud: { apiKeys: ['org-key'], deployments: [{ id: 'prod-deployment', name: 'prod', cluster: 'hosted' }] },
    });
    saved = [
      esConnection('hosted', emulator.clusterUrl('hosted')),
      esConnection('remote', emulator.clusterUrl('remote')),
      cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'),
    ];
  });
  after(() => emulator.stop());
  beforeEach(() => {
    const remote = emulator.state.cluster('remote');
    remote.apiKeys.clear();
    remote.remoteClusterServer.enabled = true;
    const issued = remote.issueApiKey({
      name: 'for-prod',
      type: 'cross_cluster',
      owner: 'elastic',
      roles: [],
      access: { search: [{ names: ['logs-*'] }] },
      metadata: { alias: 'europe' },
    });
    old = { id: issued.id, encoded: issued.encoded };
    const hosted = emulator.state.cluster('hosted');
    hosted.persistent = { 'cluster.remote.europe.mode': 'proxy', 'cluster.remote.europe.proxy_address': REMOTE_SERVER };
    hosted.keystoreOnDisk.clear();
    hosted.keystoreAdd(SETTING, issued.encoded);
    hosted.reloadKeystore();
  });
  afterEach(() => emulator.faults.clear());

  const answers = (oldValue: string) => [
    { pick: /^hosted$/ },
    { pick: /^Elastic Cloud Hosted/ },
    { pick: /^prod$/ },
    { pick: /^europe$/ },
    { type: oldValue },
  ];

  test('the deployment keystore gets the new key through the API; the old key is invalidated', async () => {
    const ui = new ScriptedFlowUi(answers(''), { confirm: [{ match: /^Rotate "for-prod"/, answer: true }] });
    const context = testContext(ui, saved);
    const result = await changeCrossClusterApiKey(context, { connectionId: 'remote', keyId: old.id, action: 'rotate' });
    assert.equal(result.outcome, 'completed', result.report);
    const hosted = emulator.state.cluster('hosted');
    const stored = hosted.keystoreLoaded.get(SETTING) as string;
    assert.equal(Buffer.from(stored, 'base64').toString().split(':')[0], result.newKeyId);
    assert.equal(emulator.state.cluster('remote').apiKeys.get(old.id)?.invalidated, true);
    assert.match(
      ui.confirmations[0].detail,
      /In the keystore of deployment "prod": replace cluster\.remote\.europe\.credentials/,
    );
    assert.ok(
      ui.notices.every((notice) => !/keystore of every node/.test(notice.message)),
      'no manual keystore step',
    );
    assert.ok(!everythingShown(context, result).includes(stored));
  });

  test('the remote does not connect: undo writes the old key back through the API and invalidates the new one', async () => {
    const remote = emulator.state.cluster('remote');
    const ui = new ScriptedFlowUi(
      [
        ...answers(old.encoded).slice(0, 4),
        () => {
          // The remote cluster server goes down before the new key is checked.
          remote.remoteClusterServer.enabled = false;
          return { type: old.encoded };
        },
      ],
      {
        confirm: [{ match: /^Rotate/, answer: true }],
        notify: [
          {
            match: /does not connect with the new key/,
            answer: () => {
              remote.remoteClusterServer.enabled = true;
              return 'Undo Changes';
            },
          },
        ],
      },
    );
    const context = testContext(ui, saved, { connectTimeoutMs: 3000 });
    const result = await changeCrossClusterApiKey(context, { connectionId: 'remote', keyId: old.id, action: 'rotate' });
    assert.equal(result.outcome, 'rolled-back', result.report);
    const hosted = emulator.state.cluster('hosted');
    assert.equal(hosted.keystoreLoaded.get(SETTING), old.encoded, 'the old key is back in the deployment keystore');
    assert.equal(remote.apiKeys.get(old.id)?.invalidated, false);
    assert.equal(remote.apiKeys.get(result.newKeyId as string)?.invalidated, true);
    assert.equal(emulator.state.remoteStatus(hosted, 'europe').connected, true);
  });
});
