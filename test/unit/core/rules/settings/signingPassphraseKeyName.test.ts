import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, fixOf, single } from './harness';

describe('rule signing-passphrase-key-name', () => {
  test('points the documented spelling to the registered keystore setting', () => {
    const text = 'cluster.remote.a.signing.certificate: c.pem\ncluster.remote.a.signing.key.secure_passphrase: pass\n';
    const finding = single('signing-passphrase-key-name', text);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'cluster.remote.a.signing.key.secure_passphrase');
    assert.equal(
      fixOf('signing-passphrase-key-name', text)?.clipboard,
      'bin/elasticsearch-keystore add cluster.remote.a.signing.secure_key_passphrase',
    );
    assert.equal(fixed('signing-passphrase-key-name', text), 'cluster.remote.a.signing.certificate: c.pem\n');
    assert.deepEqual(check('unknown-setting', text), []);
  });

  test('does not flag the registered name (another rule handles it as a secret)', () => {
    assert.deepEqual(check('signing-passphrase-key-name', 'cluster.remote.a.signing.secure_key_passphrase: x\n'), []);
  });
});
