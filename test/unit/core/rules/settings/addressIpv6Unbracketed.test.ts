import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule address-ipv6-unbracketed', () => {
  test('flags an unbracketed IPv6 seed and brackets it', () => {
    const text = 'cluster.remote.a.seeds:\n  - "fe80::1:9300"\n';
    const finding = single('address-ipv6-unbracketed', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'fe80::1:9300');
    assert.equal(fixed('address-ipv6-unbracketed', text), 'cluster.remote.a.seeds:\n  - "[fe80::1]:9300"\n');
  });

  test('brackets an unquoted proxy_address', () => {
    const text = 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: ::1:9443\n';
    assert.equal(fixed('address-ipv6-unbracketed', text), text.replace('::1:9443', '[::1]:9443'));
  });

  test('accepts bracketed IPv6 and IPv4', () => {
    assert.deepEqual(check('address-ipv6-unbracketed', 'cluster.remote.a.seeds: ["[fe80::1]:9300", "10.1.2.3:9300"]\n'), []);
  });
});
