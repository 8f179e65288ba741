import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { checkJavaRegex } from '../../../../../server/src/core/json/javaRegex';
import { applyFix } from '../../../helpers';
import { consoleDoc, jsonDoc, ruleFindings } from '../../json/support';

// Named by the convention, so even a body whose access is still empty is read as an API key.
const key = (access: string, extra = '') =>
  jsonDoc(`{ "name": "k", "access": ${access}${extra} }`, 'file:///requests/ccs.cross-cluster-api-key.json');

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

describe('rule api-key-index-alias-prefix', () => {
  test('flags a cluster alias in front of index names and removes it', () => {
    const document = key('{ "search": [ { "names": ["west:logs-*", "metrics-*"] } ] }');
    const [finding] = ruleFindings('api-key-index-alias-prefix', document);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, '"west:logs-*"');
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'api-key-index-alias-prefix')!,
    );
    assert.match(fixed, /"names": \["logs-\*", "metrics-\*"\]/);
  });

  test('accepts plain names and patterns', () => {
    assert.deepEqual(
      ruleFindings(
        'api-key-index-alias-prefix',
        key('{ "search": [ { "names": "logs-*" } ], "replication": [ { "names": [".ds-x"] } ] }'),
      ),
      [],
    );
  });
});

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

describe('rule api-key-certificate-identity-version', () => {
  const document = () => key('{ "search": [ { "names": ["a"] } ] }', ', "certificate_identity": "CN=.*"');

  test('flags certificate_identity when the configured version is before 9.3', () => {
    const [finding] = ruleFindings('api-key-certificate-identity-version', document(), { stackVersion: '9.2.4' });
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '"certificate_identity"');
    assert.match(finding.message, /9\.2\.4/);
  });

  test('is silent on 9.3+ and when the version is unknown', () => {
    assert.deepEqual(ruleFindings('api-key-certificate-identity-version', document(), { stackVersion: '9.3.0' }), []);
    assert.deepEqual(ruleFindings('api-key-certificate-identity-version', document()), []);
  });
});
