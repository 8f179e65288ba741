import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { addRemoteCluster } from '../../../../client/src/flows/addRemoteCluster';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import {
  cloudConnection,
  esConnection,
  everythingShown,
  REMOTE_SERVER,
  ScriptedFlowUi,
  testContext,
  type Answer,
  type SavedConnection,
  CONNECTION_DEFAULTS,
} from './support';

const MANIFEST = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: eckles
  namespace: search
spec:
  version: 8.15.0
  nodeSets:
    - name: default
      count: 3
`;

const MANIFEST_WITH_SECURE_SETTINGS = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: eckles
spec:
  version: 8.15.0
  secureSettings:
    - secretName: gcs-credentials
  nodeSets:
    - name: default
      count: 3
`;

describe('Add Remote Cluster on Elastic Cloud, ECK, and to a Cloud remote', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];
  let prodEndpoint: string;

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'hosted', version: '8.17.0' },
        { name: 'remote', version: '8.17.0' },
        { name: 'eckles', version: '8.15.0' },
      ],
      cloud: { apiKeys: ['org-key'], deployments: [{ id: 'prod-deployment', name: 'prod', cluster: 'hosted' }] },
    });
    prodEndpoint = emulator.state.cluster('hosted').requiredServerName as string;
    saved = [
      esConnection('hosted', emulator.clusterUrl('hosted')),
      esConnection('remote', emulator.clusterUrl('remote')),
      esConnection('eckles', emulator.clusterUrl('eckles')),
      cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'),
    ];
  });
  after(() => emulator.stop());
  afterEach(() => {
    emulator.faults.clear();
    for (const name of ['hosted', 'remote', 'eckles']) {
      const cluster = emulator.state.cluster(name);
      cluster.persistent = {};
      cluster.keystoreOnDisk.clear();
      cluster.reloadKeystore();
    }
  });

  const hostedAnswers = (alias: string) => [
    { pick: /^API key/ },
    { pick: /^hosted$/ },
    { pick: /^Elastic Cloud Hosted/ },
    { pick: /^prod$/ },
    { pick: /^remote$/ },
    { pick: /Enter the address/ },
    { type: REMOTE_SERVER },
    CONNECTION_DEFAULTS,
    { type: '' },
    CONNECTION_DEFAULTS,
    { type: alias },
    { type: 'logs-*' },
    { type: '' },
    // Local on Elastic Cloud, remote elsewhere: whether the remote's proxy CA is public (seeds 000, 001).
    { pick: /^A public CA/ },
  ];

  test('Elastic Cloud Hosted: the key goes into the deployment keystore through the API, and the clusters connect', async () => {
    const ui = new ScriptedFlowUi(hostedAnswers('europe'), { confirm: [{ match: /^Make these changes\?/, answer: true }] });
    const context = testContext(ui, saved);
    const result = await addRemoteCluster(context);
    assert.equal(result.outcome, 'completed', result.report);
    const hosted = emulator.state.cluster('hosted');
    const stored = hosted.keystoreLoaded.get('cluster.remote.europe.credentials');
    assert.ok(stored, 'the deployment keystore holds the credentials');
    assert.match(ui.confirmations[0].detail, /In the keystore of deployment "prod": set cluster\.remote\.europe\.credentials/);
    assert.equal(emulator.state.remoteStatus(hosted, 'europe').connected, true);
    assert.ok(
      emulator.state.requests.some(
        (request) => request.server === 'cloud' && request.method === 'PATCH' && request.path.endsWith('/keystore'),
      ),
    );
    assert.ok(!everythingShown(context, result).includes(stored));
  });

  test('Elastic Cloud Hosted: a keystore update carried out but never answered is read back, and the flow goes on', async () => {
    emulator.faults.resetAfterApplying({ server: 'cloud', method: 'PATCH', path: /\/keystore$/ });
    const ui = new ScriptedFlowUi(hostedAnswers('dropped'), { confirm: [{ match: /^Make these changes\?/, answer: true }] });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.match(
      result.report,
      /No answer came back for this step .*reading the state back shows it was carried out: Stored cluster\.remote\.dropped\.credentials/,
    );
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('hosted'), 'dropped').connected, true);
  });

  test('Elastic Cloud Hosted: when a later step fails, undo takes the key out of the keystore and invalidates it', async () => {
    emulator.faults.status(503, { server: 'hosted', method: 'PUT', path: '/_cluster/settings' });
    const keysBefore = new Set(emulator.state.cluster('remote').apiKeys.keys());
    const ui = new ScriptedFlowUi(hostedAnswers('broken'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [{ match: /Writing the remote-cluster settings on "hosted" failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back');
    assert.equal(result.undone.length, 2);
    assert.ok(
      !emulator.state.cluster('hosted').keystoreOnDisk.has('cluster.remote.broken.credentials'),
      'the keystore entry was removed',
    );
    const created = [...emulator.state.cluster('remote').apiKeys.values()].filter((key) => !keysBefore.has(key.id));
    assert.deepEqual(
      created.map((key) => key.invalidated),
      [true],
    );
  });

  test('Elastic Cloud Hosted: a refused keystore update invalidates the new key when undone, and writes no settings', async () => {
    emulator.faults.status(500, { server: 'cloud', method: 'PATCH', path: /\/keystore$/ });
    const keysBefore = new Set(emulator.state.cluster('remote').apiKeys.keys());
    const ui = new ScriptedFlowUi(hostedAnswers('nokeystore'), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [{ match: /Storing the key in the local keystore failed/, answer: 'Undo Changes' }],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back');
    assert.match(result.report, /Elastic Cloud API said: "Emulated failure with status 500\."/);
    const created = [...emulator.state.cluster('remote').apiKeys.values()].filter((key) => !keysBefore.has(key.id));
    assert.deepEqual(
      created.map((key) => key.invalidated),
      [true],
    );
    assert.deepEqual(emulator.state.cluster('hosted').persistent, {});
  });

  test('credentials already in the deployment keystore count as an existing alias and need confirmation', async () => {
    emulator.state.cluster('hosted').keystoreAdd('cluster.remote.taken.credentials', 'b2xkOmtleQ==');
    const ui = new ScriptedFlowUi([...hostedAnswers('taken').slice(0, 11), { type: 'other' }, 'cancel'], {
      confirm: [{ match: /already has a remote cluster "taken"\. Replace it\?/, answer: false }],
    });
    await addRemoteCluster(testContext(ui, saved));
    assert.match(ui.confirmations[0].detail, /cluster\.remote\.taken\.credentials in the keystore of deployment "prod"/);
    assert.equal(ui.shown.filter((step) => step.text.startsWith('Alias')).length, 2, 'declining asks for another alias');
  });

  test('a remote on Elastic Cloud: proxy address and server name come from the deployment endpoint', async () => {
    const ui = new ScriptedFlowUi(
      [
        { pick: /^API key/ },
        { pick: /^remote$/ },
        { pick: /^Self-managed/ },
        { pick: /^hosted$/ },
        { pick: /Elastic Cloud or ECE deployment/ },
        { pick: /^prod$/ },
        CONNECTION_DEFAULTS,
        { type: 'prod' },
        { type: 'logs-*' },
        { type: '' },
      ],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [
          { match: /Add the key to the keystore/, answer: 'Copy Key' },
          {
            match: /Add the key to the keystore/,
            answer: (scripted) => {
              emulator.state.cluster('remote').keystoreAdd('cluster.remote.prod.credentials', scripted.clipboard[0]);
              return 'Done: Added on Every Node';
            },
          },
        ],
      },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const settings = emulator.state.cluster('remote').persistent;
    assert.equal(settings['cluster.remote.prod.proxy_address'], `${prodEndpoint}:9443`);
    assert.equal(settings['cluster.remote.prod.server_name'], prodEndpoint);
    assert.ok(
      !ui.shown.some((step) => step.text.startsWith('TLS server name')),
      'no server-name question: the endpoint gives it',
    );
  });

  /** The answers of an API-key set-up on the ECK cluster `eckles`, up to where the Secret goes. */
  const eckAnswers = (secretPlacement: Answer): Answer[] => [
    { pick: /^API key/ },
    { pick: /^eckles$/ },
    { pick: /Kubernetes \(ECK\)/ },
    { pick: /^remote$/ },
    { pick: /Enter the address/ },
    { type: REMOTE_SERVER },
    CONNECTION_DEFAULTS,
    { type: '' },
    CONNECTION_DEFAULTS,
    { type: 'europe' },
    { type: 'logs-*' },
    { type: '' },
    { pick: /^eckles$/ },
    secretPlacement,
  ];

  test('ECK: a secureSettings entry is added to the open manifest and the Secret is shown in a read-only editor', async () => {
    const document = { uri: 'file:///project/k8s/eckles.yaml', label: 'eckles.yaml', text: MANIFEST };
    const ui = new ScriptedFlowUi(eckAnswers({ pick: /read-only editor/ }), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [
        {
          match: /Apply the changes/,
          answer: (scripted) => {
            // What applying the Secret does on Kubernetes: the value lands in the keystore file.
            const key = /credentials: "([^"]+)"/.exec(scripted.opened[0].content)?.[1] as string;
            emulator.state.cluster('eckles').keystoreAdd('cluster.remote.europe.credentials', key);
            return 'Done: Manifest Applied';
          },
        },
      ],
    });
    const context = testContext(ui, saved, { documents: [document] });
    const result = await addRemoteCluster(context);
    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(
      document.text,
      MANIFEST.replace(
        '      count: 3\n',
        '      count: 3\n  secureSettings:\n    - secretName: eckles-remote-europe-credentials\n',
      ),
      "only the secureSettings entry is added, at the spec's indentation",
    );
    const secret = ui.opened[0];
    assert.equal(secret.title, 'Secret eckles-remote-europe-credentials.yaml', 'a YAML document whose title holds no secret');
    assert.match(secret.content, /kind: Secret\nmetadata:\n {2}name: eckles-remote-europe-credentials\n {2}namespace: search\n/);
    const key = /credentials: "([^"]+)"/.exec(secret.content)?.[1] as string;
    assert.equal(
      emulator.state.cluster('eckles').keystoreLoaded.get('cluster.remote.europe.credentials'),
      key,
      'secure settings were reloaded',
    );
    assert.ok(!everythingShown(context, result).includes(key));
    assert.match(result.report, /Added a spec\.secureSettings entry for the Secret "eckles-remote-europe-credentials"/);
  });

  test('ECK: the Secret can go into the same manifest, after an existing secureSettings list', async () => {
    const document = { uri: 'file:///project/k8s/eckles.yaml', label: 'eckles.yaml', text: MANIFEST_WITH_SECURE_SETTINGS };
    const ui = new ScriptedFlowUi(eckAnswers({ pick: /^Into eckles\.yaml/ }), {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [
        { match: /Apply the changes/, answer: undefined },
        { match: /Stopped before the key/, answer: 'Undo Changes' },
      ],
    });
    const result = await addRemoteCluster(testContext(ui, saved, { documents: [document] }));
    assert.equal(result.outcome, 'rolled-back');
    assert.ok(
      document.text.startsWith(
        MANIFEST_WITH_SECURE_SETTINGS.replace(
          '    - secretName: gcs-credentials\n',
          '    - secretName: gcs-credentials\n    - secretName: eckles-remote-europe-credentials\n',
        ),
      ),
    );
    assert.match(document.text, /\n---\napiVersion: v1\nkind: Secret\n/);
    assert.equal(ui.opened.length, 0);
    // The key is invalidated through the API; the unsaved edits are for the user to undo.
    assert.match(
      result.report,
      /## Still to do by hand\n\n- Remove the secureSettings entry and the Secret from eckles\.yaml \(Undo in the editor\)/,
    );
    assert.match(result.report, /## Undone\n\n- Created the cross-cluster API key/);
  });
});

describe('Add Remote Cluster (API key) on an Elastic Cloud deployment before 8.14', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'older', version: '8.13.4' },
        { name: 'remote', version: '8.17.0' },
      ],
      cloud: { apiKeys: ['org-key'], deployments: [{ id: 'older-deployment', name: 'older-prod', cluster: 'older' }] },
    });
    saved = [
      esConnection('older', emulator.clusterUrl('older')),
      esConnection('remote', emulator.clusterUrl('remote')),
      cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'),
    ];
  });
  after(() => emulator.stop());

  test('the version is asked about (the seeds need 8.14), and the person restarts the deployment instead of a reload call', async () => {
    const answers: Answer[] = [
      { pick: /^API key/ },
      { pick: /^older$/ },
      { pick: /^Elastic Cloud Hosted/ },
      { pick: /^older-prod$/ },
      { pick: /^remote$/ },
      { pick: /Enter the address/ },
      { type: REMOTE_SERVER },
      CONNECTION_DEFAULTS,
      { type: '' },
      CONNECTION_DEFAULTS,
      { type: 'europe' },
      { type: 'logs-*' },
      { type: '' },
      { pick: /^A public CA/ },
    ];
    const ui = new ScriptedFlowUi(answers, {
      confirm: [
        { match: /lists 8\.14\.0 or later/, answer: true },
        { match: /^Make these changes\?/, answer: true },
      ],
      notify: [
        {
          match: /Restart deployment "older-prod"/,
          answer: () => {
            // What the person does on the deployment page; the emulator's restart API does the same.
            emulator.state.cluster('older').reloadKeystore();
            return 'Restarted';
          },
        },
      ],
    });
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.ok(ui.notices.some((notice) => /before 8\.14\.0 the keystore is only read at start-up/.test(notice.detail ?? '')));
    assert.equal(
      emulator.state.requests.some((request) => request.path.endsWith('/reload_secure_settings')),
      false,
      'no reload call on Cloud',
    );
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('older'), 'europe').connected, true);
  });
});
