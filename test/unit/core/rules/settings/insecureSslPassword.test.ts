import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, fixOf, single } from './harness';

describe('rule insecure-ssl-password', () => {
  test('flags a plain-text keystore password and points to its secure variant', () => {
    const text =
      'xpack.security.remote_cluster_client.ssl.truststore.path: trust.p12\nxpack.security.remote_cluster_client.ssl.truststore.password: changeme\n';
    const finding = single('insecure-ssl-password', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'xpack.security.remote_cluster_client.ssl.truststore.password');
    assert.match(finding.message, /truststore\.secure_password/);
    assert.equal(
      fixOf('insecure-ssl-password', text)?.clipboard,
      'bin/elasticsearch-keystore add xpack.security.remote_cluster_client.ssl.truststore.secure_password',
    );
    assert.equal(fixed('insecure-ssl-password', text), 'xpack.security.remote_cluster_client.ssl.truststore.path: trust.p12\n');
    // not also reported as an unknown setting
    assert.deepEqual(check('unknown-setting', text), []);
  });

  test('covers key_passphrase on the server prefix', () => {
    assert.equal(
      single('insecure-ssl-password', 'xpack.security.remote_cluster_server.ssl.key_passphrase: x\n').text,
      'xpack.security.remote_cluster_server.ssl.key_passphrase',
    );
  });

  test('does not take a key named like a built-in object property for a password (`constructor`)', () => {
    assert.deepEqual(check('insecure-ssl-password', 'xpack.security.remote_cluster_server.ssl.constructor: x\n'), []);
  });

  test('does not flag the same names under other TLS prefixes', () => {
    assert.deepEqual(check('insecure-ssl-password', 'xpack.security.transport.ssl.keystore.password: x\n'), []);
  });
});
