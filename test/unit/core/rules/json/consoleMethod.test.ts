import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { consoleDoc, ruleFindings } from '../../json/support';

describe('rule console-method', () => {
  test('flags a known API called with the wrong method and offers the right one', () => {
    const document = consoleDoc(
      'POST _cluster/settings\n{ "persistent": { "cluster.remote.a.seeds": ["h:9300"] } }\nPUT _security/cross_cluster/api_key\n{ "name": "k", "access": { "search": [ { "names": ["a"] } ] } }\n',
    );
    const findings = ruleFindings('console-method', document);
    assert.deepEqual(
      findings.map((f) => [f.line, f.text, f.severity]),
      [
        [1, 'POST', 'warning'],
        [3, 'PUT', 'warning'],
      ],
    );
    assert.match(findings[1].message, /Create a cross-cluster API key is called with `POST`/);
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'console-method')!,
    );
    assert.ok(fixed.startsWith('PUT _cluster/settings'));
  });

  test('flags a body sent with GET', () => {
    const [finding] = ruleFindings('console-method', consoleDoc('GET _cluster/settings\n{ "persistent": {} }\n'));
    assert.match(finding.message, /`GET` does not send this body/);
  });

  test('accepts the documented methods and bodiless reads', () => {
    const document = consoleDoc(
      'GET _cluster/settings\nPUT _cluster/settings\n{ "persistent": {} }\nPOST _security/role/r\n{ "cluster": [] }\nPATCH api/v1/deployments/d/elasticsearch/main-elasticsearch/keystore\n{ "secrets": {} }\n',
    );
    assert.deepEqual(ruleFindings('console-method', document), []);
  });
});
