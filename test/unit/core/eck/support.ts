import { analyze } from '../../../../server/src/core/analyze';
import type { ConfigDocument } from '../../../../server/src/core/model/configDocument';
import type { AnalysisOptions } from '../../../../server/src/core/model/analysisOptions';
import type { Finding } from '../../../../server/src/core/types';
import { applyFix, dedent, doc, findings, type Located } from '../../helpers';

/** Shared by the ECK tests: manifests live in ordinary `.yaml` files, not in elasticsearch.yml. */
export const MANIFEST_URI = 'file:///k8s/cluster.yaml';

export function manifest(text: string, uri = MANIFEST_URI): ConfigDocument {
  return doc(text, uri);
}

export function eckFindings(text: string, options: AnalysisOptions = {}, uri = MANIFEST_URI): Located[] {
  return findings(text, options, uri);
}

export function eckFindingsOf(ruleId: string, text: string, options: AnalysisOptions = {}, uri = MANIFEST_URI): Located[] {
  return eckFindings(text, options, uri).filter((f) => f.ruleId === ruleId);
}

/** `line:column rule-id [text]`: compact form for asserting complete lists of findings. */
export function summary(list: Located[]): string[] {
  return list.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} [${f.text}]`);
}

/** Applies the first fix of the only finding of `ruleId` and returns the new text. */
export function fixed(text: string, ruleId: string, options: AnalysisOptions = {}, fixIndex = 0): string {
  const document = manifest(text);
  const found: Finding[] = analyze(document, options).findings.filter((f) => f.ruleId === ruleId);
  if (found.length !== 1) throw new Error(`expected one ${ruleId} finding, got ${found.length}`);
  return applyFix(document, found[0], fixIndex);
}

/** Expands VS Code snippet syntax with each placeholder's default (first choice), as accepting every tab stop would. */
export function expandSnippet(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\$\d+/g, '');
}

export const HEAD = `
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: local
  spec:
    version: 8.15.0
`;

/** Parses a manifest with `|` marking the cursor. */
export function atCursor(text: string): { document: ReturnType<typeof manifest>; offset: number } {
  const clean = dedent(text);
  const offset = clean.indexOf('|');
  return { document: manifest(clean.slice(0, offset) + clean.slice(offset + 1)), offset };
}
