import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CloudClient, EceClient } from '../../../../client/src/api/cloud';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import { deploymentDetails } from '../../../../client/src/flows/deployments';
import { HttpClient, type Auth } from '../../../../client/src/api/http';
import { startEmulator, TLS_FIXTURES, type RunningEmulator } from '../../../emulator';
import { apiErrorOf, esHttp } from '../support';

const CLOUD_KEY = 'essu_test_org_key';

describe('Elastic Cloud Hosted client against the emulator', () => {
  let emulator: RunningEmulator;
  let cloud: CloudClient;
  const closers: Array<() => Promise<void>> = [];
  const es = (cluster: string) => {
    const client = new ElasticsearchClient(esHttp(emulator.clusterUrl(cluster)));
    closers.push(() => client.http.close());
    return client;
  };

  before(async () => {
    emulator = await startEmulator({
      clusters: [{ name: 'alpha' }, { name: 'beta' }],
      cloud: {
        apiKeys: [CLOUD_KEY],
        deployments: [
          { id: 'aaaa0000aaaa0000aaaa0000aaaa0000', name: 'alpha', cluster: 'alpha' },
          { id: 'bbbb0000bbbb0000bbbb0000bbbb0000', name: 'beta', cluster: 'beta' },
        ],
      },
    });
    const http = new HttpClient({
      service: 'cloud',
      baseUrl: emulator.cloudUrl as string,
      auth: { type: 'apiKey', apiKey: CLOUD_KEY },
    });
    cloud = new CloudClient(http);
    closers.push(() => http.close());
  });
  after(async () => {
    await Promise.all(closers.map((close) => close()));
    await emulator.stop();
  });

  const alpha = () => emulator.state.cloud.deployments.get('aaaa0000aaaa0000aaaa0000aaaa0000')!;
  const beta = () => emulator.state.cloud.deployments.get('bbbb0000bbbb0000bbbb0000bbbb0000')!;

  test('lists deployments with their Elasticsearch resources', async () => {
    const list = await cloud.listDeployments();
    assert.deepEqual(list.deployments.map((d) => d.name).sort(), ['alpha', 'beta']);
    assert.equal(list.deployments[0].resources[0].kind, 'elasticsearch');
  });

  test('a wrong API key or basic credentials are refused with 401', async () => {
    for (const auth of [
      { type: 'apiKey', apiKey: 'nope' },
      { type: 'basic', username: 'admin', password: 'x' },
    ] as Auth[]) {
      const http = new HttpClient({ service: 'cloud', baseUrl: emulator.cloudUrl as string, auth });
      const error = await apiErrorOf(new CloudClient(http).listDeployments());
      assert.equal(error.kind, 'unauthorized');
      assert.equal(error.details.type, 'root.unauthorized');
      await http.close();
    }
  });

  test('get deployment shows trust settings (default: the whole account) and the proxy endpoint', async () => {
    const deployment = await cloud.getDeployment(alpha().id);
    const [resource] = deployment.resources.elasticsearch;
    assert.equal(resource.id, alpha().clusterId);
    assert.deepEqual(resource.info.settings?.trust, {
      accounts: [{ account_id: emulator.state.cloud.accountId, trust_all: true }],
    });
    assert.equal(resource.info.metadata.endpoint, `${alpha().clusterId}.${alpha().region}.emulated-cloud.local`);
    // show_plans defaults to true in the API description (the old expectation, no plans unless asked, was wrong).
    assert.ok(resource.info.plan_info?.current?.plan, 'plans are shown by default');
  });

  test("unknown deployment or resource: 404 with the service's code", async () => {
    const missing = await apiErrorOf(cloud.getDeployment('ffff'));
    assert.equal(missing.kind, 'not-found');
    assert.equal(missing.details.type, 'deployments.deployment_not_found');
    const badRef = await apiErrorOf(cloud.getRemoteClusters(alpha().id, 'nope'));
    assert.equal(badRef.kind, 'not-found');
  });

  test('certificate model via the remote-clusters API: connected while both sides trust each other', async () => {
    await cloud.putRemoteClusters(alpha().id, 'main-elasticsearch', [
      { deployment_id: beta().id, elasticsearch_ref_id: 'main-elasticsearch', alias: 'beta', skip_unavailable: true },
    ]);
    let [ref] = (await cloud.getRemoteClusters(alpha().id, 'main-elasticsearch')).resources;
    assert.equal(ref.alias, 'beta');
    assert.deepEqual(ref.info, { healthy: true, connected: true, compatible: true, trusted: true, trusted_back: true });

    // The service configured the alias as a proxy-mode remote on the cluster.
    const settings = await es('alpha').getClusterSettings({ flatSettings: true });
    const endpoint = `${beta().clusterId}.${beta().region}.emulated-cloud.local`;
    assert.equal(settings.persistent['cluster.remote.beta.mode'], 'proxy');
    assert.equal(settings.persistent['cluster.remote.beta.proxy_address'], `${endpoint}:9400`);
    assert.equal(settings.persistent['cluster.remote.beta.server_name'], endpoint);

    // beta stops trusting alpha: the connection drops and trusted_back says why.
    await cloud.updateDeploymentTrust(await cloud.readForUpdate(beta().id, 'main-elasticsearch'), {
      accounts: [{ account_id: emulator.state.cloud.accountId, trust_all: false, trust_allowlist: [] }],
    });
    [ref] = (await cloud.getRemoteClusters(alpha().id, 'main-elasticsearch')).resources;
    assert.equal(ref.info?.connected, false);
    assert.equal(ref.info?.trusted_back, false);
    assert.equal(ref.info?.trusted, true);

    // Allow-listing alpha's cluster ID (not its deployment ID) fixes it, but Elasticsearch does not
    // reconnect by itself: the connection comes back once a cross-cluster request asks for it.
    await cloud.updateDeploymentTrust(await cloud.readForUpdate(beta().id, 'main-elasticsearch'), {
      accounts: [{ account_id: emulator.state.cloud.accountId, trust_all: false, trust_allowlist: [alpha().clusterId] }],
    });
    [ref] = (await cloud.getRemoteClusters(alpha().id, 'main-elasticsearch')).resources;
    assert.equal(ref.info?.connected, false);
    assert.equal((await es('alpha').resolveCluster(['beta:*'])).beta.connected, true);
    [ref] = (await cloud.getRemoteClusters(alpha().id, 'main-elasticsearch')).resources;
    assert.equal(ref.info?.connected, true);

    // PUT replaces the list; an empty list removes the alias and its cluster settings.
    await cloud.putRemoteClusters(alpha().id, 'main-elasticsearch', []);
    assert.deepEqual((await cloud.getRemoteClusters(alpha().id, '_main')).resources, []);
    assert.equal(
      (await es('alpha').getClusterSettings({ flatSettings: true })).persistent['cluster.remote.beta.mode'],
      undefined,
    );
  });

  test('update trust sends the current plan back and the new trust is read back', async () => {
    const before = emulator.state.cloud.deployments.get(alpha().id)!.version;
    const response = await cloud.updateDeploymentTrust(await cloud.readForUpdate(alpha().id, 'main-elasticsearch'), {
      accounts: [{ account_id: emulator.state.cloud.accountId, trust_all: true }],
      direct: [
        {
          name: 'on-prem',
          type: 'generic',
          trust_all: false,
          additional_node_names: ['node-1.onprem.example'],
          certificates: [{ pem: readFileSync(TLS_FIXTURES.caFile, 'utf8') }],
        },
      ],
    });
    assert.equal(response.id, alpha().id);
    assert.equal(alpha().version, before + 1);
    const trust = (await cloud.getDeployment(alpha().id)).resources.elasticsearch[0].info.settings?.trust;
    assert.equal(trust?.direct?.[0].name, 'on-prem');
  });

  test('invalid trust is refused by the service with the field named', async () => {
    const error = await apiErrorOf(
      cloud.updateDeploymentTrust(await cloud.readForUpdate(alpha().id, 'main-elasticsearch'), {
        direct: [{ name: 'x', trust_all: true, certificates: [{ pem: 'not a cert' }] }],
      }),
    );
    assert.equal(error.kind, 'bad-request');
    assert.match(error.message, /must hold PEM certificates/);
  });

  test('remote-clusters API refuses aliases with characters other than letters, digits, - and _', async () => {
    const error = await apiErrorOf(
      cloud.putRemoteClusters(alpha().id, 'main-elasticsearch', [
        { deployment_id: beta().id, elasticsearch_ref_id: 'main-elasticsearch', alias: 'my.beta' },
      ]),
    );
    assert.equal(error.kind, 'bad-request');
    assert.match(error.message, /alias \[my\.beta\] is invalid/);
  });

  test('API-key model between deployments: keystore via the Cloud API, proxy mode with server_name on port 9443', async () => {
    const key = await es('beta').createCrossClusterApiKey({ name: 'alpha-to-beta', access: { search: [{ names: ['*'] }] } });
    const keystore = await cloud.updateKeystore(alpha().id, 'main-elasticsearch', {
      secrets: { 'cluster.remote.beta-key.credentials': { value: key.encoded } },
    });
    assert.deepEqual(Object.keys(keystore.secrets), ['cluster.remote.beta-key.credentials']);
    assert.equal(
      JSON.stringify(await cloud.getKeystore(alpha().id, 'main-elasticsearch')).includes(key.encoded),
      false,
      'values are never returned',
    );

    const endpoint = `${beta().clusterId}.${beta().region}.emulated-cloud.local`;
    const local = es('alpha');
    await local.putClusterSettings({
      persistent: { 'cluster.remote.beta-key.mode': 'proxy', 'cluster.remote.beta-key.proxy_address': `${endpoint}:9443` },
    });
    assert.equal((await local.remoteInfo())['beta-key'].connected, false, 'the Cloud proxy needs server_name');
    await local.putClusterSettings({ persistent: { 'cluster.remote.beta-key.server_name': endpoint } });
    assert.equal((await local.remoteInfo())['beta-key'].connected, true);

    await cloud.updateKeystore(alpha().id, 'main-elasticsearch', { secrets: { 'cluster.remote.beta-key.credentials': null } });
    assert.equal(
      (await local.remoteInfo())['beta-key'].connected,
      false,
      'without credentials it is the certificate model on the wrong port',
    );
  });
});

describe('ECE client against the emulator', () => {
  let emulator: RunningEmulator;
  let ece: EceClient;
  const closers: Array<() => Promise<void>> = [];
  const eceWith = (auth: Auth, region?: string, baseUrl = emulator.cloudUrl as string) => {
    const http = new HttpClient({ service: 'ece', baseUrl, auth });
    closers.push(() => http.close());
    return new EceClient(http, region);
  };

  before(async () => {
    emulator = await startEmulator({
      clusters: [],
      cloud: { flavor: 'ece', apiKeys: ['ece-key'], users: [{ username: 'admin', password: 'admin-pw' }] },
    });
    ece = eceWith({ type: 'apiKey', apiKey: 'ece-key' });
  });
  after(async () => {
    await Promise.all(closers.map((close) => close()));
    await emulator.stop();
  });

  test('trust relationships: the local one is listed; a new one is created and read back', async () => {
    const [local] = await ece.listTrustRelationships();
    assert.equal(local.local, true);
    const pem = readFileSync(TLS_FIXTURES.caFile, 'utf8');
    const created = await ece.createTrustRelationship({
      name: 'other-ece',
      public_ca_cert: pem,
      trust_by_default: false,
      installation_id: 'abc123',
    });
    assert.equal(created.local, false);
    assert.equal(
      (created as unknown as Record<string, unknown>).public_ca_cert,
      undefined,
      'the create response has no certificate',
    );
    assert.equal((await ece.getTrustRelationship(created.id)).public_ca_cert, undefined);
    assert.equal((await ece.getTrustRelationship(created.id, { includeCertificate: true })).public_ca_cert, pem);
    assert.equal((await ece.listTrustRelationships()).length, 2);
  });

  test('trust relationships: invalid certificate, duplicates and unknown IDs are refused', async () => {
    assert.equal((await apiErrorOf(ece.createTrustRelationship({ name: 'bad', public_ca_cert: 'hello' }))).kind, 'bad-request');
    const pem = readFileSync(TLS_FIXTURES.caFile, 'utf8');
    await ece.createTrustRelationship({ name: 'twice', public_ca_cert: pem });
    // The operation documents 400 for a refused request, not 409.
    assert.equal((await apiErrorOf(ece.createTrustRelationship({ name: 'twice', public_ca_cert: pem }))).kind, 'bad-request');
    const missing = await apiErrorOf(ece.getTrustRelationship('nope'));
    assert.equal(missing.kind, 'not-found');
    assert.equal(missing.details.type, 'trust_relationships.not_found');
  });

  test('platform endpoints are region-scoped; basic auth works on ECE', async () => {
    const wrongRegion = await apiErrorOf(eceWith({ type: 'apiKey', apiKey: 'ece-key' }, 'us-east-1').listTrustRelationships());
    assert.equal(wrongRegion.kind, 'not-found');
    assert.ok((await eceWith({ type: 'basic', username: 'admin', password: 'admin-pw' }).listTrustRelationships()).length >= 1);
    assert.ok(
      emulator.state.requests.some(
        (request) =>
          request.path === '/api/v1/regions/ece-region/platform/configuration/trust-relationships' && request.auth === 'Basic',
      ),
    );
  });

  test('Elastic Cloud Hosted has no platform endpoints', async () => {
    const hosted = await startEmulator({ clusters: [], cloud: { apiKeys: ['k'] } });
    try {
      const error = await apiErrorOf(
        eceWith({ type: 'apiKey', apiKey: 'k' }, undefined, hosted.cloudUrl).listTrustRelationships(),
      );
      assert.equal(error.kind, 'not-found');
    } finally {
      await hosted.stop();
    }
  });
});

describe('proxy ports of a deployment', () => {
  test('the certificate port comes from metadata.ports.transport_passthrough; the API-key port stays 9443', async () => {
    const emulator = await startEmulator({
      clusters: [{ name: 'custom' }, { name: 'usual' }],
      cloud: {
        flavor: 'ece',
        apiKeys: [CLOUD_KEY],
        deployments: [
          { id: 'custom-deployment', name: 'custom', cluster: 'custom', transportPassthroughPort: 9401 },
          { id: 'usual-deployment', name: 'usual', cluster: 'usual' },
        ],
      },
    });
    const cloud = new CloudClient(
      new HttpClient({ service: 'ece', baseUrl: emulator.cloudUrl as string, auth: { type: 'apiKey', apiKey: CLOUD_KEY } }),
    );
    try {
      const custom = await deploymentDetails(cloud, { deploymentId: 'custom-deployment', refId: 'main-elasticsearch' });
      assert.deepEqual(custom.proxyPorts, { certificate: 9401, apiKey: 9443 });
      assert.equal(
        emulator.state.cluster('custom').transportAddress,
        `${custom.endpoint}:9401`,
        'the emulated proxy listens there',
      );
      assert.deepEqual(
        (await deploymentDetails(cloud, { deploymentId: 'usual-deployment', refId: 'main-elasticsearch' })).proxyPorts,
        { certificate: 9400, apiKey: 9443 },
      );
    } finally {
      await cloud.http.close();
      await emulator.stop();
    }
  });
});
