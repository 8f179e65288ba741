/**
 * Data safety of the flows' writes (reliability audit, section D): writes whose answer is lost,
 * undo that fails, and changes someone else makes between the user's summary and the write.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { addRemoteCluster } from '../../../../client/src/flows/addRemoteCluster';
import { createCrossClusterApiKey } from '../../../../client/src/flows/createApiKey';
import { removeRemoteCluster } from '../../../../client/src/flows/removeRemoteCluster';
import { addTrustedEnvironment } from '../../../../client/src/flows/trust';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import {
  cloudConnection,
  esConnection,
  everythingShown,
  ScriptedFlowUi,
  selfManagedApiKeyStart,
  testContext,
  type Answer,
  type SavedConnection,
  CONNECTION_DEFAULTS,
} from './support';

/** Longer than the 1 s timeout of the connections below: the client gives up, the cluster has acted. */
const LATE_MS = 2500;

function withTimeout(saved: SavedConnection, seconds: number): SavedConnection {
  return { ...saved, profile: { ...saved.profile, timeoutSeconds: seconds } };
}

function apiKeyStart(alias: string): Answer[] {
  return [...selfManagedApiKeyStart(), { type: alias }, { type: 'logs-*' }, { type: '' }];
}

describe('Writes whose answer is lost, and undo that fails (Elasticsearch)', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'local', version: '8.15.0' },
        { name: 'remote', version: '8.17.0' },
      ],
    });
    saved = [
      withTimeout(esConnection('local', emulator.clusterUrl('local')), 1),
      withTimeout(esConnection('remote', emulator.clusterUrl('remote')), 1),
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
  });

  /** The keystore step of the self-managed flow, played with the key the user copied. */
  function keystoreAnswers(alias: string) {
    return [
      { match: /Add the key to the keystore/, answer: 'Copy Key' },
      {
        match: /Add the key to the keystore/,
        answer: (ui: ScriptedFlowUi) => {
          emulator.state
            .cluster('local')
            .keystoreAdd(`cluster.remote.${alias}.credentials`, ui.clipboard[ui.clipboard.length - 1]);
          return 'Done: Added on Every Node';
        },
      },
    ];
  }

  const keysNamed = (name: string) => [...emulator.state.cluster('remote').apiKeys.values()].filter((key) => key.name === name);
  const aliasSettings = (alias: string) =>
    Object.keys(emulator.state.cluster('local').persistent).filter((key) => key.startsWith(`cluster.remote.${alias}.`));

  test('D1: settings applied but answered too late are read back, counted as done, and the flow goes on', async () => {
    emulator.faults.answerLate(LATE_MS, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    const ui = new ScriptedFlowUi(apiKeyStart('late'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: keystoreAnswers('late'),
    });
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);

    assert.equal(result.outcome, 'completed', result.report);
    assert.match(
      result.report,
      /No answer came back for this step \(PUT \/_cluster\/settings .*timed out.*\), but reading the state back shows it was carried out: Set cluster\.remote\.late\.mode: proxy/,
    );
    assert.deepEqual(aliasSettings('late').sort(), ['cluster.remote.late.mode', 'cluster.remote.late.proxy_address']);
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('local'), 'late').connected, true);
  });

  test('D1: when the late settings cannot be read back either, they are recorded and "Undo" removes them with the key', async () => {
    emulator.faults.answerLate(LATE_MS, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    // The read-back right after the lost answer fails too; the undo's read later works.
    emulator.faults.before(() => emulator.faults.status(503, { server: 'local', method: 'GET', path: '/_cluster/settings' }), {
      server: 'local',
      method: 'PUT',
      path: '/_cluster/settings',
    });
    const ui = new ScriptedFlowUi(apiKeyStart('unsure'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [...keystoreAnswers('unsure'), { match: /remote-cluster settings on "local" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));

    assert.equal(result.outcome, 'rolled-back', result.report);
    const offer = ui.notices.find((notice) => notice.answer === 'Undo Changes');
    assert.match(offer?.message ?? '', /timed out.*Whether it was carried out is unknown: reading the state back failed too/);
    assert.match(
      offer?.detail ?? '',
      /• Possibly: Set cluster\.remote\.unsure\.mode: proxy .*\(the answer was lost and the result could not be read back\)/,
    );
    assert.deepEqual(aliasSettings('unsure'), [], 'the settings the cluster applied are gone');
    assert.deepEqual(
      keysNamed('remote-cluster-unsure-for-local').map((key) => key.invalidated),
      [true],
    );
    assert.ok(result.undone.some((text) => /^Possibly: Set cluster\.remote\.unsure\.mode/.test(text)));
    assert.doesNotMatch(result.report, /Nothing was changed/);
  });

  test('Remove Remote Cluster: a removal answered too late is read back and reported as done', async () => {
    emulator.state.cluster('local').persistent = {
      'cluster.remote.old.mode': 'proxy',
      'cluster.remote.old.proxy_address': 'old.example:9443',
    };
    emulator.faults.answerLate(LATE_MS, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    const ui = new ScriptedFlowUi([], { confirm: [{ match: /^Remove the remote cluster "old"/, answer: true }] });
    const result = await removeRemoteCluster(testContext(ui, saved), { connectionId: 'local', alias: 'old' });
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(result.report, /No answer came back for this step .*carried out: Set 2 setting\(s\) of "old" to null/);
    assert.doesNotMatch(result.report, /Nothing was changed/);
    assert.deepEqual(aliasSettings('old'), []);
  });

  test('D4: a key created but answered too late is found again by its creation id, reported, and invalidated on "Undo"', async () => {
    emulator.faults.answerLate(LATE_MS, { server: 'remote', method: 'POST', path: '/_security/cross_cluster/api_key' });
    const ui = new ScriptedFlowUi([{ type: 'orphan-test' }, { type: 'logs-*' }, { type: '' }, { type: '' }], {
      confirm: [{ match: /^Create this key\?/, answer: true }],
      notify: [{ match: /^Creating the key failed/, answer: 'Undo Changes' }],
    });
    const context = testContext(ui, saved);
    const result = await createCrossClusterApiKey(context, { connectionId: 'remote' });

    const [key] = keysNamed('orphan-test');
    assert.ok(key, 'the remote created the key');
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.equal(key.invalidated, true, 'the orphaned key was invalidated');
    const offer = ui.notices.find((notice) => notice.answer === 'Undo Changes');
    assert.match(
      offer?.detail ?? '',
      new RegExp(`• Created the cross-cluster API key "orphan-test" \\(id ${key.id}\\) on "remote"\\.`),
    );
    assert.match(offer?.message ?? '', /was created on "remote", but the answer carrying its value was lost/);
    assert.doesNotMatch(result.report, /No key was created/);
    assert.match(result.report, /## Undone\n\n- Created the cross-cluster API key "orphan-test"/);
    assert.deepEqual(ui.clipboard, [], 'there is no value to hand over');
    assert.ok(!everythingShown(context, result).includes(key.secret));
  });

  test('D4: "Keep Changes" leaves the orphaned key listed as made, never as "No key was created"', async () => {
    emulator.faults.answerLate(LATE_MS, { server: 'remote', method: 'POST', path: '/_security/cross_cluster/api_key' });
    const ui = new ScriptedFlowUi([{ type: 'orphan-kept' }, { type: 'logs-*' }, { type: '' }, { type: '' }], {
      confirm: [{ match: /^Create this key\?/, answer: true }],
      notify: [{ match: /^Creating the key failed/, answer: 'Keep Changes' }],
    });
    const result = await createCrossClusterApiKey(testContext(ui, saved), { connectionId: 'remote' });
    const [key] = keysNamed('orphan-kept');
    assert.equal(result.outcome, 'failed');
    assert.equal(key.invalidated, false);
    assert.match(
      result.report,
      new RegExp(`## Changes made\n\n- Created the cross-cluster API key "orphan-kept" \\(id ${key.id}\\)`),
    );
    assert.doesNotMatch(result.report, /No key was created/);
  });

  test('D5: settings refused (500), "Undo", invalidation fails (503): the headline and toast say what is left and how to remove it', async () => {
    emulator.faults.status(500, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    emulator.faults.status(503, { server: 'remote', method: 'DELETE', path: '/_security/api_key' });
    const ui = new ScriptedFlowUi(apiKeyStart('dfive'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [...keystoreAnswers('dfive'), { match: /remote-cluster settings on "local" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));

    const [key] = keysNamed('remote-cluster-dfive-for-local');
    assert.equal(key.invalidated, false, 'the invalidation really failed');
    assert.equal(result.outcome, 'partly-undone');
    assert.deepEqual(result.undone, []);
    assert.doesNotMatch(result.report, /Failed and undone/);
    assert.match(
      result.report,
      /^# .*\n\n\*\*Failed, and the undo failed too\.\*\* .*Nothing could be undone\. Still in place \(the undo failed\): Created the cross-cluster API key/,
    );
    const byHand = `DELETE /_security/api_key {"ids":["${key.id}"]}`;
    assert.ok(result.report.split('\n')[2].includes(byHand), 'the headline gives the request that removes the key');
    const toast = ui.notices[ui.notices.length - 1];
    assert.equal(toast.kind, 'error');
    assert.match(
      toast.message,
      /Still in place \(the undo failed\): Created the cross-cluster API key "remote-cluster-dfive-for-local"/,
    );
    assert.ok(toast.message.includes(byHand));
    assert.match(
      result.report,
      /## Still to do by hand\n\n(- .*\n)*- Could not undo "Created the cross-cluster API key .*\(503\)/,
    );
  });

  test('an undo carried out but answered too late is read back and counted as undone', async () => {
    emulator.faults.status(500, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    emulator.faults.answerLate(LATE_MS, { server: 'remote', method: 'DELETE', path: '/_security/api_key' });
    const ui = new ScriptedFlowUi(apiKeyStart('slowundo'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [...keystoreAnswers('slowundo'), { match: /remote-cluster settings on "local" failed/, answer: 'Undo Changes' }],
    });
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.deepEqual(
      keysNamed('remote-cluster-slowundo-for-local').map((key) => key.invalidated),
      [true],
    );
    assert.match(result.undone[0], /Created the cross-cluster API key "remote-cluster-slowundo-for-local"/);
    assert.ok(context.logLines.some((line) => /Undone \(no answer came back, reading the state back confirms it\)/.test(line)));
  });

  test('an invalidation Elasticsearch skips (200 with error_details) is reported as not undone', async () => {
    emulator.faults.status(500, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    emulator.faults.status(
      200,
      { server: 'remote', method: 'DELETE', path: '/_security/api_key' },
      {
        invalidated_api_keys: [],
        previously_invalidated_api_keys: [],
        error_count: 1,
        error_details: [
          {
            type: 'security_exception',
            reason: 'Cannot invalidate cross-cluster API key [x]. This requires [manage_security] cluster privilege or higher',
          },
        ],
      },
    );
    const ui = new ScriptedFlowUi(apiKeyStart('skipped'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [...keystoreAnswers('skipped'), { match: /remote-cluster settings on "local" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'partly-undone');
    assert.deepEqual(result.undone, []);
    assert.match(
      result.report,
      /Could not undo "Created the cross-cluster API key .*": Elasticsearch did not invalidate the API key .*This requires \[manage_security\].*It is still valid\./,
    );
    assert.deepEqual(
      keysNamed('remote-cluster-skipped-for-local').map((key) => key.invalidated),
      [false],
    );
  });

  test('an invalidation that finds nothing because the key is already invalid counts as undone', async () => {
    emulator.faults.status(500, { server: 'local', method: 'PUT', path: '/_cluster/settings' });
    // Someone invalidated it first: Elasticsearch then answers with empty lists.
    emulator.faults.before(() => keysNamed('remote-cluster-gone-for-local').forEach((key) => (key.invalidated = true)), {
      server: 'remote',
      method: 'DELETE',
      path: '/_security/api_key',
    });
    const ui = new ScriptedFlowUi(apiKeyStart('gone'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [...keystoreAnswers('gone'), { match: /remote-cluster settings on "local" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.match(result.undone[0], /Created the cross-cluster API key "remote-cluster-gone-for-local"/);
  });
});

describe('Concurrent changes and plans on Elastic Cloud', () => {
  const ACCOUNT = 'org-9';
  const ALPHA_ID = 'a'.repeat(32);
  const BETA_ID = 'b'.repeat(32);
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [{ name: 'alpha' }, { name: 'beta' }, { name: 'gamma' }],
      cloud: {
        apiKeys: ['org-key'],
        accountId: ACCOUNT,
        deployments: [
          { id: 'dep-a', name: 'a', cluster: 'alpha', clusterId: ALPHA_ID },
          { id: 'dep-b', name: 'b', cluster: 'beta', clusterId: BETA_ID },
          { id: 'dep-g', name: 'g', cluster: 'gamma' },
        ],
      },
    });
    saved = [
      esConnection('alpha', emulator.clusterUrl('alpha')),
      cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'),
    ];
  });
  after(() => emulator.stop());
  beforeEach(() => {
    for (const deployment of emulator.state.cloud.deployments.values()) {
      deployment.trust = { accounts: [{ account_id: ACCOUNT, trust_all: true }] };
      deployment.pendingPlan = undefined;
      deployment.receivedPlans = [];
    }
    const a = deployment('dep-a');
    a.remoteClusters = [{ deployment_id: 'dep-g', elasticsearch_ref_id: 'main-elasticsearch', alias: 'older' }];
    emulator.state.cluster('alpha').persistent = {};
    emulator.state.requests.length = 0;
  });
  afterEach(() => emulator.faults.clear());

  function deployment(id: string) {
    const found = emulator.state.cloud.deployments.get(id);
    if (!found) throw new Error(`no deployment ${id}`);
    return found;
  }

  const pairAnswers: Answer[] = [
    { pick: /^TLS certificate/ },
    { pick: /^alpha$/ },
    { pick: /^Elastic Cloud Hosted/ },
    { pick: /^a$/ },
    { pick: /Elastic Cloud or ECE deployment/ },
    { pick: /^b$/ },
    CONNECTION_DEFAULTS,
    { type: 'beta' },
  ];

  /** A colleague adds an alias after the user reviewed the summary. */
  const colleagueAddsAlias = () => {
    deployment('dep-a').remoteClusters.push({
      deployment_id: 'dep-g',
      elasticsearch_ref_id: 'main-elasticsearch',
      alias: 'added-by-colleague',
    });
    return true;
  };

  test('D2: an alias a colleague added after the summary is shown and kept when the user applies on top', async () => {
    const ui = new ScriptedFlowUi(pairAnswers, {
      confirm: [
        { match: /^Make these changes\?/, answer: colleagueAddsAlias },
        { match: /^The remote clusters of deployment "a" changed since you reviewed it/, answer: true },
      ],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(ui.confirmations[0].detail, /add "beta" → "b" \("older" kept as they are\)/);
    assert.match(ui.confirmations[1].detail, /Added: "added-by-colleague" → deployment dep-g/);
    assert.deepEqual(
      deployment('dep-a').remoteClusters.map((ref) => ref.alias),
      ['older', 'added-by-colleague', 'beta'],
    );
  });

  test("D2: declining writes nothing over the colleague's list", async () => {
    const ui = new ScriptedFlowUi(pairAnswers, {
      confirm: [
        { match: /^Make these changes\?/, answer: colleagueAddsAlias },
        { match: /^The remote clusters of deployment "a" changed/, answer: false },
      ],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /you chose not to apply your change on top of it\. Nothing was written\./);
    assert.deepEqual(
      deployment('dep-a').remoteClusters.map((ref) => ref.alias),
      ['older', 'added-by-colleague'],
    );
  });

  test('a remote-clusters update without an answer that the list does not show is recorded as possible, and undo covers it', async () => {
    emulator.faults.reset({ server: 'cloud', method: 'PUT', path: /remote-clusters$/ });
    const ui = new ScriptedFlowUi(pairAnswers, {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [{ match: /Adding "beta" to the remote clusters of "a" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    const offer = ui.notices.find((notice) => notice.answer === 'Undo Changes');
    assert.match(offer?.message ?? '', /Whether it was carried out is unknown: .*may still be applying the update/);
    assert.match(offer?.detail ?? '', /• Possibly: Added "beta"/);
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.deepEqual(
      deployment('dep-a').remoteClusters.map((ref) => ref.alias),
      ['older'],
    );
  });

  /** A colleague's trust entry lands between the flow's read and its update, moving the version. */
  function colleagueBeforeTrustPut(times = 1) {
    let count = 0;
    emulator.faults.before(
      () => {
        const x = deployment('dep-a');
        count += 1;
        x.trust = { accounts: [...(x.trust.accounts ?? []), { account_id: `org-colleague${count}`, trust_all: true }] };
        x.version += 1;
      },
      { server: 'cloud', method: 'PUT', path: '/api/v1/deployments/dep-a', times },
    );
  }

  const addOrg3: Answer[] = [{ pick: /Elastic Cloud organization/ }, { type: 'org-3' }, { pick: /All of its/ }];

  test("D3: the version check catches a colleague's trust change; the user sees it and both entries are kept", async () => {
    colleagueBeforeTrustPut();
    const ui = new ScriptedFlowUi(addOrg3, {
      confirm: [
        { match: /^Change the trust of deployment "a"\?/, answer: true },
        { match: /^The trust of deployment "a" changed since you reviewed it/, answer: true },
      ],
    });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-a' });
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(ui.confirmations[1].detail, /Added: Organization org-colleague1 — all deployments/);
    assert.deepEqual(
      deployment('dep-a').trust.accounts?.map((entry) => entry.account_id),
      ['org-9', 'org-colleague1', 'org-3'],
    );
    const puts = emulator.state.requests.filter(
      (request) => request.method === 'PUT' && request.path === '/api/v1/deployments/dep-a',
    );
    assert.deepEqual(
      puts.map((request) => request.status),
      [409, 200],
      'the first update carried the old version and was refused',
    );
  });

  test("D3: declining leaves the colleague's trust as it is and changes nothing", async () => {
    colleagueBeforeTrustPut();
    const ui = new ScriptedFlowUi(addOrg3, {
      confirm: [
        { match: /^Change the trust of deployment "a"\?/, answer: true },
        { match: /^The trust of deployment "a" changed/, answer: false },
      ],
    });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-a' });
    assert.equal(result.outcome, 'cancelled');
    assert.deepEqual(
      deployment('dep-a').trust.accounts?.map((entry) => entry.account_id),
      ['org-9', 'org-colleague1'],
    );
  });

  test('a deployment that keeps changing under the write is given up after a bounded number of attempts', async () => {
    colleagueBeforeTrustPut(Infinity);
    const ui = new ScriptedFlowUi(addOrg3, {
      confirm: [
        { match: /^Change the trust of deployment "a"\?/, answer: true },
        { match: /^The trust of deployment "a" changed/, answer: true },
        { match: /^The trust of deployment "a" changed/, answer: true },
      ],
    });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-a' });
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /\(409\).*Nothing was changed\./);
    assert.ok(!deployment('dep-a').trust.accounts?.some((entry) => entry.account_id === 'org-3'));
  });

  test('a trust update carried out but answered with a dropped connection is read back and counted as done', async () => {
    emulator.faults.resetAfterApplying({ server: 'cloud', method: 'PUT', path: '/api/v1/deployments/dep-a' });
    const ui = new ScriptedFlowUi(addOrg3, { confirm: [{ match: /^Change the trust/, answer: true }] });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-a' });
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(
      result.report,
      /No answer came back for this step \(The connection to .* was closed before .*\), but reading the state back shows it was carried out: Added to the trust/,
    );
    assert.deepEqual(
      deployment('dep-a').trust.accounts?.map((entry) => entry.account_id),
      ['org-9', 'org-3'],
    );
  });

  test('a trust update dropped before it was carried out is reported as not done, after reading it back', async () => {
    emulator.faults.reset({ server: 'cloud', method: 'PUT', path: '/api/v1/deployments/dep-a' });
    const ui = new ScriptedFlowUi(addOrg3, { confirm: [{ match: /^Change the trust/, answer: true }] });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-a' });
    assert.equal(result.outcome, 'failed');
    assert.match(result.report, /Reading the state back shows it was not carried out\. Nothing was changed\./);
    assert.deepEqual(
      deployment('dep-a').trust.accounts?.map((entry) => entry.account_id),
      ['org-9'],
    );
  });

  test('the plan is sent back without its transient section', async () => {
    assert.ok(deployment('dep-a').plan.transient, 'the emulated deployment has a transient section to leak');
    const ui = new ScriptedFlowUi(addOrg3, { confirm: [{ match: /^Change the trust/, answer: true }] });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-a' });
    assert.equal(result.outcome, 'completed', result.report);
    const [sent] = deployment('dep-a').receivedPlans;
    assert.ok(sent, 'a plan was sent');
    assert.equal('transient' in sent, false);
    assert.deepEqual(sent.cluster_topology, deployment('dep-a').plan.cluster_topology);
  });

  test('a pending plan stops the trust update before anything is sent', async () => {
    const a = deployment('dep-a');
    a.pendingPlan = { ...a.plan, elasticsearch: { version: '9.0.0' } };
    const ui = new ScriptedFlowUi(addOrg3, { confirm: [{ match: /^Change the trust/, answer: true }] });
    const result = await addTrustedEnvironment(testContext(ui, saved), { connectionId: 'cloud', deploymentId: 'dep-a' });
    assert.equal(result.outcome, 'failed');
    assert.match(
      result.report,
      /A configuration change is in progress on deployment dep-a .*pending plan.*Nothing was changed\./,
    );
    assert.deepEqual(a.receivedPlans, []);
    assert.equal(emulator.state.requests.filter((request) => request.method === 'PUT').length, 0);
    assert.deepEqual(
      a.trust.accounts?.map((entry) => entry.account_id),
      ['org-9'],
    );
  });
});
