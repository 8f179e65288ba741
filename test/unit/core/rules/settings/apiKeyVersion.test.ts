import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

const text = 'cluster.remote.a.seeds: ["a:9443"]\n';

describe('rule api-key-version', () => {
  test('is an error before 8.10', () => {
    const finding = single('api-key-version', text, { options: { stackVersion: '8.9.2', keystoreCredentialAliases: ['a'] } });
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'a');
  });

  test('is a warning from 8.10 to 8.13 (beta)', () => {
    assert.equal(
      single('api-key-version', text, { options: { stackVersion: '8.12.0', keystoreCredentialAliases: ['a'] } }).severity,
      'warning',
    );
  });

  test('is silent from 8.14, without a version, and for certificate-model aliases', () => {
    assert.deepEqual(
      check('api-key-version', text, { options: { stackVersion: '8.14.0', keystoreCredentialAliases: ['a'] } }),
      [],
    );
    assert.deepEqual(check('api-key-version', text, { options: { keystoreCredentialAliases: ['a'] } }), []);
    assert.deepEqual(check('api-key-version', text, { options: { stackVersion: '8.9.0', keystoreCredentialAliases: [] } }), []);
  });
});
