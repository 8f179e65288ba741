import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule client-ssl-client-authentication', () => {
  test('flags client_authentication on the client prefix and removes it', () => {
    const text =
      'xpack.security.remote_cluster_client.ssl.enabled: true\nxpack.security.remote_cluster_client.ssl.client_authentication: required\n';
    const finding = single('client-ssl-client-authentication', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'xpack.security.remote_cluster_client.ssl.client_authentication');
    assert.equal(fixed('client-ssl-client-authentication', text), 'xpack.security.remote_cluster_client.ssl.enabled: true\n');
  });

  test('accepts it on the server prefix', () => {
    assert.deepEqual(
      check('client-ssl-client-authentication', 'xpack.security.remote_cluster_server.ssl.client_authentication: none\n'),
      [],
    );
  });
});
