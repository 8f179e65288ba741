import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { es } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

describe('eck-api-key-access (rule 61)', () => {
  const entry = (apiKey: string) =>
    es(
      'a',
      `version: 8.15.0\nremoteClusters:\n  - name: b\n    elasticsearchRef:\n      name: b\n    apiKey:\n${dedent(apiKey).replace(/^/gm, '      ')}`,
    );

  test('requires access, names in each section and both halves of field_security', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-api-key-access',
        es('a', 'remoteClusters:\n  - name: b\n    elasticsearchRef: {name: b}\n    apiKey: {}'),
      ).map((f) => f.text),
      ['apiKey'],
    );
    const found = eckFindingsOf(
      'eck-api-key-access',
      entry(`
        access:
          search:
            field_security:
              grant: ["*"]
          replication: {}
      `),
    );
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['error', 'search'],
        ['error', 'field_security'],
        ['error', 'replication'],
      ],
    );
    assert.match(found[1].message, /add `except`/);
  });

  test('warns when access grants nothing', () => {
    assert.deepEqual(
      eckFindingsOf('eck-api-key-access', entry('access: {}')).map((f) => [f.severity, f.text]),
      [['warning', 'access']],
    );
  });

  test('accepts complete search and replication access written as objects, as in ECK recipes', () => {
    const ok = entry(`
      access:
        search:
          names: ["logs-*"]
          field_security:
            grant: ["*"]
            except: []
          query: {term: {team: a}}
        replication:
          names: ["leader-*"]
    `);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', ok), []);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', entry('access:\n  search: {names: ["*"]}')), []);
  });

  test('rejects the list form of the Elasticsearch API body, with a fix for a single entry', () => {
    const block = entry(`
      access:
        search:
          - names: ["logs-*"]
            allow_restricted_indices: false
    `);
    const found = eckFindingsOf('eck-api-key-access', block);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', 'search']],
    );
    assert.match(found[0].message, /one object, not a list/);
    const after = fixed(block, 'eck-api-key-access');
    assert.match(after, /search:\n {14}names: \["logs-\*"\]\n {14}allow_restricted_indices: false/);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', after), []);

    const flow = entry('access:\n  search: [{names: ["*"]}]');
    assert.match(fixed(flow, 'eck-api-key-access'), /search: \{names: \["\*"\]\}/);
    assert.deepEqual(eckFindingsOf('eck-api-key-access', fixed(flow, 'eck-api-key-access')), []);

    const two = eckFindingsOf('eck-api-key-access', entry('access:\n  replication:\n    - names: ["a-*"]\n    - names: ["b-*"]'));
    assert.deepEqual(
      two.map((f) => [f.text, f.fixes?.length ?? 0]),
      [['replication', 0]],
    );
  });
});
