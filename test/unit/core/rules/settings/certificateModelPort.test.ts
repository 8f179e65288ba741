import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, fixOf, single } from './harness';

const certificate = { options: { keystoreCredentialAliases: ['other'] } };

describe('rule certificate-model-port', () => {
  test('warns about port 9443 on an alias without keystore credentials', () => {
    const text = 'cluster.remote.a.seeds: ["a.example.com:9443"]\n';
    const finding = single('certificate-model-port', text, certificate);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'a.example.com:9443');
    assert.match(finding.message, /cluster\.remote\.a\.credentials/);
    const copy = fixOf('certificate-model-port', text, certificate, 0);
    assert.equal(copy?.clipboard, 'bin/elasticsearch-keystore add cluster.remote.a.credentials');
    assert.deepEqual(copy?.edits, []);
    assert.equal(fixed('certificate-model-port', text, certificate, 1), text.replace('9443', '9300'));
  });

  test('does not guess when the keystore is unknown, nor for API-key aliases', () => {
    assert.deepEqual(check('certificate-model-port', 'cluster.remote.a.seeds: ["a:9443"]\n'), []);
    assert.deepEqual(
      check('certificate-model-port', 'cluster.remote.a.seeds: ["a:9443"]\n', { options: { keystoreCredentialAliases: ['a'] } }),
      [],
    );
  });
});
