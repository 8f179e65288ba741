import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { elasticsearch } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-removed-api', () => {
  test('reports the RemoteCluster kind and the v1alpha1 version, removed from ECK in 2019', () => {
    const text = [
      'apiVersion: elasticsearch.k8s.elastic.co/v1alpha1',
      'kind: RemoteCluster',
      'metadata:',
      '  name: trust-west',
      'spec:',
      '  remote:',
      '    k8sLocalRef:',
      '      name: west',
      '---',
      elasticsearch('west', 'version: 7.2.0\nnodes:\n  - nodeCount: 1', undefined, 'elasticsearch.k8s.elastic.co/v1alpha1'),
    ].join('\n');
    const found = eckFindingsOf('eck-removed-api', text);
    assert.deepEqual(
      found.map((f) => [f.line, f.severity, f.text]),
      [
        [2, 'error', 'RemoteCluster'],
        [10, 'error', 'elasticsearch.k8s.elastic.co/v1alpha1'],
      ],
    );
    assert.deepEqual(eckFindingsOf('eck-removed-api', elasticsearch('west', 'version: 8.15.0')), []);
  });
});
