/**
 * What guards a connection's traffic: response bodies are read only up to a limit, credentials go
 * over plain http:// to another machine only after the user agreed, and a connection that skips
 * TLS verification warns whenever a command uses it.
 */
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { ConnectionProfile } from '../../../../client/src/connections/profile';
import {
  ALLOW_FOR_SESSION,
  isLoopbackHost,
  plaintextCredentialsHost,
  SEND_ONCE,
  TransportGuard,
} from '../../../../client/src/connections/transport';
import { apiErrorOf, esHttp } from '../support';

describe('response size limit', () => {
  let server: http.Server;
  let base: string;

  before(async () => {
    server = http.createServer((request, response) => {
      const megabytes = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('mb') ?? '0');
      const chunked = request.url?.includes('chunked');
      const payload = JSON.stringify({ filler: 'x'.repeat(megabytes * 1024 * 1024) });
      response.writeHead(
        200,
        chunked
          ? { 'content-type': 'application/json' }
          : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      );
      if (chunked) {
        // Sent in pieces with no length announced: the limit must hold while reading.
        const piece = 64 * 1024;
        for (let offset = 0; offset < payload.length; offset += piece) response.write(payload.slice(offset, offset + piece));
        response.end();
      } else response.end(payload);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (query: string, maxResponseBytes?: number) => {
    const client = esHttp(base, { maxResponseBytes });
    try {
      return await client.request<{ filler: string }>({ method: 'GET', path: `/_search${query}` });
    } finally {
      await client.close();
    }
  };

  test('a body under the limit is read whole', async () => {
    const result = await get('?mb=1', 2 * 1024 * 1024);
    assert.equal(result.body.filler.length, 1024 * 1024);
  });

  test('a declared length over the limit is refused before reading, with a clear message', async () => {
    const error = await apiErrorOf(get('?mb=3', 2 * 1024 * 1024));
    assert.equal(error.kind, 'response-too-large');
    assert.match(error.message, /GET \/_search\?mb=3 is larger than 2 MiB, so it was not read\. Ask for less/);
  });

  test('a chunked body is cut off once it passes the limit', async () => {
    const error = await apiErrorOf(get('?mb=3&chunked=1', 2 * 1024 * 1024));
    assert.equal(error.kind, 'response-too-large');
  });

  test('the default limit stops a 20 MB answer', async () => {
    const error = await apiErrorOf(get('?mb=20&chunked=1'));
    assert.equal(error.kind, 'response-too-large');
    assert.match(error.message, /larger than 8 MiB/);
  });
});

describe('plain-http and TLS-verification guard', () => {
  const profile = (url: string, extra: Partial<ConnectionProfile> = {}): ConnectionProfile => ({
    id: 'p1',
    name: 'prod',
    kind: 'elasticsearch',
    url,
    auth: 'basic',
    username: 'elastic',
    ...extra,
  });

  const guard = (answers: Array<string | undefined>) => {
    const asked: Array<{ message: string; detail: string }> = [];
    const warned: string[] = [];
    let clock = 0;
    const instance = new TransportGuard({
      ask: async (message, detail) => {
        asked.push({ message, detail });
        return answers.shift();
      },
      warn: (message) => warned.push(message),
      now: () => clock,
    });
    return { instance, asked, warned, tick: (ms: number) => (clock += ms) };
  };

  test('loopback hosts are recognised in every spelling, other hosts are not', () => {
    for (const host of ['localhost', '127.0.0.1', '127.8.9.10', '[::1]', '::1', 'es.localhost'])
      assert.ok(isLoopbackHost(host), host);
    for (const host of ['10.0.0.5', 'es.example.com', '128.0.0.1', '[2001:db8::1]', 'localhost.example.com'])
      assert.ok(!isLoopbackHost(host), host);
  });

  test('only credentials over http:// to another machine are a risk', () => {
    assert.equal(plaintextCredentialsHost(profile('http://es.example.com:9200')), 'es.example.com:9200');
    assert.equal(plaintextCredentialsHost(profile('https://es.example.com:9200')), undefined);
    assert.equal(plaintextCredentialsHost(profile('http://127.0.0.1:9200')), undefined);
    assert.equal(
      plaintextCredentialsHost(profile('http://es.example.com:9200', { auth: 'none', username: undefined })),
      undefined,
      'nothing secret to send',
    );
  });

  test('http:// to another host asks every time unless allowed for the session, and a refusal sends nothing', async () => {
    const { instance, asked } = guard([SEND_ONCE, undefined, ALLOW_FOR_SESSION, SEND_ONCE]);
    const plain = profile('http://es.example.com:9200');
    await instance.check(plain);
    const refused = await apiErrorOf(instance.check(plain));
    assert.equal(refused.kind, 'configuration');
    assert.match(refused.message, /Nothing was sent to "prod": it uses plain http:\/\/ to es\.example\.com:9200/);
    await instance.check(plain);
    await instance.check(plain);
    assert.equal(asked.length, 3, 'the session allowance stops the questions');
    assert.match(asked[0].message, /^Send the password of "prod" unencrypted\?/);
    assert.match(asked[0].detail, /clear text/);
    await instance.check(profile('http://other.example.com:9200'));
    assert.equal(asked.length, 4, 'a changed URL asks again');
  });

  test('skipping TLS verification warns on use, at most once a minute per connection', async () => {
    const { instance, warned, tick, asked } = guard([]);
    const insecure = profile('https://es.example.com:9200', { skipTlsVerify: true });
    await instance.check(insecure);
    await instance.check(insecure);
    assert.equal(warned.length, 1);
    assert.match(warned[0], /TLS certificate verification is off for "prod"/);
    tick(61_000);
    await instance.check(insecure);
    assert.equal(warned.length, 2);
    assert.equal(asked.length, 0, 'https needs no question');
  });
});
