import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClients, type ConnectionClients } from '../../../../client/src/connections/clients';
import type { ConnectionProfile, ConnectionSecrets } from '../../../../client/src/connections/profile';
import { describeTestResult, testConnection } from '../../../../client/src/connections/testConnection';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { apiErrorOf, RecordingLogger } from '../support';

describe('Test Connection against the emulator', () => {
  let emulator: RunningEmulator;
  let secure: RunningEmulator;
  let ece: RunningEmulator;
  const opened: ConnectionClients[] = [];
  const open = (profile: ConnectionProfile, secrets: ConnectionSecrets, logger?: RecordingLogger) => {
    const clients = createClients(profile, secrets, { logger });
    opened.push(clients);
    return clients;
  };

  before(async () => {
    emulator = await startEmulator({
      clusters: [
        { name: 'main', version: '8.17.1' },
        { name: 'insecure', security: false },
      ],
      cloud: { apiKeys: ['org-key'], deployments: [{ name: 'main', cluster: 'main' }] },
    });
    secure = await startEmulator({ clusters: [{ name: 'tls' }], tls: 'unknown-ca' });
    ece = await startEmulator({ clusters: [], cloud: { flavor: 'ece', apiKeys: ['ece-key'], region: 'ece-region' } });
  });
  after(async () => {
    await Promise.all(opened.map((clients) => clients.close()));
    await Promise.all([emulator.stop(), secure.stop(), ece.stop()]);
  });

  const esProfile = (overrides: Partial<ConnectionProfile> = {}): ConnectionProfile => ({
    id: 'main',
    name: 'Main',
    kind: 'elasticsearch',
    url: emulator.clusterUrl('main'),
    auth: 'basic',
    username: 'elastic',
    ...overrides,
  });

  test('Elasticsearch: version, cluster name, UUID and security are reported', async () => {
    const result = await testConnection(open(esProfile(), { password: 'changeme' }));
    assert.deepEqual(result, {
      kind: 'elasticsearch',
      version: '8.17.1',
      clusterName: 'main',
      clusterUuid: emulator.state.cluster('main').uuid,
      securityEnabled: true,
    });
    assert.equal(
      describeTestResult('Main', result),
      `Connected to "Main": Elasticsearch 8.17.1, cluster "main" (UUID ${emulator.state.cluster('main').uuid}), security enabled.`,
    );
  });

  test('a cluster without security is called out', async () => {
    const result = await testConnection(
      open(esProfile({ url: emulator.clusterUrl('insecure'), auth: 'none', username: undefined }), {}),
    );
    assert.match(describeTestResult('Open', result), /security DISABLED/);
  });

  test('security is "enabled" when the X-Pack endpoint refuses us, "unknown" when it does not exist', async () => {
    emulator.faults.status(403, { server: 'main', path: '/_xpack' });
    const refused = await testConnection(open(esProfile(), { password: 'changeme' }));
    assert.equal(refused.kind === 'elasticsearch' && refused.securityEnabled, true);
    emulator.faults.status(
      400,
      { server: 'main', path: '/_xpack' },
      { error: 'no handler found for uri [/_xpack] and method [GET]' },
    );
    const missing = await testConnection(open(esProfile(), { password: 'changeme' }));
    assert.match(describeTestResult('Main', missing), /security: unknown/);
  });

  test('wrong credentials fail the test with the 401 explanation', async () => {
    const error = await apiErrorOf(testConnection(open(esProfile(), { password: 'nope' })));
    assert.equal(error.kind, 'unauthorized');
  });

  test("the profile's timeout applies", async () => {
    emulator.faults.delay(1_500, { server: 'main', path: '/' });
    const error = await apiErrorOf(testConnection(open(esProfile({ timeoutSeconds: 1 }), { password: 'changeme' })));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /after 1 s/);
  });

  test("TLS: the profile's CA file is used; skipping verification works but is logged as a warning", async () => {
    const profile = esProfile({ url: secure.url, caFile: secure.caFile });
    assert.equal((await apiErrorOf(testConnection(open(profile, { password: 'changeme' })))).kind, 'tls-unknown-ca');
    const logger = new RecordingLogger();
    const result = await testConnection(
      open({ ...profile, caFile: undefined, skipTlsVerify: true }, { password: 'changeme' }, logger),
    );
    assert.equal(result.kind, 'elasticsearch');
    assert.match(logger.warnings.join('\n'), /verification is OFF/);
  });

  test('Elastic Cloud: the number of visible deployments', async () => {
    const result = await testConnection(
      open({ id: 'c', name: 'Cloud', kind: 'cloud', url: emulator.cloudUrl, auth: 'apiKey' }, { apiKey: 'org-key' }),
    );
    assert.deepEqual(result, { kind: 'cloud', deployments: 1 });
    assert.equal(describeTestResult('Cloud', result), 'Connected to "Cloud" (Elastic Cloud Hosted API): 1 deployment visible.');
  });

  test('ECE: deployments and trust relationships; a wrong region is named as such', async () => {
    const profile: ConnectionProfile = { id: 'e', name: 'ECE', kind: 'ece', url: ece.cloudUrl, auth: 'apiKey' };
    const result = await testConnection(open(profile, { apiKey: 'ece-key' }));
    assert.deepEqual(result, { kind: 'ece', deployments: 0, region: 'ece-region', trustRelationships: 1 });
    const error = await apiErrorOf(testConnection(open({ ...profile, region: 'us-west' }, { apiKey: 'ece-key' })));
    assert.equal(error.kind, 'not-found');
    assert.match(error.message, /not for region "us-west"/);
  });

  test('missing secrets and broken profiles are configuration errors with a way out', () => {
    assert.throws(() => createClients(esProfile(), {}), /No password is stored for connection "Main".*Add Connection/);
    assert.throws(() => createClients(esProfile({ url: undefined }), { password: 'x' }), /cannot be used: It needs a "url"/);
    assert.throws(() => createClients({ id: 'c', name: 'C', kind: 'cloud', auth: 'apiKey' }, {}), /No API key is stored/);
  });
});
