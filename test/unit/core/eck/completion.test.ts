import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeAt } from '../../../../server/src/core/completion';
import { HEAD, atCursor } from './support';

function labels(text: string): string[] {
  const { document, offset } = atCursor(text);
  return completeAt(document, offset).map((c) => (c.kind === 'property' ? (c.filterText ?? c.label) : c.label));
}

describe('ECK completion', () => {
  test('offers the remote-cluster fields under spec, without the ones already written', () => {
    const offered = labels(`${HEAD}    remo|\n    nodeSets: []\n`);
    for (const field of ['remoteClusterServer', 'remoteClusters', 'transport', 'secureSettings', 'serviceAccountName'])
      assert.ok(offered.includes(field), field);
    assert.ok(!offered.includes('version'));
    assert.ok(!offered.includes('nodeSets'));
  });

  test('inserts a snippet that produces valid structure, with documentation', () => {
    const { document, offset } = atCursor(`${HEAD}    remoteClusterS|\n`);
    const item = completeAt(document, offset).find((c) => c.label === 'remoteClusterServer');
    assert.ok(item);
    assert.equal(item.insertText, 'remoteClusterServer:\n  enabled: true');
    assert.equal(document.text.slice(item.replaceSpan.start, item.replaceSpan.end), 'remoteClusterS');
    assert.match(item.documentation ?? '', /cross-cluster API keys/);
    assert.match(item.detail ?? '', /ECK 2\.16\.0\+/);
  });

  test('follows the structure: remoteClusters items, apiKey.access, service templates', () => {
    assert.deepEqual(labels(`${HEAD}    remoteClusters:\n      - name: west\n        |\n`).sort(), [
      'apiKey',
      'elasticsearchRef',
    ]);
    assert.deepEqual(
      labels(`${HEAD}    remoteClusters:\n      - name: west\n        apiKey:\n          access:\n            |\n`).sort(),
      ['replication', 'search'],
    );
    assert.deepEqual(labels(`${HEAD}    remoteClusters:\n      - |\n`).sort(), ['apiKey', 'elasticsearchRef', 'name']);
    // `search` is one object in ECK: its fields are offered directly under it, not in a list item.
    assert.deepEqual(
      labels(
        `${HEAD}    remoteClusters:\n      - name: west\n        apiKey:\n          access:\n            search:\n              |\n`,
      ).sort(),
      ['allow_restricted_indices', 'field_security', 'names', 'query'],
    );
    assert.deepEqual(labels(`${HEAD}    remoteClusterServer:\n      service:\n        spec:\n          |\n`).sort(), [
      'ports',
      'type',
    ]);
    assert.deepEqual(labels(`${HEAD}    secureSettings:\n      - secretName: keys\n        |\n`), ['entries']);
  });

  test('completes values: booleans, service types and the names of Elasticsearch resources in the file', () => {
    assert.deepEqual(labels(`${HEAD}    remoteClusterServer:\n      enabled: |\n`), ['true', 'false']);
    assert.deepEqual(labels(`${HEAD}    transport:\n      service:\n        spec:\n          type: |\n`), [
      'ClusterIP',
      'NodePort',
      'LoadBalancer',
    ]);
    const text = `${HEAD}    remoteClusters:\n      - name: west\n        elasticsearchRef:\n          name: |\n---\napiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: west-cluster\n`;
    assert.deepEqual(labels(text), ['west-cluster']);
  });

  test('leaves nodeSets[].config to the elasticsearch.yml completion', () => {
    const offered = labels(`${HEAD}    nodeSets:\n      - name: default\n        config:\n          cluster.remote.|\n`);
    assert.ok(
      offered.some((label) => label.startsWith('cluster.remote.')),
      offered.join(','),
    );
    assert.ok(!offered.includes('remoteClusters'));
  });

  test('does not offer v1-only fields on v1beta1 resources', () => {
    const offered = labels(`${HEAD.replace('/v1', '/v1beta1')}    |\n`);
    assert.ok(offered.includes('secureSettings'));
    assert.ok(!offered.includes('remoteClusters'));
  });
});
