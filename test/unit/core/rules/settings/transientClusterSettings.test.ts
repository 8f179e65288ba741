import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule transient-cluster-settings', () => {
  test('warns about remotes under transient and renames the block', () => {
    const text = '{"transient": {"cluster.remote.a.seeds": ["a:9300"]}}';
    const finding = single('transient-cluster-settings', text, { uri: BODY });
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, '"transient"');
    assert.deepEqual(finding.tags, ['deprecated']);
    const result = fixed('transient-cluster-settings', text, { uri: BODY });
    assert.equal(result, '{"persistent": {"cluster.remote.a.seeds": ["a:9300"]}}');
  });

  test('offers no rename when a persistent block exists too', () => {
    const finding = single(
      'transient-cluster-settings',
      '{"persistent": {}, "transient": {"cluster.remote.a.seeds": ["a:9300"]}}',
      { uri: BODY },
    );
    assert.equal(finding.fixes, undefined);
    assert.match(finding.message, /move these settings into the `persistent` object/);
  });

  test('does not flag persistent remotes', () => {
    assert.deepEqual(
      check('transient-cluster-settings', '{"persistent": {"cluster.remote.a.seeds": ["a:9300"]}}', { uri: BODY }),
      [],
    );
  });
});
