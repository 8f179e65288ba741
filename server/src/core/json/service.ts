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
  type JSONSchema,
  type LanguageService,
  type MarkedString,
  type MarkupContent,
  type Position,
  type Range,
} from 'vscode-json-languageservice';
import type { CompletionCandidate, HoverResult } from '../types';
import type { Severity, Span } from '../types';
import type { JsonBody } from './body';
import { schemaAt } from './schemaPaths';
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
    service.configure({
      validate: true,
      allowComments: true,
      schemas: [{ uri: `es-remote-clusters://schemas/${key}`, fileMatch: ['*'], schema: schemaFor(body.kind, body.variant) }],
    });
    services.set(key, service);
  }
  return service;
}

interface Prepared {
  service: LanguageService;
  view: ServiceView;
  textDocument: TextDocument;
  jsonDocument: JSONDocument;
}

/** One language-service parse per body; bodies belong to one cached document version. */
const prepared = new WeakMap<JsonBody, Prepared>();

function prepare(body: JsonBody): Prepared {
  let entry = prepared.get(body);
  if (!entry) {
    const service = serviceFor(body);
    const view = serviceView(body);
    const textDocument = TextDocument.create(`es-remote-clusters://body/${body.kind}.json`, 'json', 0, view.text);
    entry = { service, view, textDocument, jsonDocument: service.parseJSONDocument(textDocument) };
    prepared.set(body, entry);
  }
  return entry;
}

/** The body as the language service sees it: its text without the contents of some blocks. */
interface ServiceView {
  text: string;
  /** What was left out, as body offsets [start, end), in order. */
  omitted: Array<{ start: number; end: number }>;
}

/**
 * The schemas describe a `_cluster/settings` body's `persistent`/`transient` blocks only as
 * objects; their contents, often thousands of lines, are the settings rules' business. So the
 * service gets those blocks empty (`{}`) and does not parse and walk their contents a second time,
 * as long as the text up to the last block is well-formed (an error before it could make the
 * service read the blocks differently; one after it, such as a key being typed, cannot). The
 * schema results are the same; duplicate keys inside the blocks, which duplicate-setting reports,
 * are not repeated. Offsets are mapped back to the body's; completion
 * and hover never ask the service about a position inside a block (the settings features answer).
 */
function serviceView(body: JsonBody): ServiceView {
  const whole = { text: body.text, omitted: [] };
  if (body.scopes.length === 0) return whole;
  const schema = schemaFor(body.kind, body.variant);
  const omitted: ServiceView['omitted'] = [];
  for (const scope of body.scopes) {
    const start = scope.span.start - body.span.start;
    const end = scope.span.end - body.span.start;
    const describesContents = !scope.persistence || !isOpaqueObjectSchema(schemaAt(schema, [scope.persistence]));
    if (describesContents || body.text[start] !== '{' || body.text[end - 1] !== '}') return whole;
    omitted.push({ start: start + 1, end: end - 1 });
  }
  omitted.sort((a, b) => a.start - b.start);
  if (body.firstSyntaxError !== undefined && body.firstSyntaxError <= omitted[omitted.length - 1].end) return whole;
  let text = '';
  let copied = 0;
  for (const cut of omitted) {
    if (cut.start < copied) return whole; // blocks of a well-formed body never overlap; be safe anyway
    text += body.text.slice(copied, cut.start);
    copied = cut.end;
  }
  return { text: text + body.text.slice(copied), omitted };
}

/** A body offset in the service's text (an offset inside a left-out block goes to where the block was). */
function toServiceOffset(view: ServiceView, bodyOffset: number): number {
  let removed = 0;
  for (const cut of view.omitted) {
    if (bodyOffset <= cut.start) break;
    if (bodyOffset < cut.end) return cut.start - removed;
    removed += cut.end - cut.start;
  }
  return bodyOffset - removed;
}

/** A service offset as a body offset (where a block was left out: just inside its opening brace). */
function toBodyOffset(view: ServiceView, serviceOffset: number): number {
  let removed = 0;
  for (const cut of view.omitted) {
    if (serviceOffset <= cut.start - removed) break;
    removed += cut.end - cut.start;
  }
  return serviceOffset + removed;
}

/** Schema keywords that only annotate (documentation, editor snippets) and constrain nothing. */
const ANNOTATIONS = new Set([
  'type',
  '$schema',
  '$id',
  'title',
  'description',
  'markdownDescription',
  'default',
  'defaultSnippets',
  'examples',
  '$comment',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'doNotSuggest',
  'errorMessage',
]);

/** A schema that says "an object" and nothing about what it holds. */
function isOpaqueObjectSchema(schema: JSONSchema | undefined): boolean {
  return schema !== undefined && schema.type === 'object' && Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword));
}

function toSpan(body: JsonBody, { view, textDocument }: Prepared, range: Range): Span {
  return {
    start: body.span.start + toBodyOffset(view, textDocument.offsetAt(range.start)),
    end: body.span.start + toBodyOffset(view, textDocument.offsetAt(range.end)),
  };
}

/** The service's position for a document offset inside the body. */
function servicePosition(body: JsonBody, { view, textDocument }: Prepared, offset: number): Position {
  return textDocument.positionAt(toServiceOffset(view, offset - body.span.start));
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
  if (body.tooDeep) return [];
  let problems = problemsOf.get(body);
  if (!problems) {
    problems = validate(body);
    problemsOf.set(body, problems);
  }
  return problems;
}

function validate(body: JsonBody): SchemaProblem[] {
  const entry = prepare(body);
  const { service, textDocument, jsonDocument } = entry;
  const diagnostics =
    SyncThenable.valueOf(
      service.doValidation(textDocument, jsonDocument, {
        schemaValidation: 'error',
        comments: 'ignore',
        trailingCommas: 'ignore',
      }),
    ) ?? [];
  const problems: SchemaProblem[] = [];
  for (const diagnostic of diagnostics) {
    const kind = classify(diagnostic);
    if (!kind) continue;
    problems.push({
      kind,
      severity: kind === 'duplicate-key' ? 'error' : (SEVERITIES[diagnostic.severity ?? 1] ?? 'error'),
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      span: toSpan(body, entry, diagnostic.range),
    });
  }
  return problems;
}

/** Syntax errors are reported once, by our own parse; the service repeats them, so drop those. */
function classify(diagnostic: Diagnostic): SchemaProblem['kind'] | undefined {
  const code = typeof diagnostic.code === 'number' ? diagnostic.code : undefined;
  if (code === ErrorCode.DuplicateKey) return 'duplicate-key';
  if (code !== undefined && code >= ErrorCode.UnexpectedEndOfComment && code < ErrorCode.SchemaUnsupportedFeature)
    return undefined;
  if (code === ErrorCode.SchemaResolveError || code === ErrorCode.SchemaUnsupportedFeature) return undefined;
  return 'schema';
}

export function schemaCompletions(body: JsonBody, offset: number): CompletionCandidate[] {
  if (body.tooDeep) return [];
  const entry = prepare(body);
  const list = SyncThenable.valueOf(
    entry.service.doComplete(entry.textDocument, servicePosition(body, entry, offset), entry.jsonDocument),
  );
  return (list?.items ?? []).map((item) => toCandidate(body, entry, item, offset));
}

function toCandidate(body: JsonBody, entry: Prepared, item: CompletionItem, offset: number): CompletionCandidate {
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
    replaceSpan: range ? toSpan(body, entry, range) : { start: offset, end: offset },
    filterText: item.filterText,
    sortText: item.sortText,
  };
}

export function schemaHover(body: JsonBody, offset: number): HoverResult | undefined {
  if (body.tooDeep) return undefined;
  const entry = prepare(body);
  const hover: Hover | null | undefined = SyncThenable.valueOf(
    entry.service.doHover(entry.textDocument, servicePosition(body, entry, offset), entry.jsonDocument),
  );
  if (!hover) return undefined;
  const markdown = markdownOf(hover.contents);
  if (!markdown?.trim()) return undefined;
  const span = hover.range ? toSpan(body, entry, hover.range) : { start: offset, end: offset };
  return { markdown, span };
}

function markdownOf(contents: string | MarkupContent | MarkedString | MarkedString[] | undefined): string | undefined {
  if (contents === undefined) return undefined;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents))
    return contents
      .map((c) => markdownOf(c) ?? '')
      .filter(Boolean)
      .join('\n\n');
  if ('kind' in contents) return contents.value;
  return '```' + contents.language + '\n' + contents.value + '\n```';
}
