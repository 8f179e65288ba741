import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CloudClient } from '../../../../client/src/api/cloud';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import { formatRequestLine, HttpClient } from '../../../../client/src/api/http';
import { REDACTED, redactJson, redactUrl, SecretRedactor } from '../../../../client/src/api/redact';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { apiErrorOf, JSON_HEADERS, mockAgent, RecordingLogger } from '../support';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('secrets never reach messages or logs', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ clusters: [{ name: 'local' }, { name: 'remote' }] });
  });
  after(() => emulator.stop());

  test('a rejected API key appears in neither the error nor the log, in raw or encoded form', async () => {
    const apiKey = 'VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw';
    const logger = new RecordingLogger();
    const http = new HttpClient({ service: 'elasticsearch', baseUrl: emulator.url, auth: { type: 'apiKey', apiKey }, logger });
    const error = await apiErrorOf(new ElasticsearchClient(http).info());
    assert.equal(error.kind, 'unauthorized');
    for (const secret of [apiKey, 'ui2lp2axTNmsyakw9tvNnw', b64(apiKey)]) {
      assert.ok(!error.message.includes(secret), 'message is clean');
      assert.ok(!logger.text().includes(secret), 'log is clean');
    }
    assert.equal(logger.entries.length, 1);
  });

  test('a server that echoes the credentials back in its error has them scrubbed', async () => {
    const agent = mockAgent();
    const password = 'correct-horse-battery';
    const logger = new RecordingLogger();
    const http = new HttpClient({
      service: 'elasticsearch',
      baseUrl: 'https://es.example.com',
      auth: { type: 'basic', username: 'bob', password },
      dispatcher: agent,
      logger,
    });
    const echo = `bad header: Authorization: Basic ${b64(`bob:${password}`)} (password ${password})`;
    agent
      .get('https://es.example.com')
      .intercept({ path: '/', method: 'GET' })
      .reply(400, { error: { type: 'x', reason: echo }, status: 400 }, JSON_HEADERS);
    const error = await apiErrorOf(new ElasticsearchClient(http).info());
    assert.ok(!error.message.includes(password));
    assert.ok(!error.message.includes(b64(`bob:${password}`)));
    assert.ok(!(error.details.reason ?? '').includes(password));
    assert.ok(!logger.text().includes(password));
    assert.ok(error.message.includes(REDACTED));
    await agent.close();
  });

  test('a freshly created cross-cluster key is registered as a secret: later messages never show it', async () => {
    const logger = new RecordingLogger();
    const remote = new ElasticsearchClient(
      new HttpClient({
        service: 'elasticsearch',
        baseUrl: emulator.clusterUrl('remote'),
        auth: { type: 'basic', username: 'elastic', password: 'changeme' },
        logger,
      }),
    );
    const key = await remote.createCrossClusterApiKey({ name: 'ccs', access: { search: [{ names: ['logs-*'] }] } });
    assert.ok(!logger.text().includes(key.encoded));
    assert.ok(!logger.text().includes(key.api_key));
    // A later failure whose text contains the key (e.g. echoed by a misbehaving proxy) is scrubbed.
    emulator.faults.status(
      500,
      { server: 'remote', path: '/_remote/info' },
      { error: { type: 'exception', reason: `cannot use ${key.encoded}` }, status: 500 },
    );
    const error = await apiErrorOf(remote.remoteInfo());
    assert.ok(!error.message.includes(key.encoded));
    assert.match(error.message, /cannot use ::redacted::/);
    await remote.http.close();
  });

  test('keystore values sent to Elastic Cloud are scrubbed from errors', async () => {
    const agent = mockAgent();
    const logger = new RecordingLogger();
    const cloud = new CloudClient(
      new HttpClient({
        service: 'cloud',
        baseUrl: 'https://api.elastic-cloud.com',
        auth: { type: 'apiKey', apiKey: 'org-key-123' },
        dispatcher: agent,
        logger,
      }),
    );
    const encoded = b64('keyid:keysecret-value');
    agent
      .get('https://api.elastic-cloud.com')
      .intercept({ path: '/api/v1/deployments/d1/elasticsearch/main/keystore', method: 'PATCH' })
      .reply(400, { errors: [{ code: 'keystore.invalid', message: `value ${encoded} rejected` }] }, JSON_HEADERS);
    const error = await apiErrorOf(
      cloud.updateKeystore('d1', 'main', { secrets: { 'cluster.remote.b.credentials': { value: encoded } } }),
    );
    assert.ok(!error.message.includes(encoded));
    assert.ok(!logger.text().includes(encoded));
    assert.ok(!logger.text().includes('org-key-123'));
    await agent.close();
  });

  test('request log lines carry method, URL, status and time, and nothing else', async () => {
    const logger = new RecordingLogger();
    const http = new HttpClient({
      service: 'elasticsearch',
      baseUrl: emulator.url,
      auth: { type: 'basic', username: 'elastic', password: 'changeme' },
      logger,
    });
    const es = new ElasticsearchClient(http);
    await es.putClusterSettings({ persistent: { 'cluster.remote.x.seeds': ['remote.emulated.local:9300'] } });
    const [entry] = logger.entries;
    assert.equal(entry.method, 'PUT');
    assert.equal(entry.url, `${emulator.url}/_cluster/settings`);
    assert.equal(entry.status, 200);
    assert.ok(entry.durationMs >= 0);
    assert.match(formatRequestLine(entry), /^PUT http:\/\/127\.0\.0\.1:\d+\/_cluster\/settings → 200 \(\d+ ms\)$/);
    assert.ok(!logger.text().includes('changeme'));
    assert.ok(!logger.text().includes('remote.emulated.local'), 'bodies are not logged');
    await http.close();
  });

  test('failed requests are logged with the failure kind', async () => {
    const logger = new RecordingLogger();
    const http = new HttpClient({
      service: 'elasticsearch',
      baseUrl: emulator.url,
      auth: { type: 'basic', username: 'elastic', password: 'wrong-password' },
      logger,
    });
    await apiErrorOf(new ElasticsearchClient(http).remoteInfo());
    assert.match(formatRequestLine(logger.entries[0]), /^GET .*\/_remote\/info → 401 failed: unauthorized \(\d+ ms\)$/);
    assert.ok(!logger.text().includes('wrong-password'));
    await http.close();
  });
});

describe('redaction helpers', () => {
  test('redactJson masks API key material and keystore values, and keeps everything else', () => {
    const redacted = redactJson({
      id: 'k1',
      name: 'ccs',
      api_key: 'secret-part',
      encoded: 'ZW5jb2RlZA==',
      persistent: { 'cluster.remote.a.credentials': 'ZW5jb2RlZA==', 'cluster.remote.a.mode': 'proxy' },
      secrets: { 'cluster.remote.a.credentials': { value: 'ZW5jb2RlZA==', as_file: false } },
      plan: { size: { value: 4096 } },
    }) as Record<string, unknown>;
    const text = JSON.stringify(redacted);
    assert.ok(!text.includes('secret-part'));
    assert.ok(!text.includes('ZW5jb2RlZA=='));
    assert.equal((redacted.persistent as Record<string, unknown>)['cluster.remote.a.mode'], 'proxy');
    assert.deepEqual(redacted.secrets, { 'cluster.remote.a.credentials': REDACTED });
    assert.deepEqual(redacted.plan, { size: { value: 4096 } });
    assert.equal(redacted.id, 'k1');
  });

  test('redactUrl drops user-info and secret query values', () => {
    assert.equal(
      redactUrl('https://u:p@es.example.com:9200/_x?api_key=abc&flat_settings=true'),
      `https://es.example.com:9200/_x?api_key=${encodeURIComponent(REDACTED)}&flat_settings=true`,
    );
    assert.equal(redactUrl('not a url'), '<invalid URL>');
  });

  test('the redactor scrubs registered secrets and any Authorization-style value, but not short words', () => {
    const redactor = new SecretRedactor();
    redactor.add('hunter2-long');
    redactor.add('abc');
    const text = redactor.scrub('pw hunter2-long, header ApiKey Zm9vOmJhcg== and Bearer tok_123456, abc stays');
    assert.equal(text, `pw ${REDACTED}, header ApiKey ${REDACTED} and Bearer ${REDACTED}, abc stays`);
  });

  test('a password that is also part of a host name is not revealed by masking the host', () => {
    const redactor = new SecretRedactor();
    redactor.addBasic('elastic', 'elastic');
    const line = redactor.scrub('GET https://elastic-prod.example.com:9200/_remote/info → 200 (elastic.co docs)');
    assert.equal(line, 'GET https://elastic-prod.example.com:9200/_remote/info → 200 (elastic.co docs)');
    assert.equal(redactor.scrub('password was "elastic"; echoed: elastic'), `password was "${REDACTED}"; echoed: ${REDACTED}`);
    const regexy = new SecretRedactor();
    regexy.add('a+b(c)*');
    assert.equal(regexy.scrub('secret a+b(c)* here; aab stays'), `secret ${REDACTED} here; aab stays`);
  });
});
