import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consoleDoc, ruleFindings } from '../../json/support';
import { key } from './fixtures';

describe('rule api-key-empty-access', () => {
  test('flags access without a non-empty search or replication list', () => {
    for (const access of ['{}', '{ "search": [] }', '{ "search": [], "replication": [] }']) {
      const [finding] = ruleFindings('api-key-empty-access', key(access));
      assert.equal(finding?.severity, 'error', access);
      assert.equal(finding.text, '"access"');
    }
  });

  test('accepts either list, and an update body without access', () => {
    assert.deepEqual(ruleFindings('api-key-empty-access', key('{ "replication": [ { "names": ["a"] } ] }')), []);
    assert.deepEqual(ruleFindings('api-key-empty-access', key('{ "search": [ { "names": ["a"] } ], "replication": [] }')), []);
    const update = consoleDoc('PUT _security/cross_cluster/api_key/abc\n{ "metadata": { "a": 1 } }\n');
    assert.deepEqual(ruleFindings('api-key-empty-access', update), []);
  });
});
