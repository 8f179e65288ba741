import { isCollection, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { namespaceOf } from '../catalog/lookup';
import { isRemoteCredentialsSecret } from '../eck/keystore';
import { eckChartValues } from '../eck/chartValues';
import {
  addChartValues,
  assembleEckManifest,
  eckDocumentModel,
  isEckPodService,
  mayNameOperatorImage,
  type EckDocumentModel,
} from '../eck/manifest';
import { mayHoldEckObjects } from '../eck/workspace';
import { parseConsoleDocument } from '../console/consoleDocument';
import { isEditableJson, parseJsonDocument } from '../json/jsonDocument';
import { YAML_SYNTAX_RULE_ID, YAML_WARNING_RULE_ID } from '../parserFindings';
import { LineIndex, MAX_MESSAGE_LENGTH, truncate } from '../text';
import type { Finding } from '../types';
import type { BaseDocument, ConfigDocument, ParsedYamlChunk } from './configDocument';
import type { SettingsScope } from './settingsScope';
import { embeddedSettings } from './embeddedSettings';
import { detectTemplate } from './template';
import { settingsScopeFromYaml } from './yamlSettings';
import { splitYamlStream } from './yamlSplit';
import { isTrustYmlName, looksLikeTrustRestrictions } from './trustRestrictions';

/**
 * The parser: turns a file's text into a ConfigDocument (declared in configDocument.ts), choosing
 * YAML, JSON or Console parsing by language id and file name.
 */

export const ECK_API_GROUP = 'elasticsearch.k8s.elastic.co/';

/** Language id and file names of Kibana Dev Tools Console request files (package.json declares both). */
export const CONSOLE_LANGUAGE_ID = 'elasticsearch-console';
export const CONSOLE_FILE_NAME = /\.(es|console)$/i;

export interface ParseOptions {
  uri: string;
  text: string;
  version?: number;
  /** Editor language id, when known; otherwise the file extension decides. */
  languageId?: string;
  /**
   * The parse of this document's previous version, which this parse replaces: YAML documents of a
   * multi-document stream whose text did not change are taken from it instead of parsed again
   * (their positions moved), and so is a JSON body outside the settings an edit touched. The
   * previous parse must not be used afterwards, nor findings made from it: what the new parse
   * takes over is moved in place (see `canParseOn`).
   */
  previous?: ConfigDocument;
}

export type FileFormat = 'yaml' | 'json' | 'console';

export function formatOf(uri: string, languageId?: string): FileFormat | undefined {
  if (languageId === 'yaml') return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (languageId === CONSOLE_LANGUAGE_ID) return 'console';
  if (/\.ya?ml$/i.test(uri)) return 'yaml';
  if (/\.jsonc?$/i.test(uri)) return 'json';
  if (CONSOLE_FILE_NAME.test(uri)) return 'console';
  return undefined;
}

export function isElasticsearchYmlName(uri: string): boolean {
  const base = decodeURIComponent(uri.split(/[\\/]/).pop() ?? '');
  return /(^|[._-])elasticsearch\.ya?ml$/i.test(base);
}

export function parseConfigDocument(options: ParseOptions): ConfigDocument {
  const format = formatOf(options.uri, options.languageId);
  const base = {
    uri: options.uri,
    version: options.version ?? 0,
    text: options.text,
    lines: new LineIndex(options.text),
  };
  const previous = options.previous?.uri === options.uri ? options.previous : undefined;
  if (format === 'json') return parseJsonDocument(base, options.languageId, previous);
  if (format === 'console') return parseConsoleDocument(base);
  if (format === 'yaml') return parseYaml(base, previous);
  return { ...base, format: 'yaml', kind: 'unrelated', scopes: [], syntaxErrors: [] };
}

/**
 * Whether parsing the next version with this one as `previous` saves work: a multi-document YAML
 * stream (its unchanged documents are reused) or a well-formed JSON body with settings blocks.
 * A host keeps the previous parse only then.
 */
export function canParseOn(document: ConfigDocument): boolean {
  return (document.yamlChunks?.length ?? 0) > 1 || isEditableJson(document);
}

/** Said instead of the parser's own errors when it ran out of stack: where that happens varies from run to run. */
const TOO_DEEP_MESSAGE =
  'This file is nested too deeply to be parsed, so nothing in it was checked. Flatten the deepest maps or lists.';

function tooDeep(base: BaseDocument): ConfigDocument {
  const syntaxErrors: Finding[] = [
    {
      ruleId: YAML_SYNTAX_RULE_ID,
      severity: 'error',
      message: TOO_DEEP_MESSAGE,
      span: { start: 0, end: Math.min(1, base.text.length) },
    },
  ];
  const kind = isElasticsearchYmlName(base.uri) ? 'elasticsearch-yml' : 'unrelated';
  return { ...base, format: 'yaml', kind, scopes: [], syntaxErrors: kind === 'unrelated' ? [] : syntaxErrors, yamlDocuments: [] };
}

function isStackOverflow(message: string): boolean {
  return message.includes('Maximum call stack size exceeded');
}

/**
 * A key segment every remote-cluster setting has (`cluster.remote.*`, `search.remote.*`,
 * `remote_cluster.*`, `remote_cluster_server.*`, `xpack.security.remote_cluster_{server,client}.*`),
 * written flat (`remote.`), nested (`remote:`) or quoted.
 */
const REMOTE_KEY_SEGMENT = /(?:^|[\s"'{[,.?-])remote(?:_cluster(?:_server|_client)?)?["']?\s*[.:]/m;

/** The remote-cluster fields of an Elasticsearch spec, as the values of ECK's Helm charts write them. */
const ECK_REMOTE_FIELD = /^[ \t]*remoteCluster(?:s|Server)\s*:/m;
/** A remote-cluster setting as the Elasticsearch image's `ES_SETTING_…` variables name it. */
const ENCODED_REMOTE_SETTING = /ES_SETTING_\w*REMOTE/;

/** The markers above, each searched for only when a plain substring search finds its word. */
function hasChartOrVariableMarker(text: string): boolean {
  return (
    (text.includes('remoteCluster') && ECK_REMOTE_FIELD.test(text)) ||
    (text.includes('ES_SETTING_') && ENCODED_REMOTE_SETTING.test(text))
  );
}

/**
 * Whether a YAML text can be one of ours, decided without parsing it: named elasticsearch.yml, an
 * ECK object (or a Secret the workspace index keeps), or a remote-cluster key. Only a text that
 * passes is parsed; everything it turns away would parse as unrelated anyway.
 */
export function mayConcernRemoteClusters(uri: string, text: string): boolean {
  return (
    isElasticsearchYmlName(uri) ||
    isTrustYmlName(uri) ||
    mayHoldEckObjects(text) ||
    REMOTE_KEY_SEGMENT.test(text) ||
    hasChartOrVariableMarker(text)
  );
}

function parseYaml(base: BaseDocument, previous?: ConfigDocument): ConfigDocument {
  if (!mayConcernRemoteClusters(base.uri, base.text))
    return { ...base, format: 'yaml', kind: 'unrelated', scopes: [], syntaxErrors: [] };
  // A template is parsed as its masked text, which has the same length, so positions hold.
  const template = detectTemplate(base.text, base.uri);
  if (!template) return parseYamlStream(base, base.text, previous);
  // Templating, not the author, causes a template's syntax errors.
  return { ...parseYamlStream(base, template.masked, previous), template, syntaxErrors: [] };
}

/** Parses `text`, the document's own text or its masked template, reusing the previous version's unchanged parts. */
function parseYamlStream(base: BaseDocument, text: string, previous: ConfigDocument | undefined): ConfigDocument {
  let yamlChunks: ParsedYamlChunk[];
  try {
    yamlChunks = parseYamlChunks(text, previous?.yamlChunks);
  } catch (error) {
    if (error instanceof RangeError) return tooDeep(base);
    throw error;
  }
  const yamlDocuments = yamlChunks.flatMap((chunk) => chunk.documents);
  if (yamlDocuments.some((doc) => doc.errors.some((error) => isStackOverflow(error.message)))) return tooDeep(base);
  const syntaxErrors: Finding[] = [];
  const errorStarts = new Set<number>();
  collectYamlProblems(yamlDocuments, syntaxErrors, errorStarts);

  // The values of ECK's Helm charts hold an Elasticsearch spec too.
  const chartValues = eckChartValues(yamlDocuments, base.uri);
  // An object of ECK's API group (an Elasticsearch resource among them), a Secret of remote cluster
  // credentials, or a Service selecting ECK Pods is ECK material even in a file of its own.
  if (
    chartValues.length > 0 ||
    yamlDocuments.some(
      (d) => apiVersionOf(d)?.startsWith(ECK_API_GROUP) || isRemoteCredentialsSecret(d.contents) || isEckPodService(d.contents),
    )
  ) {
    const operatorImages = mayNameOperatorImage(text);
    const parts = yamlDocuments.map((doc, index) => eckDocumentParts(doc, index, operatorImages));
    const chartScopes = chartValues.flatMap((values) => nodeSetConfigScopes(values.spec));
    const scopes = [...parts.flatMap((part) => part.scopes), ...chartScopes];
    const eck = assembleEckManifest(parts.map((part) => part.model));
    addChartValues(eck, yamlDocuments, chartScopes, chartValues);
    return { ...base, format: 'yaml', kind: 'eck-manifest', scopes, syntaxErrors, yamlDocuments, yamlChunks, eck };
  }

  // A trust.yml is not a settings file of its own: only its trust rule and hover apply.
  if (isTrustYmlName(base.uri) && looksLikeTrustRestrictions(text))
    return { ...base, format: 'yaml', kind: 'trust-restrictions', scopes: [], syntaxErrors, yamlDocuments, yamlChunks };

  // Settings inside a Compose environment, a ConfigMap or Secret, Helm values: only those are read.
  const embedded = embeddedSettings(yamlDocuments, text, base.uri);
  if (embedded) {
    const relevant =
      embedded.namedElasticsearchYml || embedded.scopes.some((scope) => scope.occurrences.some((o) => namespaceOf(o.key)));
    if (!relevant) return { ...base, format: 'yaml', kind: 'unrelated', scopes: [], syntaxErrors: [], yamlDocuments, yamlChunks };
    collectYamlProblems(embedded.documents, syntaxErrors, errorStarts);
    syntaxErrors.sort((a, b) => a.span.start - b.span.start);
    const { scopes, regions, interpolations, encodedNames } = embedded;
    return {
      ...base,
      format: 'yaml',
      kind: 'elasticsearch-yml',
      scopes,
      syntaxErrors,
      yamlDocuments,
      yamlChunks,
      embedded: regions,
      ...(interpolations.length > 0 ? { interpolations } : {}),
      ...(encodedNames.length > 0 ? { uneditable: encodedNames } : {}),
    };
  }

  const scopes = yamlDocuments
    .map((d) => d.contents as unknown)
    .filter((c): c is YAMLMap => isMap(c))
    .map((root) => settingsScopeFromYaml(root, 'elasticsearch-yml'));
  // Any YAML that sets a remote-cluster key is an elasticsearch.yml to us, whatever its name.
  const relevant = isElasticsearchYmlName(base.uri) || scopes.some((scope) => scope.occurrences.some((o) => namespaceOf(o.key)));
  if (!relevant) return { ...base, format: 'yaml', kind: 'unrelated', scopes: [], syntaxErrors: [], yamlDocuments, yamlChunks };
  return { ...base, format: 'yaml', kind: 'elasticsearch-yml', scopes, syntaxErrors, yamlDocuments, yamlChunks };
}

/** The parser's errors and warnings as findings, one per position (`errorStarts` holds those already said). */
function collectYamlProblems(documents: readonly Document.Parsed[], syntaxErrors: Finding[], errorStarts: Set<number>): void {
  // The parser often explains one mistake twice at the same place; the first says it best.
  for (const doc of documents) {
    for (const error of doc.errors) {
      if (errorStarts.has(error.pos[0])) continue;
      errorStarts.add(error.pos[0]);
      syntaxErrors.push({
        ruleId: YAML_SYNTAX_RULE_ID,
        severity: 'error',
        message: yamlErrorMessage(error.message),
        span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
      });
    }
    // The parser read these, but a stricter reader (Elasticsearch's, Kubernetes') may not.
    for (const warning of doc.warnings) {
      if (errorStarts.has(warning.pos[0])) continue;
      errorStarts.add(warning.pos[0]);
      syntaxErrors.push({
        ruleId: YAML_WARNING_RULE_ID,
        severity: 'warning',
        message: yamlWarningMessage(warning.code, warning.message),
        span: { start: warning.pos[0], end: Math.max(warning.pos[1], warning.pos[0] + 1) },
      });
    }
  }
}

/**
 * The parser's message without the source text it quotes. The `yaml` library echoes the offending
 * token (`Unexpected scalar token in YAML stream: "<token>"`) and, for a few errors, part of a
 * value; that text may be a secret (a `credentials` line that broke the YAML), so none of it is
 * kept. The range of the diagnostic already shows where the problem is.
 */
export function yamlErrorMessage(raw: string): string {
  let message = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  // "Missing closing "quote" names the quote character, not text from the document.
  if (/^Missing closing ["']quote$/.test(message)) return message;
  // A quoted token, to the end of the line: the quote may hold escaped quotes of its own.
  message = message.replace(/:?\s*".*$/, '');
  // Messages that end with text copied from the document.
  message = message.replace(
    /^(Block scalar header includes extra characters|Invalid escape sequence|Aliased anchor not found|Could not resolve tag|Not a valid tag|Unresolved tag|Unknown directive|Unsupported YAML version)\b.*$/,
    '$1',
  );
  message = message.replace(/^Verbatim tags aren't resolved, so .* is invalid\.?$/, "Verbatim tags aren't resolved");
  message = message.replace(/^The .* tag has no suffix$/, 'A tag has no suffix');
  return truncate(message.trim() || 'YAML syntax error', MAX_MESSAGE_LENGTH);
}

/** A parser warning in our words, built on the sanitised message (it never quotes the document). */
export function yamlWarningMessage(code: string, raw: string): string {
  const said = yamlErrorMessage(raw);
  const advice =
    code === 'TAG_RESOLVE_FAILED'
      ? 'the tag is unknown or does not fit its value; remove the tag or give it a value of that type'
      : code === 'BAD_DIRECTIVE'
        ? 'the directive was ignored'
        : 'the YAML parser read past this';
  return truncate(
    `${said}: ${advice}. Stricter YAML readers may refuse the file or read the value differently.`,
    MAX_MESSAGE_LENGTH,
  );
}

/**
 * Parses a YAML stream one document at a time. A part whose text is the same as one of the
 * previous version's is reused, its node positions moved by how far it moved; only the parts an
 * edit touched are parsed again.
 */
function parseYamlChunks(text: string, previous: readonly ParsedYamlChunk[] | undefined): ParsedYamlChunk[] {
  const chunks = splitYamlStream(text);
  if (!previous) {
    // Nothing to reuse: one parse of the whole stream, its documents handed to the parts they start in.
    const parsed: ParsedYamlChunk[] = chunks.map((chunk) => ({ ...chunk, documents: [] }));
    let index = 0;
    for (const doc of parseYamlText(text)) {
      while (index + 1 < parsed.length && parsed[index + 1].start <= doc.range[0]) index++;
      parsed[index].documents.push(doc);
    }
    return parsed;
  }
  const reusable = new Map<string, ParsedYamlChunk[]>();
  for (const chunk of previous ?? []) {
    const same = reusable.get(chunk.text);
    if (same) same.push(chunk);
    else reusable.set(chunk.text, [chunk]);
  }
  return chunks.map((chunk) => {
    const old = reusable.get(chunk.text)?.shift();
    if (old) {
      if (old.start !== chunk.start) old.documents.forEach((doc) => shiftYamlDocument(doc, chunk.start - old.start));
      return { ...chunk, documents: old.documents };
    }
    const documents = parseYamlText(chunk.text);
    if (chunk.start !== 0) documents.forEach((doc) => shiftYamlDocument(doc, chunk.start));
    return { ...chunk, documents };
  });
}

function parseYamlText(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  return (Array.isArray(parsed) ? parsed : [parsed]) as Document.Parsed[];
}

/** Moves every position a parsed document holds (nodes, the document, its errors) by `delta` characters. */
function shiftYamlDocument(doc: Document.Parsed, delta: number): void {
  doc.range = shiftRange(doc.range, delta);
  shiftNode(doc.contents, delta);
  for (const problem of [...doc.errors, ...doc.warnings]) problem.pos = [problem.pos[0] + delta, problem.pos[1] + delta];
}

/** A direct walk rather than yaml's `visit`, which builds a path for every node: this runs on every unchanged document after an edit. */
function shiftNode(node: unknown, delta: number): void {
  if (!isNode(node)) return;
  if (node.range) node.range = shiftRange(node.range, delta);
  if (!isCollection(node)) return;
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      shiftNode(item.key, delta);
      shiftNode(item.value, delta);
    } else shiftNode(item, delta);
  }
}

function shiftRange(range: readonly number[], delta: number): [number, number, number] {
  return [range[0] + delta, range[1] + delta, range[2] + delta];
}

/**
 * What the ECK model derived from each YAML document (its nodeSet settings scopes and objects), kept
 * while the document is reused by later versions. It holds positions, so it is taken again only
 * where the document still starts at the same offset with the same index (unchanged documents
 * before an edit); the others are derived again from their moved nodes.
 */
const eckPartsByDocument = new WeakMap<
  Document.Parsed,
  { start: number; documentIndex: number; scopes: SettingsScope[]; model: EckDocumentModel }
>();

/** `operatorImages`: whether the stream's text can name an ECK operator image (see mayNameOperatorImage). */
function eckDocumentParts(
  doc: Document.Parsed,
  documentIndex: number,
  operatorImages: boolean,
): { scopes: SettingsScope[]; model: EckDocumentModel } {
  const kept = eckPartsByDocument.get(doc);
  if (kept && kept.start === doc.range[0] && kept.documentIndex === documentIndex) return kept;
  const scopes = isEckElasticsearch(doc)
    ? nodeSetConfigScopes(isMap(doc.contents) ? doc.contents.get('spec', true) : undefined)
    : [];
  const parts = {
    start: doc.range[0],
    documentIndex,
    scopes,
    model: eckDocumentModel(doc, documentIndex, scopes, operatorImages),
  };
  eckPartsByDocument.set(doc, parts);
  return parts;
}

function apiVersionOf(doc: Document.Parsed): string | undefined {
  if (!isMap(doc.contents)) return undefined;
  const value = doc.contents.get('apiVersion');
  return typeof value === 'string' ? value : undefined;
}

function isEckElasticsearch(doc: Document.Parsed): boolean {
  return (
    isMap(doc.contents) &&
    (doc.contents.get('kind') as unknown) === 'Elasticsearch' &&
    !!apiVersionOf(doc)?.startsWith(ECK_API_GROUP)
  );
}

/** The settings of each `nodeSets[].config` of an Elasticsearch spec. */
function nodeSetConfigScopes(spec: unknown): SettingsScope[] {
  if (!isMap(spec)) return [];
  const versionNode = spec.get('version', true);
  const stackVersion = isScalar(versionNode) && versionNode.value !== null ? String(versionNode.value) : undefined;
  const nodeSets = spec.get('nodeSets', true);
  if (!isSeq(nodeSets)) return [];
  const scopes: SettingsScope[] = [];
  nodeSets.items.forEach((nodeSet, index) => {
    if (!isMap(nodeSet)) return;
    const config = nodeSet.get('config', true);
    if (!isMap(config)) return;
    const name = nodeSet.get('name');
    const label = `nodeSets[${typeof name === 'string' ? name : index}].config`;
    scopes.push(settingsScopeFromYaml(config, 'eck-config', label, stackVersion));
  });
  return scopes;
}
