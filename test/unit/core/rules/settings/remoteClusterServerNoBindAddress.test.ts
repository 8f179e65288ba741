import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

describe('rule remote-cluster-server-no-bind-address', () => {
  test('notes an enabled server with no address to listen on', () => {
    const finding = single('remote-cluster-server-no-bind-address', 'remote_cluster_server.enabled: true\n');
    assert.equal(finding.severity, 'info');
    assert.equal(finding.text, 'remote_cluster_server.enabled');
    assert.match(finding.message, /loopback/);
  });

  test('accepts any of the address settings', () => {
    for (const key of ['remote_cluster.host', 'network.host', 'transport.host']) {
      assert.deepEqual(
        check('remote-cluster-server-no-bind-address', `remote_cluster_server.enabled: true\n${key}: _site_\n`),
        [],
        key,
      );
    }
  });
});
