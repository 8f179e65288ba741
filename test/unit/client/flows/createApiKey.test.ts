import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCrossClusterApiKey } from '../../../../client/src/flows/createApiKey';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { esConnection, everythingShown, ScriptedFlowUi, testContext, type SavedConnection } from './support';

describe('Create Cross-Cluster API Key', () => {
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startEmulator({
      clusters: [{ name: 'remote', version: '9.3.0', apiKeys: [{ id: 'rest-key', key: 'rest-secret', roles: ['superuser'] }] }],
    });
  });
  after(() => emulator.stop());

  test('creates the key with the chosen access and hands the encoded value over only when asked', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^remote$/ },
        { type: '_reserved' },
        { type: 'ccs-logs' },
        { type: 'logs-*' },
        { type: 'leader-*' },
        { type: '(' },
        { type: 'CN=.*\\.node\\.eu' },
        { type: '1y' },
        { type: '90d' },
      ],
      {
        confirm: [{ match: /^Create this key\?/, answer: true }],
        notify: [
          { match: /was created\. Take its encoded value now/, answer: 'Copy Encoded Key' },
          { match: /was created\. Take its encoded value now/, answer: 'Open in Editor' },
          { match: /was created\. Take its encoded value now/, answer: undefined },
        ],
      },
    );
    const context = testContext(ui, [esConnection('remote', emulator.clusterUrl('remote'))]);
    const result = await createCrossClusterApiKey(context);
    assert.equal(result.outcome, 'completed', result.report);
    const record = emulator.state.cluster('remote').apiKeys.get(result.keyId as string);
    assert.equal(record?.name, 'ccs-logs');
    assert.deepEqual(record?.access, { search: [{ names: ['logs-*'] }], replication: [{ names: ['leader-*'] }] });
    assert.equal(record?.certificateIdentity, 'CN=.*\\.node\\.eu', 'offered because the cluster runs 9.3');
    assert.ok(record?.expiration !== undefined);
    const encoded = ui.clipboard[0];
    assert.equal(Buffer.from(encoded, 'base64').toString(), `${record?.id}:${record?.secret}`);
    assert.deepEqual(ui.opened, [{ title: 'Encoded key ccs-logs.txt', content: encoded }]);
    const rejected = (prompt: RegExp) => ui.shown.find((step) => prompt.test(step.text))?.rejected;
    assert.match(rejected(/^Name of the key/)?.[0] ?? '', /reserved/);
    assert.match(rejected(/Certificate identity/)?.[0] ?? '', /not a valid regular expression/);
    assert.match(rejected(/^Expiration/)?.[0] ?? '', /duration/);
    assert.ok(!everythingShown(context, result).includes(encoded));
  });

  test('a refused create request is reported and nothing is handed over', async () => {
    emulator.faults.status(503, { server: 'remote', method: 'POST', path: '/_security/cross_cluster/api_key' });
    const ui = new ScriptedFlowUi([{ type: 'k2' }, { type: '*' }, { type: '' }, { type: '' }, { type: '' }], {
      confirm: [
        { match: /every index/, answer: true },
        { match: /^Create this key\?/, answer: true },
      ],
    });
    const before = emulator.state.cluster('remote').apiKeys.size;
    const result = await createCrossClusterApiKey(testContext(ui, [esConnection('remote', emulator.clusterUrl('remote'))]), {
      connectionId: 'remote',
    });
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /Creating the key failed: .*\(503\)/);
    assert.equal(emulator.state.cluster('remote').apiKeys.size, before);
    assert.deepEqual(ui.clipboard, []);
  });

  test('the search access starts empty, and "*" is only kept after an explicit yes', async () => {
    const ui = new ScriptedFlowUi([{ type: 'k3' }, { type: '*' }, { type: 'logs-*' }, { type: '' }, { type: '' }, { type: '' }], {
      confirm: [
        { match: /^Let the local cluster search every index/, answer: false },
        { match: /^Create this key\?/, answer: true },
      ],
    });
    const result = await createCrossClusterApiKey(testContext(ui, [esConnection('remote', emulator.clusterUrl('remote'))]), {
      connectionId: 'remote',
    });
    assert.equal(result.outcome, 'completed', result.report);
    const searchStep = ui.shown.find((step) => /SEARCH/.test(step.text));
    assert.equal(searchStep?.value, '', 'nothing is pre-filled');
    assert.equal(ui.shown.filter((step) => /SEARCH/.test(step.text)).length, 2, 'declining "*" asks for the patterns again');
    assert.deepEqual(emulator.state.cluster('remote').apiKeys.get(result.keyId as string)?.access, {
      search: [{ names: ['logs-*'] }],
    });
  });

  test('a connection that signs in with an API key is refused with the reason', async () => {
    const ui = new ScriptedFlowUi([]);
    const saved: SavedConnection = {
      profile: { id: 'keyed', name: 'keyed', kind: 'elasticsearch', url: emulator.clusterUrl('remote'), auth: 'apiKey' },
      secrets: { apiKey: 'rest-key:rest-secret' },
    };
    const result = await createCrossClusterApiKey(testContext(ui, [saved]), { connectionId: 'keyed' });
    assert.equal(result.outcome, 'cancelled');
    assert.match(ui.notices[0].message, /only lets users \(not API keys\) create cross-cluster API keys/);
  });
});
