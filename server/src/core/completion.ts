import type { Node as JsonNode } from 'jsonc-parser';
import { concreteKey, isAffix, resolveKey } from './catalog/lookup';
import { SETTINGS, type SettingDef } from './catalog/settingsCatalog';
import { REMOTE_BLOCK_SNIPPETS, renderFlatYaml, renderJsonProperties, renderNestedYaml } from './catalog/snippets';
import { eckCompletion } from './eck/completion';
import { describeSetting, describeValue } from './catalog/describe';
import { remoteAliases } from './model/remoteAliases';
import { completeJsonBodies, handlesJsonBodies } from './json/jsonCompletionHover';
import type { ConfigDocument } from './model/configDocument';
import { isNullValue, type SettingsScope } from './model/settingsScope';
import type { CompletionCandidate, Span, YamlCursor } from './types';
import { describeSubjectName, SUBJECT_NAME_KEY } from './model/trustRestrictions';
import { nodeAtOffset } from './json/parseJson';

/**
 * Completion for remote-cluster settings at an offset. Reads the cached parse of the document
 * plus the text of the cursor's line and its parents, so it stays cheap on large files.
 */
export function completeAt(document: ConfigDocument, offset: number): CompletionCandidate[] {
  if (document.kind === 'unrelated') return [];
  if (document.embedded) return completeEmbedded(document, offset);
  if (handlesJsonBodies(document)) return completeJsonBodies(document, offset, completeAt);
  if (document.format === 'json') return completeJson(document, offset);
  if (document.kind === 'eck-manifest') {
    const eck = eckCompletion(document, offset, yamlCursor(document, offset));
    if (eck) return eck;
  }
  if (document.kind === 'trust-restrictions') return completeTrustYaml(document, offset);
  return completeYaml(document, offset);
}

/** In a trust.yml only `trust.subject_name` means anything (see model/trustRestrictions.ts). */
function completeTrustYaml(document: ConfigDocument, offset: number): CompletionCandidate[] {
  const cursor = yamlCursor(document, offset);
  if (!cursor || cursor.position !== 'key') return [];
  const key = cursor.parents.length === 0 ? SUBJECT_NAME_KEY : cursor.parents.join('.') === 'trust' ? 'subject_name' : undefined;
  if (!key) return [];
  return [
    {
      label: key,
      kind: 'property',
      detail: 'subject names to trust (list)',
      documentation: describeSubjectName(),
      insertText: `${key}:\n  - "\${1:*.example.es.local}"`,
      isSnippet: true,
      replaceSpan: cursor.typedSpan,
    },
  ];
}

// ---------------------------------------------------------------- settings embedded in another file

/** Only inside the embedded settings (a ConfigMap's elasticsearch.yml, a Compose environment): the rest is the host's. */
function completeEmbedded(document: ConfigDocument, offset: number): CompletionCandidate[] {
  const region = document.embedded?.find((r) => offset >= r.span.start && offset <= r.span.end);
  if (!region) return [];
  if (region.form === 'env-list') return completeAssignment(document, offset);
  // The region's first line is the top level of the embedded settings: the host's keys above it are no parents.
  return completeYaml(document, offset, document.lines.positionAt(region.span.start).line);
}

/** A `- name=value` list item: setting names before the `=`, values after it. */
function completeAssignment(document: ConfigDocument, offset: number): CompletionCandidate[] {
  const { line, character } = document.lines.positionAt(offset);
  const before = document.lines.lineText(line).slice(0, character);
  const value = /^\s*-\s+["']?([-a-z0-9_.]+)=([^\s"'=]*)$/.exec(before);
  if (value) return valueCandidates(value[1], { start: offset - value[2].length, end: offset }, 'yaml');
  const key = /^\s*-\s+["']?([-a-z0-9_.]*)$/.exec(before);
  if (!key) return [];
  return keyCandidates(document, [], key[1], { start: offset - key[1].length, end: offset }, 'env');
}

// ---------------------------------------------------------------- YAML

function completeYaml(document: ConfigDocument, offset: number, firstLine = 0): CompletionCandidate[] {
  const cursor = yamlCursor(document, offset, firstLine);
  if (!cursor) return [];
  let settingsParents: string[];
  if (document.kind === 'eck-manifest') {
    const configIndex = cursor.parents.lastIndexOf('config');
    const inNodeSetConfig =
      configIndex >= 2 && cursor.parents[configIndex - 1] === '[]' && cursor.parents[configIndex - 2] === 'nodeSets';
    if (!inNodeSetConfig) return [];
    settingsParents = cursor.parents.slice(configIndex + 1);
  } else {
    settingsParents = cursor.parents;
  }
  if (settingsParents.includes('[]')) return [];
  const parentPath = settingsParents.flatMap((p) => p.split('.'));
  if (cursor.position === 'value') return valueCandidates([...parentPath, cursor.key].join('.'), cursor.typedSpan, 'yaml');
  const candidates = keyCandidates(document, parentPath, cursor.key, cursor.typedSpan, 'yaml');
  if (!cursor.key.includes('.')) candidates.push(...blockSnippets(parentPath, cursor.typedSpan, 'yaml'));
  return candidates;
}

const KEY_LINE = /^(\s*)(-\s+)?(?:"([^"]*)"|'([^']*)'|([^\s#:"'][^:#]*?))\s*:(?:\s+(.*)|\s*)$/;

/**
 * Works out the cursor's parent keys by indentation, so it also works while the YAML is half typed.
 * Lines before `firstLine` are not read (they belong to the file an embedded text sits in).
 */
function yamlCursor(document: ConfigDocument, offset: number, firstLine = 0): YamlCursor | undefined {
  const { lines } = document;
  const position = lines.positionAt(offset);
  const lineStart = lines.lineStart(position.line);
  const before = lines.lineText(position.line).slice(0, position.character);
  if (/#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return undefined; // in a comment

  let indent: number;
  let result: Omit<YamlCursor, 'parents'>;
  const valueMatch = /^(\s*)(-\s+)?(?:"([^"]*)"|'([^']*)'|([^\s#:"'][^:#]*?))\s*:\s+(\S*)$/.exec(before);
  if (valueMatch) {
    indent = valueMatch[1].length + (valueMatch[2]?.length ?? 0);
    const key = valueMatch[3] ?? valueMatch[4] ?? valueMatch[5] ?? '';
    const typed = valueMatch[6] ?? '';
    result = { position: 'value', key, typedSpan: { start: offset - typed.length, end: offset } };
  } else {
    const keyMatch = /^(\s*)(-\s+)?([^\s#:"'[\]{}][^\s:#]*)?$/.exec(before);
    if (!keyMatch) return undefined;
    indent = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
    const typed = keyMatch[3] ?? '';
    result = { position: 'key', key: typed, typedSpan: { start: lineStart + indent, end: offset } };
  }

  const parents: string[] = [];
  let limit = indent; // a parent key must be indented less than this
  let inclusive = false; // after a sequence dash, the parent key may sit at the dash's indent
  if (/^\s*-\s+/.test(before)) {
    parents.unshift('[]');
    limit = before.indexOf('-');
    inclusive = true;
  }
  for (let line = position.line - 1; line >= firstLine && (limit > 0 || inclusive); line--) {
    const text = lines.lineText(line);
    if (/^---/.test(text)) break;
    if (/^\s*(#.*)?$/.test(text)) continue;
    const match = KEY_LINE.exec(text);
    const dash = /^(\s*)-(\s|$)/.exec(text);
    const dashIndent = dash ? dash[1].length : -1;
    if (match) {
      const keyIndent = match[1].length + (match[2]?.length ?? 0);
      const hasInlineValue = match[6] !== undefined && match[6] !== '' && !match[6].startsWith('#');
      if (!hasInlineValue && (keyIndent < limit || (inclusive && keyIndent <= limit))) {
        parents.unshift(match[3] ?? match[4] ?? match[5] ?? '');
        limit = keyIndent;
        inclusive = false;
      }
    }
    // The dash that starts the sequence item we are in.
    if (dashIndent >= 0 && dashIndent < limit) {
      parents.unshift('[]');
      limit = dashIndent;
      inclusive = true;
    }
  }
  return { ...result, parents };
}

// ---------------------------------------------------------------- JSON

function completeJson(document: ConfigDocument, offset: number): CompletionCandidate[] {
  const root = document.jsonRoot;
  if (!root) return [];
  const node = nodeAtOffset(root, offset, true);
  if (!node) return [];
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  const isKey = node.type === 'string' && property?.children?.[0] === node;
  if (isKey || node.type === 'object') {
    const object = isKey ? property!.parent! : node;
    const path = jsonPath(object);
    if (path[0] !== 'persistent' && path[0] !== 'transient') return [];
    const typed = isKey ? document.text.slice(node.offset + 1, offset) : '';
    const typedSpan = isKey ? { start: node.offset, end: node.offset + node.length } : { start: offset, end: offset };
    const candidates = keyCandidates(document, path.slice(1), typed, typedSpan, 'json');
    if (!typed.includes('.')) candidates.push(...blockSnippets(path.slice(1), typedSpan, 'json'));
    return candidates;
  }
  if (property && property.children?.[1] === node) {
    const path = [...jsonPath(property.parent!), String(property.children[0].value)];
    if (path[0] !== 'persistent' && path[0] !== 'transient') return [];
    return valueCandidates(path.slice(1).join('.'), { start: node.offset, end: node.offset + node.length }, 'json');
  }
  return [];
}

/** Keys of the properties enclosing an object node, outermost first. */
function jsonPath(object: JsonNode): string[] {
  const path: string[] = [];
  let current: JsonNode | undefined = object;
  while (current?.parent?.type === 'property') {
    path.unshift(...String(current.parent.children?.[0]?.value ?? '').split('.'));
    current = current.parent.parent;
  }
  return path;
}

// ---------------------------------------------------------------- candidates

/** How a setting is written: a YAML key, a JSON property, or a `name=value` environment entry. */
type KeyStyle = 'yaml' | 'json' | 'env';

interface ScopesSummary {
  /** Every key written in the settings scopes. */
  keys: Set<string>;
  /** Aliases already used, with the mode whose settings they can take (undefined: either). */
  aliases: Map<string, 'sniff' | 'proxy' | undefined>;
}

/**
 * What completion needs to know about the whole document, once per parse rather than per request:
 * a file with thousands of settings would otherwise be walked on every keystroke. Keyed by the
 * scopes list, which belongs to one parse (views of a Console body share their body's list).
 */
const scopesSummaries = new WeakMap<readonly SettingsScope[], ScopesSummary>();

function summaryOf(scopes: readonly SettingsScope[]): ScopesSummary {
  let summary = scopesSummaries.get(scopes);
  if (!summary) {
    summary = { keys: new Set(scopes.flatMap((s) => s.occurrences.map((o) => o.key))), aliases: aliasesIn(scopes) };
    scopesSummaries.set(scopes, summary);
  }
  return summary;
}

/** Aliases already used in the scopes, with the mode whose settings they can take (undefined: either). */
function aliasesIn(scopes: readonly SettingsScope[]): Map<string, 'sniff' | 'proxy' | undefined> {
  const aliases = new Map<string, 'sniff' | 'proxy' | undefined>();
  for (const scope of scopes) {
    for (const remote of remoteAliases(scope)) {
      const modeOccurrence = remote.bySuffix.get('mode');
      const modeSet = modeOccurrence !== undefined && !isNullValue(modeOccurrence.value);
      // An explicit mode decides; without one, existing seeds mean sniff (the default).
      const mode = modeSet ? remote.mode : remote.bySuffix.has('seeds') ? 'sniff' : undefined;
      if (!aliases.has(remote.alias) || mode) aliases.set(remote.alias, mode);
    }
  }
  return aliases;
}

/** Expanding every key of every alias is costly in files with hundreds of remotes: cap it. */
const MAX_EXPANDED_ALIASES = 12;

/** The aliases whose keys are offered: the one being typed, else those matching the typed part. */
function aliasesToExpand(
  used: Map<string, 'sniff' | 'proxy' | undefined>,
  typedAlias: string | undefined,
  typedKey: string,
): Map<string, 'sniff' | 'proxy' | undefined> {
  if (typedAlias) return new Map([[typedAlias, used.get(typedAlias)]]);
  const partial = typedKey.startsWith('cluster.remote.') ? typedKey.slice('cluster.remote.'.length) : '';
  return new Map([...used].filter(([alias]) => alias.startsWith(partial)).slice(0, MAX_EXPANDED_ALIASES));
}

function keyCandidates(
  document: ConfigDocument,
  parentPath: string[],
  typed: string,
  typedSpan: Span,
  format: KeyStyle,
): CompletionCandidate[] {
  const parentPrefix = parentPath.length ? parentPath.join('.') + '.' : '';
  const committed = parentPrefix + typed.slice(0, typed.lastIndexOf('.') + 1);
  const { keys: existing, aliases: used } = summaryOf(document.scopes);
  const typedAlias = /^cluster\.remote\.([-\w]+)\./.exec(committed)?.[1];
  const aliases = aliasesToExpand(used, typedAlias, parentPrefix + typed);

  const candidates: CompletionCandidate[] = [];
  const add = (def: SettingDef, fullKey: string, placeholderAlias: boolean) => {
    if (!fullKey.startsWith(committed) || existing.has(fullKey)) return;
    const relativeKey = fullKey.slice(parentPrefix.length);
    if (!relativeKey) return;
    // The list shows what is left to type (`skip_unavailable`, not `cluster.remote.west.skip_unavailable`
    // on every line); the whole key stays in the detail and is what the typed text is matched against.
    const shortened = committed.length > parentPrefix.length && relativeKey.length > committed.length - parentPrefix.length;
    const label = shortened ? relativeKey.slice(committed.length - parentPrefix.length) : relativeKey;
    const keyText = placeholderAlias ? relativeKey.replace('<alias>', '${1:remote_alias}') : relativeKey;
    const valueText = valueSnippet(def, placeholderAlias ? 2 : 1, format);
    const insertText =
      format === 'json'
        ? `"${keyText}": ${valueText}`
        : format === 'env'
          ? `${keyText}=${valueText}`
          : `${keyText}: ${valueText}`;
    candidates.push(
      new SettingKeyCandidate(
        label,
        shortened ? `${relativeKey} · ${detailOf(def)}` : detailOf(def),
        insertText,
        typedSpan,
        format === 'json' ? `"${relativeKey}` : relativeKey,
        `${def.deprecatedSince || def.removedIn || def.scope === 'unregistered' ? '9' : '1'}${relativeKey}`,
        def,
        placeholderAlias ? undefined : fullKey,
      ),
    );
  };

  for (const def of SETTINGS) {
    // Never suggest what Elasticsearch refuses here: internal, keystore-only or removed keys.
    if (def.scope === 'unregistered' || def.scope === 'secure' || def.scope === 'secure-reloadable' || def.group === 'legacy')
      continue;
    if (format === 'json' && def.scope !== 'dynamic') continue; // the API only takes dynamic settings
    if (isAffix(def)) {
      for (const [alias, mode] of aliases) {
        if (mode && def.mode && def.mode !== 'both' && def.mode !== mode) continue; // the other mode's settings
        add(def, concreteKey(def, alias), false);
      }
      if (!typedAlias) add(def, def.key, true);
    } else {
      add(def, def.key, false);
    }
  }
  return candidates;
}

/**
 * A setting key offered for completion. Its Markdown is built when read, not with the list: a list
 * holds hundreds of keys, the editor shows the documentation of the one in focus, and building them
 * all made each completion allocate enough to bring garbage collection into the next ones.
 */
class SettingKeyCandidate implements CompletionCandidate {
  readonly kind = 'property';
  readonly isSnippet = true;

  constructor(
    readonly label: string,
    readonly detail: string,
    readonly insertText: string,
    readonly replaceSpan: Span,
    readonly filterText: string,
    readonly sortText: string,
    private readonly def: SettingDef,
    private readonly concreteKey: string | undefined,
  ) {}

  get documentation(): string {
    return describeSetting(this.def, this.concreteKey);
  }
}

function detailOf(def: SettingDef): string {
  const scope = def.scope === 'secure' || def.scope === 'secure-reloadable' ? 'keystore only' : def.scope;
  return [def.type === 'enum' && def.values ? def.values.join(' | ') : def.type, scope, def.deprecatedSince ? 'deprecated' : '']
    .filter(Boolean)
    .join(' · ');
}

function valueSnippet(def: SettingDef, tabStop: number, format: KeyStyle): string {
  const q = format === 'json' ? '"' : '';
  // An environment value is one text: a list is written with commas, nothing is quoted.
  if (format === 'env' && !(def.values && def.type !== 'list')) {
    return def.type === 'address' || def.type === 'address-list'
      ? `\${${tabStop}:host}:\${${tabStop + 1}:9443}`
      : `\${${tabStop}}`;
  }
  if (def.values && def.type !== 'list') {
    const choices = def.values.join(',');
    return def.type === 'boolean' && format === 'json' ? `\${${tabStop}|${choices}|}` : `${q}\${${tabStop}|${choices}|}${q}`;
  }
  switch (def.type) {
    case 'address-list':
      return `[ "\${${tabStop}:host}:\${${tabStop + 1}:9443}" ]`;
    case 'address':
      return `${q}\${${tabStop}:host}:\${${tabStop + 1}:9443}${q}`;
    case 'int':
      return format === 'json' ? `\${${tabStop}:${defaultNumber(def)}}` : `\${${tabStop}:${defaultNumber(def)}}`;
    case 'list':
    case 'path-list':
    case 'host-list':
      return `[ "\${${tabStop}}" ]`;
    default:
      return `${q}\${${tabStop}}${q}`;
  }
}

function defaultNumber(def: SettingDef): string {
  const match = /^-?\d+/.exec(def.default ?? '');
  return match ? match[0] : '1';
}

function valueCandidates(fullKey: string, typedSpan: Span, format: 'yaml' | 'json'): CompletionCandidate[] {
  const def = resolveKey(fullKey).def;
  if (!def?.values || def.type === 'list') return [];
  return def.values.map((value, index) => {
    // JSON booleans stay bare; every other value is a string.
    const insertText = format === 'json' && value !== 'true' && value !== 'false' ? `"${value}"` : value;
    return {
      label: value,
      kind: 'value' as const,
      detail: def.default?.startsWith(value) ? 'default' : undefined,
      documentation: describeValue(def, value),
      insertText,
      isSnippet: false,
      replaceSpan: typedSpan,
      filterText: insertText,
      sortText: String(index).padStart(3, '0'),
    };
  });
}

/**
 * Whole remote-cluster blocks: flat keys at the top level of elasticsearch.yml, an alias block
 * inside a nested `cluster: remote:` map, dynamic settings inside a `_cluster/settings` body.
 */
function blockSnippets(parentPath: string[], typedSpan: Span, format: 'yaml' | 'json'): CompletionCandidate[] {
  const where = parentPath.join('.');
  const render =
    format === 'json'
      ? where === ''
        ? renderJsonProperties
        : undefined
      : where === ''
        ? renderFlatYaml
        : where === 'cluster.remote'
          ? renderNestedYaml
          : undefined;
  if (!render) return [];
  return REMOTE_BLOCK_SNIPPETS.flatMap((snippet) => {
    const lines = render(snippet);
    if (!lines) return [];
    return [
      {
        label: snippet.prefix,
        kind: 'snippet' as const,
        detail: snippet.name,
        documentation: `${snippet.description}\n\n\`\`\`${format === 'json' ? 'json' : 'yaml'}\n${lines
          .join('\n')
          .replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1')
          .replace(/\$0/g, '')}\n\`\`\``,
        insertText: lines.join('\n'),
        isSnippet: true,
        replaceSpan: typedSpan,
        filterText: format === 'json' ? `"${snippet.prefix}` : snippet.prefix,
        sortText: `5${snippet.prefix}`,
      },
    ];
  });
}
