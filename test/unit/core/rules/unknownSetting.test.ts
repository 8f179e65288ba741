import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { applyFix, doc, findingsOf } from '../../helpers';

describe('rule unknown-setting', () => {
  test('flags a misspelt alias suffix with "did you mean" and a rename fix', () => {
    const [finding] = findingsOf('unknown-setting', 'cluster.remote.west.proxy_adress: west:9443\n');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /Did you mean `proxy_address`\?/);
    assert.equal(finding.text, 'proxy_adress');
    const document = doc('cluster.remote.west.proxy_adress: west:9443\n');
    const fixed = applyFix(document, analyze(document).findings[0]);
    assert.equal(fixed, 'cluster.remote.west.proxy_address: west:9443\n');
  });

  test('suggests snake_case for camelCase keys and fixes nested two-level suffixes', () => {
    assert.match(findingsOf('unknown-setting', 'cluster.remote.a.skipUnavailable: true\n')[0].message, /`skip_unavailable`/);
    const text = 'cluster:\n  remote:\n    a:\n      transport:\n        compres: true\n';
    const document = doc(text);
    const finding = analyze(document).findings.find((f) => f.ruleId === 'unknown-setting')!;
    assert.equal(applyFix(document, finding), text.replace('compres', 'compress'));
  });

  test('flags unknown keys in the server namespaces', () => {
    const [finding] = findingsOf('unknown-setting', 'remote_cluster.prot: 9443\n');
    assert.match(finding.message, /Did you mean `remote_cluster.port`/);
  });

  test('recognises a misspelt global key under cluster.remote instead of inventing an alias', () => {
    const [finding] = findingsOf('unknown-setting', 'cluster.remote.signing.truststore.pth: t.p12\n');
    assert.match(finding.message, /Did you mean `cluster\.remote\.signing\.truststore\.path`\?/);
    assert.equal(finding.text, 'signing.truststore.pth');
    assert.match(findingsOf('unknown-setting', 'cluster.remote.conect: false\n')[0].message, /`cluster\.remote\.connect`/);
    // an alias that merely looks like a global key keeps alias suggestions
    assert.match(findingsOf('unknown-setting', 'cluster.remote.x.seds: [a:1]\n')[0].message, /Did you mean `seeds`\?/);
  });

  test('does not flag known keys, foreign keys or keys other rules own', () => {
    const text = `
      cluster.name: prod
      cluster.remote.a.mode: proxy
      cluster.remote.a.proxy_address: a.example.com:9443
      cluster.remote.a.transport.compress: indexing_data
      cluster.remote.node.attr: gateway
      remote_cluster_server.enabled: true
      remote_cluster.tcp.keep_idle: 30
      xpack.security.remote_cluster_client.ssl.certificate_authorities: [ca.crt]
      xpack.security.remote_cluster_client.ssl.client_authentication: none
      path.data: /var/lib/es
    `;
    assert.deepEqual(findingsOf('unknown-setting', text), []);
  });
});

describe('rule unknown-setting and wildcard resets', () => {
  test('accepts `cluster.remote.<alias>.*: null` in a cluster settings body but not in elasticsearch.yml', () => {
    const body = '{ "persistent": { "cluster.remote.west.*": null } }';
    assert.deepEqual(findingsOf('unknown-setting', body, {}, 'file:///req/cluster-settings.json'), []);
    assert.equal(findingsOf('unknown-setting', 'cluster.remote.west.*: null\n').length, 1);
  });

  test('never suggests a per-alias initial_connect_timeout, under either name', () => {
    for (const key of ['cluster.remote.a.initial_connect_timeout', 'search.remote.a.initial_connect_timeout']) {
      const [finding] = findingsOf('unknown-setting', `${key}: 30s\n`);
      assert.ok(finding, key);
      assert.doesNotMatch(finding.message, /Did you mean/, key);
    }
    const legacyFindings = analyze(
      doc('search.remote.a.seeds: ["a:9300"]\nsearch.remote.a.initial_connect_timeout: 30s\n'),
      {},
    ).findings.filter((f) => f.ruleId === 'legacy-search-remote');
    assert.equal(legacyFindings.length, 1, 'only the real key is offered a rename');
    assert.doesNotMatch(legacyFindings[0].message, /initial_connect_timeout/);
  });

  test('suggests the global search.remote key for a misspelling of it, and only seeds for a bare alias', () => {
    const [global] = findingsOf('unknown-setting', 'search.remote.initial_connect_timout: 30s\n');
    assert.match(global.message, /Did you mean `search\.remote\.initial_connect_timeout`\?/);
    const [bare] = findingsOf('unknown-setting', 'search.remote.west: x\n');
    assert.match(bare.message, /for example `search\.remote\.west\.seeds`\.$/);
  });
});
