import type { CompletionCandidate, YamlCursor } from '../types';
import type { ConfigDocument } from '../model/configDocument';
import type { Span } from '../types';
import { crdChildren, crdField, crdFieldMarkdown, type CrdField } from './fields';
import { specRelativePath, type EckElasticsearch } from './manifest';
import { documentAt } from './yamlAst';

/**
 * Completion for the remote-cluster fields of an ECK `Elasticsearch` resource. Returns undefined
 * where it has nothing to say so the caller can carry on: inside `nodeSets[].config` the settings
 * completion of elasticsearch.yml takes over.
 */
export function eckCompletion(
  document: ConfigDocument,
  offset: number,
  cursor: YamlCursor | undefined,
): CompletionCandidate[] | undefined {
  if (!cursor || isInNodeSetConfig(cursor.parents)) return undefined;
  const es = elasticsearchAt(document, offset);
  if (!es) return undefined;
  const parents = specRelativePath(es, cursor.parents);
  if (!parents) return undefined;
  const parentPattern = parentsPattern(parents);
  if (cursor.position === 'value') return valueCandidates(document, es, `${parentPattern}.${cursor.key}`, cursor.typedSpan);
  if (!parentPattern) return [];
  const present = siblingKeys(document, offset, document.lines.positionAt(cursor.typedSpan.start).character);
  return crdChildren(parentPattern)
    .filter((field) => !(es.crdVersion === 'v1beta1' && field.v1Only))
    .filter((field) => !present.has(fieldName(field)))
    .map((field) => keyCandidate(field, cursor.typedSpan));
}

function isInNodeSetConfig(parents: string[]): boolean {
  const configIndex = parents.lastIndexOf('config');
  return configIndex >= 2 && parents[configIndex - 1] === '[]' && parents[configIndex - 2] === 'nodeSets';
}

/** The Elasticsearch resource of the YAML document the offset falls in. */
export function elasticsearchAt(document: ConfigDocument, offset: number): EckElasticsearch | undefined {
  const doc = documentAt(document.yamlDocuments, offset);
  if (!doc || !document.yamlDocuments) return undefined;
  const index = document.yamlDocuments.indexOf(doc);
  return document.eck?.elasticsearches.find((es) => es.documentIndex === index);
}

/** `['spec', 'remoteClusters', '[]']` → `spec.remoteClusters[]`. */
function parentsPattern(parents: string[]): string {
  return parents.reduce((pattern, step) => (step === '[]' ? `${pattern}[]` : pattern ? `${pattern}.${step}` : step), '');
}

function fieldName(field: CrdField): string {
  return field.path.slice(field.path.lastIndexOf('.') + 1);
}

const KEY_AT_LINE_START = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[^\s#:"'{[][^:#]*?)\s*:(?:\s|$)/;

/**
 * Keys already written in the map being completed, so they are not offered twice. Read from the
 * text by indentation rather than from the parse: while a key is half typed the YAML is broken.
 */
function siblingKeys(document: ConfigDocument, offset: number, keyColumn: number): Set<string> {
  const { lines } = document;
  const cursorLine = lines.positionAt(offset).line;
  const keys = new Set<string>();
  const startsItem = /^\s*-\s/.test(lines.lineText(cursorLine));
  for (const step of startsItem ? [1] : [-1, 1]) {
    for (let line = cursorLine + step; line >= 0 && line < lines.lineCount; line += step) {
      const text = lines.lineText(line);
      if (/^---/.test(text)) break;
      if (/^\s*(#.*)?$/.test(text)) continue;
      const indent = text.length - text.trimStart().length;
      const match = KEY_AT_LINE_START.exec(text);
      const keyIndent = match ? match[1].length + (match[2]?.length ?? 0) : indent;
      const dash = !!match?.[2] || /^\s*-(\s|$)/.test(text);
      if (match && keyIndent === keyColumn) keys.add(match[3].replace(/^["']|["']$/g, ''));
      // A dash at or left of the key column starts this list item (going up) or the next one (going down).
      if (dash && indent < keyColumn) break;
      if (indent < keyColumn) break;
    }
  }
  return keys;
}

const DEFAULT_INSERT: Record<CrdField['type'], string> = {
  object: '\n  $0',
  list: '\n  - $0',
  string: ' $0',
  boolean: ' ${1|true,false|}',
  integer: ' $0',
  'int-or-string': ' $0',
  'free-form': '\n  $0',
};

function keyCandidate(field: CrdField, typedSpan: Span): CompletionCandidate {
  const name = fieldName(field);
  const insert = field.insert ?? (field.values ? ` \${1|${field.values.join(',')}|}` : DEFAULT_INSERT[field.type]);
  return {
    label: name,
    kind: 'property',
    detail: [field.type, field.required ? 'required' : '', field.eckSince ? `ECK ${field.eckSince}+` : '']
      .filter(Boolean)
      .join(' · '),
    documentation: crdFieldMarkdown(field),
    insertText: `${name}:${insert}`,
    isSnippet: true,
    replaceSpan: typedSpan,
    filterText: name,
    // Remote-cluster fields first: they are what this extension is about.
    sortText: `${/remote|transport|secureSettings/.test(field.path) ? '0' : '1'}${name}`,
  };
}

function valueCandidates(document: ConfigDocument, es: EckElasticsearch, path: string, typedSpan: Span): CompletionCandidate[] {
  if (path === 'spec.remoteClusters[].elasticsearchRef.name') {
    return (document.eck?.elasticsearches ?? [])
      .filter((other) => other !== es && other.name)
      .map((other) => ({
        label: other.name!.value,
        kind: 'value' as const,
        detail: other.remoteClusterServerEnabled ? 'remote cluster server enabled' : 'Elasticsearch in this file',
        insertText: other.name!.value,
        isSnippet: false,
        replaceSpan: typedSpan,
      }));
  }
  if (path === 'spec.secureSettings[].secretName') {
    return (document.eck?.secrets ?? []).flatMap((secret) =>
      secret.name
        ? [
            {
              label: secret.name.value,
              kind: 'value' as const,
              detail: 'Secret in this file',
              insertText: secret.name.value,
              isSnippet: false,
              replaceSpan: typedSpan,
            },
          ]
        : [],
    );
  }
  const field = crdField(path);
  return (field?.values ?? []).map((value, index) => ({
    label: value,
    kind: 'value' as const,
    detail: field?.default?.startsWith(value) ? 'default' : undefined,
    insertText: value,
    isSnippet: false,
    replaceSpan: typedSpan,
    sortText: String(index).padStart(3, '0'),
  }));
}
