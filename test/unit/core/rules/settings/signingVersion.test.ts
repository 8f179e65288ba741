import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from './harness';

const text = 'cluster.remote.a.signing.key: sign.key\ncluster.remote.a.signing.certificate: sign.crt\n';

describe('rule signing-version', () => {
  test('is an error on each signing key before 9.3', () => {
    const found = check('signing-version', text, { options: { stackVersion: '9.2.1' } });
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['error', 'cluster.remote.a.signing.key'],
        ['error', 'cluster.remote.a.signing.certificate'],
      ],
    );
  });

  test('is one technical-preview note on 9.3 and later', () => {
    const found = check('signing-version', text, { options: { stackVersion: '9.3.0' } });
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['info', 'cluster.remote.a.signing.key']],
    );
    assert.match(found[0].message, /technical preview in Elasticsearch 9\.3, on Elastic Cloud Hosted as on self-managed/);
  });

  test('is silent without a version or without signing keys', () => {
    assert.deepEqual(check('signing-version', text), []);
    assert.deepEqual(check('signing-version', 'cluster.remote.a.seeds: [a:9443]\n', { options: { stackVersion: '8.0.0' } }), []);
  });
});
