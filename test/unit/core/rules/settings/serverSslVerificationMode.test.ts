import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

describe('rule server-ssl-verification-mode', () => {
  test('warns (unverified) about verification_mode on the server prefix', () => {
    const finding = single('server-ssl-verification-mode', 'xpack.security.remote_cluster_server.ssl.verification_mode: full\n');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'xpack.security.remote_cluster_server.ssl.verification_mode');
    assert.equal(finding.fixes?.[0].title, "Remove 'xpack.security.remote_cluster_server.ssl.verification_mode'");
  });

  test('accepts it on the client prefix', () => {
    assert.deepEqual(
      check('server-ssl-verification-mode', 'xpack.security.remote_cluster_client.ssl.verification_mode: full\n'),
      [],
    );
  });
});
