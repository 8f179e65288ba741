import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { CloudClient } from '../../../../client/src/api/cloud';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import { ApiError } from '../../../../client/src/api/errors';
import { HttpClient } from '../../../../client/src/api/http';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { apiErrorOf, esHttp, JSON_HEADERS, mockAgent, RecordingLogger } from '../support';

const ES = 'https://es.example.com:9200';
const CLOUD = 'https://api.elastic-cloud.com';

function assertReadable(error: ApiError): void {
  assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace in the message');
  assert.doesNotMatch(error.message, /\[object Object\]|undefined/, 'no leaked internals in the message');
}

describe('HTTP error responses become actionable messages (undici MockAgent)', () => {
  const agent = mockAgent();
  const es = new ElasticsearchClient(
    new HttpClient({
      service: 'elasticsearch',
      baseUrl: ES,
      auth: { type: 'basic', username: 'bob', password: 'bobs-password' },
      dispatcher: agent,
    }),
  );
  const pool = agent.get(ES);
  const cloudPool = agent.get(CLOUD);
  const cloud = new CloudClient(
    new HttpClient({ service: 'cloud', baseUrl: CLOUD, auth: { type: 'apiKey', apiKey: 'org-key' }, dispatcher: agent }),
  );
  after(() => agent.close());

  test('401: says the credentials were not accepted and what to check', async () => {
    pool
      .intercept({ path: '/', method: 'GET' })
      .reply(
        401,
        { error: { type: 'security_exception', reason: 'unable to authenticate user [bob] for REST request [/]' }, status: 401 },
        JSON_HEADERS,
      );
    const error = await apiErrorOf(es.info());
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.status, 401);
    assert.match(error.message, /GET \/ on https:\/\/es\.example\.com:9200 was rejected \(401\)/);
    assert.match(error.message, /API key .*user name and password/);
    assert.match(error.message, /unable to authenticate user \[bob\]/);
    assertReadable(error);
  });

  test("403: names the refused action and the privileges that would grant it, from Elasticsearch's reason", async () => {
    const reason =
      'action [cluster:admin/settings/update] is unauthorized for user [bob] with effective roles [viewer], this action is granted by the cluster privileges [manage,all]';
    pool
      .intercept({ path: '/_cluster/settings', method: 'PUT' })
      .reply(
        403,
        { error: { root_cause: [{ type: 'security_exception', reason }], type: 'security_exception', reason }, status: 403 },
        JSON_HEADERS,
      );
    const error = await apiErrorOf(es.putClusterSettings({ persistent: { 'cluster.remote.a.seeds': ['a:9300'] } }));
    assert.equal(error.kind, 'forbidden');
    assert.deepEqual(error.details.grantingPrivileges, ['manage', 'all']);
    assert.equal(error.details.action, 'cluster:admin/settings/update');
    assert.match(error.message, /the user "bob" lacks the privilege for cluster:admin\/settings\/update/);
    assert.match(error.message, /Grant one of the cluster privileges "manage" or "all"/);
    assertReadable(error);
  });

  test('403 for an API key names the key, and index privileges are named as such', async () => {
    const reason =
      'action [indices:data/read/search] is unauthorized for API key id [k1] of user [svc], this action is granted by the index privileges [read,all]';
    pool
      .intercept({ path: '/_remote/info', method: 'GET' })
      .reply(403, { error: { type: 'security_exception', reason }, status: 403 }, JSON_HEADERS);
    const error = await apiErrorOf(es.remoteInfo());
    assert.match(error.message, /"k1"/);
    assert.match(error.message, /index privileges "read" or "all"/);
  });

  test('403 without a privilege in the reason still explains itself', async () => {
    cloudPool
      .intercept({ path: '/api/v1/deployments', method: 'GET' })
      .reply(403, { errors: [{ code: 'root.forbidden', message: 'The API key lacks the deployment role' }] }, JSON_HEADERS);
    const error = await apiErrorOf(cloud.listDeployments());
    assert.equal(error.kind, 'forbidden');
    assert.match(error.message, /not allowed to do this/);
    assert.match(error.message, /The API key lacks the deployment role/);
    assert.equal(error.details.type, 'root.forbidden');
  });

  test("404 (Cloud): quotes the service's message and code", async () => {
    cloudPool
      .intercept({ path: '/api/v1/deployments/nope?show_settings=true', method: 'GET' })
      .reply(
        404,
        { errors: [{ code: 'deployments.deployment_not_found', message: 'Deployment [nope] cannot be found.' }] },
        JSON_HEADERS,
      );
    const error = await apiErrorOf(cloud.getDeployment('nope'));
    assert.equal(error.kind, 'not-found');
    assert.equal(error.details.type, 'deployments.deployment_not_found');
    assert.match(error.message, /found nothing \(404\).*Deployment \[nope\] cannot be found/);
  });

  test('409: asks to reload and retry', async () => {
    pool
      .intercept({ path: '/_security/role/r', method: 'PUT' })
      .reply(
        409,
        { error: { type: 'version_conflict_engine_exception', reason: 'version conflict' }, status: 409 },
        JSON_HEADERS,
      );
    const error = await apiErrorOf(es.putRole('r', { cluster: ['monitor'] }));
    assert.equal(error.kind, 'conflict');
    assert.match(error.message, /conflicts with the current state \(409\).*Reload/);
  });

  test('429: says how long to wait, from Retry-After', async () => {
    cloudPool
      .intercept({ path: '/api/v1/deployments', method: 'GET' })
      .reply(
        429,
        { errors: [{ code: 'root.rate_limited', message: 'Slow down' }] },
        { headers: { 'content-type': 'application/json', 'retry-after': '7' } },
      );
    const error = await apiErrorOf(cloud.listDeployments());
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.details.retryAfterSeconds, 7);
    assert.match(error.message, /Wait about 7 s/);
  });

  test('5xx: server-side failure with the reason', async () => {
    pool
      .intercept({ path: '/_remote/info', method: 'GET' })
      .reply(
        503,
        { error: { type: 'cluster_block_exception', reason: 'blocked by: [SERVICE_UNAVAILABLE/2/no master];' }, status: 503 },
        JSON_HEADERS,
      );
    const error = await apiErrorOf(es.remoteInfo());
    assert.equal(error.kind, 'server-error');
    assert.equal(error.status, 503);
    assert.match(error.message, /failed on the server \(503\).*no master/);
  });

  test('400: the validation reason is quoted, with the nested cause', async () => {
    pool.intercept({ path: '/_cluster/settings', method: 'PUT' }).reply(
      400,
      {
        error: {
          type: 'illegal_argument_exception',
          reason: 'Cannot configure setting [cluster.remote.a.skip_unavailable] if remote cluster is not enabled.',
        },
        status: 400,
      },
      JSON_HEADERS,
    );
    const error = await apiErrorOf(es.putClusterSettings({ persistent: { 'cluster.remote.a.skip_unavailable': true } }));
    assert.equal(error.kind, 'bad-request');
    assert.match(error.message, /rejected as invalid \(400\).*remote cluster is not enabled/);
  });

  test('a 200 with a cut-off JSON body is a malformed response, not a crash', async () => {
    pool.intercept({ path: '/', method: 'GET' }).reply(200, '{"name": "node-1", "cluster_', JSON_HEADERS);
    const error = await apiErrorOf(es.info());
    assert.equal(error.kind, 'malformed-response');
    assert.match(error.message, /cut off or invalid/);
  });

  test('an HTML page (a proxy or login portal) is a malformed response naming the content type', async () => {
    pool
      .intercept({ path: '/', method: 'GET' })
      .reply(200, '<html><body>Sign in</body></html>', { headers: { 'content-type': 'text/html' } });
    const error = await apiErrorOf(es.info());
    assert.equal(error.kind, 'malformed-response');
    assert.match(error.message, /expected JSON, got "text\/html"/);
    assert.match(error.message, /not at a proxy or another service/);
  });

  test('valid JSON of the wrong shape is a malformed response naming the missing field', async () => {
    pool.intercept({ path: '/', method: 'GET' }).reply(200, { status: 'ok' }, JSON_HEADERS);
    const error = await apiErrorOf(es.info());
    assert.equal(error.kind, 'malformed-response');
    assert.match(error.message, /"cluster_name" is missing/);
  });

  test('an unexpected redirect is reported with its status', async () => {
    pool
      .intercept({ path: '/_remote/info', method: 'GET' })
      .reply(302, '', { headers: { location: 'https://login.example.com' } });
    const error = await apiErrorOf(es.remoteInfo());
    assert.equal(error.kind, 'unexpected-status');
    assert.match(error.message, /unexpected status 302/);
  });

  test('Elasticsearch\'s "no such role" 404 is an answer, not an error', async () => {
    pool.intercept({ path: '/_security/role/missing', method: 'GET' }).reply(404, {}, JSON_HEADERS);
    assert.deepEqual(await es.getRoles(['missing']), {});
  });
});

describe('transport failures become actionable messages (real sockets)', () => {
  let emulator: RunningEmulator;
  let plain: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ tls: 'trusted' });
    plain = await startEmulator();
  });
  after(async () => {
    await emulator.stop();
    await plain.stop();
  });

  const infoVia = async (baseUrl: string, options: Parameters<typeof esHttp>[1] = {}) => {
    const client = esHttp(baseUrl, options);
    try {
      return await new ElasticsearchClient(client).info();
    } finally {
      await client.close();
    }
  };

  test('connection refused: check URL, port, and that the service runs', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await apiErrorOf(infoVia(`http://127.0.0.1:${port}`));
    assert.equal(error.kind, 'unreachable');
    assert.match(error.message, new RegExp(`Could not connect to http://127.0.0.1:${port}: the connection was refused`));
    assertReadable(error);
  });

  test('DNS: the host name does not resolve', async () => {
    const error = await apiErrorOf(infoVia('https://no-such-cluster.invalid:9200'));
    assert.equal(error.kind, 'dns');
    assert.match(error.message, /does not resolve \(DNS\)/);
  });

  test('timeout: names the limit and what to check', async () => {
    emulator.faults.delay(2_000, { path: '/' });
    const error = await apiErrorOf(infoVia(emulator.url, { tls: { caFile: emulator.caFile }, timeoutMs: 300 }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /timed out after 0\.3 s/);
    emulator.faults.clear();
  });

  test('connection reset before an answer', async () => {
    emulator.faults.reset({ path: '/' });
    const error = await apiErrorOf(infoVia(emulator.url, { tls: { caFile: emulator.caFile } }));
    assert.equal(error.kind, 'connection-reset');
    assert.match(error.message, /closed before Elasticsearch answered GET \//);
  });

  test('5xx and malformed bodies injected by the emulator', async () => {
    emulator.faults.status(502, { path: '/' });
    assert.equal((await apiErrorOf(infoVia(emulator.url, { tls: { caFile: emulator.caFile } }))).kind, 'server-error');
    emulator.faults.malformedBody({ path: '/' });
    assert.equal((await apiErrorOf(infoVia(emulator.url, { tls: { caFile: emulator.caFile } }))).kind, 'malformed-response');
    // The faults fired once each; the next request succeeds.
    assert.equal((await infoVia(emulator.url, { tls: { caFile: emulator.caFile } })).cluster_name, 'local');
  });

  test('TLS: a certificate from a CA the connection does not trust', async () => {
    const error = await apiErrorOf(infoVia(emulator.url));
    assert.equal(error.kind, 'tls-unknown-ca');
    assert.match(error.message, /certificate authority this connection does not trust.*CA file/);
  });

  test('TLS: a server switching to an unknown CA is refused even with the test CA configured', async () => {
    emulator.setTls('unknown-ca');
    try {
      const error = await apiErrorOf(infoVia(emulator.url, { tls: { caFile: emulator.caFile } }));
      assert.equal(error.kind, 'tls-unknown-ca');
    } finally {
      emulator.setTls('trusted');
    }
  });

  test('TLS: a self-signed certificate', async () => {
    emulator.setTls('self-signed');
    try {
      const error = await apiErrorOf(infoVia(emulator.url, { tls: { caFile: emulator.caFile } }));
      assert.equal(error.kind, 'tls-self-signed');
      assert.match(error.message, /self-signed/);
    } finally {
      emulator.setTls('trusted');
    }
  });

  test('TLS: hostname mismatch, and the TLS server name fixes it', async () => {
    const error = await apiErrorOf(infoVia(emulator.url, { tls: { caFile: emulator.caFile, serverName: 'es.other.example' } }));
    assert.equal(error.kind, 'tls-hostname-mismatch');
    assert.match(error.message, /not valid for the name/);
    const info = await infoVia(emulator.url, { tls: { caFile: emulator.caFile, serverName: 'localhost' } });
    assert.equal(info.cluster_name, 'local');
  });

  test('TLS: https:// against a plain HTTP port is a protocol mismatch', async () => {
    const error = await apiErrorOf(infoVia(plain.url.replace('http://', 'https://')));
    assert.equal(error.kind, 'tls-protocol');
    assert.match(error.message, /use an http:\/\/ URL/);
  });

  test('skipping verification works only by explicit opt-in, and is warned about in the log', async () => {
    emulator.setTls('unknown-ca');
    const logger = new RecordingLogger();
    try {
      const info = await infoVia(emulator.url, { tls: { skipVerify: true }, logger });
      assert.equal(info.cluster_name, 'local');
      assert.equal(logger.warnings.length, 1);
      assert.match(logger.warnings[0], /TLS certificate verification is OFF/);
    } finally {
      emulator.setTls('trusted');
    }
  });

  test('a CA file that does not exist or is not PEM is a configuration problem', async () => {
    const missing = await apiErrorOf(infoVia(emulator.url, { tls: { caFile: '/nonexistent/ca.crt' } }));
    assert.equal(missing.kind, 'configuration');
    assert.match(missing.message, /"\/nonexistent\/ca\.crt" cannot be used: there is no file at this path/);
    const notPem = await apiErrorOf(infoVia(emulator.url, { tls: { caFile: __filename } }));
    assert.match(notPem.message, /holds no PEM certificate/);
  });

  test('bad base URLs are refused before any request', () => {
    assert.throws(() => esHttp('ftp://x'), /must start with https:\/\/ or http:\/\//);
    assert.throws(() => esHttp('not a url'), /not a valid URL/);
    assert.throws(() => esHttp('https://user:pw@host:9200'), /not in the URL/);
  });
});
