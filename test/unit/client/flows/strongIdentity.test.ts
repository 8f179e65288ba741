import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { addRemoteCluster } from '../../../../client/src/flows/addRemoteCluster';
import { nodeIdentityPatterns, signingPathProblem } from '../../../../client/src/flows/strongIdentity';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import {
  cloudConnection,
  CONNECTION_DEFAULTS,
  esConnection,
  ScriptedFlowUi,
  selfManagedApiKeyStart,
  testContext,
  type Answer,
  type SavedConnection,
} from './support';

const LOCAL_ID = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const ORG = '1053523734';

describe('Add Remote Cluster with strong identity verification (9.3)', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'hosted', version: '9.3.0' },
        { name: 'archive', version: '9.3.0' },
        { name: 'faraway', version: '9.3.0' },
        { name: 'local', version: '9.3.0' },
        { name: 'remote', version: '9.3.0' },
      ],
      cloud: {
        apiKeys: ['org-key'],
        accountId: ORG,
        region: 'gcp-us-central1',
        deployments: [
          { id: 'prod-deployment', name: 'prod', cluster: 'hosted', clusterId: LOCAL_ID },
          { id: 'archive-deployment', name: 'archive', cluster: 'archive' },
          { id: 'faraway-deployment', name: 'faraway', cluster: 'faraway', region: 'aws-eu-west-1' },
        ],
      },
    });
    saved = [
      esConnection('hosted', emulator.clusterUrl('hosted')),
      esConnection('archive', emulator.clusterUrl('archive')),
      esConnection('faraway', emulator.clusterUrl('faraway')),
      esConnection('local', emulator.clusterUrl('local')),
      esConnection('remote', emulator.clusterUrl('remote')),
      cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'),
    ];
  });
  after(() => emulator.stop());
  afterEach(() => {
    emulator.faults.clear();
    for (const name of ['hosted', 'archive', 'faraway', 'local', 'remote']) {
      const cluster = emulator.state.cluster(name);
      cluster.persistent = {};
      cluster.nodeSettings = {};
      cluster.keystoreOnDisk.clear();
      cluster.reloadKeystore();
      const deployment = cluster.deployment;
      if (deployment) delete (deployment.plan.elasticsearch as Record<string, unknown>).user_settings_yaml;
    }
  });

  const userSettings = (name: string) =>
    (emulator.state.cluster(name).deployment?.plan.elasticsearch as Record<string, unknown>).user_settings_yaml as
      string | undefined;

  /** From the model to the index patterns: local deployment "prod", the remote deployment `remote`. */
  const cloudStart = (remote: string, alias: string): Answer[] => [
    { pick: /^API key/ },
    { pick: /^hosted$/ },
    { pick: /^Elastic Cloud Hosted/ },
    { pick: /^prod$/ },
    { pick: new RegExp(`^${remote}$`) },
    { pick: /Elastic Cloud or ECE deployment/ },
    { pick: new RegExp(`^${remote}$`) },
    CONNECTION_DEFAULTS,
    { type: alias },
    { type: 'logs-*' },
    { type: '' },
  ];

  test('same region: signs with node.crt, the remote trusts internal_tls_ca.crt, and the key names this deployment', async () => {
    emulator.state.cluster('archive').nodeSettings = {};
    const ui = new ScriptedFlowUi(
      [
        ...cloudStart('archive', 'archive'),
        { pick: /^Sign with the deployment node certificates/ },
        { pick: /^This deployment, this organization/ },
        { pick: /^internal_tls_ca\.crt/ },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: true }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const hosted = emulator.state.cluster('hosted');
    assert.equal(emulator.state.remoteStatus(hosted, 'archive').connected, true);
    // The three halves: local signing settings, the remote's CA, the key's identity pattern.
    assert.match(userSettings('hosted') ?? '', /^cluster\.remote\.archive\.signing\.certificate: node\.crt$/m);
    assert.match(userSettings('hosted') ?? '', /^cluster\.remote\.archive\.signing\.key: node\.key$/m);
    assert.match(userSettings('archive') ?? '', /^cluster\.remote\.signing\.certificate_authorities: internal_tls_ca\.crt$/m);
    const key = [...emulator.state.cluster('archive').apiKeys.values()].find((candidate) => candidate.type === 'cross_cluster');
    assert.equal(key?.certificateIdentity, `CN=.*\\.node\\.${LOCAL_ID}\\.cluster\\.${ORG}`);
    // The identity choices are built from the cluster ID and the organization, as the seed's tip says.
    const identityPick = ui.shown.find((step) => step.text.startsWith('Which signers may use the key?'));
    assert.deepEqual(identityPick?.labels, [
      'This deployment, this organization',
      'This deployment (any organization or environment)',
      'Every deployment of this organization',
      'Enter a pattern…',
    ]);
    const summary = ui.confirmations[0].detail;
    assert.match(
      summary,
      /In the user settings of deployment "prod" \(its nodes restart to apply them\): cluster\.remote\.archive\.signing\.certificate: node\.crt/,
    );
    assert.match(
      summary,
      /In the user settings of deployment "archive": add internal_tls_ca\.crt to cluster\.remote\.signing\.certificate_authorities/,
    );
    assert.match(summary, /certificate identity CN=\.\*\\\.node\\\./);
  });

  test('another region: internal_tls_ca.crt is not offered, the regional CA is shown to upload, and its bundle path is used', async () => {
    emulator.state.cluster('faraway').nodeSettings = {};
    const ui = new ScriptedFlowUi(
      [
        ...cloudStart('faraway', 'faraway'),
        { pick: /^Sign with the deployment node certificates/ },
        { pick: /^This deployment \(any organization/ },
        { pick: /^The regional CA of "prod"/ },
        { type: '/app/config/prod-ca/ca.crt' },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: true }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const caPick = ui.shown.find((step) => step.text.startsWith('Which CA should deployment "faraway" trust'));
    assert.ok(caPick && !caPick.labels?.includes('internal_tls_ca.crt'), 'the same-region CA is not offered across regions');
    assert.equal(ui.opened[0]?.title, 'Regional CA of prod.crt');
    assert.match(ui.opened[0]?.content ?? '', /^-----BEGIN CERTIFICATE-----/);
    assert.match(
      userSettings('faraway') ?? '',
      /cluster\.remote\.signing\.certificate_authorities: \/app\/config\/prod-ca\/ca\.crt/,
    );
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('hosted'), 'faraway').connected, true);
  });

  test('a CA the remote deployment already trusts for signing is kept next to the new one', async () => {
    const archive = emulator.state.cluster('archive').deployment;
    (archive?.plan.elasticsearch as Record<string, unknown>).user_settings_yaml =
      '# managed by the platform team\ncluster.remote.signing.certificate_authorities: /app/config/other/ca.crt\n';
    const ui = new ScriptedFlowUi(
      [
        ...cloudStart('archive', 'kept'),
        { pick: /^Sign with the deployment node certificates/ },
        { pick: /^This deployment, this organization/ },
        { pick: /^internal_tls_ca\.crt/ },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: true }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(
      userSettings('archive') ?? '',
      /cluster\.remote\.signing\.certificate_authorities:\n {2}- \/app\/config\/other\/ca\.crt\n {2}- internal_tls_ca\.crt/,
    );
  });

  test('a failure after the signing settings: undo restores both deployments, removes the key from the keystore and invalidates it', async () => {
    emulator.faults.status(503, { server: 'hosted', method: 'PUT', path: '/_cluster/settings' });
    const archive = emulator.state.cluster('archive').deployment;
    const before = 'xpack.security.audit.enabled: true\n';
    (archive?.plan.elasticsearch as Record<string, unknown>).user_settings_yaml = before;
    const ui = new ScriptedFlowUi(
      [
        ...cloudStart('archive', 'broken'),
        { pick: /^Sign with the deployment node certificates/ },
        { pick: /^This deployment, this organization/ },
        { pick: /^internal_tls_ca\.crt/ },
      ],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [{ match: /Writing the remote-cluster settings on "hosted" failed/, answer: 'Undo Changes' }],
      },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.equal(userSettings('hosted'), '', 'the signing settings are gone from "prod"');
    assert.equal(userSettings('archive'), before, "the remote's user settings are back as they were");
    assert.deepEqual(emulator.state.cluster('hosted').nodeSettings, {});
    assert.ok(!emulator.state.cluster('hosted').keystoreOnDisk.has('cluster.remote.broken.credentials'));
    const keys = [...emulator.state.cluster('archive').apiKeys.values()].filter((key) => key.name.includes('broken'));
    assert.deepEqual(
      keys.map((key) => key.invalidated),
      [true],
    );
    assert.match(result.report, /## Undone\n\n- Set in the user settings of deployment "archive"/);
  });

  test('self-managed with own certificates: cluster settings on both sides, CAs the remote must keep are written too', async () => {
    const ui = new ScriptedFlowUi(
      [
        ...selfManagedApiKeyStart(),
        { type: 'signed' },
        { type: 'logs-*' },
        { type: '' },
        { pick: /^Sign with my own certificate/ },
        { type: 'certs/signing.crt' },
        { type: 'certs/signing.key' },
        { type: 'CN=local\\..*' },
        { pick: /^A custom CA/ },
        { type: 'certs/signing-ca.crt' },
        { type: 'certs/old-ca.crt' },
      ],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [
          {
            match: /Add the key to the keystore/,
            answer: 'Copy Key',
          },
          {
            match: /Add the key to the keystore/,
            answer: (scripted) => {
              emulator.state.cluster('local').keystoreAdd('cluster.remote.signed.credentials', scripted.clipboard[0]);
              return 'Done: Added on Every Node';
            },
          },
        ],
      },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(emulator.state.cluster('local').persistent['cluster.remote.signed.signing.certificate'], 'certs/signing.crt');
    assert.deepEqual(emulator.state.cluster('remote').persistent['cluster.remote.signing.certificate_authorities'], [
      'certs/old-ca.crt',
      'certs/signing-ca.crt',
    ]);
    assert.match(
      ui.confirmations[0].detail,
      /On "remote": PUT _cluster\/settings — cluster\.remote\.signing\.certificate_authorities: certs\/old-ca\.crt, certs\/signing-ca\.crt \(this replaces its current value/,
    );
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('local'), 'signed').connected, true);
    assert.ok(
      ui.shown.every((step) => !step.labels?.some((label) => /node certificates/.test(label))),
      'node certificates are only offered for Elastic Cloud / ECE deployments',
    );
  });

  test('a certificate identity without the signing halves does not connect, and the report says what is missing', async () => {
    const ui = new ScriptedFlowUi(
      [...cloudStart('archive', 'unsigned'), { pick: /^Only require a certificate identity/ }, { type: 'CN=.*\\.node\\..*' }],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [{ match: /did not connect/, answer: 'Undo Changes' }],
      },
    );
    const result = await addRemoteCluster(testContext(ui, saved, { connectTimeoutMs: 2000 }));
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.match(result.report, /The key requires a certificate identity: the local cluster must sign its requests/);
    assert.match(
      ui.confirmations[0].detail,
      /you configure cluster\.remote\.unsigned\.signing\.\* on "hosted" and cluster\.remote\.signing\.certificate_authorities on the remote yourself/,
    );
    assert.equal(userSettings('hosted'), undefined, 'nothing was written to the user settings');
  });

  test('patterns from the cluster and organization IDs; paths without spaces or URLs', () => {
    assert.deepEqual(
      nodeIdentityPatterns('abc', '42').map((option) => option.pattern),
      ['CN=.*\\.node\\.abc\\.cluster\\.42', 'CN=.*\\.node\\.abc\\.cluster\\..*', 'CN=.*\\.node\\..*\\.cluster\\.42'],
    );
    assert.deepEqual(
      nodeIdentityPatterns('abc', undefined).map((option) => option.pattern),
      ['CN=.*\\.node\\.abc\\.cluster\\..*'],
    );
    assert.equal(signingPathProblem('node.crt'), undefined);
    assert.match(signingPathProblem('my cert.crt') ?? '', /without spaces/);
    assert.match(signingPathProblem('https://x/ca.crt') ?? '', /not a URL/);
  });
});

describe('Add Remote Cluster with strong identity verification between ECE deployments', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'ece-a', version: '9.3.1' },
        { name: 'ece-b', version: '9.3.1' },
      ],
      cloud: {
        flavor: 'ece',
        apiKeys: ['ece-key'],
        deployments: [
          { id: 'dep-a', name: 'alpha', cluster: 'ece-a', clusterId: LOCAL_ID },
          { id: 'dep-b', name: 'bravo', cluster: 'ece-b' },
        ],
      },
    });
    saved = [
      esConnection('ece-a', emulator.clusterUrl('ece-a')),
      esConnection('ece-b', emulator.clusterUrl('ece-b')),
      cloudConnection('ece', emulator.cloudUrl as string, 'ece-key', 'ece'),
    ];
  });
  after(() => emulator.stop());

  test('the DN scope is the ECE environment (its installation ID), and the key pinned to it connects', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^API key/ },
        { pick: /^ece-a$/ },
        { pick: /^Elastic Cloud Enterprise/ },
        { pick: /^alpha$/ },
        { pick: /^ece-b$/ },
        { pick: /Elastic Cloud or ECE deployment/ },
        { pick: /^bravo$/ },
        CONNECTION_DEFAULTS,
        { type: 'bravo' },
        { type: 'logs-*' },
        { type: '' },
        { pick: /^Sign with the deployment node certificates/ },
        { pick: /^This deployment, this environment/ },
        { pick: /^internal_tls_ca\.crt/ },
        // The remote is an ECE deployment: whether its proxy CA is private is asked (seed 001).
        { pick: /^A public CA/ },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: true }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const key = [...emulator.state.cluster('ece-b').apiKeys.values()].find((candidate) => candidate.type === 'cross_cluster');
    assert.equal(key?.certificateIdentity, `CN=.*\\.node\\.${LOCAL_ID}\\.cluster\\.${emulator.state.cloud.installationId}`);
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('ece-a'), 'bravo').connected, true);
  });
});
