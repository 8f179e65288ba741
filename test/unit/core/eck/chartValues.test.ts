import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { completeAt } from '../../../../server/src/core/completion';
import { hoverAt } from '../../../../server/src/core/hover';
import { documentLabel } from '../../../../server/src/core/model/configDocument';
import { applyFix, doc, findings } from '../../helpers';
import { summary } from './support';

const STACK_VALUES = `
  eck-elasticsearch:
    enabled: true
    fullnameOverride: hub
    version: 8.15.0
    labels:
      team: search
    remoteClusters:
      - name: west
        elasticsearchRef:
          name: west
        apiKey:
          acess: {}
    nodeSets:
      - name: default
        count: 1
        config:
          cluster.remote.east.mode: proxi
  eck-kibana:
    enabled: true
`;

const CHART_VALUES = `
  version: 8.15.0
  labels: {}
  ingress:
    enabled: false
  remoteClusterServer:
    enabled: false
  nodeSets:
    - name: default
      count: 1
      config:
        cluster.remote.east.mode: proxi
`;

describe('values of the ECK Helm charts', () => {
  test("eck-stack's `eck-elasticsearch:` values get the ECK checks and the settings checks, at their place", () => {
    const found = summary(findings(STACK_VALUES, {}, 'file:///deploy/values.yaml'));
    assert.deepEqual(found, [
      '11:7 error eck-api-key-access [apiKey]',
      '12:9 error eck-unknown-field [acess]',
      '17:35 error mode-invalid [proxi]',
    ]);
  });

  test("eck-elasticsearch's top-level values: the chart's own keys are not taken for unknown spec fields", () => {
    const found = summary(findings(CHART_VALUES, {}, 'file:///deploy/values-prod.yaml'));
    assert.deepEqual(found, ['11:33 error mode-invalid [proxi]']);
  });

  test('the document is named after its host', () => {
    assert.equal(documentLabel(doc(CHART_VALUES, 'file:///deploy/values.yaml')), 'ECK manifest in Helm values');
  });

  test('a fix edits the values in place', () => {
    const document = doc(STACK_VALUES, 'file:///deploy/values.yaml');
    const finding = analyze(document).findings.find((f) => f.ruleId === 'eck-unknown-field');
    assert.ok(finding);
    assert.match(applyFix(document, finding), /^ {8}access: \{\}$/m);
  });

  test('hover on a spec field and completion of its children work at the values path', () => {
    const document = doc(STACK_VALUES, 'file:///deploy/values.yaml');
    const hover = hoverAt(document, document.text.indexOf('remoteClusters') + 3);
    assert.match(hover?.markdown ?? '', /remoteClusters/);
    const text = document.text.replace('acess: {}', '');
    const edited = doc(text, 'file:///deploy/values.yaml');
    const offset = text.indexOf('apiKey:\n') + 'apiKey:\n        '.length;
    const labels = completeAt(edited, offset).map((c) => c.label);
    assert.ok(labels.includes('access'), labels.join(', '));
  });

  test('near misses get nothing: the same values outside a values file, other charts, no node set shape', () => {
    assert.deepEqual(findings(STACK_VALUES, {}, 'file:///deploy/cluster-settings.yaml'), []);
    const otherChart = 'replicaCount: 2\nnodeSets: []\nremoteClusters: enabled\nconfig:\n  cluster.remote.east.mode: proxi\n';
    assert.deepEqual(findings(otherChart, {}, 'file:///deploy/values.yaml'), []);
    const defaults = 'eck-elasticsearch:\n  enabled: true\n  fullnameOverride: elasticsearch\neck-kibana:\n  enabled: true\n';
    assert.equal(doc(defaults, 'file:///deploy/values.yaml').kind, 'unrelated');
  });
});
