import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule legacy-search-remote', () => {
  test('warns on 7.x (or unknown version) and renames to cluster.remote', () => {
    const text = 'search.remote.a.seeds: ["a:9300"]\n';
    const finding = single('legacy-search-remote', text);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'search.remote.a.seeds');
    assert.equal(fixed('legacy-search-remote', text), 'cluster.remote.a.seeds: ["a:9300"]\n');
  });

  test('is an error on 8.0 and later', () => {
    assert.equal(
      single('legacy-search-remote', 'search.remote.connections_per_cluster: 3\n', { options: { stackVersion: '8.0.0' } })
        .severity,
      'error',
    );
  });

  test('is silent before 6.5, where search.remote.* is the only name', () => {
    const text = 'search.remote.connect: false\nsearch.remote.a.seeds: ["a:9300"]\n';
    assert.deepEqual(check('legacy-search-remote', text, { options: { stackVersion: '6.4.3' } }), []);
    assert.deepEqual(check('legacy-search-remote', text, { options: { stackVersion: '5.6.0' } }), []);
    assert.equal(check('legacy-search-remote', text, { options: { stackVersion: '6.5.0' } }).length, 2);
  });

  test('offers no rename for search.remote.connect, an existing target, or a shared nested search: key', () => {
    assert.equal(single('legacy-search-remote', 'search.remote.connect: false\n').fixes, undefined);
    assert.equal(
      single('legacy-search-remote', 'search.remote.a.seeds: [a:9300]\ncluster.remote.a.seeds: [a:9300]\n').fixes,
      undefined,
    );
    assert.equal(single('legacy-search-remote', 'search:\n  max_buckets: 10\n  remote.a.seeds: [a:9300]\n').fixes, undefined);
  });

  test('does not flag cluster.remote keys or other search settings', () => {
    assert.deepEqual(check('legacy-search-remote', 'cluster.remote.a.seeds: [a:9300]\nsearch.max_buckets: 10\n'), []);
  });
});
