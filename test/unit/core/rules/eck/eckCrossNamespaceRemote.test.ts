import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { es } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-cross-namespace-remote (rule 70)', () => {
  const spec = 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b\n      namespace: other';
  test('notes a remote in another namespace without a service account', () => {
    const found = eckFindingsOf('eck-cross-namespace-remote', es('a', spec, 'prod'));
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['info', 'other']],
    );
  });
  test('is silent in the same namespace or with serviceAccountName', () => {
    assert.deepEqual(eckFindingsOf('eck-cross-namespace-remote', es('a', spec, 'other')), []);
    assert.deepEqual(eckFindingsOf('eck-cross-namespace-remote', es('a', `serviceAccountName: es-a\n${spec}`, 'prod')), []);
  });
});
