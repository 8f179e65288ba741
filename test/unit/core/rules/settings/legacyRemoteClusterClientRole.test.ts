import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, ECK, eckManifest, single } from './harness';

describe('rule legacy-remote-cluster-client-role', () => {
  test('warns about the legacy role flag', () => {
    const finding = single('legacy-remote-cluster-client-role', 'node.remote_cluster_client: true\n');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'node.remote_cluster_client');
  });

  test('is an error in ECK config next to node.roles (the operator refuses the mix)', () => {
    const finding = single(
      'legacy-remote-cluster-client-role',
      eckManifest('node.roles: [data]\nnode.remote_cluster_client: true\n'),
      { uri: ECK },
    );
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'node.remote_cluster_client');
  });

  test('is silent before 7.9, where node.roles does not exist yet', () => {
    assert.deepEqual(
      check('legacy-remote-cluster-client-role', 'node.remote_cluster_client: false\n', { options: { stackVersion: '7.8.1' } }),
      [],
    );
    assert.equal(
      check('legacy-remote-cluster-client-role', 'node.remote_cluster_client: false\n', { options: { stackVersion: '7.9.0' } })
        .length,
      1,
    );
  });

  test('does not flag node.roles', () => {
    assert.deepEqual(check('legacy-remote-cluster-client-role', 'node.roles: [remote_cluster_client]\n'), []);
  });
});
