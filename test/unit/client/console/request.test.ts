import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Result } from '#core';
import { createClients } from '../../../../client/src/connections/clients';
import {
  formatResponse,
  prepareRequest,
  requestAt,
  secretFields,
  sendPrepared,
  type PreparedRequest,
} from '../../../../client/src/console/request';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cloudConnection, esConnection } from '../flows/support';

const FILE = `# Remote clusters
GET _remote/info

PUT /_cluster/settings
{
  // proxy mode for europe
  "persistent": {
    "cluster.remote.europe.mode": "proxy",
    "cluster.remote.europe.proxy_address": "remote.emulated.local:9443",
  }
}

POST _security/cross_cluster/api_key
{
  "name": "from-console",
  "access": { "search": [ { "names": ["logs-*"] } ] },
  "metadata": { "note": """two
lines""" }
}

GET _cat/indices?v

POST _bulk
{ "index": { "_index": "a" } }
{ "field": 1 }

GET kbn:/api/status

PUT _cluster/settings
{ "persistent": { "a": 1 "b": 2 } }

GET api/v1/deployments
`;

function prepared(label: RegExp): Result<PreparedRequest> {
  const offset = FILE.search(label);
  const found = requestAt(FILE, offset);
  assert.ok(found, `a request at ${label}`);
  return prepareRequest(FILE, found.request);
}

/** The request at `label`, which must be one that can be sent. */
function sendable(label: RegExp): PreparedRequest {
  const result = prepared(label);
  assert.ok(result.ok, `the request at ${label} can be sent`);
  return result.value;
}

/** Why the request at `label` cannot be sent. */
function refusal(label: RegExp): string {
  const result = prepared(label);
  assert.ok(!result.ok, `the request at ${label} is refused`);
  return result.problem;
}

describe('Console requests', () => {
  test('a request is found from any offset in its line or body, and numbered', () => {
    const inBody = requestAt(FILE, FILE.indexOf('proxy mode for europe'));
    assert.equal(inBody?.request.path, '/_cluster/settings');
    assert.equal(inBody?.number, 2);
    assert.equal(requestAt(FILE, 0), undefined, 'the comment above the first request belongs to none');
  });

  test('bodies are read as Console reads them: comments, trailing commas and triple-quoted strings', () => {
    const settings = sendable(/PUT \/_cluster\/settings/);
    assert.deepEqual(settings, {
      method: 'PUT',
      path: '/_cluster/settings',
      body: {
        persistent: {
          'cluster.remote.europe.mode': 'proxy',
          'cluster.remote.europe.proxy_address': 'remote.emulated.local:9443',
        },
      },
      service: 'elasticsearch',
      label: 'PUT /_cluster/settings',
    });
    const key = sendable(/POST _security\/cross_cluster/);
    assert.deepEqual((key.body as { metadata: unknown }).metadata, { note: 'two\nlines' });
    assert.equal(key.path, '/_security/cross_cluster/api_key');
  });

  test('_cat requests ask for JSON; Cloud paths need a Cloud connection', () => {
    const cat = sendable(/GET _cat/);
    assert.equal(cat.path, '/_cat/indices?v&format=json');
    const cloud = sendable(/GET api\/v1/);
    assert.equal(cloud.service, 'cloud');
  });

  test('what cannot be sent is explained', () => {
    assert.match(refusal(/POST _bulk/), /several bodies/);
    assert.match(refusal(/GET kbn:/), /Kibana API requests/);
    assert.match(
      refusal(/PUT _cluster\/settings\n\{ "persistent": \{ "a"/),
      /not valid JSON \(a comma is missing on line 1 of the body\)/,
    );
  });

  test('secret fields are found for copying and hidden in the formatted response', () => {
    const body = {
      id: 'k1',
      name: 'n',
      api_key: 'raw-secret',
      encoded: 'ZW5jb2RlZC1zZWNyZXQ=',
      nested: [{ secrets: { 'cluster.remote.a.credentials': { value: 'keystore-secret' } } }],
    };
    const secrets = secretFields(body);
    assert.deepEqual(
      secrets.map((secret) => secret.path),
      ['api_key', 'encoded', 'nested.0.secrets.cluster.remote.a.credentials.value'],
    );
    const text = formatResponse(
      { method: 'POST', path: '/x', service: 'elasticsearch', label: 'POST /x' },
      'remote',
      { status: 200, body, durationMs: 12 },
      secrets,
    );
    assert.match(text, /^\/\/ POST \/x\n\/\/ 200 OK · remote · 12 ms\n\/\/ Hidden secret field\(s\): api_key, encoded/);
    for (const secret of secrets) assert.ok(!text.includes(secret.value), `${secret.path} is hidden`);
    assert.match(text, /"id": "k1"/);
  });

  describe('against the emulator', () => {
    let emulator: RunningEmulator;
    before(async () => {
      emulator = await startEmulator({
        clusters: [{ name: 'local' }],
        cloud: { apiKeys: ['org-key'], deployments: [{ id: 'd1', name: 'd1', cluster: 'local' }] },
      });
    });
    after(() => emulator.stop());

    const clientsFor = (saved: ReturnType<typeof esConnection>) => createClients(saved.profile, saved.secrets);

    test('sends the request through the connection and returns any status as an answer', async () => {
      const clients = clientsFor(esConnection('local', emulator.clusterUrl('local')));
      try {
        const settings = sendable(/PUT \/_cluster\/settings/);
        const response = await sendPrepared(clients, settings);
        assert.equal(response.status, 200);
        assert.equal(emulator.state.cluster('local').persistent['cluster.remote.europe.mode'], 'proxy');
        const info = await sendPrepared(clients, sendable(/GET _remote\/info/));
        assert.deepEqual(Object.keys(info.body as object), ['europe']);
        const refused = await sendPrepared(clients, {
          method: 'PUT',
          path: '/_cluster/settings',
          body: { persistent: { 'cluster.remote.x.skip_unavailable': true } },
          service: 'elasticsearch',
          label: 'PUT',
        });
        assert.equal(refused.status, 400, 'an error status is shown, not thrown');
        assert.match(JSON.stringify(refused.body), /remote cluster is not enabled/);
        const created = await sendPrepared(clients, sendable(/POST _security\/cross_cluster/));
        assert.deepEqual(
          secretFields(created.body).map((secret) => secret.path),
          ['api_key', 'encoded'],
        );
      } finally {
        await clients.close();
      }
    });

    test('a Cloud API request goes to a Cloud connection and is refused for an Elasticsearch one', async () => {
      const cloud = clientsFor(cloudConnection('cloud', emulator.cloudUrl as string, 'org-key'));
      const es = clientsFor(esConnection('local', emulator.clusterUrl('local')));
      try {
        const request = sendable(/GET api\/v1/);
        const response = await sendPrepared(cloud, request);
        assert.equal(response.status, 200);
        assert.equal((response.body as { deployments: unknown[] }).deployments.length, 1);
        await assert.rejects(
          sendPrepared(es, request),
          /Elastic Cloud \/ ECE API request; choose an Elastic Cloud or ECE connection/,
        );
      } finally {
        await cloud.close();
        await es.close();
      }
    });
  });
});
