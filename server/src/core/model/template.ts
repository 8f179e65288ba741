import type { Span } from '../types';

/**
 * YAML that is a template rather than YAML: Helm charts (Go templates, `{{ … }}`), Ansible and
 * Salt files (Jinja, `{{ … }}`, `{% … %}`, `{# … #}`). Such text only becomes YAML once rendered,
 * so the parser's complaints about it say nothing about the rendered file. Masking every directive
 * with text of the same length keeps every offset (and so every finding's position) where it was,
 * and lets the checks read the parts that are plain YAML.
 */

export interface TemplateInfo {
  /** The text with every directive masked: the same length, line breaks unchanged. */
  masked: string;
  /** Where the directives were. Findings touching them are about placeholders, not the user's text. */
  spans: Span[];
}

/** Opening and closing delimiters: Go templates and Jinja expressions, Jinja statements, Jinja comments. */
const DELIMITERS: ReadonlyArray<readonly [string, string]> = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['{#', '#}'],
];
/** A chart's `templates/` folder holds templates even when a file has no directive yet. */
const CHART_TEMPLATES_FOLDER = /[\\/]templates[\\/](?:[^\\/]+[\\/])*[^\\/]+\.ya?ml$/i;
/** Placeholder for a directive inside a line: a plain scalar that no YAML indicator starts. */
const PLACEHOLDER = 'x';

/**
 * Rules whose findings a template cannot support: `{{ if }} … {{ else }} … {{ end }}` branches
 * legitimately write the same key twice, and only one branch is ever rendered.
 */
export const RULES_UNRELIABLE_IN_TEMPLATES: ReadonlySet<string> = new Set(['duplicate-setting', 'duplicate-yaml-key']);

/** Template information when the file is a template, else undefined. */
export function detectTemplate(text: string, uri: string): TemplateInfo | undefined {
  const spans = directiveSpans(text);
  if (spans.length === 0 && !CHART_TEMPLATES_FOLDER.test(safeDecode(uri))) return undefined;
  return { masked: mask(text, spans), spans };
}

/**
 * The directives, in order. Linear in the text whatever it holds: the next position of each opener
 * is remembered, and an opener without any closing delimiter after it ends the search for its kind.
 */
function directiveSpans(text: string): Span[] {
  const spans: Span[] = [];
  const next = DELIMITERS.map(([open]) => text.indexOf(open));
  let position = 0;
  for (;;) {
    let kind = -1;
    for (let i = 0; i < DELIMITERS.length; i++) {
      if (next[i] >= 0 && next[i] < position) next[i] = text.indexOf(DELIMITERS[i][0], position);
      if (next[i] >= 0 && (kind < 0 || next[i] < next[kind])) kind = i;
    }
    if (kind < 0) return spans;
    const start = next[kind];
    const close = text.indexOf(DELIMITERS[kind][1], start + 2);
    if (close < 0) {
      next[kind] = -1;
      continue;
    }
    spans.push({ start, end: close + 2 });
    position = close + 2;
  }
}

/**
 * A line holding nothing but directives (`{{- if … }}`, `{{- include … | nindent 4 }}`) becomes
 * blank, as it mostly renders to control flow or a whole block; directive text within other text
 * becomes a run of placeholder characters, as it mostly renders to a scalar. Line breaks stay.
 */
function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const inDirective = new Uint8Array(text.length);
  for (const span of spans) inDirective.fill(1, span.start, span.end);
  const out: string[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let onlyDirectives = true;
    let touched = false;
    for (let i = lineStart; i < lineEnd; i++) {
      if (inDirective[i]) touched = true;
      else if (!/\s/.test(text[i])) onlyDirectives = false;
    }
    if (!touched) {
      out.push(text.slice(lineStart, lineEnd));
    } else {
      let line = '';
      for (let i = lineStart; i < lineEnd; i++) line += inDirective[i] ? (onlyDirectives ? ' ' : PLACEHOLDER) : text[i];
      out.push(line);
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return out.join('\n');
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** True when a finding's span touches a directive (a placeholder stood there when the rules ran). */
export function touchesTemplate(template: TemplateInfo | undefined, span: Span): boolean {
  return !!template && touchesAny(template.spans, span);
}

/** True when `span` touches one of `spans` (sorted and disjoint). */
export function touchesAny(spans: readonly Span[], span: Span): boolean {
  const end = Math.max(span.end, span.start + 1);
  // Directives are sorted and disjoint: find the last one starting before the span ends.
  let low = 0;
  let high = spans.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < end) {
      last = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return last >= 0 && spans[last].end > span.start;
}
