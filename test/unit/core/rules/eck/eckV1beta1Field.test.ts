import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { eckFindingsOf, fixed } from '../../eck/support';

describe('eck-v1beta1-field', () => {
  const beta = dedent(`
    apiVersion: elasticsearch.k8s.elastic.co/v1beta1
    kind: Elasticsearch
    metadata: { name: a }
    spec:
      version: 7.17.0
      remoteClusters:
        - name: b
          elasticsearchRef: { name: b }
  `);
  test('warns about fields v1beta1 drops and switches apiVersion to v1', () => {
    const found = eckFindingsOf('eck-v1beta1-field', beta);
    assert.deepEqual(
      found.map((f) => f.text),
      ['remoteClusters'],
    );
    assert.equal(fixed(beta, 'eck-v1beta1-field'), beta.replace('/v1beta1', '/v1'));
  });
  test('is silent for v1 and for v1beta1 fields', () => {
    assert.deepEqual(eckFindingsOf('eck-v1beta1-field', beta.replace('/v1beta1', '/v1')), []);
    assert.deepEqual(
      eckFindingsOf('eck-v1beta1-field', beta.replace(/ {2}remoteClusters:[\s\S]*/, '  secureSettings:\n    - secretName: s\n')),
      [],
    );
  });
});
