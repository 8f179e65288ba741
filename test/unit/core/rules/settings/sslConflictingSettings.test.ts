import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from './harness';

const P = 'xpack.security.remote_cluster_server.ssl.';

describe('rule ssl-conflicting-settings', () => {
  test('flags key with keystore.path and CAs with truststore.path', () => {
    const found = check(
      'ssl-conflicting-settings',
      `${P}key: k.pem\n${P}certificate: c.pem\n${P}keystore.path: k.p12\n${P}certificate_authorities: [ca.pem]\n${P}truststore.path: t.p12\n`,
    );
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['error', `${P}keystore.path`],
        ['error', `${P}truststore.path`],
      ],
    );
  });

  test('flags a certificate without its key on the client prefix', () => {
    const found = check('ssl-conflicting-settings', 'xpack.security.remote_cluster_client.ssl.certificate: c.pem\n');
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'xpack.security.remote_cluster_client.ssl.certificate');
  });

  test('accepts a key with its certificate, and settings split across prefixes', () => {
    assert.deepEqual(
      check(
        'ssl-conflicting-settings',
        `${P}key: k.pem\n${P}certificate: c.pem\nxpack.security.remote_cluster_client.ssl.keystore.path: k.p12\n`,
      ),
      [],
    );
  });
});
