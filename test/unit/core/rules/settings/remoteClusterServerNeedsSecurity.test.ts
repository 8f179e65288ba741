import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule remote-cluster-server-needs-security', () => {
  test('flags the server enabled with security off', () => {
    const text = 'xpack.security.enabled: false\nremote_cluster_server.enabled: true\n';
    const finding = single('remote-cluster-server-needs-security', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'remote_cluster_server.enabled');
    assert.equal(
      fixed('remote-cluster-server-needs-security', text),
      'xpack.security.enabled: true\nremote_cluster_server.enabled: true\n',
    );
  });

  test('accepts security on or left at its default', () => {
    assert.deepEqual(check('remote-cluster-server-needs-security', 'remote_cluster_server.enabled: true\n'), []);
    assert.deepEqual(
      check('remote-cluster-server-needs-security', 'xpack.security.enabled: true\nremote_cluster_server.enabled: true\n'),
      [],
    );
    assert.deepEqual(
      check('remote-cluster-server-needs-security', 'xpack.security.enabled: false\nremote_cluster_server.enabled: false\n'),
      [],
    );
  });
});
