import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule unregistered-setting', () => {
  test('flags the internal max_pending_connection_listeners and removes it', () => {
    const text = 'cluster.name: prod\ncluster.remote.max_pending_connection_listeners: 10\ncluster.remote.a.seeds: ["a:9300"]\n';
    const finding = single('unregistered-setting', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'cluster.remote.max_pending_connection_listeners');
    assert.equal(fixed('unregistered-setting', text), 'cluster.name: prod\ncluster.remote.a.seeds: ["a:9300"]\n');
  });

  test('removes it from a JSON body with its comma', () => {
    const text =
      '{\n  "persistent": {\n    "cluster.remote.max_pending_connection_listeners": 10,\n    "cluster.remote.a.skip_unavailable": true\n  }\n}';
    assert.equal(
      fixed('unregistered-setting', text, { uri: BODY }),
      '{\n  "persistent": {\n    "cluster.remote.a.skip_unavailable": true\n  }\n}',
    );
  });

  test('does not flag registered global settings', () => {
    assert.deepEqual(
      check('unregistered-setting', 'cluster.remote.connections_per_cluster: 3\ncluster.remote.initial_connect_timeout: 30s\n'),
      [],
    );
  });
});
