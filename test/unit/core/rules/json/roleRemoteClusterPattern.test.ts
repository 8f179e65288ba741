import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { jsonDoc, ruleFindings } from '../../json/support';

describe('rule role-remote-cluster-pattern', () => {
  test('flags cluster patterns that cannot match an alias, with a fix where one is obvious', () => {
    const document = jsonDoc(`
      {
        "remote_indices": [ { "clusters": ["west:", "prod.eu", "ok-*"], "names": ["a"], "privileges": ["read"] } ],
        "remote_cluster": [ { "clusters": ["east cluster"], "privileges": ["monitor_enrich"] } ]
      }
    `);
    const findings = ruleFindings('role-remote-cluster-pattern', document);
    assert.deepEqual(
      findings.map((f) => f.text),
      ['"west:"', '"prod.eu"', '"east cluster"'],
    );
    assert.ok(findings.every((f) => f.severity === 'warning'));
    const first = analyze(document).findings.find((f) => f.ruleId === 'role-remote-cluster-pattern')!;
    assert.match(applyFix(document, first), /"clusters": \["west", "prod\.eu"/);
  });

  test('accepts aliases and wildcard patterns', () => {
    const document = jsonDoc(
      '{ "remote_indices": [ { "clusters": ["west", "EU_1", "prod-*", "*", "r?"], "names": ["a"], "privileges": ["read"] } ] }',
    );
    assert.deepEqual(ruleFindings('role-remote-cluster-pattern', document), []);
  });
});
