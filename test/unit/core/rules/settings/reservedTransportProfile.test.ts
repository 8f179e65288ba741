import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule reserved-transport-profile', () => {
  test('flags the reserved profile while the server is enabled and renames it', () => {
    const text = 'remote_cluster_server.enabled: true\ntransport.profiles._remote_cluster.port: 9443\n';
    const finding = single('reserved-transport-profile', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'transport.profiles._remote_cluster.port');
    assert.equal(fixed('reserved-transport-profile', text), 'remote_cluster_server.enabled: true\nremote_cluster.port: 9443\n');
  });

  test('does not flag other profiles or a disabled server', () => {
    assert.deepEqual(
      check('reserved-transport-profile', 'remote_cluster_server.enabled: true\ntransport.profiles.client.port: 9500\n'),
      [],
    );
    assert.deepEqual(check('reserved-transport-profile', 'transport.profiles._remote_cluster.port: 9443\n'), []);
  });
});
