import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { applyFix, dedent } from '../../helpers';
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

describe('rule cluster-settings-mode-switch', () => {
  const file = (second: string) =>
    consoleDoc(
      dedent(`
        PUT _cluster/settings
        {
          "persistent": {
            "cluster.remote.west.seeds": ["west-1:9300"],
            "cluster.remote.west.node_connections": 3
          }
        }
      `) +
        '\nPUT _cluster/settings\n' +
        second,
    );

  test('flags a switch to proxy mode while an earlier request stored sniff-only settings, and nulls them', () => {
    const document = file(
      '{\n  "persistent": {\n    "cluster.remote.west.mode": "proxy",\n    "cluster.remote.west.proxy_address": "west.example.com:9443"\n  }\n}\n',
    );
    const [finding] = ruleFindings('cluster-settings-mode-switch', document);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '"proxy"');
    assert.match(finding.message, /line 4 stored `seeds`, `node_connections` for alias `west`/);
    assert.equal(finding.related?.length, 2);
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'cluster-settings-mode-switch')!,
    );
    assert.match(
      fixed,
      /"cluster\.remote\.west\.mode": "proxy",\n {4}"cluster\.remote\.west\.seeds": null,\n {4}"cluster\.remote\.west\.node_connections": null,\n {4}"cluster\.remote\.west\.proxy_address"/,
    );
    assert.deepEqual(ruleFindings('cluster-settings-mode-switch', consoleDoc(fixed)), []);
  });

  test('writes the nulls in the nested form the body uses', () => {
    const document = file(
      '{ "persistent": { "cluster": { "remote": { "west": { "mode": "proxy", "proxy_address": "w:9443" } } } } }\n',
    );
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'cluster-settings-mode-switch')!,
    );
    assert.match(fixed, /"mode": "proxy", "seeds": null, "node_connections": null, "proxy_address"/);
  });

  test('is silent when the switch nulls the old settings, resets the alias, or an earlier request removed them', () => {
    const nulled =
      '{ "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.seeds": null, "cluster.remote.west.node_connections": null, "cluster.remote.west.proxy_address": "w:9443" } }\n';
    assert.deepEqual(ruleFindings('cluster-settings-mode-switch', file(nulled)), []);
    const reset =
      '{ "persistent": { "cluster.remote.west.*": null } }\nPUT _cluster/settings\n{ "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "w:9443" } }\n';
    assert.deepEqual(ruleFindings('cluster-settings-mode-switch', file(reset)), []);
    const sameMode = '{ "persistent": { "cluster.remote.west.mode": "sniff" } }\n';
    assert.deepEqual(ruleFindings('cluster-settings-mode-switch', file(sameMode)), []);
  });
});
