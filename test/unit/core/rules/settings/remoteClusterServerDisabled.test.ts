import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, ECK, eckManifest, fixed, single } from './harness';

describe('rule remote-cluster-server-disabled', () => {
  test('warns when remote_cluster.* is set without enabling the server, and adds the switch', () => {
    const text = 'cluster.name: prod\nremote_cluster.host: 10.0.0.1\nremote_cluster.port: 9443\n';
    const finding = single('remote-cluster-server-disabled', text);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'remote_cluster.host');
    assert.equal(finding.related?.length, 1);
    const result = fixed('remote-cluster-server-disabled', text);
    assert.equal(
      result,
      'cluster.name: prod\nremote_cluster_server.enabled: true\nremote_cluster.host: 10.0.0.1\nremote_cluster.port: 9443\n',
    );
    assert.deepEqual(check('remote-cluster-server-disabled', result), []);
  });

  test('inserts a flat switch before a nested remote_cluster map', () => {
    const text = 'remote_cluster:\n  port: 9443\n';
    assert.equal(
      fixed('remote-cluster-server-disabled', text),
      'remote_cluster_server.enabled: true\nremote_cluster:\n  port: 9443\n',
    );
  });

  test('turns an explicit false into true', () => {
    const text = 'remote_cluster_server.enabled: false\nremote_cluster.port: 9443\n';
    assert.equal(
      fixed('remote-cluster-server-disabled', text),
      'remote_cluster_server.enabled: true\nremote_cluster.port: 9443\n',
    );
  });

  test('does not flag an enabled server, nor ECK config (ECK enables it from the spec)', () => {
    assert.deepEqual(
      check('remote-cluster-server-disabled', 'remote_cluster_server.enabled: true\nremote_cluster.port: 9443\n'),
      [],
    );
    assert.deepEqual(check('remote-cluster-server-disabled', eckManifest('remote_cluster.port: 9443\n'), { uri: ECK }), []);
  });
});
