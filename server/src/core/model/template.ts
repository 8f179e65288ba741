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

const DIRECTIVE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
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
  const spans: Span[] = [];
  for (const match of text.matchAll(DIRECTIVE)) spans.push({ start: match.index, end: match.index + match[0].length });
  if (spans.length === 0 && !CHART_TEMPLATES_FOLDER.test(decodeURIComponent(uri))) return undefined;
  return { masked: mask(text, spans), spans };
}

/**
 * A line holding nothing but directives (`{{- if … }}`, `{{- include … | nindent 4 }}`) becomes
 * blank, as it mostly renders to control flow or a whole block; a directive within other text
 * becomes a same-length run of placeholder characters, as it mostly renders to a scalar.
 */
function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  const blank = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  for (const span of spans) {
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const nextBreak = text.indexOf('\n', span.end);
    const lineEnd = nextBreak < 0 ? text.length : nextBreak;
    const around = (text.slice(lineStart, span.start) + text.slice(span.end, lineEnd)).replace(DIRECTIVE, '');
    if (around.trim() === '' || text.slice(span.start, span.end).includes('\n')) {
      blank(span.start, span.end);
    } else {
      for (let i = span.start; i < span.end; i++) chars[i] = PLACEHOLDER;
    }
  }
  return chars.join('');
}

/** True when a finding's span touches a directive (a placeholder stood there when the rules ran). */
export function touchesTemplate(template: TemplateInfo | undefined, span: Span): boolean {
  if (!template) return false;
  for (const directive of template.spans) {
    if (span.start < directive.end && directive.start < Math.max(span.end, span.start + 1)) return true;
  }
  return false;
}
