import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_KEY_ENTRY, es } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-certificate-model-deprecated (rule 22)', () => {
  const cert = 'remoteClusters:\n  - name: west\n    elasticsearchRef:\n      name: west';
  test('notes the deprecated certificate model on 9.x', () => {
    const found = eckFindingsOf('eck-certificate-model-deprecated', es('a', `version: 9.0.1\n${cert}`));
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['info', 'west']],
    );
  });
  test('is silent on 8.x and for API-key entries', () => {
    assert.deepEqual(eckFindingsOf('eck-certificate-model-deprecated', es('a', `version: 8.19.0\n${cert}`)), []);
    assert.deepEqual(eckFindingsOf('eck-certificate-model-deprecated', es('a', `version: 9.0.1${API_KEY_ENTRY}`)), []);
  });
});
