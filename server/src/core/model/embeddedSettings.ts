import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
  Scalar,
  visit,
  YAMLMap,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import type { Span } from '../types';
import { resolveKey } from '../catalog/lookup';
import {
  indexByKey,
  ParsedOccurrence,
  type KeySegment,
  type SettingOccurrence,
  type SettingsScope,
  type ValueNode,
} from './settingsScope';
import { settingsScopeFromYaml } from './yamlSettings';

/**
 * Elasticsearch settings written inside another file: the `environment:` of an Elasticsearch
 * service in a Docker Compose file, the `elasticsearch.yml` key of a Kubernetes ConfigMap or Secret,
 * the `esConfig` of the elastic/helm-charts Elasticsearch chart's values. Every occurrence found here
 * carries offsets into the host file, so rules, completion, hover, quick fixes and the CLI report at
 * host positions without any mapping step.
 *
 * A block scalar (`elasticsearch.yml: |`) is parsed as its content lines as they stand in the host,
 * indentation included (YAML accepts an indented root map), and the parse's positions are then moved
 * by where those lines start: every node sits at its host offset, and a fix keeps the host's indentation.
 */

export type SettingsHost = 'docker-compose' | 'configmap' | 'secret' | 'helm-values';

/** Where settings are embedded in a host file and how they are written there. */
export interface EmbeddedRegion {
  host: SettingsHost;
  /** `yaml-block`: an elasticsearch.yml text; `env-list`: `- key=value` items; `env-map`: `key: value` entries. */
  form: 'yaml-block' | 'env-list' | 'env-map';
  /** The embedded text in the host: completion and hover only answer here. */
  span: Span;
}

export interface EmbeddedSettings {
  regions: EmbeddedRegion[];
  scopes: SettingsScope[];
  /** The parses of embedded elasticsearch.yml texts (their syntax errors are the host's too). */
  documents: Document.Parsed[];
  /** Compose `${VAR}` interpolations: their value is only known when Compose runs. */
  interpolations: Span[];
  /** `ES_SETTING_…` names: their text is not the setting's name, so no fix may edit them. */
  encodedNames: Span[];
  /** Whether an embedded text is an elasticsearch.yml by name (a ConfigMap key, `esConfig`). */
  namedElasticsearchYml: boolean;
}

/** The file name a ConfigMap, Secret or `esConfig` key must have to be read as Elasticsearch's settings file. */
const ELASTICSEARCH_YML_KEY = 'elasticsearch.yml';

/**
 * Images that are Elastic's Elasticsearch image, with or without registry, tag or digest. Only those
 * turn environment variables into settings (the conversion runs when the build type is `docker`);
 * other vendors' images (Bitnami's documents `ELASTICSEARCH_*` variables of its own) are left alone.
 * The `-wolfi`, `-ubi…` and `-oss` variants are Elastic's published names; the list is not verified
 * against every release.
 */
const ELASTICSEARCH_IMAGE =
  /^(?:docker\.elastic\.co\/elasticsearch\/elasticsearch(?:-wolfi|-ubi\d*|-oss)?|(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?elasticsearch)(?::[^/@\s]+)?(?:@sha256:[0-9a-f]+)?$/;

/**
 * Environment variable names the Elasticsearch image passes through as settings: all lowercase with
 * at least two dot-separated parts (EnvironmentAwareCommand's DOCKER_LOWERCASE_SETTING_REGEX in
 * https://github.com/elastic/elasticsearch, server/src/main/java/org/elasticsearch/common/cli/).
 */
const DOCKER_SETTING_NAME = /^[-a-z0-9_]+(?:\.[-a-z0-9_]+)+$/;

/**
 * The other form the same code reads: `ES_SETTING_` and the name in capitals, `_` for each dot and
 * `__` for an underscore (`ES_SETTING_CLUSTER_REMOTE_MY__WEST_MODE` is `cluster.remote.my_west.mode`).
 * Read by the Java launcher of 8.x and later; the 7.x images' shell entrypoint passed only dotted
 * names. The exact first version is not verified here, so such names are checked whatever the tag.
 */
const ENCODED_SETTING_PREFIX = 'ES_SETTING_';
const ENCODED_SETTING_NAME = /^ES_SETTING_[A-Za-z0-9_]+$/;

/** Values files of a Helm chart: `values.yaml`, `values-prod.yml`, `my-values.yaml`. */
const HELM_VALUES_FILE = /(?:^|[\\/._-])values(?:[._-][^\\/]*)?\.ya?ml$/i;

/** The settings embedded in a YAML file's documents, or undefined when it hosts none. */
export function embeddedSettings(documents: readonly Document.Parsed[], text: string, uri: string): EmbeddedSettings | undefined {
  const found: EmbeddedSettings = {
    regions: [],
    scopes: [],
    documents: [],
    interpolations: [],
    encodedNames: [],
    namedElasticsearchYml: false,
  };
  const helmValues = isHelmValuesFile(uri);
  for (const doc of documents) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    const kind = root.get('kind') as unknown;
    if (kind === 'ConfigMap' || kind === 'Secret') {
      const section = root.get(kind === 'ConfigMap' ? 'data' : 'stringData', true);
      // Secret `data` is base64: no offset of the decoded text maps into the file, so it is not read.
      if (isMap(section)) addYmlBlock(found, text, section, kind === 'ConfigMap' ? 'configmap' : 'secret');
      continue;
    }
    const services = root.get('services', true);
    if (isMap(services)) {
      addComposeServices(found, services);
      continue;
    }
    if (helmValues) {
      addYmlBlock(found, text, root.get('esConfig', true), 'helm-values');
      // The same chart used as the `elasticsearch` dependency of an umbrella chart.
      const subchart = root.get('elasticsearch', true);
      if (isMap(subchart)) addYmlBlock(found, text, subchart.get('esConfig', true), 'helm-values');
    }
  }
  found.interpolations.sort((a, b) => a.start - b.start);
  found.encodedNames.sort((a, b) => a.start - b.start);
  return found.regions.length > 0 ? found : undefined;
}

export function isHelmValuesFile(uri: string): boolean {
  return HELM_VALUES_FILE.test(baseName(uri));
}

function baseName(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

// ---------------------------------------------------------------- elasticsearch.yml in a block scalar

function addYmlBlock(found: EmbeddedSettings, text: string, section: unknown, host: SettingsHost): void {
  if (!isMap(section)) return;
  const pair = (section.items as Array<Pair<unknown, unknown>>).find(
    (item) => isScalar(item.key) && item.key.value === ELASTICSEARCH_YML_KEY,
  );
  if (!pair || !isScalar(pair.value)) return;
  const content = scalarContent(text, pair.value);
  if (!content) return;
  found.namedElasticsearchYml = true;
  found.regions.push({ host, form: 'yaml-block', span: content.span });
  // Only the embedded text is parsed (a file of many ConfigMaps must not cost a parse of the whole file per block),
  // after blanks standing for the part of its first line before it; every position is then moved to the host's.
  const lineStart = text.lastIndexOf('\n', content.span.start - 1) + 1;
  let embedded = text.slice(content.span.start, content.span.end);
  if (content.folded) embedded = foldLines(embedded);
  const parsed = parseAllDocuments(' '.repeat(content.span.start - lineStart) + embedded, {
    uniqueKeys: false,
    prettyErrors: false,
  });
  for (const doc of (Array.isArray(parsed) ? parsed : [parsed]) as Document.Parsed[]) {
    if (lineStart > 0) shiftPositions(doc, lineStart);
    found.documents.push(doc);
    if (isMap(doc.contents)) found.scopes.push(settingsScopeFromYaml(doc.contents, 'elasticsearch-yml', hostLabel(host)));
  }
}

function hostLabel(host: SettingsHost): string {
  switch (host) {
    case 'configmap':
      return 'ConfigMap data elasticsearch.yml';
    case 'secret':
      return 'Secret stringData elasticsearch.yml';
    case 'helm-values':
      return 'esConfig elasticsearch.yml';
    default:
      return 'environment';
  }
}

/**
 * Where a scalar's text lies in the file when its characters are the value's characters: a literal
 * or folded block scalar's content, or a one-line quoted value without escapes. Anything else (a
 * quoted value with `\n` escapes, a multi-line plain or quoted scalar) has no such span: undefined.
 */
function scalarContent(text: string, node: Scalar): { span: Span; folded: boolean } | undefined {
  const [start, valueEnd] = node.range ?? [0, 0];
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd < 0 || headerEnd >= valueEnd) return undefined;
    return { span: { start: headerEnd + 1, end: valueEnd }, folded: node.type === Scalar.BLOCK_FOLDED };
  }
  const source = text.slice(start, valueEnd);
  if (source.includes('\n')) return undefined;
  if (node.type === Scalar.QUOTE_DOUBLE && !source.includes('\\'))
    return { span: { start: start + 1, end: valueEnd - 1 }, folded: false };
  if (node.type === Scalar.QUOTE_SINGLE && !source.slice(1, -1).includes("'")) {
    return { span: { start: start + 1, end: valueEnd - 1 }, folded: false };
  }
  return undefined;
}

/**
 * A folded block (`>`) as Elasticsearch receives it: a line break between two lines at the block's
 * indentation reads as a space. Replacing the break by a space keeps every offset.
 */
function foldLines(content: string): string {
  const lines = content.split('\n');
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const base = lines.reduce((least, line) => (line.trim() === '' ? least : Math.min(least, indentOf(line))), Infinity);
  const atBase = (line: string | undefined) => line !== undefined && line.trim() !== '' && indentOf(line) === base;
  let out = '';
  lines.forEach((line, index) => {
    if (index === 0) out = line;
    else out += (atBase(lines[index - 1]) && atBase(line) ? ' ' : '\n') + line;
  });
  return out.replace(/\r(?= )/g, ' ');
}

// ---------------------------------------------------------------- Docker Compose

function addComposeServices(found: EmbeddedSettings, services: YAMLMap): void {
  for (const pair of services.items as Array<Pair<unknown, unknown>>) {
    const service = pair.value;
    if (!isScalar(pair.key) || !isMap(service)) continue;
    const image = service.get('image');
    if (typeof image !== 'string' || !ELASTICSEARCH_IMAGE.test(image.trim())) continue;
    const environment = service.get('environment', true);
    const label = `services.${String(pair.key.value)}.environment`;
    const stackVersion = /:(\d+\.\d+\.\d+)$/.exec(image.trim())?.[1];
    let scope: SettingsScope | undefined;
    if (isSeq(environment) && environment.range) {
      found.regions.push({ host: 'docker-compose', form: 'env-list', span: rangeSpan(environment) });
      scope = envListScope(environment.items, rangeSpan(environment), label, found);
    } else if (isMap(environment) && environment.range) {
      found.regions.push({ host: 'docker-compose', form: 'env-map', span: rangeSpan(environment) });
      scope = envMapScope(environment, label, found);
    }
    if (scope) found.scopes.push(stackVersion ? { ...scope, stackVersion } : scope);
  }
}

/** Moves every position of a parsed document (nodes, the document, its errors and warnings) by `delta`. */
function shiftPositions(doc: Document.Parsed, delta: number): void {
  const shift = (range: readonly number[]) => range.map((offset) => offset + delta) as [number, number, number];
  doc.range = shift(doc.range);
  visit(doc, (_key, node) => {
    if (isNode(node) && node.range) node.range = shift(node.range);
  });
  for (const problem of [...doc.errors, ...doc.warnings]) problem.pos = [problem.pos[0] + delta, problem.pos[1] + delta];
}

function rangeSpan(node: Node): Span {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}

/** `- name=value` items (plain, or quoted without escapes); `- NAME` alone takes the value from the shell: skipped. */
function envListScope(items: readonly unknown[], span: Span, label: string, found: EmbeddedSettings): SettingsScope {
  const occurrences: SettingOccurrence[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
    const quoted = item.type === Scalar.QUOTE_DOUBLE || item.type === Scalar.QUOTE_SINGLE;
    if (!quoted && item.type !== Scalar.PLAIN) continue;
    const [start, end] = item.range;
    const contentStart = quoted ? start + 1 : start;
    const written = item.value;
    // The value's characters must be the source's, or spans would drift: one line, no escapes.
    if (written.length !== end - start - (quoted ? 2 : 0)) continue;
    const equals = written.indexOf('=');
    if (equals <= 0) continue;
    const valueText = written.slice(equals + 1);
    const valueStart = contentStart + equals + 1;
    // The item's quotes enclose the name too: the value itself is written bare.
    const value = {
      kind: 'scalar' as const,
      value: valueText,
      text: valueText,
      span: { start: valueStart, end: valueStart + valueText.length },
    };
    const occurrence = envOccurrence(written.slice(0, equals), contentStart, value, found);
    if (!occurrence) continue;
    found.interpolations.push(...interpolationSpans(valueText, valueStart));
    occurrences.push(occurrence);
  }
  return scopeOf(occurrences, span, label);
}

/** The setting a variable named `name` (at `nameStart`) sets, or undefined when the image passes it on as no setting. */
function envOccurrence(
  name: string,
  nameStart: number,
  value: ValueNode,
  found: EmbeddedSettings,
): SettingOccurrence | undefined {
  const keySpan = { start: nameStart, end: nameStart + name.length };
  const entrySpan = { start: nameStart, end: Math.max(value.span.end, keySpan.end) };
  if (DOCKER_SETTING_NAME.test(name)) {
    return Object.assign(new ParsedOccurrence(name, [], name, nameStart, keySpan, entrySpan, value), { assignment: true });
  }
  if (!ENCODED_SETTING_NAME.test(name)) return undefined;
  // Each part of the setting's name, with where its text is in the variable's name.
  const segments: KeySegment[] = [];
  let partStart = ENCODED_SETTING_PREFIX.length;
  let part = '';
  for (let i = partStart; i <= name.length; i++) {
    if (i < name.length && name[i] === '_' && name[i + 1] === '_') {
      part += '_';
      i++;
    } else if (i === name.length || name[i] === '_') {
      segments.push({ text: part.toLowerCase(), span: { start: nameStart + partStart, end: nameStart + i } });
      part = '';
      partStart = i + 1;
    } else {
      part += name[i];
    }
  }
  const key = segments.map((segment) => segment.text).join('.');
  if (!DOCKER_SETTING_NAME.test(key)) return undefined;
  found.encodedNames.push(keySpan);
  return { key, resolved: resolveKey(key), segments, keyStart: nameStart, keySpan, entrySpan, value, assignment: true };
}

/** `name: value` entries whose names are settings and whose value is written (`NAME:` alone takes it from the shell). */
function envMapScope(environment: YAMLMap, label: string, found: EmbeddedSettings): SettingsScope {
  const occurrences: SettingOccurrence[] = [];
  for (const pair of environment.items as Array<Pair<unknown, unknown>>) {
    const { key, value } = pair;
    if (!isScalar(key) || typeof key.value !== 'string' || !key.range || !isScalar(value) || value.value === null) continue;
    const quotedKey = key.type === Scalar.QUOTE_DOUBLE || key.type === Scalar.QUOTE_SINGLE;
    const nameStart = quotedKey ? key.range[0] + 1 : key.range[0];
    // A quoted name with escapes has no exact span: left alone.
    if (key.range[1] - nameStart - (quotedKey ? 1 : 0) !== key.value.length) continue;
    const valueNode = scalarValue(value);
    if (!valueNode) continue;
    const occurrence = envOccurrence(key.value, nameStart, valueNode, found);
    if (!occurrence) continue;
    if (typeof value.value === 'string' && /\$[^$]/.test(value.value)) {
      const contentStart = valueNode.quoted ? valueNode.span.start + 1 : valueNode.span.start;
      // Escapes make the source longer than the value: then the whole value is taken as unknown.
      const exact = valueNode.span.end - contentStart - (valueNode.quoted ? 1 : 0) === value.value.length;
      found.interpolations.push(...(exact ? interpolationSpans(value.value, contentStart) : [valueNode.span]));
    }
    // Written as YAML: fixes use the YAML forms of the map.
    occurrences.push(
      DOCKER_SETTING_NAME.test(key.value)
        ? new ParsedOccurrence(key.value, [], key.value, nameStart, rangeSpan(key), occurrence.entrySpan, valueNode)
        : { ...occurrence, assignment: undefined },
    );
  }
  return scopeOf(occurrences, rangeSpan(environment), label);
}

/** A scalar value as the settings model holds it; YAML numbers and booleans keep their source spelling. */
function scalarValue(node: Scalar): ValueNode | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const raw = node.value as unknown;
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return undefined;
  const text = typeof node.source === 'string' && !quoted ? node.source : String(raw);
  return { kind: 'scalar', value: raw, text, quoted, span: { start, end } };
}

function scopeOf(occurrences: SettingOccurrence[], span: Span, label: string): SettingsScope {
  return {
    origin: 'elasticsearch-yml',
    format: 'yaml',
    span,
    occurrences,
    ...indexByKey(occurrences),
    repeatedMapKeys: [],
    label,
  };
}

/**
 * Compose replaces `$NAME` and `${NAME…}` in values before the container starts (`$$` is a literal
 * dollar sign): where they stand in the host, for a value starting at `valueStart`.
 */
function interpolationSpans(value: string, valueStart: number): Span[] {
  const spans: Span[] = [];
  const pattern = /\$\$|\$\{[^}]*\}?|\$[A-Za-z_][A-Za-z0-9_]*/g;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    if (match[0] === '$$') continue;
    spans.push({ start: valueStart + match.index, end: valueStart + match.index + match[0].length });
  }
  return spans;
}
