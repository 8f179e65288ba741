import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

describe('rule setting-newer-than-version', () => {
  test('is an error for remote cluster server settings before 8.10', () => {
    const found = check('setting-newer-than-version', 'remote_cluster_server.enabled: true\nremote_cluster.port: 9443\n', {
      options: { stackVersion: '8.9.0' },
    });
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['error', 'remote_cluster_server.enabled'],
        ['error', 'remote_cluster.port'],
      ],
    );
  });

  test('is only a warning where the version is unverified (proxy mode before 7.7)', () => {
    const finding = single('setting-newer-than-version', 'cluster.remote.a.mode: proxy\n', {
      options: { stackVersion: '7.6.0' },
    });
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'cluster.remote.a.mode');
  });

  test('flags indexing_data before 7.14 as a warning (unverified)', () => {
    const finding = single(
      'setting-newer-than-version',
      'cluster.remote.a.seeds: [a:9300]\ncluster.remote.a.transport.compress: indexing_data\n',
      { options: { stackVersion: '7.13.0' } },
    );
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'indexing_data');
  });

  test('never guesses without a version, and accepts settings the version has', () => {
    assert.deepEqual(check('setting-newer-than-version', 'remote_cluster_server.enabled: true\n'), []);
    assert.deepEqual(
      check('setting-newer-than-version', 'remote_cluster_server.enabled: true\ncluster.remote.a.transport.compress: true\n', {
        options: { stackVersion: '7.10.0' },
      }).map((f) => f.text),
      ['remote_cluster_server.enabled'],
    );
    assert.deepEqual(
      check('setting-newer-than-version', 'remote_cluster_server.enabled: true\n', { options: { stackVersion: '8.10.0' } }),
      [],
    );
  });

  test('does not take a value named like a built-in object property for a newer value (`constructor`)', () => {
    const text = 'cluster.remote.a.seeds: [a:9300]\ncluster.remote.a.transport.compress: constructor\n';
    assert.deepEqual(check('setting-newer-than-version', text, { options: { stackVersion: '7.10.0' } }), []);
    // The value itself is still wrong, which invalid-value says.
    assert.equal(check('invalid-value', text, { options: { stackVersion: '7.10.0' } }).length, 1);
  });
});
