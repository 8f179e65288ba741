import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from './harness';

describe('rule address-invalid-port', () => {
  test('flags ports that are not numbers, zero, or above 65535', () => {
    const found = check('address-invalid-port', 'cluster.remote.a.seeds: ["a:http", "b:0", "c:70000"]\n');
    assert.deepEqual(
      found.map((f) => f.text),
      ['a:http', 'b:0', 'c:70000'],
    );
    assert.ok(found.every((f) => f.severity === 'error'));
    assert.match(found[2].message, /at most 65535/);
  });

  test('checks proxy_address too', () => {
    assert.equal(
      check('address-invalid-port', 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: "a:-1"\n').length,
      1,
    );
  });

  test('accepts ports 1 to 65535', () => {
    assert.deepEqual(check('address-invalid-port', 'cluster.remote.a.seeds: ["a:1", "b:65535", "c:9443"]\n'), []);
  });

  test('checks the addresses of the old search.remote name too (6.x)', () => {
    const found = check('address-invalid-port', 'search.remote.a.seeds: ["a:99999"]\n', { options: { stackVersion: '6.2.0' } });
    assert.deepEqual(
      found.map((f) => f.severity),
      ['error'],
    );
  });
});
