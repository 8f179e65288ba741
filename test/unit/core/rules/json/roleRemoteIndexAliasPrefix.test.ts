import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { jsonDoc, ruleFindings } from '../../json/support';

describe('rule role-remote-index-alias-prefix', () => {
  test('flags alias-prefixed names in remote_indices, and hints at them in local indices', () => {
    const document = jsonDoc(`
      {
        "indices": [ { "names": ["west:logs-*"], "privileges": ["read"] } ],
        "remote_indices": [ { "clusters": ["west"], "names": ["west:logs-*"], "privileges": ["read"] } ]
      }
    `);
    const findings = ruleFindings('role-remote-index-alias-prefix', document);
    assert.deepEqual(
      findings.map((f) => [f.line, f.text]),
      [
        [2, '"west:logs-*"'],
        [3, '"west:logs-*"'],
      ],
    );
    assert.match(findings[0].message, /With the API key model that access comes from `remote_indices`/);
    assert.equal(findings[0].severity, 'info', 'the certificate model uses such local names, so only a hint');
    assert.match(findings[1].message, /plain index names/);
    assert.equal(findings[1].severity, 'warning');
    const remote = analyze(document).findings.filter((f) => f.ruleId === 'role-remote-index-alias-prefix')[1];
    assert.match(applyFix(document, remote), /"clusters": \["west"\], "names": \["logs-\*"\]/);
  });

  test('asks to list the alias in clusters when it is missing there', () => {
    const [finding] = ruleFindings(
      'role-remote-index-alias-prefix',
      jsonDoc('{ "remote_indices": [ { "clusters": ["*"], "names": ["east:a"], "privileges": ["read"] } ] }'),
    );
    assert.match(finding.message, /list `east` in `clusters`/);
  });

  test('accepts plain names', () => {
    const document = jsonDoc(
      '{ "indices": [ { "names": ["a"], "privileges": ["read"] } ], "remote_indices": [ { "clusters": ["west"], "names": ["logs-*"], "privileges": ["read"] } ] }',
    );
    assert.deepEqual(ruleFindings('role-remote-index-alias-prefix', document), []);
  });
});
