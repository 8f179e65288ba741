import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { applyFix, doc, findingsOf } from '../../helpers';

describe('rule duplicate-setting', () => {
  test('reports a key set twice in flat and nested form, pointing at the first, and removes the repeat', () => {
    const text = 'cluster.remote.a.seeds: ["a:9300"]\ncluster:\n  remote:\n    a:\n      seeds: ["b:9300"]\n';
    const [finding] = findingsOf('duplicate-setting', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'seeds');
    assert.match(finding.message, /already set on line 1/);
    const document = doc(text);
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'duplicate-setting')!,
    );
    assert.equal(fixed, 'cluster.remote.a.seeds: ["a:9300"]\n');
  });

  test('does not report different aliases with the same setting', () => {
    assert.deepEqual(findingsOf('duplicate-setting', 'cluster.remote.a.seeds: [a:1]\ncluster.remote.b.seeds: [b:1]\n'), []);
  });
});
