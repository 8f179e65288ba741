import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { es } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-remote-cluster-without-ref (rule 59)', () => {
  test('warns about entries ECK silently ignores', () => {
    const found = eckFindingsOf(
      'eck-remote-cluster-without-ref',
      es('a', 'remoteClusters:\n  - name: b\n  - name: c\n    elasticsearchRef:\n      namespace: x'),
    );
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['warning', 'b'],
        ['warning', 'elasticsearchRef'],
      ],
    );
  });
  test('is silent when the reference names a resource', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-remote-cluster-without-ref',
        es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b'),
      ),
      [],
    );
  });
});
