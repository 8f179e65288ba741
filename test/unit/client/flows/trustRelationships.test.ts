import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  createTrustRelationship,
  exportTrustParameters,
  removeTrustRelationship,
} from '../../../../client/src/flows/trustRelationships';
import { addRemoteCluster } from '../../../../client/src/flows/addRemoteCluster';
import { addTrustedEnvironment } from '../../../../client/src/flows/trust';
import { startEmulator, TLS_FIXTURES, type RunningEmulator } from '../../../emulator';
import { cloudConnection, CONNECTION_DEFAULTS, esConnection, ScriptedFlowUi, testContext, type SavedConnection } from './support';

/**
 * Two ECE environments, each its own emulator (seed ece-remote-cluster-other-ece, "Configuring
 * platform level trust"). Requests and answers follow the ECE API description in cloud-sdk-go
 * (api/apidocs.json): get-trust-relationships, create-, update- and delete-trust-relationship.
 */
describe('ECE trust relationships: export, create, remove, two-way', () => {
  let first: RunningEmulator;
  let second: RunningEmulator;
  let saved: SavedConnection[];
  let secondCa: string;

  before(async () => {
    secondCa = readFileSync(TLS_FIXTURES.unknownCaFile, 'utf8');
    first = await startEmulator({
      clusters: [{ name: 'a1' }],
      cloud: {
        flavor: 'ece',
        apiKeys: ['key-1'],
        accountId: 'acct1',
        deployments: [{ id: 'dep-a', name: 'orders', cluster: 'a1' }],
      },
    });
    second = await startEmulator({
      clusters: [{ name: 'b1' }],
      cloud: {
        flavor: 'ece',
        apiKeys: ['key-2'],
        accountId: 'acct2',
        localCaCert: secondCa,
        deployments: [{ id: 'dep-b', name: 'analytics', cluster: 'b1' }],
      },
    });
    saved = [
      cloudConnection('ece-one', first.cloudUrl as string, 'key-1', 'ece'),
      cloudConnection('ece-two', second.cloudUrl as string, 'key-2', 'ece'),
    ];
  });
  after(async () => {
    await first.stop();
    await second.stop();
  });
  afterEach(() => {
    first.faults.clear();
    second.faults.clear();
  });

  const nonLocal = (emulator: RunningEmulator) => [...emulator.state.cloud.trustRelationships.values()].filter((r) => !r.local);

  test('export shows the CA certificate, environment ID and account as a read-only document and saves it where asked; nothing changes', async () => {
    const ui = new ScriptedFlowUi([
      { pick: /^ece-two$/ },
      { pick: /^Save to a file/ },
      { pick: /^Copy the environment ID/ },
      { pick: /^Done/ },
    ]);
    const result = await exportTrustParameters(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const [document] = ui.opened;
    assert.equal(document.title, 'ece-two.ece-trust-parameters.json');
    const parameters = JSON.parse(document.content);
    assert.equal(parameters.environment_id, second.state.cloud.installationId);
    assert.equal(parameters.public_ca_cert, secondCa);
    assert.deepEqual(parameters.account_ids, ['acct2']);
    assert.deepEqual(ui.saved, [{ name: 'ece-two.ece-trust-parameters.json', content: document.content }]);
    assert.deepEqual(ui.clipboard, [second.state.cloud.installationId]);
    assert.match(result.report, /Saved to \/virtual\/ece-two\.ece-trust-parameters\.json/);
    assert.match(result.report, /Nothing was changed/);
    assert.match(result.report, /both ways/);
    assert.equal(nonLocal(second).length, 0);
  });

  test('creating on one side from the other connected environment trusts it, and the report names the missing direction', async () => {
    const ui = new ScriptedFlowUi(
      [{ pick: /^ece-one$/ }, { pick: /^ece-two$/ }, { type: 'ECE two' }, { pick: /^No, deployments opt in/ }],
      { confirm: [{ match: /Create a trust relationship in "ece-one"\?/, answer: true }] },
    );
    const result = await createTrustRelationship(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(ui.confirmations[0].detail, /Create: "ECE two" \(environment ID [0-9a-f]{32}, deployments opt in\)/);
    assert.match(ui.confirmations[0].detail, /both ways/);
    const [created] = nonLocal(first);
    assert.equal(created.name, 'ECE two');
    assert.equal(created.installation_id, second.state.cloud.installationId);
    assert.equal(created.public_ca_cert, secondCa);
    assert.deepEqual(created.account_ids, ['acct2']);
    assert.equal(created.trust_by_default, false);
    assert.match(result.report, /One-way only: "ece-one" trusts "ece-two", but "ece-two" does not trust "ece-one"/);
    assert.match(result.report, /To undo: run "Elastic: Remove ECE Trust Relationship" on "ece-one"/);
  });

  test('a deployment trusting the other environment is told, in the summary, that the platform trust is one-way', async () => {
    const ui = new ScriptedFlowUi(
      [{ pick: /^orders$/ }, { pick: /An ECE environment/ }, { pick: /^ECE two$/ }, { pick: /All of its/ }],
      {
        confirm: [{ match: /Change the trust of deployment "orders"\?/, answer: false }],
      },
    );
    const result = await addTrustedEnvironment(testContext(ui, saved));
    assert.equal(result.outcome, 'cancelled');
    assert.match(
      ui.confirmations[0].detail,
      /Platform trust: One-way only: "ece-one" trusts "ece-two", but "ece-two" does not trust "ece-one"/,
    );
  });

  test('Add Remote Cluster between deployments of the two environments says, in its summary, which platform direction is missing', async () => {
    const connections = [esConnection('orders-es', first.clusterUrl('a1')), ...saved];
    const ui = new ScriptedFlowUi(
      [
        { pick: /^TLS certificate/ },
        { pick: /^orders-es$/ },
        { pick: /^Elastic Cloud Enterprise/ },
        { pick: /^orders$/ },
        { pick: /Elastic Cloud or ECE deployment/ },
        { pick: /^analytics$/ },
        CONNECTION_DEFAULTS,
        { type: 'analytics' },
        { pick: /^Yes, both sides trust/ },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: false }] },
    );
    const result = await addRemoteCluster(testContext(ui, connections));
    assert.equal(result.outcome, 'cancelled');
    assert.match(
      ui.confirmations[0].detail,
      /Platform trust: One-way only: "ece-one" trusts "ece-two", but "ece-two" does not trust "ece-one"/,
    );
  });

  test('creating the other direction from an exported file completes the two-way trust', async () => {
    const exportUi = new ScriptedFlowUi([{ pick: /^ece-one$/ }, 'cancel']);
    await exportTrustParameters(testContext(exportUi, saved));
    const folder = mkdtempSync(path.join(tmpdir(), 'erc-trust-'));
    const file = path.join(folder, 'one.ece-trust-parameters.json');
    writeFileSync(file, exportUi.opened[0].content);
    const ui = new ScriptedFlowUi(
      [
        { pick: /^ece-two$/ },
        { pick: /trust parameters file/ },
        { type: path.join(folder, 'missing.json') },
        { type: file },
        { type: 'ECE one' },
        { pick: /^Yes, trusted by default/ },
      ],
      { confirm: [{ match: /Create a trust relationship in "ece-two"\?/, answer: true }] },
    );
    const result = await createTrustRelationship(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const fileStep = ui.shown.find((shown) => shown.kind === 'input' && /trust parameters file/.test(shown.text));
    assert.match(fileStep?.rejected[0] ?? '', /cannot be read/);
    const [created] = nonLocal(second);
    assert.equal(created.installation_id, first.state.cloud.installationId);
    assert.equal(created.trust_by_default, true);
    // The file source has no connection to check against: the report reminds of the other direction.
    assert.match(result.report, /must go both ways/);
  });

  test('started from the view with both environments given, only the name and default trust are asked', async () => {
    const temporary = await startEmulator({ clusters: [], cloud: { flavor: 'ece', apiKeys: ['key-4'] } });
    try {
      const connections = [...saved, cloudConnection('ece-four', temporary.cloudUrl as string, 'key-4', 'ece')];
      const ui = new ScriptedFlowUi([{ type: 'two' }, { pick: /^No/ }], {
        confirm: [{ match: /Create a trust relationship in "ece-four"\?/, answer: true }],
      });
      const result = await createTrustRelationship(testContext(ui, connections), {
        connectionId: 'ece-four',
        sourceConnectionId: 'ece-two',
      });
      assert.equal(result.outcome, 'completed', result.report);
      assert.equal(ui.shown.length, 2);
      assert.equal(nonLocal(temporary)[0].installation_id, second.state.cloud.installationId);
    } finally {
      await temporary.stop();
    }
  });

  test('an environment is not offered a relationship with itself', async () => {
    const exportUi = new ScriptedFlowUi([{ pick: /^ece-one$/ }, 'cancel']);
    await exportTrustParameters(testContext(exportUi, saved));
    const folder = mkdtempSync(path.join(tmpdir(), 'erc-trust-'));
    const file = path.join(folder, 'self.json');
    writeFileSync(file, exportUi.opened[0].content);
    const before = nonLocal(first).length;
    const ui = new ScriptedFlowUi([
      { pick: /^ece-one$/ },
      { pick: /trust parameters file/ },
      { type: file },
      { type: 'me' },
      { pick: /^No/ },
    ]);
    const result = await createTrustRelationship(testContext(ui, saved));
    assert.equal(result.outcome, 'cancelled');
    assert.match(ui.notices.at(-1)?.message ?? '', /is "ece-one" itself/);
    assert.equal(nonLocal(first).length, before);
  });

  test('a relationship for the same environment is replaced only after confirming, showing before and after', async () => {
    const ui = new ScriptedFlowUi([{ pick: /^ece-one$/ }, { pick: /^ece-two$/ }, { type: 'ECE two renamed' }, { pick: /^No/ }], {
      confirm: [{ match: /Replace the trust relationship "ECE two" of "ece-one"\?/, answer: false }],
    });
    const result = await createTrustRelationship(testContext(ui, saved));
    assert.equal(result.outcome, 'cancelled');
    assert.match(ui.confirmations[0].detail, /Replace: "ECE two"[\s\S]*With: "ECE two renamed"/);
    assert.equal(nonLocal(first)[0].name, 'ECE two');
  });

  test('a create whose answer is lost is read back and counted as done', async () => {
    const temporary = await startEmulator({ clusters: [], cloud: { flavor: 'ece', apiKeys: ['key-3'] } });
    try {
      const connections = [saved[1], cloudConnection('ece-three', temporary.cloudUrl as string, 'key-3', 'ece')];
      temporary.faults.resetAfterApplying({ method: 'POST', path: /trust-relationships$/ });
      const ui = new ScriptedFlowUi([{ pick: /^ece-three$/ }, { pick: /^ece-two$/ }, { type: 'two' }, { pick: /^No/ }], {
        confirm: [{ match: /Create a trust relationship/, answer: true }],
      });
      const result = await createTrustRelationship(testContext(ui, connections));
      assert.equal(result.outcome, 'completed', result.report);
      assert.match(result.report, /No answer came back for this step/);
      assert.equal(nonLocal(temporary).length, 1);
    } finally {
      await temporary.stop();
    }
  });

  test('remove names the deployments whose external trust uses the relationship, asks, and deletes it', async () => {
    const relationship = nonLocal(first)[0];
    const deployment = first.state.cloud.deployments.get('dep-a');
    if (deployment) deployment.trust = { external: [{ trust_relationship_id: relationship.id, trust_all: true }] };
    const ui = new ScriptedFlowUi([{ pick: /^ece-one$/ }, { pick: /^ECE two$/ }], {
      confirm: [{ match: /Remove the trust relationship "ECE two" from "ece-one"\?/, answer: true }],
    });
    const result = await removeTrustRelationship(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(ui.confirmations[0].detail, /external trust names it[^\n]*"orders"/);
    assert.match(ui.confirmations[0].detail, /new ID/);
    assert.equal(first.state.cloud.trustRelationships.has(relationship.id), false);
    assert.match(result.report, /"Elastic: Edit Trust" on: "orders"/);
    assert.match(result.report, /To undo: run "Elastic: Create ECE Trust Relationship"/);
  });

  test('the local relationship is never offered for removal, and a changed relationship is not deleted unseen', async () => {
    const ui = new ScriptedFlowUi([{ pick: /^ece-two$/ }, { pick: /^ECE one$/ }], {
      confirm: [
        {
          match: /Remove the trust relationship "ECE one"/,
          answer: () => {
            // A colleague edits it while the confirmation is open: the delete carries the version read before.
            const record = nonLocal(second)[0];
            record.version++;
            return true;
          },
        },
      ],
    });
    const result = await removeTrustRelationship(testContext(ui, saved));
    const picked = ui.shown.find((shown) => shown.kind === 'pick' && /^The trust relationship to remove/.test(shown.text));
    assert.deepEqual(picked?.labels, ['ECE one']);
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /Nothing was changed/);
    assert.equal(nonLocal(second).length, 1);
  });
});
