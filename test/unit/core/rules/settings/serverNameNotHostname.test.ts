import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

const base = 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.example.com:9443\n';

describe('rule server-name-not-hostname', () => {
  test('warns about an IP address', () => {
    const finding = single('server-name-not-hostname', `${base}cluster.remote.a.server_name: 10.0.0.5\n`);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, '10.0.0.5');
    assert.match(finding.message, /SNI/);
  });

  test('warns about a port and strips it', () => {
    const text = `${base}cluster.remote.a.server_name: "a.example.com:9443"\n`;
    assert.equal(single('server-name-not-hostname', text).text, 'a.example.com:9443');
    assert.equal(fixed('server-name-not-hostname', text), `${base}cluster.remote.a.server_name: "a.example.com"\n`);
  });

  test('accepts a host name', () => {
    assert.deepEqual(check('server-name-not-hostname', `${base}cluster.remote.a.server_name: a.example.com\n`), []);
  });
});
