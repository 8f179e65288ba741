import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule remote-cluster-ssl-disabled', () => {
  test('warns when TLS is turned off on the client side and turns it back on', () => {
    const text = 'xpack.security.remote_cluster_client.ssl.enabled: false\n';
    const finding = single('remote-cluster-ssl-disabled', text);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'false');
    assert.equal(fixed('remote-cluster-ssl-disabled', text), 'xpack.security.remote_cluster_client.ssl.enabled: true\n');
  });

  test('covers the server side in nested form', () => {
    const text = 'xpack:\n  security:\n    remote_cluster_server:\n      ssl:\n        enabled: false\n';
    assert.match(single('remote-cluster-ssl-disabled', text).message, /remote cluster server/);
  });

  test('accepts TLS on', () => {
    assert.deepEqual(check('remote-cluster-ssl-disabled', 'xpack.security.remote_cluster_server.ssl.enabled: true\n'), []);
  });
});
