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

describe('rule duplicate-yaml-key', () => {
  test('warns when a block key such as `cluster:` starts two blocks of one map, even with different settings inside', () => {
    const text =
      'cluster:\n  remote:\n    a:\n      mode: proxy\nnode.roles: [master]\ncluster:\n  remote:\n    b:\n      mode: proxy\n';
    const findings = findingsOf('duplicate-yaml-key', text);
    assert.deepEqual(
      findings.map((f) => [f.line, f.text, f.severity]),
      [[6, 'cluster', 'warning']],
    );
    assert.match(findings[0].message, /already starts a block on line 1/);
    assert.deepEqual(findingsOf('duplicate-setting', text), [], 'no single setting repeats');
  });

  test('reports a repeated block at any depth, in ECK nodeSet config too', () => {
    const nested = 'cluster:\n  remote:\n    a:\n      mode: proxy\n  remote:\n    b:\n      mode: proxy\n';
    assert.deepEqual(
      findingsOf('duplicate-yaml-key', nested).map((f) => [f.line, f.text]),
      [[5, 'remote']],
    );
    const manifest = [
      'apiVersion: elasticsearch.k8s.elastic.co/v1',
      'kind: Elasticsearch',
      'metadata: { name: x }',
      'spec:',
      '  version: 8.15.0',
      '  nodeSets:',
      '  - name: default',
      '    count: 1',
      '    config:',
      '      cluster:',
      '        remote.a.mode: proxy',
      '      cluster:',
      '        remote.b.mode: proxy',
      '',
    ].join('\n');
    assert.deepEqual(
      findingsOf('duplicate-yaml-key', manifest, {}, 'file:///k8s/es.yaml').map((f) => f.line),
      [12],
    );
  });

  test('accepts one block per key, and flat keys that share a prefix with a block', () => {
    const text = 'cluster:\n  remote:\n    a:\n      mode: proxy\ncluster.remote.b.mode: proxy\ncluster.name: x\n';
    assert.deepEqual(findingsOf('duplicate-yaml-key', text), []);
  });
});
