import { analyze } from '../../server/src/core/analyze';
import { parseConfigDocument } from '../../server/src/core/model/parseDocument';
import type { ConfigDocument } from '../../server/src/core/model/configDocument';
import type { AnalysisOptions } from '../../server/src/core/model/analysisOptions';
import type { Finding } from '../../server/src/core/types';

/** Test helper: parse text as if opened under `uri`; trims a common leading indent so fixtures read naturally. */
export function doc(text: string, uri = 'file:///cfg/elasticsearch.yml'): ConfigDocument {
  return parseConfigDocument({ uri, text: dedent(text) });
}

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export interface Located extends Finding {
  line: number; // 1-based
  column: number; // 1-based
  /** The text the finding points at. */
  text: string;
}

export function findings(text: string, options: AnalysisOptions = {}, uri?: string): Located[] {
  const document = doc(text, uri);
  return analyze(document, options).findings.map((finding) => {
    const { line, character } = document.lines.positionAt(finding.span.start);
    return { ...finding, line: line + 1, column: character + 1, text: document.text.slice(finding.span.start, finding.span.end) };
  });
}

export function findingsOf(ruleId: string, text: string, options: AnalysisOptions = {}, uri?: string): Located[] {
  return findings(text, options, uri).filter((f) => f.ruleId === ruleId);
}

/** Applies the edits of a fix to the document text (edits must not overlap). */
export function applyFix(document: ConfigDocument, finding: Finding, index = 0): string {
  const fix = finding.fixes?.[index];
  if (!fix) throw new Error(`finding ${finding.ruleId} has no fix #${index}`);
  let text = document.text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  }
  return text;
}

// base64 of a made-up "id:key" pair, the shape of the `encoded` field; not a real key
export const ENCODED = Buffer.from('VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw').toString('base64');
