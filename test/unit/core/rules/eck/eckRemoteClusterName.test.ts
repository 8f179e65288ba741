import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_KEY_ENTRY, es } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-remote-cluster-name (rule 58)', () => {
  test('requires a non-empty name', () => {
    const missing = eckFindingsOf('eck-remote-cluster-name', es('a', 'remoteClusters:\n  - elasticsearchRef:\n      name: b'));
    assert.deepEqual(
      missing.map((f) => f.text),
      ['elasticsearchRef'],
    );
    const empty = eckFindingsOf(
      'eck-remote-cluster-name',
      es('a', 'remoteClusters:\n  - name: ""\n    elasticsearchRef:\n      name: b'),
    );
    assert.deepEqual(
      empty.map((f) => f.text),
      ['name'],
    );
  });

  test('flags the second use of a name and points back at the first', () => {
    const found = eckFindingsOf(
      'eck-remote-cluster-name',
      es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef: {name: b}\n  - name: b\n    elasticsearchRef: {name: c}'),
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 9);
    assert.equal(found[0].related?.length, 1);
  });

  test('rejects aliases Elasticsearch cannot parse and asks for lowercase with API keys', () => {
    const bad = eckFindingsOf(
      'eck-remote-cluster-name',
      es('a', 'remoteClusters:\n  - name: eu.west\n    elasticsearchRef: {name: b}'),
    );
    assert.deepEqual(
      bad.map((f) => [f.severity, f.text]),
      [['error', 'eu.west']],
    );
    const upper = eckFindingsOf('eck-remote-cluster-name', es('a', `${API_KEY_ENTRY.replace('name: west', 'name: West')}`));
    assert.deepEqual(
      upper.map((f) => [f.severity, f.text]),
      [['warning', 'West']],
    );
  });

  test('accepts distinct valid names, uppercase ones without API keys too', () => {
    const spec =
      'remoteClusters:\n  - name: west-1\n    elasticsearchRef: {name: b}\n  - name: East_2\n    elasticsearchRef: {name: c}';
    assert.deepEqual(eckFindingsOf('eck-remote-cluster-name', es('a', spec)), []);
  });
});
