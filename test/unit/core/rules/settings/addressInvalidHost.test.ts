import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAddress } from '../../../../../server/src/core/address';
import { check } from './harness';

describe('rule address-invalid-host', () => {
  test('rejects hosts that cannot resolve: bad characters, digits and dots that are no IPv4 address, broken IPv6', () => {
    const text =
      'cluster.remote.a.seeds: ["bad_host!:9443", "1.2.300.4:9443"]\ncluster.remote.b.mode: proxy\ncluster.remote.b.proxy_address: "[2001:db8::zz]:9443"\n';
    const found = check('address-invalid-host', text);
    assert.deepEqual(
      found.map((f) => [f.line, f.severity, f.text]),
      [
        [1, 'error', 'bad_host!:9443'],
        [1, 'error', '1.2.300.4:9443'],
        [3, 'error', '[2001:db8::zz]:9443'],
      ],
    );
    assert.match(found[0].message, /`!` is not allowed/);
    assert.match(found[1].message, /not an IPv4 address .* cannot resolve/);
    assert.match(found[2].message, /not a valid IPv6 address/);
  });

  test('accepts host names, IPv4 and IPv6 literals and Docker service names', () => {
    // Short and zero-padded IPv4 forms are addresses to Java (address-ipv4-shorthand warns about the short ones).
    for (const address of [
      '10.0.12:9300',
      '010.000.000.012:9300',
      'es01:9300',
      'es_node-1:9300',
      'west.example.com.:9443',
      '10.0.0.12:9300',
      '[2001:db8::1]:9443',
      '[::1]:9300',
      'xn--bcher-kva.example:9443',
    ]) {
      assert.equal(parseAddress(address).ok, true, address);
    }
  });

  test('leaves addresses from environment variables alone (Elasticsearch substitutes ${VAR} when it reads the file)', () => {
    assert.deepEqual(check('address-invalid-host', 'cluster.remote.a.seeds: ["${REMOTE_HOST}:9443", "${SEEDS}"]\n'), []);
    assert.deepEqual(check('address-missing-port', 'cluster.remote.a.seeds: ${SEEDS}\n'), []);
  });

  test('rejects empty labels, labels with a leading hyphen and over-long labels', () => {
    for (const address of [
      'a..b:9300',
      '-a.example.com:9300',
      `${'a'.repeat(64)}.example.com:9300`,
      '256.1.1.1:9300',
      '1.2.3.4.5:9300',
      '1.2.65536:9300',
    ]) {
      const parsed = parseAddress(address);
      assert.equal(parsed.ok === false && parsed.kind, 'bad-host', address);
    }
  });
});
