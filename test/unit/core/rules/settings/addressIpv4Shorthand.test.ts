import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

describe('rule address-ipv4-shorthand', () => {
  test('warns about a three-part seed and names the address Java reads', () => {
    const finding = single('address-ipv4-shorthand', 'cluster.remote.a.seeds: ["10.0.12:9300"]\n');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, '10.0.12:9300');
    assert.match(finding.message, /reads `10\.0\.12` as the IPv4 address `10\.0\.0\.12`/);
  });

  test('also in a proxy_address and in a JSON body', () => {
    assert.equal(
      check('address-ipv4-shorthand', 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: "127.257:9443"\n').length,
      1,
    );
    const body = '{"persistent": {"cluster.remote.a.seeds": ["10.0.12:9300"]}}';
    assert.equal(check('address-ipv4-shorthand', body, { uri: 'file:///project/requests/add-remote.json' }).length, 1);
  });

  test('says nothing of four-part addresses, zero-padded ones and host names', () => {
    assert.deepEqual(
      check(
        'address-ipv4-shorthand',
        'cluster.remote.a.seeds: ["10.0.0.12:9300", "010.000.000.012:9300", "es01:9300", "1.2.300.4:9300"]\n',
      ),
      [],
    );
  });
});
