import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonDoc, ruleFindings } from '../../json/support';

describe('rule json-duplicate-key', () => {
  test('reports a repeated field outside an editor, and leaves settings to duplicate-setting', () => {
    const document = jsonDoc('{ "name": "a", "name": "b", "access": { "search": [ { "names": ["x"] } ] } }');
    const [finding] = ruleFindings('json-duplicate-key', document);
    assert.equal(finding.text, '"name"');
    assert.equal(finding.column, 16);
    const settings = jsonDoc('{ "persistent": { "cluster.remote.a.mode": "proxy", "cluster.remote.a.mode": "sniff" } }');
    assert.deepEqual(ruleFindings('json-duplicate-key', settings), []);
    assert.equal(ruleFindings('duplicate-setting', settings).length, 1);
  });

  test('stays quiet on distinct fields', () => {
    assert.deepEqual(
      ruleFindings('json-duplicate-key', jsonDoc('{ "name": "a", "access": { "search": [ { "names": ["x"] } ] } }')),
      [],
    );
  });
});
