import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf } from '../../helpers';

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
