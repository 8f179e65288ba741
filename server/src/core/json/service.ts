import {
  CompletionItemKind,
  ErrorCode,
  getLanguageService,
  MarkupKind,
  TextDocument,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type JSONDocument,
  type LanguageService,
  type MarkedString,
  type MarkupContent,
  type Range,
} from 'vscode-json-languageservice';
import type { CompletionCandidate } from '../completion';
import type { HoverResult } from '../hover';
import type { Severity, Span } from '../types';
import type { JsonBody } from './body';
import { schemaFor, schemaKey } from './schemas';
import { SyncThenable } from './syncThenable';

/**
 * Schema-driven validation, completion and hover for JSON bodies, by vscode-json-languageservice
 * (the library behind VS Code's own JSON support) over our bundled schemas. Results come back
 * in document offsets, whether the body is a whole file or one request of a Console file.
 */

const services = new Map<string, LanguageService>();

function serviceFor(body: JsonBody): LanguageService {
  const key = schemaKey(body.kind, body.variant);
  let service = services.get(key);
  if (!service) {
    service = getLanguageService({
      promiseConstructor: SyncThenable as unknown as PromiseConstructor,
      clientCapabilities: {
        textDocument: {
          completion: { completionItem: { documentationFormat: [MarkupKind.Markdown] } },
          hover: { contentFormat: [MarkupKind.Markdown] },
        },
      },
    });
    // Every document given to this service is a body of this one kind.
    service.configure({ validate: true, allowComments: true, schemas: [{ uri: `es-remote-clusters://schemas/${key}`, fileMatch: ['*'], schema: schemaFor(body.kind, body.variant) }] });
    services.set(key, service);
  }
  return service;
}

interface Prepared {
  service: LanguageService;
  textDocument: TextDocument;
  jsonDocument: JSONDocument;
}

/** One language-service parse per body; bodies belong to one cached document version. */
const prepared = new WeakMap<JsonBody, Prepared>();

function prepare(body: JsonBody): Prepared {
  let entry = prepared.get(body);
  if (!entry) {
    const service = serviceFor(body);
    const textDocument = TextDocument.create(`es-remote-clusters://body/${body.kind}.json`, 'json', 0, body.text);
    entry = { service, textDocument, jsonDocument: service.parseJSONDocument(textDocument) };
    prepared.set(body, entry);
  }
  return entry;
}

function toSpan(body: JsonBody, textDocument: TextDocument, range: Range): Span {
  return { start: body.span.start + textDocument.offsetAt(range.start), end: body.span.start + textDocument.offsetAt(range.end) };
}

export interface SchemaProblem {
  kind: 'schema' | 'duplicate-key';
  severity: Severity;
  message: string;
  span: Span;
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

const problemsOf = new WeakMap<JsonBody, SchemaProblem[]>();

/** Schema violations and duplicate keys of one body (computed once per body). */
export function schemaProblems(body: JsonBody): SchemaProblem[] {
  let problems = problemsOf.get(body);
  if (!problems) {
    problems = validate(body);
    problemsOf.set(body, problems);
  }
  return problems;
}

function validate(body: JsonBody): SchemaProblem[] {
  const { service, textDocument, jsonDocument } = prepare(body);
  const diagnostics =
    SyncThenable.valueOf(
      service.doValidation(textDocument, jsonDocument, { schemaValidation: 'error', comments: 'ignore', trailingCommas: 'ignore' }),
    ) ?? [];
  const problems: SchemaProblem[] = [];
  for (const diagnostic of diagnostics) {
    const kind = classify(diagnostic);
    if (!kind) continue;
    problems.push({
      kind,
      severity: kind === 'duplicate-key' ? 'error' : (SEVERITIES[diagnostic.severity ?? 1] ?? 'error'),
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      span: toSpan(body, textDocument, diagnostic.range),
    });
  }
  return problems;
}

/** Syntax errors are reported once, by our own parse; the service repeats them, so drop those. */
function classify(diagnostic: Diagnostic): SchemaProblem['kind'] | undefined {
  const code = typeof diagnostic.code === 'number' ? diagnostic.code : undefined;
  if (code === ErrorCode.DuplicateKey) return 'duplicate-key';
  if (code !== undefined && code >= ErrorCode.UnexpectedEndOfComment && code < ErrorCode.SchemaUnsupportedFeature) return undefined;
  if (code === ErrorCode.SchemaResolveError || code === ErrorCode.SchemaUnsupportedFeature) return undefined;
  return 'schema';
}

export function schemaCompletions(body: JsonBody, offset: number): CompletionCandidate[] {
  const { service, textDocument, jsonDocument } = prepare(body);
  const position = textDocument.positionAt(offset - body.span.start);
  const list = SyncThenable.valueOf(service.doComplete(textDocument, position, jsonDocument));
  return (list?.items ?? []).map((item) => toCandidate(body, textDocument, item, offset));
}

function toCandidate(body: JsonBody, textDocument: TextDocument, item: CompletionItem, offset: number): CompletionCandidate {
  const edit = item.textEdit;
  const range = edit ? ('range' in edit ? edit.range : edit.replace) : undefined;
  const detail = typeof item.detail === 'string' ? item.detail : undefined;
  return {
    label: item.label,
    kind: item.kind === CompletionItemKind.Property ? 'property' : item.kind === CompletionItemKind.Snippet ? 'snippet' : 'value',
    detail,
    documentation: markdownOf(item.documentation),
    insertText: edit?.newText ?? item.insertText ?? item.label,
    isSnippet: item.insertTextFormat === 2,
    replaceSpan: range ? toSpan(body, textDocument, range) : { start: offset, end: offset },
    filterText: item.filterText,
    sortText: item.sortText,
  };
}

export function schemaHover(body: JsonBody, offset: number): HoverResult | undefined {
  const { service, textDocument, jsonDocument } = prepare(body);
  const position = textDocument.positionAt(offset - body.span.start);
  const hover: Hover | null | undefined = SyncThenable.valueOf(service.doHover(textDocument, position, jsonDocument));
  if (!hover) return undefined;
  const markdown = markdownOf(hover.contents);
  if (!markdown?.trim()) return undefined;
  const span = hover.range ? toSpan(body, textDocument, hover.range) : { start: offset, end: offset };
  return { markdown, span };
}

function markdownOf(contents: string | MarkupContent | MarkedString | MarkedString[] | undefined): string | undefined {
  if (contents === undefined) return undefined;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => markdownOf(c) ?? '').filter(Boolean).join('\n\n');
  if ('kind' in contents) return contents.value;
  return '```' + contents.language + '\n' + contents.value + '\n```';
}
