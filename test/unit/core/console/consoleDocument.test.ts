import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { applyFix } from '../../helpers';
import { consoleDoc, locate, ruleFindings } from '../json/support';

describe('Console documents', () => {
  test('are recognised by extension or language id, and parse each known body as its kind', () => {
    const text =
      'PUT _cluster/settings\n{ "persistent": { "cluster.remote.a.seeds": ["h:9300"] } }\nGET _search\n{ "query": { "match_all": {} } }\n';
    for (const document of [
      parseConfigDocument({ uri: 'file:///w/remote.es', text }),
      parseConfigDocument({ uri: 'file:///w/remote.console', text }),
      parseConfigDocument({ uri: 'untitled:Untitled-1', text, languageId: 'elasticsearch-console' }),
    ]) {
      assert.equal(document.kind, 'console');
      assert.deepEqual(
        document.bodies?.map((b) => b.kind),
        ['cluster-settings'],
        'the search body is not ours',
      );
      assert.equal(document.scopes.length, 1);
      assert.equal(document.scopes[0].occurrences[0].key, 'cluster.remote.a.seeds');
    }
  });

  test('run the elasticsearch.yml settings rules on `_cluster/settings` bodies at exact positions', () => {
    const document = consoleDoc(`
      GET _remote/info

      PUT _cluster/settings
      {
        "persistent": {
          "cluster": { "remote": { "west": { "proxy_adress": "west.example.com:9443" } } }
        }
      }
    `);
    const [finding] = ruleFindings('unknown-setting', document);
    assert.deepEqual([finding.line, finding.text], [6, 'proxy_adress']);
    assert.match(
      applyFix(
        document,
        analyze(document).findings.find((f) => f.ruleId === 'unknown-setting')!,
      ),
      /"proxy_address"/,
    );
  });

  test('report JSON syntax errors of known bodies only', () => {
    const document = consoleDoc(`
      PUT _cluster/settings
      { "persistent": { "cluster.remote.a.mode": "proxy", } "x" }
      POST _bulk
      { "index": {} }
      not json at all
    `);
    const syntax = locate(document).filter((f) => f.ruleId === 'json-syntax');
    assert.ok(syntax.length > 0);
    assert.ok(
      syntax.every((f) => f.line === 2),
      JSON.stringify(syntax),
    );
  });

  test('accept Console triple-quoted strings inside bodies', () => {
    const document = consoleDoc(
      'PUT _security/role/r\n{\n  "remote_indices": [ { "clusters": ["west"], "names": ["a"], "privileges": ["read"], "query": """\n{ "term": { "team": "x" } }\n""" } ]\n}\n',
    );
    assert.deepEqual(locate(document), []);
  });
});
