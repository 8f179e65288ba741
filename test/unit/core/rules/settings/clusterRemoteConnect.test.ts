import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

const text = 'cluster.remote.connect: false\n';

describe('rule cluster-remote-connect', () => {
  test('warns that the key is deprecated on 7.x', () => {
    const finding = single('cluster-remote-connect', text, { options: { stackVersion: '7.10.2' } });
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'cluster.remote.connect');
    assert.match(finding.message, /deprecated since 7\.7/);
    assert.deepEqual(finding.tags, ['deprecated']);
  });

  test('stays a warning on 8.x, where removal is not confirmed, and says so', () => {
    const finding = single('cluster-remote-connect', text, { options: { stackVersion: '8.11.0' } });
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /likely refuses it/);
  });

  test('is silent before 7.7 and for node.roles', () => {
    assert.deepEqual(check('cluster-remote-connect', text, { options: { stackVersion: '7.6.0' } }), []);
    assert.deepEqual(check('cluster-remote-connect', 'node.roles: [data, remote_cluster_client]\n'), []);
  });
});
