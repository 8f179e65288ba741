import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../server/src/core/analyze';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import type { ConfigDocument } from '../../../../server/src/core/model/configDocument';
import type { AnalysisOptions } from '../../../../server/src/core/model/analysisOptions';
import { dedent, type Located } from '../../helpers';

/** Test helpers for JSON bodies and Console files. */

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..');

export function fixture(name: string): string {
  return readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'json', name), 'utf8');
}

/** A JSON body as a file (no editor language id: the command-line checker's view). */
export function jsonDoc(text: string, uri = 'file:///requests/body.json', languageId?: string): ConfigDocument {
  return parseConfigDocument({ uri, text: dedent(text), languageId });
}

export function consoleDoc(text: string, uri = 'file:///requests/remote.es'): ConfigDocument {
  return parseConfigDocument({ uri, text: dedent(text) });
}

export function locate(document: ConfigDocument, options: AnalysisOptions = {}): Located[] {
  return analyze(document, options).findings.map((finding) => {
    const { line, character } = document.lines.positionAt(finding.span.start);
    return { ...finding, line: line + 1, column: character + 1, text: document.text.slice(finding.span.start, finding.span.end) };
  });
}

export function ruleFindings(ruleId: string, document: ConfigDocument, options: AnalysisOptions = {}): Located[] {
  return locate(document, options).filter((f) => f.ruleId === ruleId);
}

/** Offset of the n-th occurrence (0-based) of `needle` plus `delta`; fails loudly when absent. */
export function offsetOf(document: ConfigDocument, needle: string, delta = 0, nth = 0): number {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = document.text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  return index + delta;
}

/** A certificate as a JSON string value (newlines escaped as JSON wants them). */
export function pemJson(pem: string): string {
  return JSON.stringify(pem.trim() + '\n');
}
