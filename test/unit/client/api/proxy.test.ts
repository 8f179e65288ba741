import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ElasticsearchClient } from '../../../../client/src/api/elasticsearch';
import { selectProxy } from '../../../../client/src/api/proxy';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { startTestProxy, type TestProxy } from '../../../emulator/proxy';
import { apiErrorOf, esHttp } from '../support';

describe('proxy selection', () => {
  test('http.proxy is used for every host by default', () => {
    assert.equal(selectProxy('https://es.example.com:9200', { url: 'http://proxy.corp:3128' }), 'http://proxy.corp:3128');
  });

  test('a proxy given without scheme is an http:// proxy', () => {
    assert.equal(selectProxy('https://es.example.com', { url: 'proxy.corp:3128' }), 'http://proxy.corp:3128');
  });

  test('http.noProxy bypasses exact hosts, domains and subdomains, and host:port entries only on that port', () => {
    const settings = { url: 'http://proxy:3128', noProxy: ['internal.example', '.corp.local', 'es.example.com:9200', '*.lab'] };
    assert.equal(selectProxy('https://internal.example', settings), undefined);
    assert.equal(selectProxy('https://a.b.internal.example', settings), undefined);
    assert.equal(selectProxy('https://x.corp.local:9243', settings), undefined);
    assert.equal(selectProxy('https://es.example.com:9200', settings), undefined);
    assert.equal(selectProxy('https://es.example.com:9243', settings), 'http://proxy:3128');
    assert.equal(selectProxy('https://node.lab', settings), undefined);
    assert.equal(selectProxy('https://notinternal.example', settings), 'http://proxy:3128');
  });

  test('"*" in noProxy and proxySupport "off" both mean direct connections', () => {
    assert.equal(selectProxy('https://es.example.com', { url: 'http://proxy:3128', noProxy: ['*'] }), undefined);
    assert.equal(selectProxy('https://es.example.com', { url: 'http://proxy:3128', support: 'off' }), undefined);
  });

  test('without http.proxy the environment variables apply, by scheme, with NO_PROXY', () => {
    const env = {
      HTTPS_PROXY: 'http://secure-proxy:8080',
      HTTP_PROXY: 'http://plain-proxy:8080',
      NO_PROXY: 'localhost,127.0.0.1, .svc',
    };
    assert.equal(selectProxy('https://es.example.com', { env }), 'http://secure-proxy:8080');
    assert.equal(selectProxy('http://es.example.com', { env }), 'http://plain-proxy:8080');
    assert.equal(selectProxy('http://127.0.0.1:9200', { env }), undefined);
    assert.equal(selectProxy('https://es.default.svc', { env }), undefined);
    // http.proxy wins over the environment.
    assert.equal(selectProxy('https://es.example.com', { url: 'http://vscode-proxy:1', env }), 'http://vscode-proxy:1');
  });

  test('bracketed IPv6 entries match IPv6 hosts', () => {
    assert.equal(selectProxy('https://[::1]:9200', { url: 'http://proxy:1', noProxy: ['[::1]'] }), undefined);
    assert.equal(selectProxy('https://[::1]:9200', { url: 'http://proxy:1', noProxy: ['::1'] }), undefined);
    assert.equal(selectProxy('https://[::2]:9200', { url: 'http://proxy:1', noProxy: ['::1'] }), 'http://proxy:1');
  });
});

describe('requests through an HTTP proxy', () => {
  let emulator: RunningEmulator;
  let proxy: TestProxy;

  before(async () => {
    emulator = await startEmulator({ tls: 'trusted' });
    proxy = await startTestProxy({ requireAuthorization: 'Basic cHJveHk6c2VjcmV0' });
  });
  after(async () => {
    await proxy.stop();
    await emulator.stop();
  });

  test('an HTTPS request tunnels through the configured proxy and still verifies the server certificate', async () => {
    const http = esHttp(emulator.url, {
      tls: { caFile: emulator.caFile },
      proxy: { url: proxy.url, authorization: 'Basic cHJveHk6c2VjcmV0' },
    });
    try {
      const info = await new ElasticsearchClient(http).info();
      assert.equal(info.cluster_name, 'local');
      assert.deepEqual(proxy.tunnels.slice(-1), [new URL(emulator.url).host]);
    } finally {
      await http.close();
    }
  });

  test('a proxy that refuses the credentials is reported as a proxy problem', async () => {
    const http = esHttp(emulator.url, {
      tls: { caFile: emulator.caFile },
      proxy: { url: proxy.url, authorization: 'Basic d3Jvbmc6d3Jvbmc=' },
    });
    try {
      const error = await apiErrorOf(new ElasticsearchClient(http).info());
      assert.equal(error.kind, 'proxy');
      assert.match(error.message, /proxy/i);
      assert.match(error.message, /407/);
    } finally {
      await http.close();
    }
  });

  test('a proxy that is down is named as the problem, not the cluster', async () => {
    const down = await startTestProxy();
    const deadUrl = down.url;
    await down.stop();
    const http = esHttp(emulator.url, { tls: { caFile: emulator.caFile }, proxy: { url: deadUrl } });
    try {
      const error = await apiErrorOf(new ElasticsearchClient(http).info());
      assert.equal(error.kind, 'proxy');
      assert.match(error.message, /HTTP proxy/);
      assert.match(error.message, /http\.noProxy/);
    } finally {
      await http.close();
    }
  });

  test('hosts in noProxy skip the proxy', async () => {
    const before = proxy.tunnels.length;
    const http = esHttp(emulator.url, { tls: { caFile: emulator.caFile }, proxy: { url: proxy.url, noProxy: ['127.0.0.1'] } });
    try {
      await new ElasticsearchClient(http).info();
      assert.equal(proxy.tunnels.length, before);
    } finally {
      await http.close();
    }
  });
});
