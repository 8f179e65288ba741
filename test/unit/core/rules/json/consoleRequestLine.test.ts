import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { consoleDoc, ruleFindings } from '../../json/support';

describe('rule console-request-line', () => {
  test('flags an unknown method with a fix, stray text and a body without request line', () => {
    const document = consoleDoc('{ "a": 1 }\nPTU _cluster/settings\n{ "persistent": {} }\nthis is not a request\n');
    const findings = ruleFindings('console-request-line', document);
    assert.deepEqual(
      findings.map((f) => [f.line, f.text]),
      [
        [1, '{ "a": 1 }'],
        [2, 'PTU'],
        [4, 'this is not a request'],
      ],
    );
    assert.ok(findings.every((f) => f.severity === 'error'));
    const fix = analyze(document).findings.find((f) => f.ruleId === 'console-request-line' && f.fixes)!;
    assert.match(applyFix(document, fix), /^\{ "a": 1 \}\nPUT _cluster\/settings/);
  });

  test('accepts comments, blank lines and requests', () => {
    assert.deepEqual(ruleFindings('console-request-line', consoleDoc('# a\n// b\n/* c\n d */\n\nGET /\nHEAD /\n')), []);
  });
});
