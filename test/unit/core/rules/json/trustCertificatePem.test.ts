import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspectPem } from '../../../../../server/src/core/json/pem';
import { fixture, pemJson, ruleFindings } from '../../json/support';
import { direct } from './fixtures';

describe('rule trust-certificate-pem', () => {
  const withPem = (pem: string) =>
    direct(`{ "name": "x", "scope_id": "abc", "trust_all": true, "certificates": [ { "pem": ${pem} } ] }`);

  test('accepts a real CA certificate', () => {
    assert.deepEqual(ruleFindings('trust-certificate-pem', withPem(pemJson(fixture('remote-ca.pem')))), []);
  });

  test('rejects text that is not a certificate', () => {
    const cases: Array<[string, RegExp]> = [
      ['"not a certificate"', /must hold a certificate in PEM form/],
      [pemJson(fixture('remote-ca.pem').replace(/MII[A-Za-z]/, 'XXXX')), /does not parse as an X\.509 certificate/],
      [JSON.stringify(fixture('remote-ca.pem').trim().replace(/\n/g, '\\n')), /escaped twice/],
      [
        '"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n"',
        /private key, not a certificate/,
      ],
    ];
    for (const [pem, message] of cases) {
      const [finding] = ruleFindings('trust-certificate-pem', withPem(pem));
      assert.equal(finding?.severity, 'error', pem);
      assert.match(finding.message, message);
      assert.ok(!finding.message.includes('MIIEvQ'), 'never echoes key material');
    }
  });

  test('warns about an expired certificate', () => {
    const [finding] = ruleFindings('trust-certificate-pem', withPem(pemJson(fixture('expired-ca.pem'))));
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /expired on 2001-01-01/);
  });

  test('reads subject, issuer and validity', () => {
    const inspection = inspectPem(fixture('remote-ca.pem'));
    assert.ok(inspection.ok);
    assert.equal(inspection.certificates[0].subject, 'CN=Remote Cluster Test CA');
    assert.equal(inspection.certificates[0].isCA, true);
  });
});
