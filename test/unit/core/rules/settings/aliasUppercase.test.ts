import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

const text = 'cluster.remote.Prod.seeds: ["prod:9443"]\n';

describe('rule alias-uppercase', () => {
  test('warns when an API-key (keystore) alias has uppercase letters', () => {
    const finding = single('alias-uppercase', text, { options: { keystoreCredentialAliases: ['Prod'] } });
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'Prod');
    assert.match(finding.message, /cluster\.remote\.prod\.credentials/);
  });

  test('stays silent for certificate-model aliases and when the keystore is unknown', () => {
    assert.deepEqual(check('alias-uppercase', text, { options: { keystoreCredentialAliases: [] } }), []);
    assert.deepEqual(check('alias-uppercase', text), []);
    assert.deepEqual(
      check('alias-uppercase', 'cluster.remote.prod.seeds: ["prod:9443"]\n', {
        options: { keystoreCredentialAliases: ['prod'] },
      }),
      [],
    );
  });
});
