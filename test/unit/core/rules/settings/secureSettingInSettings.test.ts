import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, fixOf, single } from './harness';

describe('rule secure-setting-in-settings', () => {
  test('flags a keystore-only TLS password and moves it', () => {
    const text =
      'xpack.security.remote_cluster_server.ssl.keystore.path: rcs.p12\nxpack.security.remote_cluster_server.ssl.keystore.secure_password: changeme\n';
    const finding = single('secure-setting-in-settings', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'xpack.security.remote_cluster_server.ssl.keystore.secure_password');
    assert.ok(!finding.message.includes('changeme'));
    assert.equal(
      fixOf('secure-setting-in-settings', text)?.clipboard,
      'bin/elasticsearch-keystore add xpack.security.remote_cluster_server.ssl.keystore.secure_password',
    );
    assert.equal(fixed('secure-setting-in-settings', text), 'xpack.security.remote_cluster_server.ssl.keystore.path: rcs.p12\n');
  });

  test('flags signing passphrases', () => {
    assert.equal(
      single('secure-setting-in-settings', 'cluster.remote.a.signing.secure_key_passphrase: x\n').text,
      'cluster.remote.a.signing.secure_key_passphrase',
    );
  });

  test('does not flag the non-secret TLS settings', () => {
    assert.deepEqual(
      check('secure-setting-in-settings', 'xpack.security.remote_cluster_server.ssl.keystore.path: rcs.p12\n'),
      [],
    );
  });
});
