import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { addRemoteCluster } from '../../../../client/src/flows/addRemoteCluster';
import { describeCertificate, rootOf } from '../../../../client/src/flows/privateProxyCa';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { proxyChain } from '../../../emulator/cloud';
import {
  cloudConnection,
  CONNECTION_DEFAULTS,
  esConnection,
  ScriptedFlowUi,
  testContext,
  type Answer,
  type SavedConnection,
} from './support';

const REMOTE_ADDRESS = 'ece2.emulated.local:9443';

describe('Add Remote Cluster from an ECE deployment to a remote behind a private CA', () => {
  let emulator: RunningEmulator;
  let saved: SavedConnection[];
  let directory: string;

  before(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'erc-proxy-ca-'));
    emulator = await startEmulator({
      clusters: [
        { name: 'ecelocal', version: '8.17.0' },
        { name: 'ece2', version: '8.17.0', privateProxyCa: proxyChain()[1] },
      ],
      cloud: {
        flavor: 'ece',
        apiKeys: ['ece-key'],
        deployments: [{ id: 'ece-prod-deployment', name: 'ece-prod', cluster: 'ecelocal' }],
      },
    });
    saved = [
      esConnection('ecelocal', emulator.clusterUrl('ecelocal')),
      esConnection('ece2', emulator.clusterUrl('ece2')),
      cloudConnection('ece', emulator.cloudUrl as string, 'ece-key', 'ece'),
    ];
  });
  after(() => {
    rmSync(directory, { recursive: true, force: true });
    return emulator.stop();
  });
  afterEach(() => {
    emulator.faults.clear();
    const local = emulator.state.cluster('ecelocal');
    local.persistent = {};
    local.keystoreOnDisk.clear();
    local.reloadKeystore();
    local.connections.clear();
    const deployment = local.deployment;
    if (deployment) deployment.trust = { accounts: [{ account_id: emulator.state.cloud.accountId, trust_all: true }] };
  });

  const start = (alias: string): Answer[] => [
    { pick: /^API key/ },
    { pick: /^ecelocal$/ },
    { pick: /^Elastic Cloud Enterprise/ },
    { pick: /^ece-prod$/ },
    { pick: /^ece2$/ },
    { pick: /Enter the address/ },
    { type: REMOTE_ADDRESS },
    CONNECTION_DEFAULTS,
    { type: '' },
    CONNECTION_DEFAULTS,
    { type: alias },
    { type: 'logs-*' },
    { type: '' },
  ];

  const trustOf = () => emulator.state.cluster('ecelocal').deployment?.trust;

  test('the root CA fetched from the ECE proxy chain is trusted by the deployment, and the clusters connect', async () => {
    const ui = new ScriptedFlowUi(
      [...start('ece2'), { pick: /fetch the root from an ECE connection/ }, { pick: /^ece$/ }, { type: 'ECE2 proxy' }],
      { confirm: [{ match: /^Make these changes\?/, answer: true }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    const direct = trustOf()?.direct ?? [];
    assert.deepEqual(
      direct.map((entry) => [entry.name, entry.type, entry.trust_all, entry.certificates.map((c) => c.pem.trim())]),
      [['ECE2 proxy', 'proxy', false, [proxyChain()[1].trim()]]],
      'one proxy entry with the last certificate of the chain (the root), not the server certificate',
    );
    assert.equal(trustOf()?.accounts?.length, 1, 'the other trust entries are kept');
    assert.ok(emulator.state.cluster('ecelocal').keystoreLoaded.has('cluster.remote.ece2.credentials'));
    assert.equal(emulator.state.remoteStatus(emulator.state.cluster('ecelocal'), 'ece2').connected, true);
    const summary = ui.confirmations[0].detail;
    assert.match(
      summary,
      /In the trust of deployment "ece-prod": add the trusted environment "ECE2 proxy" \(type proxy\) with the root of the proxy chain of ECE "ece"/,
    );
    assert.match(summary, /CN=/, 'the summary names the certificate');
    assert.ok(
      emulator.state.requests.some(
        (request) => request.path === '/api/v1/regions/ece-region/platform/configuration/security/tls/proxy',
      ),
    );
  });

  test('a chain file: its last certificate is used', async () => {
    const file = path.join(directory, 'chain.pem');
    writeFileSync(file, proxyChain().join(''));
    const ui = new ScriptedFlowUi(
      [
        ...start('fromfile'),
        { pick: /choose a PEM file/ },
        { type: path.join(directory, 'missing.crt') },
        { type: file },
        { type: 'From file' },
      ],
      { confirm: [{ match: /^Make these changes\?/, answer: true }] },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'completed', result.report);
    assert.equal(trustOf()?.direct?.[0].certificates[0].pem.trim(), proxyChain()[1].trim());
    assert.match(
      ui.shown.find((step) => step.text.startsWith('Path of the PEM file'))?.rejected[0] ?? '',
      /no file at this path/,
    );
  });

  test('answered "public" although it is private: the connection fails with the cause, and undo leaves nothing behind', async () => {
    const keysBefore = new Set(emulator.state.cluster('ece2').apiKeys.keys());
    const ui = new ScriptedFlowUi([...start('public'), { pick: /^A public CA/ }], {
      confirm: [{ match: /^Make these changes\?/, answer: true }],
      notify: [
        {
          match: /./,
          answer: (scripted) => (scripted.notices.at(-1)?.actions.includes('Undo Changes') ? 'Undo Changes' : undefined),
        },
      ],
    });
    const result = await addRemoteCluster(testContext(ui, saved, { connectTimeoutMs: 2000 }));
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.ok(!trustOf()?.direct, 'no trust entry was added');
    assert.match(
      result.report,
      /when a private CA issued it .*add that CA to the deployment's trust as a trusted environment of type proxy/,
    );
    assert.ok(!emulator.state.cluster('ecelocal').keystoreOnDisk.has('cluster.remote.public.credentials'));
    const created = [...emulator.state.cluster('ece2').apiKeys.values()].filter((key) => !keysBefore.has(key.id));
    assert.deepEqual(
      created.map((key) => key.invalidated),
      [true],
    );
  });

  test('a failure after the trust change: undo takes the proxy entry out again', async () => {
    emulator.faults.status(503, { server: 'ecelocal', method: 'PUT', path: '/_cluster/settings' });
    const ui = new ScriptedFlowUi(
      [...start('undone'), { pick: /fetch the root from an ECE connection/ }, { pick: /^ece$/ }, { type: 'ECE2 proxy' }],
      {
        confirm: [{ match: /^Make these changes\?/, answer: true }],
        notify: [{ match: /Writing the remote-cluster settings on "ecelocal" failed/, answer: 'Undo Changes' }],
      },
    );
    const result = await addRemoteCluster(testContext(ui, saved));
    assert.equal(result.outcome, 'rolled-back', result.report);
    assert.deepEqual(trustOf()?.direct ?? [], []);
    assert.equal(trustOf()?.accounts?.length, 1);
    assert.match(result.report, /## Undone\n\n- Added the trusted environment "ECE2 proxy"/);
  });

  test('rootOf takes the last certificate; describeCertificate names it', () => {
    const [server, root] = proxyChain();
    assert.equal(rootOf([server, root])?.trim(), root.trim());
    assert.equal(rootOf([server + root])?.trim(), root.trim());
    assert.equal(rootOf(['no certificate']), undefined);
    assert.match(describeCertificate(root), /CN=.*valid until \d{4}-\d\d-\d\d/);
  });
});
