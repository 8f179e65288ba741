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

  test('flags a space in the path, offers to remove it and still checks the body as that endpoint', () => {
    const document = consoleDoc(
      'PUT _cluster/ settings\n{ "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.seeds": ["w:9300"] } }\n',
    );
    const [finding] = ruleFindings('console-request-line', document);
    assert.equal(finding.line, 1);
    assert.equal(finding.text, '_cluster/ settings');
    assert.match(finding.message, /cannot contain spaces.*`_cluster\/settings`/);
    const fix = analyze(document).findings.find((f) => f.ruleId === 'console-request-line')!;
    assert.match(applyFix(document, fix), /^PUT _cluster\/settings\n/);
    const [mismatch] = ruleFindings('mode-setting-mismatch', document);
    assert.equal(mismatch.line, 2);
    assert.match(mismatch.message, /`seeds` only applies in sniff mode/);
  });

  test('a correct request line next to one with a space keeps working', () => {
    const document = consoleDoc('GET _cluster/settings\nGET _cat/ indices\n');
    assert.deepEqual(
      ruleFindings('console-request-line', document).map((f) => f.line),
      [2],
    );
  });
});
