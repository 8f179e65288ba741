import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleFindings } from '../../json/support';
import { key } from './fixtures';

describe('rule api-key-replication-dls-fls', () => {
  test('flags query and field_security on replication entries', () => {
    const findings = ruleFindings(
      'api-key-replication-dls-fls',
      key('{ "replication": [ { "names": ["a"], "query": { "match_all": {} }, "field_security": { "grant": ["*"] } } ] }'),
    );
    assert.deepEqual(
      findings.map((f) => f.text),
      ['"query"', '"field_security"'],
    );
    assert.ok(findings.every((f) => f.severity === 'error'));
  });

  test('allows them on search entries', () => {
    assert.deepEqual(
      ruleFindings(
        'api-key-replication-dls-fls',
        key('{ "search": [ { "names": ["a"], "query": "{}", "field_security": { "grant": ["*"] } } ] }'),
      ),
      [],
    );
  });
});
