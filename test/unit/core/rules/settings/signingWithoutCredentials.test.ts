import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

const text = 'cluster.remote.a.seeds: [a:9443]\ncluster.remote.a.signing.keystore.path: s.p12\n';

describe('rule signing-without-credentials', () => {
  test('warns when an alias signs but has no API key in the keystore', () => {
    const finding = single('signing-without-credentials', text, { options: { keystoreCredentialAliases: [] } });
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'cluster.remote.a.signing.keystore.path');
  });

  test('is silent for API-key aliases and when the keystore is unknown', () => {
    assert.deepEqual(check('signing-without-credentials', text, { options: { keystoreCredentialAliases: ['a'] } }), []);
    assert.deepEqual(check('signing-without-credentials', text), []);
  });
});
