import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { es } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

describe('eck-remote-cluster-service-name-ignored (rule 60)', () => {
  const text = es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b\n      serviceName: b-custom\n');
  test('marks serviceName as unnecessary and removes it', () => {
    const found = eckFindingsOf('eck-remote-cluster-service-name-ignored', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text, f.tags]),
      [['info', 'serviceName', ['unnecessary']]],
    );
    assert.equal(fixed(text, 'eck-remote-cluster-service-name-ignored'), text.replace('        serviceName: b-custom\n', ''));
  });
  test('is silent without serviceName', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-remote-cluster-service-name-ignored',
        es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b'),
      ),
      [],
    );
  });
});
