import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix, dedent } from '../../../helpers';
import { consoleDoc, ruleFindings } from '../../json/support';

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

  test('quotes the error Elasticsearch gives and ignores an earlier request it rejected', () => {
    const proxy = '{ "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "w:9443" } }\n';
    const [finding] = ruleFindings('cluster-settings-mode-switch', file(proxy));
    assert.match(
      finding.message,
      /Setting "cluster\.remote\.west\.seeds" cannot be used with the configured "cluster\.remote\.west\.mode"/,
    );
    const rejectedFirst = consoleDoc(
      'PUT _cluster/settings\n{ "persistent": { "cluster.remote.west.seeds": ["w:9300"], "cluster.remote.west.node_conections": 3 } }\nPUT _cluster/settings\n' +
        proxy,
    );
    assert.deepEqual(ruleFindings('cluster-settings-mode-switch', rejectedFirst), []);
  });

  test('sees settings stored as transient too', () => {
    const document = consoleDoc(
      'PUT _cluster/settings\n{ "transient": { "cluster.remote.west.seeds": ["w:9300"] } }\nPUT _cluster/settings\n{ "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "w:9443" } }\n',
    );
    const [finding] = ruleFindings('cluster-settings-mode-switch', document);
    assert.equal(finding.line, 4);
    assert.match(finding.message, /stored `seeds` for alias `west`/);
  });
});
