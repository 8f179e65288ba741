import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from './harness';

describe('rule signing-conflicting-settings', () => {
  test('flags a key without certificate and a key with a keystore', () => {
    const found = check(
      'signing-conflicting-settings',
      'cluster.remote.a.signing.key: k.pem\ncluster.remote.a.signing.keystore.path: s.p12\n',
    );
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['error', 'cluster.remote.a.signing.key'],
        ['error', 'cluster.remote.a.signing.keystore.path'],
      ],
    );
  });

  test('flags CAs together with a truststore on the verifying side', () => {
    const found = check(
      'signing-conflicting-settings',
      'cluster.remote.signing.certificate_authorities: [ca.pem]\ncluster.remote.signing.truststore.path: t.p12\n',
    );
    assert.deepEqual(
      found.map((f) => f.text),
      ['cluster.remote.signing.truststore.path'],
    );
  });

  test('accepts a key with its certificate, or a keystore alone', () => {
    assert.deepEqual(
      check(
        'signing-conflicting-settings',
        'cluster.remote.a.signing.key: k.pem\ncluster.remote.a.signing.certificate: c.pem\ncluster.remote.b.signing.keystore.path: s.p12\n',
      ),
      [],
    );
  });
});
