import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { ElasticsearchClient } from '../../../client/src/api/elasticsearch';
import { HttpClient } from '../../../client/src/api/http';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { apiErrorOf, esHttp } from '../client/support';

describe('emulator behaviour', () => {
  let emulator: RunningEmulator;
  let raw: HttpClient;
  before(async () => {
    emulator = await startEmulator({
      clusters: [
        {
          name: 'local',
          users: [
            { username: 'elastic', password: 'changeme', roles: ['superuser'] },
            { username: 'keyadmin', password: 'keyadmin-pw', roles: ['api_keys'] },
          ],
          roles: { api_keys: { cluster: ['manage_api_key'] } },
        },
      ],
      cloud: { apiKeys: ['k'], deployments: [{ id: 'd1', name: 'd1', cluster: 'local' }] },
    });
    raw = esHttp(emulator.url);
  });
  after(async () => {
    await raw.close();
    await emulator.stop();
  });

  test('faults fire for matching requests only, the given number of times, then stop', async () => {
    emulator.faults.status(503, { server: 'local', method: 'GET', path: '/_remote/info', times: 2 });
    const es = new ElasticsearchClient(raw);
    assert.equal((await es.info()).cluster_name, 'local', 'other paths are unaffected');
    assert.equal((await apiErrorOf(es.remoteInfo())).status, 503);
    assert.equal((await apiErrorOf(es.remoteInfo())).status, 503);
    assert.deepEqual(await es.remoteInfo(), {});
  });

  test('a delay holds the request and then answers normally', async () => {
    emulator.faults.delay(150, { path: '/' });
    const started = Date.now();
    assert.equal((await new ElasticsearchClient(raw).info()).cluster_name, 'local');
    assert.ok(Date.now() - started >= 140);
  });

  test('a status fault can carry a custom body and headers', async () => {
    emulator.faults.status(
      429,
      { path: '/' },
      { error: { type: 'es_rejected_execution_exception', reason: 'queue full' }, status: 429 },
      { 'retry-after': '3' },
    );
    const error = await apiErrorOf(new ElasticsearchClient(raw).info());
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.details.retryAfterSeconds, 3);
    assert.match(error.message, /queue full/);
  });

  test('unknown URLs and wrong methods answer like Elasticsearch', async () => {
    const unknown = await apiErrorOf(raw.request({ method: 'GET', path: '/_nope' }));
    assert.equal(unknown.status, 400);
    assert.match(unknown.message, /no handler found for uri \[\/_nope\] and method \[GET\]/);
    const wrongMethod = await apiErrorOf(raw.request({ method: 'POST', path: '/_remote/info' }));
    assert.equal(wrongMethod.status, 405);
    assert.match(wrongMethod.message, /allowed: \[GET\]/);
  });

  test('missing credentials get 401 with the WWW-Authenticate challenge', async () => {
    const anonymous = new HttpClient({ service: 'elasticsearch', baseUrl: emulator.url });
    try {
      const error = await apiErrorOf(anonymous.request({ method: 'GET', path: '/' }));
      assert.equal(error.status, 401);
      assert.match(error.message, /missing authentication credentials for REST request \[\/\]/);
    } finally {
      await anonymous.close();
    }
  });

  test('a body that is not JSON is refused with a parse error', async () => {
    // Sent as a JSON string literal, which is valid JSON but not an object: the settings API refuses it.
    const error = await apiErrorOf(raw.request({ method: 'PUT', path: '/_cluster/settings', body: 'persistent' }));
    assert.equal(error.status, 400);
  });

  test('invalidating needs a selector; a cross-cluster key without manage_security is skipped and reported (200, error_details)', async () => {
    const missing = await apiErrorOf(new ElasticsearchClient(raw).invalidateApiKeys({}));
    assert.match(missing.message, /must be specified if \[owner\] flag is false/);
    const key = await new ElasticsearchClient(raw).createCrossClusterApiKey({
      name: 'k',
      access: { replication: [{ names: ['x'] }] },
    });
    const keyAdmin = esHttp(emulator.url, { auth: { type: 'basic', username: 'keyadmin', password: 'keyadmin-pw' } });
    try {
      // As Elasticsearch's ApiKeyService answers (api-contract-audit finding 6): not a 403 for the whole request.
      const skipped = await new ElasticsearchClient(keyAdmin).invalidateApiKeys({ ids: [key.id] });
      assert.deepEqual(skipped.invalidated_api_keys, []);
      assert.equal(skipped.error_count, 1);
      assert.match(
        String(skipped.error_details?.[0].reason),
        /Cannot invalidate cross-cluster API key \[.+\]\. This requires \[manage_security\]/,
      );
    } finally {
      await keyAdmin.close();
    }
  });

  test('requests are recorded with the auth scheme but never the credentials', () => {
    const recorded = JSON.stringify(emulator.state.requests);
    assert.ok(emulator.state.requests.some((request) => request.auth === 'Basic' && request.server === 'local'));
    assert.ok(!recorded.includes('changeme'));
    assert.ok(!recorded.includes(Buffer.from('elastic:changeme').toString('base64')));
  });

  test('a deployment update with a stale version is a 409 conflict', async () => {
    const cloud = new HttpClient({
      service: 'cloud',
      baseUrl: emulator.cloudUrl as string,
      auth: { type: 'apiKey', apiKey: 'k' },
    });
    try {
      const error = await apiErrorOf(
        cloud.request({ method: 'PUT', path: '/api/v1/deployments/d1', query: { version: 99 }, body: { prune_orphans: false } }),
      );
      assert.equal(error.kind, 'conflict');
      const missingPlan = await apiErrorOf(
        cloud.request({
          method: 'PUT',
          path: '/api/v1/deployments/d1',
          body: {
            prune_orphans: false,
            resources: { elasticsearch: [{ ref_id: 'main-elasticsearch', region: emulator.state.cloud.region }] },
          },
        }),
      );
      assert.match(missingPlan.message, /plan\] is required/);
    } finally {
      await cloud.close();
    }
  });
});

describe('emulator command line', () => {
  test('starts the default clusters, prints their URLs as JSON, serves requests, and stops on SIGTERM', async () => {
    const cli = path.join(__dirname, '..', '..', 'emulator', 'cli.js');
    const child = spawn(process.execPath, [cli], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}`)));
      });
      const summary = JSON.parse(line) as { clusters: Record<string, string>; cloud: string };
      assert.deepEqual(Object.keys(summary.clusters), ['local', 'remote']);
      const http = esHttp(summary.clusters.remote);
      try {
        assert.equal((await new ElasticsearchClient(http).info()).cluster_name, 'remote');
      } finally {
        await http.close();
      }
      assert.match(summary.cloud, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
