import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { TrustSettings } from '../../../../client/src/api/types/cloud';
import { addRemoteCluster } from '../../../../client/src/flows/addRemoteCluster';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { CONNECTION_DEFAULTS, cloudConnection, esConnection, ScriptedFlowUi, testContext, type SavedConnection } from './support';

const ACCOUNT = 'acct-1';
const ALPHA_ID = 'a'.repeat(32);
const BETA_ID = 'b'.repeat(32);
const DIRECT_ENTRY = {
  name: 'on-prem',
  type: 'generic' as const,
  trust_all: true,
  scope_id: 'onprem',
  certificates: [{ pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }],
};

function restrictedTrust(extra: Partial<TrustSettings> = {}): TrustSettings {
  return { accounts: [{ account_id: ACCOUNT, trust_all: false, trust_allowlist: [] }], ...extra };
}

describe('Add Remote Cluster, TLS-certificate model', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'alpha', version: '8.17.0' },
        { name: 'beta', version: '9.1.0' },
        { name: 'gamma', version: '8.17.0' },
        { name: 'self1', version: '8.17.0' },
        { name: 'self2', version: '8.17.0' },
      ],
      cloud: {
        apiKeys: ['org-key'],
        accountId: ACCOUNT,
        deployments: [
          { id: 'dep-a', name: 'a', cluster: 'alpha', clusterId: ALPHA_ID },
          { id: 'dep-b', name: 'b', cluster: 'beta', clusterId: BETA_ID },
          { id: 'dep-g', name: 'g', cluster: 'gamma', trust: {} },
        ],
      },
    });
    saved = [
      esConnection('alpha', emulator.clusterUrl('alpha')),
      esConnection('self1', emulator.clusterUrl('self1')),
      esConnection('self2', emulator.clusterUrl('self2')),
      esConnection('gamma', emulator.clusterUrl('gamma')),
      cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'),
    ];
  });
  after(() => emulator.stop());
  beforeEach(() => {
    const a = emulator.state.cloud.deployments.get('dep-a');
    const b = emulator.state.cloud.deployments.get('dep-b');
    if (!a || !b) throw new Error('deployments missing');
    a.trust = restrictedTrust({ direct: [DIRECT_ENTRY] });
    b.trust = restrictedTrust();
    a.remoteClusters = [{ deployment_id: 'dep-g', elasticsearch_ref_id: 'main-elasticsearch', alias: 'older' }];
  });
  afterEach(() => {
    emulator.faults.clear();
    for (const name of ['alpha', 'self1']) emulator.state.cluster(name).persistent = {};
  });

  const pairAnswers = [
    { pick: /^TLS certificate/ },
    { pick: /^alpha$/ },
    { pick: /^Elastic Cloud Hosted/ },
    { pick: /^a$/ },
    { pick: /Elastic Cloud or ECE deployment/ },
    { pick: /^b$/ },
    { pick: /^true — skip/ },
    { type: 'beta' },
  ];

  test('two deployments: trust is merged on both sides, the remote-clusters list keeps its entries, and they connect', async () => {
    const ui = new ScriptedFlowUi(pairAnswers, { confirm: [{ match: /^Make these changes\?/, answer: true }] });
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);
    assert.equal(result.outcome, 'completed', result.report);

    const summary = ui.confirmations[0].detail;
    assert.match(
      summary,
      new RegExp(`Trust of deployment "a": add cluster ${BETA_ID} to the allowlist of organization ${ACCOUNT}`),
    );
    assert.match(summary, new RegExp(`Trust of deployment "b": add cluster ${ALPHA_ID}`));
    assert.match(summary, /deprecated since Elasticsearch 9\.0/, 'beta runs 9.1');

    const a = emulator.state.cloud.deployments.get('dep-a');
    const b = emulator.state.cloud.deployments.get('dep-b');
    assert.deepEqual(a?.trust.accounts, [{ account_id: ACCOUNT, trust_all: false, trust_allowlist: [BETA_ID] }]);
    assert.deepEqual(
      a?.trust.direct?.map((entry) => entry.name),
      ['on-prem'],
      'the existing direct trust survived the write',
    );
    assert.deepEqual(b?.trust.accounts, [{ account_id: ACCOUNT, trust_all: false, trust_allowlist: [ALPHA_ID] }]);
    assert.deepEqual(
      a?.remoteClusters.map((ref) => ref.alias),
      ['older', 'beta'],
      'the existing remote cluster survived the PUT',
    );
    assert.equal(a?.remoteClusters.find((ref) => ref.alias === 'beta')?.skip_unavailable, true, 'skip_unavailable as answered');
    assert.match(summary, /skip_unavailable: true/);
    assert.equal(ui.shown.find((step) => step.text.startsWith('skip_unavailable'))?.active, 'Leave unset');
    assert.ok(!ui.shown.some((step) => /^How should ".*" connect to/.test(step.text)), 'no sniff mode between two deployments');
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('alpha'), 'beta').connected, true);
    assert.match(result.report, /TLS-certificate remote clusters are deprecated/);
  });

  test('the summary warns that a local superuser reads everything on the remote, and checks the remote network security policies', async () => {
    emulator.state.cloud.trafficFilterRulesets.push({
      id: 'rs-ip',
      name: 'office only',
      type: 'ip',
      rules: [{ source: '192.0.2.0/24' }],
      deploymentIds: ['dep-b'],
    });
    try {
      const refused = new ScriptedFlowUi(pairAnswers, { confirm: [{ match: /^Make these changes\?/, answer: false }] });
      assert.equal((await addRemoteCluster(testContext(refused, saved))).outcome, 'cancelled');
      const summary = refused.confirmations[0].detail;
      assert.match(summary, /a superuser on "alpha" gets full read access to "b"/);
      assert.match(
        summary,
        new RegExp(
          `"b" has network security policies \\("office only"\\) and none is a private connection policy of type remote cluster for organization ${ACCOUNT} or cluster ${ALPHA_ID}`,
        ),
      );
      // Near miss: a remote-cluster policy naming the local organization lets it in, and the summary says so.
      emulator.state.cloud.trafficFilterRulesets.push({
        id: 'rs-rc',
        name: 'partners',
        type: 'remote_cluster',
        rules: [{ remote_cluster_org_id: ACCOUNT }],
        deploymentIds: ['dep-b'],
      });
      const allowed = new ScriptedFlowUi(pairAnswers, { confirm: [{ match: /^Make these changes\?/, answer: false }] });
      await addRemoteCluster(testContext(allowed, saved));
      assert.match(allowed.confirmations[0].detail, /the policy "partners" of "b" lets this side in/);
      assert.doesNotMatch(allowed.confirmations[0].detail, /none is a private connection policy/);
    } finally {
      emulator.state.cloud.trafficFilterRulesets.length = 0;
    }
  });

  test('a failing remote-clusters update rolls the trust of both deployments back to what it was', async () => {
    emulator.faults.status(500, { server: 'cloud', method: 'PUT', path: /remote-clusters$/ });
    const ui = new ScriptedFlowUi(pairAnswers, {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [{ match: /Adding "beta" to the remote clusters of "a" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back');
    assert.equal(result.undone.length, 2);
    const a = emulator.state.cloud.deployments.get('dep-a');
    assert.deepEqual(
      a?.trust,
      restrictedTrust({ direct: [{ ...DIRECT_ENTRY, certificates: [{ pem: DIRECT_ENTRY.certificates[0].pem }] }] }),
    );
    assert.deepEqual(emulator.state.cloud.deployments.get('dep-b')?.trust, restrictedTrust());
    assert.deepEqual(
      a?.remoteClusters.map((ref) => ref.alias),
      ['older'],
    );
  });

  test("when the second deployment's trust cannot be written, the first one's is put back", async () => {
    emulator.faults.status(400, { server: 'cloud', method: 'PUT', path: '/api/v1/deployments/dep-b' });
    const ui = new ScriptedFlowUi(pairAnswers, {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [{ match: /Updating the trust of deployment "b" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back');
    assert.deepEqual(result.undone, [
      `Added cluster ${BETA_ID} to the trust allowlist of organization ${ACCOUNT} in deployment "a".`,
    ]);
    assert.deepEqual(emulator.state.cloud.deployments.get('dep-a')?.trust.accounts, restrictedTrust().accounts);
    assert.equal(emulator.state.cloud.deployments.get('dep-a')?.trust.direct?.length, 1);
    assert.deepEqual(
      emulator.state.cloud.deployments.get('dep-a')?.remoteClusters.map((ref) => ref.alias),
      ['older'],
    );
  });

  test('an alias already in the remote-clusters list needs confirmation', async () => {
    const ui = new ScriptedFlowUi([...pairAnswers.slice(0, 7), { type: 'older' }, 'cancel'], {
      confirm: [{ match: /already has a remote cluster "older"/, answer: false }],
    });
    await addRemoteCluster(testContext(ui, saved));
    assert.match(ui.confirmations[0].detail, /remote-clusters list of deployment "a"/);
  });

  test('a deployment that trusts only itself (created before February 2021) gets an entry for its organization, shown first', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^TLS certificate/ },
        { pick: /^gamma$/ },
        { pick: /^Elastic Cloud Hosted/ },
        { pick: /^g$/ },
        { pick: /Elastic Cloud or ECE deployment/ },
        { pick: /^b$/ },
        CONNECTION_DEFAULTS,
        { type: 'beta' },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: false }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'cancelled');
    assert.match(
      ui.confirmations[0].detail,
      new RegExp(
        `Trust of deployment "g": it has no entry for its own organization and trusts only itself \\(Deployments created before the Elastic Cloud February 2021 release trust only themselves.*\\) Add organization ${ACCOUNT} trusting cluster ${BETA_ID}\\.`,
      ),
    );
    assert.match(ui.confirmations[0].detail, /"g" searching "b": 8\.17\.0 cannot search a 9\.x remote/);
    assert.deepEqual(emulator.state.cloud.deployments.get('dep-g')?.trust, {}, 'declined: nothing written');
  });

  test('self-managed: the transport address is checked, trust is confirmed, and proxy settings to port 9300 connect', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^TLS certificate/ },
        { pick: /^self1$/ },
        { pick: /^Self-managed/ },
        { pick: /^self2$/ },
        { type: 'self2.emulated.local:9443' },
        { type: 'self2.emulated.local:9300' },
        CONNECTION_DEFAULTS,
        { type: 'two' },
        { pick: /Show what has to be in place/ },
        { pick: /Yes, both sides trust/ },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: true }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const address = ui.shown.find((step) => step.text.startsWith("Address of the remote's transport"));
    assert.match(address?.value ?? '', /^127\.0\.0\.1:9300$/, 'suggested from the connection host');
    assert.match(address?.rejected[0] ?? '', /Port 9443 is the remote cluster server/);
    assert.match(ui.opened[0].content, /xpack\.security\.transport\.ssl\.certificate_authorities/);
    assert.deepEqual(emulator.state.cluster('self1').persistent, {
      'cluster.remote.two.mode': 'proxy',
      'cluster.remote.two.proxy_address': 'self2.emulated.local:9300',
    });
  });
});
