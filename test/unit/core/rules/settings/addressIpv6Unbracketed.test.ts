import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule address-ipv6-unbracketed', () => {
  test('an IPv6 address and port without brackets works: a hint, and the brackets as a fix', () => {
    const text = 'cluster.remote.a.seeds:\n  - "fe80::1:9300"\n';
    const finding = single('address-ipv6-unbracketed', text);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.text, 'fe80::1:9300');
    assert.match(finding.message, /reads `fe80::1:9300` as the IPv6 address `fe80::1` and the port 9300/);
    assert.equal(fixed('address-ipv6-unbracketed', text), 'cluster.remote.a.seeds:\n  - "[fe80::1]:9300"\n');
  });

  test('brackets an unquoted proxy_address', () => {
    const text = 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: ::1:9443\n';
    assert.equal(fixed('address-ipv6-unbracketed', text), text.replace('::1:9443', '[::1]:9443'));
  });

  test('an error when the split at the last colon gives no address and port, with no fix that would guess', () => {
    // `fe80::1` has no port: Elasticsearch reads the host `fe80:` and the port 1.
    const finding = single('address-ipv6-unbracketed', 'cluster.remote.a.seeds: ["fe80::1"]\n');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /into the host `fe80:` and the port `1`/);
    assert.equal(finding.fixes, undefined);
    assert.equal(single('address-ipv6-unbracketed', 'cluster.remote.a.seeds: ["2001:db8::a:bcd"]\n').severity, 'error');
  });

  test('accepts bracketed IPv6 and IPv4', () => {
    assert.deepEqual(check('address-ipv6-unbracketed', 'cluster.remote.a.seeds: ["[fe80::1]:9300", "10.1.2.3:9300"]\n'), []);
  });
});
