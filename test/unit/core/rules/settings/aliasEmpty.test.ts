import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, single } from './harness';

describe('rule alias-empty', () => {
  test('flags `cluster.remote..seeds` at the empty alias', () => {
    const finding = single('alias-empty', 'cluster.remote..seeds: ["a:9300"]\n');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '..');
    assert.match(finding.message, /cluster\.remote\.my_remote\.seeds/);
  });

  test('flags an empty nested key once, however many settings it holds', () => {
    const finding = single('alias-empty', 'cluster:\n  remote:\n    "":\n      mode: sniff\n      seeds: ["a:9300"]\n');
    assert.equal(finding.text, '""');
  });

  test('flags an empty alias in a _cluster/settings body', () => {
    const finding = single('alias-empty', '{"persistent": {"cluster": {"remote": {"": {"seeds": ["a:9300"]}}}}}', { uri: BODY });
    assert.equal(finding.text, '""');
  });

  test('does not flag a real alias', () => {
    assert.deepEqual(check('alias-empty', 'cluster.remote.a.seeds: ["a:9300"]\n'), []);
  });
});
