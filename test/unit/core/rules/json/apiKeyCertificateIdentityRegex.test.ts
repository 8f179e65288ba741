import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkJavaRegex } from '../../../../../server/src/core/json/javaRegex';
import { ruleFindings } from '../../json/support';
import { key } from './fixtures';

describe('rule api-key-certificate-identity-regex', () => {
  test('flags a pattern both regex dialects refuse as an error', () => {
    const [finding] = ruleFindings(
      'api-key-certificate-identity-regex',
      key('{ "search": [ { "names": ["a"] } ] }', ', "certificate_identity": "CN=(node.*"'),
    );
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '"CN=(node.*"');
    assert.match(finding.message, /Unterminated group/);
  });

  test('accepts Java-only syntax that JavaScript lacks', () => {
    for (const pattern of [
      'CN=.*\\\\.node\\\\..*',
      '(?i)cn=node-\\\\d++',
      '\\\\QCN=a.b\\\\E.*',
      '(?>CN=x)\\\\z',
      'CN=[a-z]{1,32}\\\\.cluster\\\\..*',
    ]) {
      const document = key('{ "search": [ { "names": ["a"] } ] }', `, "certificate_identity": "${pattern}"`);
      assert.deepEqual(ruleFindings('api-key-certificate-identity-regex', document), [], pattern);
    }
  });

  test('tells certain mistakes from possible dialect differences', () => {
    assert.deepEqual(checkJavaRegex('CN=x'), { ok: true });
    for (const certain of ['(', 'a)', '*a', '[a-', 'a{3,1}', 'a\\']) {
      const verdict = checkJavaRegex(certain);
      assert.equal(verdict.ok, false, certain);
      assert.equal(!verdict.ok && verdict.certain, true, certain);
    }
    const uncertain = checkJavaRegex('(?<1bad>x)');
    assert.equal(uncertain.ok === false && uncertain.certain, false);
  });
});
