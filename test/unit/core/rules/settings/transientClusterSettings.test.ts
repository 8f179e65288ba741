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

  test('calls transient settings deprecated only from 7.16, pre-releases included', () => {
    const text = '{"transient": {"cluster.remote.a.seeds": ["a:9300"]}}';
    const at = (stackVersion: string) => single('transient-cluster-settings', text, { uri: BODY, options: { stackVersion } });
    const before = at('7.10.2');
    assert.equal(before.tags, undefined);
    assert.doesNotMatch(before.message, /deprecated/);
    assert.match(before.message, /lost on a full cluster restart/);
    for (const version of ['7.16.0', '7.16.0-SNAPSHOT', '8.15.0-rc1']) {
      const finding = at(version);
      assert.deepEqual(finding.tags, ['deprecated'], version);
      assert.match(finding.message, /^Transient cluster settings are deprecated/, version);
    }
    assert.match(single('transient-cluster-settings', text, { uri: BODY }).message, /deprecated from 7\.16/);
  });
});
