import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectTemplate } from '../../../../server/src/core/model/template';
import { doc, findings } from '../../helpers';
import { summary } from '../eck/support';

/** A Helm chart template rendering an ECK resource, in the shape of the eck-stack charts. */
const HELM_ELASTICSEARCH = `
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: {{ include "search.fullname" . }}
    labels:
      {{- include "search.labels" . | nindent 4 }}
  spec:
    version: {{ required "set .Values.version" .Values.version }}
    {{- with .Values.remoteClusters }}
    remoteClusters:
      {{- toYaml . | nindent 2 }}
    {{- end }}
    remoteClusterServer:
      enabled: {{ .Values.remoteClusterServer.enabled }}
    {{- if .Values.pdb.disabled }}
    podDisruptionBudget: {}
    {{- else }}
    podDisruptionBudget:
      spec:
        maxUnavailable: 1
    {{- end }}
    nodeSets:
      - name: default
        count: {{ .Values.count }}
        config:
          cluster.remote.{{ .Values.alias }}.mode: proxy
          cluster.remote.west.seeds: ["west.example.com:9300"]
          cluster.remote.west.mode: proxy
`;

describe('templated YAML (Helm, Jinja)', () => {
  test('reports no syntax errors for a Helm template and still checks the plain YAML around the directives', () => {
    const found = findings(HELM_ELASTICSEARCH, {}, 'file:///chart/templates/elasticsearch.yaml');
    assert.deepEqual(
      found.filter((f) => f.ruleId === 'yaml-syntax'),
      [],
    );
    // The literal lines are still read: seeds in proxy mode is a real mistake whatever the values are.
    assert.deepEqual(summary(found).filter((line) => line.includes('mode-setting-mismatch')).length, 1);
    // Nothing is said about a placeholder (the templated alias, count, version) or about if/else branches.
    assert.ok(
      found.every((f) => !f.text.includes('x'.repeat(5))),
      summary(found).join('\n'),
    );
    assert.deepEqual(
      found.filter((f) => /duplicate/.test(f.ruleId)),
      [],
    );
  });

  test('masks directives with text of the same length, also outside a chart folder', () => {
    const masked = detectTemplate(HELM_ELASTICSEARCH, 'file:///chart/templates/elasticsearch.yaml');
    assert.ok(masked);
    assert.equal(masked.masked.length, HELM_ELASTICSEARCH.length);
    assert.equal(masked.masked.split('\n').length, HELM_ELASTICSEARCH.split('\n').length);
    assert.ok(doc(HELM_ELASTICSEARCH, 'file:///chart/plain.yml').kind === 'eck-manifest');
    assert.deepEqual(doc(HELM_ELASTICSEARCH, 'file:///chart/plain.yml').syntaxErrors, []);
  });

  test('treats a Jinja elasticsearch.yml (Ansible role) as a template', () => {
    const jinja = `
      cluster.name: {{ es_cluster_name }}
      {% for remote in es_remotes %}
      cluster.remote.{{ remote.name }}.seeds: {{ remote.seeds | to_json }}
      {% endfor %}
      {# the certificate model needs the transport port #}
      cluster.remote.archive.seeds: ["archive.internal:9300"]
      cluster.remote.archive.skip_unavailable: maybe
    `;
    const found = findings(jinja, {}, 'file:///roles/es/templates/elasticsearch.yml');
    assert.deepEqual(summary(found), ['7:42 error invalid-value [maybe]']);
  });

  test('a file under a chart templates/ folder is a template even before it has a directive', () => {
    assert.ok(detectTemplate('a: [\n', 'file:///chart/templates/es.yaml'));
    assert.equal(detectTemplate('a: [\n', 'file:///chart/values.yaml'), undefined);
  });

  test('keeps syntax errors and duplicate-key findings in ordinary YAML', () => {
    const found = findings('cluster.remote.a.seeds: [a:9300\n', {}, 'file:///cfg/elasticsearch.yml');
    assert.deepEqual(
      found.map((f) => f.ruleId),
      ['yaml-syntax'],
    );
  });

  test('reports one syntax error per position', () => {
    const found = findings('cluster.remote.a.seeds: a:9300\n  bad: indent\n', {}, 'file:///cfg/elasticsearch.yml').filter(
      (f) => f.ruleId === 'yaml-syntax',
    );
    assert.equal(found.length, new Set(found.map((f) => f.span.start)).size);
    assert.equal(found.length, 1);
  });
});

describe('template masking on hostile input', () => {
  test('stays linear: many openers without a closing delimiter, and many directives on one line', () => {
    const unclosed = '{{ '.repeat(200_000) + '{% '.repeat(100_000);
    let started = Date.now();
    assert.deepEqual(detectTemplate(unclosed, 'file:///x.yaml'), undefined);
    const oneLine = 'a: ' + '{{ .x }} '.repeat(100_000) + '\n';
    const template = detectTemplate(oneLine, 'file:///x.yaml');
    assert.equal(template?.spans.length, 100_000);
    assert.equal(template?.masked.length, oneLine.length);
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    started = Date.now();
    assert.deepEqual(findings(oneLine, {}, 'file:///cfg/elasticsearch.yml'), []);
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  });

  test('blanks lines holding only directives, also across lines, and keeps line breaks', () => {
    const text = 'a:\n  {{- include "x" .\n      | nindent 2 }}\nb: {{ .v }}\n';
    const template = detectTemplate(text, 'file:///x.yaml');
    assert.equal(template?.masked, 'a:\n' + ' '.repeat(19) + '\n' + ' '.repeat(20) + '\nb: ' + 'x'.repeat(8) + '\n');
  });
});
