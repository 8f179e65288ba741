import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/core/analyze';
import { mayConcernRemoteClusters, parseConfigDocument } from '../../../server/src/core/model/parseDocument';
import { applyFix } from '../helpers';

describe('analysis cost on large files', () => {
  test('builds quick fixes only for the findings whose fixes are read, with the same result', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `path.logs: /var/log/${i}\n`).join('');
    const document = parseConfigDocument({ uri: 'file:///etc/elasticsearch/elasticsearch.yml', text });
    const started = performance.now();
    const { findings } = analyze(document);
    const elapsed = performance.now() - started;
    assert.equal(findings.length, 19_999);
    // Quadratic before (about 5 s for this file); linear now (tens of milliseconds).
    assert.ok(elapsed < 1500, `${Math.round(elapsed)} ms`);
    const fixed = applyFix(document, findings[12_345]);
    assert.equal(fixed.split('\n').length, text.split('\n').length - 1);
    assert.ok(!fixed.includes('/var/log/12346\n'), 'removes exactly the duplicate it is about');
    assert.ok(fixed.includes('/var/log/12345\n'));
  });

  test('removes a nested setting with its emptied parents, but not parents others still use', () => {
    const text = 'cluster:\n  remote:\n    a:\n      seeds: a:9300\n      seeds: b:9300\n    b:\n      skip_unavailable: true\n';
    const document = parseConfigDocument({ uri: 'file:///etc/elasticsearch/elasticsearch.yml', text });
    const { findings } = analyze(document);
    const duplicate = findings.find((f) => f.ruleId === 'duplicate-setting');
    assert.ok(duplicate);
    assert.equal(
      applyFix(document, duplicate),
      'cluster:\n  remote:\n    a:\n      seeds: a:9300\n    b:\n      skip_unavailable: true\n',
    );
    const notEnabled = findings.find((f) => f.ruleId === 'remote-not-enabled');
    assert.ok(notEnabled, findings.map((f) => f.ruleId).join(', '));
    assert.equal(applyFix(document, notEnabled), 'cluster:\n  remote:\n    a:\n      seeds: a:9300\n      seeds: b:9300\n');
  });
});

describe('deciding a YAML file is unrelated before parsing it', () => {
  const ours = [
    ['file:///x/values.yaml', 'cluster.remote.a.seeds: a:9300'],
    ['file:///x/values.yaml', 'cluster:\n  remote:\n    a:\n      seeds: a:9300'],
    ['file:///x/values.yaml', '"cluster": {"remote": {"a": {"mode": proxy}}}'],
    ['file:///x/values.yaml', "'cluster.remote.a.mode': proxy"],
    ['file:///x/values.yaml', 'remote_cluster_server.enabled: true'],
    ['file:///x/values.yaml', 'xpack.security.remote_cluster_client.ssl.enabled: true'],
    ['file:///x/values.yaml', 'search:\n  remote:\n    a.seeds: a:9300'],
    ['file:///x/values.yaml', '? remote\n: {a: {seeds: x}}'],
    ['file:///x/es.yaml', 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch'],
    ['file:///x/secret.yaml', 'kind: Secret\nmetadata: {name: x}'],
    ['file:///x/elasticsearch.yml', 'path.data: /x'],
  ];
  for (const [uri, text] of ours) {
    test(`parses ${JSON.stringify(text.slice(0, 40))}`, () => assert.ok(mayConcernRemoteClusters(uri, text)));
  }

  const unrelated = [
    'openapi: 3.0.0\npaths:\n  /clusters/{id}/remote:\n    get:\n      description: Lists remote clusters of the cluster.',
    'name: remote-control\nversion: 1.0.0\ndependencies:\n  remotely: ^2',
    'services:\n  web:\n    image: nginx\n    environment:\n      - REMOTE_HOST=x',
  ];
  for (const text of unrelated) {
    test(`skips ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.equal(mayConcernRemoteClusters('file:///x/values.yaml', text), false);
      const document = parseConfigDocument({ uri: 'file:///x/values.yaml', text });
      assert.equal(document.kind, 'unrelated');
      assert.equal(document.yamlDocuments, undefined, 'not parsed');
    });
  }
});
