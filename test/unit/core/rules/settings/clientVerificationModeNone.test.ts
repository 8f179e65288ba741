import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule client-verification-mode-none', () => {
  test('warns about verification_mode none and switches to full', () => {
    const text = 'xpack.security.remote_cluster_client.ssl.verification_mode: none\n';
    const finding = single('client-verification-mode-none', text);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'none');
    assert.equal(
      fixed('client-verification-mode-none', text),
      'xpack.security.remote_cluster_client.ssl.verification_mode: full\n',
    );
  });

  test('accepts full and certificate', () => {
    assert.deepEqual(
      check('client-verification-mode-none', 'xpack.security.remote_cluster_client.ssl.verification_mode: certificate\n'),
      [],
    );
  });
});
