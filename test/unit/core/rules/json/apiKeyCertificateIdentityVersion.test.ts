import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleFindings } from '../../json/support';
import { key } from './fixtures';

describe('rule api-key-certificate-identity-version', () => {
  const document = () => key('{ "search": [ { "names": ["a"] } ] }', ', "certificate_identity": "CN=.*"');

  test('flags certificate_identity when the configured version is before 9.3', () => {
    const [finding] = ruleFindings('api-key-certificate-identity-version', document(), { stackVersion: '9.2.4' });
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '"certificate_identity"');
    assert.match(finding.message, /9\.2\.4/);
  });

  test('is silent on 9.3+ and when the version is unknown', () => {
    assert.deepEqual(ruleFindings('api-key-certificate-identity-version', document(), { stackVersion: '9.3.0' }), []);
    assert.deepEqual(ruleFindings('api-key-certificate-identity-version', document()), []);
  });
});
