import assert from 'node:assert/strict';
import { analyze } from '../../../../../server/src/core/analyze';
import type { AnalysisOptions } from '../../../../../server/src/core/model/analysisOptions';
import { applyFix, dedent, doc, findingsOf, type Located } from '../../../helpers';

/** Shared set-up for the settings rule tests: one rule's findings, fixes applied, other formats. */

export const YML = 'file:///etc/elasticsearch/elasticsearch.yml';
export const BODY = 'file:///requests/remote-settings.json';
export const ECK = 'file:///k8s/elasticsearch.yaml';

export interface Case {
  options?: AnalysisOptions;
  uri?: string;
}

/** Findings of one rule. */
export function check(ruleId: string, text: string, { options = {}, uri = YML }: Case = {}): Located[] {
  return findingsOf(ruleId, text, options, uri);
}

/** The one finding of a rule (fails when there is not exactly one). */
export function single(ruleId: string, text: string, options: Case = {}): Located {
  const found = check(ruleId, text, options);
  assert.equal(found.length, 1, `expected one ${ruleId} finding, got ${found.length}: ${found.map((f) => f.text).join(', ')}`);
  return found[0];
}

/** Text after applying fix `fixIndex` of the `findingIndex`-th finding of the rule. */
export function fixed(
  ruleId: string,
  text: string,
  { options = {}, uri = YML }: Case = {},
  fixIndex = 0,
  findingIndex = 0,
): string {
  const document = doc(text, uri);
  const finding = analyze(document, options).findings.filter((f) => f.ruleId === ruleId)[findingIndex];
  assert.ok(finding, `no ${ruleId} finding #${findingIndex}`);
  return applyFix(document, finding, fixIndex);
}

/** The fix object itself (title, clipboard). */
export function fixOf(ruleId: string, text: string, { options = {}, uri = YML }: Case = {}, fixIndex = 0) {
  const finding = analyze(doc(text, uri), options).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding`);
  return finding.fixes?.[fixIndex];
}

/** An ECK manifest whose first nodeSet has `config` as its configuration. */
export function eckManifest(config: string, version = '8.15.0'): string {
  const body = dedent(config)
    .split('\n')
    .map((line) => (line ? `        ${line}` : line))
    .join('\n');
  return [
    'apiVersion: elasticsearch.k8s.elastic.co/v1',
    'kind: Elasticsearch',
    'metadata:',
    '  name: local',
    'spec:',
    `  version: ${version}`,
    '  nodeSets:',
    '    - name: default',
    '      count: 3',
    '      config:',
    body,
  ].join('\n');
}

export { dedent };
