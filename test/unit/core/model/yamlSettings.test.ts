import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { doc } from '../../helpers';

describe('YAML settings model', () => {
  test('yields the same full key for flat, nested and mixed forms, with exact segment ranges', () => {
    const document = doc(`
      cluster.remote.a.seeds: ["h1:9300"]
      cluster:
        remote:
          b:
            mode: proxy
      cluster.remote:
        c.skip_unavailable: true
    `);
    const keys = document.scopes[0].occurrences.map((o) => o.key);
    assert.deepEqual(keys, ['cluster.remote.a.seeds', 'cluster.remote.b.mode', 'cluster.remote.c.skip_unavailable']);
    const nested = document.scopes[0].occurrences[1];
    assert.equal(document.text.slice(nested.keySpan.start, nested.keySpan.end), 'mode');
    assert.deepEqual(
      nested.segments.map((s) => document.text.slice(s.span.start, s.span.end)),
      ['cluster', 'remote', 'b', 'mode'],
    );
    const mixed = document.scopes[0].occurrences[2];
    assert.deepEqual(
      mixed.segments.map((s) => document.text.slice(s.span.start, s.span.end)),
      ['cluster', 'remote', 'c', 'skip_unavailable'],
    );
  });

  test('reads flow and block lists, quoted keys and keeps the source spelling of scalars', () => {
    const document = doc(`
      "cluster.remote.a.seeds":
        - "h1:9300"
        - h2:9300
      cluster.remote.b.seeds: [ 'x:1', y:2 ]
      remote_cluster.port: 09443
    `);
    const [a, b, port] = document.scopes[0].occurrences;
    assert.equal(a.key, 'cluster.remote.a.seeds');
    assert.deepEqual(
      a.value.items?.map((i) => i.text),
      ['h1:9300', 'h2:9300'],
    );
    assert.equal(document.text.slice(a.segments[2].span.start, a.segments[2].span.end), 'a');
    assert.deepEqual(
      b.value.items?.map((i) => i.text),
      ['x:1', 'y:2'],
    );
    assert.equal(port.value.text, '09443');
  });

  test('treats an empty value as null and records duplicates in any form', () => {
    const document = doc(`
      cluster.remote.a.mode:
      cluster:
        remote.a.mode: proxy
    `);
    const scope = document.scopes[0];
    assert.equal(scope.occurrences[0].value.value, null);
    assert.equal(scope.duplicates.length, 1);
    assert.equal(scope.duplicates[0].again.key, 'cluster.remote.a.mode');
  });

  test('decides relevance from content, not only from the file name', () => {
    assert.equal(doc('cluster.remote.a.seeds: [x:9300]\n', 'file:///any/config.yaml').kind, 'elasticsearch-yml');
    assert.equal(doc('name: app\nreplicas: 3\n', 'file:///any/values.yaml').kind, 'unrelated');
    assert.equal(doc('', 'file:///etc/elasticsearch/elasticsearch.yml').kind, 'elasticsearch-yml');
    const eck = doc(
      `
      apiVersion: elasticsearch.k8s.elastic.co/v1
      kind: Elasticsearch
      metadata: { name: quickstart }
      spec:
        version: 8.15.0
        nodeSets:
        - name: default
          config:
            cluster.remote.a.seeds: [x:9443]
    `,
      'file:///k8s/es.yaml',
    );
    assert.equal(eck.kind, 'eck-manifest');
    assert.equal(eck.scopes[0].origin, 'eck-config');
    assert.equal(eck.scopes[0].stackVersion, '8.15.0');
    assert.equal(eck.scopes[0].occurrences[0].key, 'cluster.remote.a.seeds');
    assert.equal(doc('{"persistent":{"cluster.remote.a.mode":"proxy"}}', 'file:///x/body.json').kind, 'cluster-settings');
    assert.equal(doc('{"name":"my-app","version":"1.0.0"}', 'file:///x/package.json').kind, 'unrelated');
  });

  test('ignores comments, keeps every occurrence of a key written in flat and nested form, and spans values exactly', () => {
    const document = doc(`
      # remote clusters
      cluster.remote.a.seeds: [ "a1:9300", 'a2:9300' ] # two seeds
      cluster:
        remote:
          a:
            # the same key again, nested
            seeds:
              - a3:9300
    `);
    const scope = document.scopes[0];
    assert.deepEqual(
      scope.occurrences.map((o) => o.key),
      ['cluster.remote.a.seeds', 'cluster.remote.a.seeds'],
    );
    assert.equal(scope.duplicates.length, 1);
    const [flat, nested] = scope.occurrences;
    assert.deepEqual(
      flat.value.items?.map((i) => document.text.slice(i.span.start, i.span.end)),
      ['"a1:9300"', "'a2:9300'"],
    );
    assert.equal(document.text.slice(nested.value.items![0].span.start, nested.value.items![0].span.end), 'a3:9300');
  });

  test('reports YAML syntax errors once and still models what parsed', () => {
    const document = doc('cluster.remote.a.seeds: [x:9300\ncluster.remote.b.mode: proxy\n');
    assert.ok(document.syntaxErrors.length >= 1);
    assert.ok(document.syntaxErrors.every((e) => e.ruleId === 'yaml-syntax'));
  });

  test("reports the parser's warnings as yaml-warning without quoting the document", () => {
    const secret = 'c2VjcmV0LWtleQ==';
    const text = `cluster.remote.a.seeds: !!seq ""\ncluster.remote.a.skip_unavailable: !k${secret} true\n`;
    const warnings = doc(text).syntaxErrors.filter((e) => e.ruleId === 'yaml-warning');
    assert.equal(warnings.length, 2);
    assert.ok(warnings.every((w) => w.severity === 'warning'));
    assert.equal(text.slice(warnings[0].span.start, warnings[0].span.end), '!!seq');
    assert.match(warnings[0].message, /^Unresolved tag: the tag is unknown or does not fit its value/);
    assert.ok(warnings.every((w) => !w.message.includes(secret) && !w.message.includes('!k')));
  });

  test('reports an ignored YAML directive in an ECK manifest', () => {
    const text =
      '%YAML 1.3\n---\napiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: a\nspec:\n  version: 8.15.0\n';
    const document = doc(text, 'file:///k8s/es.yaml');
    assert.equal(document.kind, 'eck-manifest');
    const [warning] = document.syntaxErrors.filter((e) => e.ruleId === 'yaml-warning');
    assert.ok(warning);
    assert.match(warning.message, /^Unsupported YAML version: the directive was ignored/);
  });

  test('a plain, valid file has no parser warnings', () => {
    assert.deepEqual(doc('cluster.remote.a.seeds: ["h:9300"]\n').syntaxErrors, []);
  });
});
