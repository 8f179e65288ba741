import { resolveKey, type ResolvedKey } from '../catalog/lookup';
import type { Span } from '../types';

/**
 * Format-neutral view of a block of Elasticsearch settings (an elasticsearch.yml, an ECK
 * nodeSet `config`, the `persistent` part of a `_cluster/settings` body). Every rule works on
 * this view, so the same rule serves YAML and JSON.
 */

export type ScalarValue = string | number | boolean | null;

export interface ValueNode {
  kind: 'scalar' | 'list' | 'map';
  span: Span;
  /** For scalars: the parsed value (YAML `9300` is a number, `"9300"` a string). */
  value?: ScalarValue;
  /** For scalars: the value as Elasticsearch reads it, a string ('' for null). */
  text?: string;
  /** Scalar was written in quotes. */
  quoted?: boolean;
  items?: ValueNode[];
}

export interface KeySegment {
  text: string;
  span: Span;
}

export interface SettingOccurrence {
  /** Full dotted key, e.g. `cluster.remote.west.seeds`, whatever form it was written in. */
  key: string;
  /** The key's catalog entry and alias, resolved once when the document is parsed (shared: never mutate). */
  resolved: Readonly<ResolvedKey>;
  /** Every dot-separated part with its own span (parts of a flat key share one key node). */
  readonly segments: KeySegment[];
  /** Where the key starts as written, outermost parent key included: the start of `segments[0]`. */
  keyStart: number;
  /** Span of the key as written on the leaf line (`seeds`, or `cluster.remote.west.seeds`). */
  keySpan: Span;
  /** Span of the whole leaf entry, key through value, for removal fixes. */
  entrySpan: Span;
  value: ValueNode;
  /** Written as one `name=value` text (a Compose `environment:` list item), not as a YAML key and value. */
  readonly assignment?: boolean;
}

/**
 * An occurrence as the parsers build it. The key segments (a handful of small objects per key) are
 * worked out on first use: rules need them to point at part of a key, which a file with thousands
 * of correct settings never asks for, and allocating them all made parsing large files slow.
 */
export class ParsedOccurrence implements SettingOccurrence {
  readonly resolved: Readonly<ResolvedKey>;
  readonly keyStart: number;
  private materialized?: KeySegment[];

  constructor(
    readonly key: string,
    /** Segments of the enclosing keys (shared by siblings), then the leaf key's text and where its content starts. */
    private readonly parents: readonly KeySegment[],
    private readonly leafText: string,
    private readonly leafContentStart: number,
    readonly keySpan: Span,
    readonly entrySpan: Span,
    readonly value: ValueNode,
  ) {
    this.resolved = resolveKey(key);
    this.keyStart = parents.length > 0 ? parents[0].span.start : leafContentStart;
  }

  get segments(): KeySegment[] {
    return (this.materialized ??= appendSegments(this.parents, this.leafText, this.leafContentStart));
  }
}

export type ScopeOrigin = 'elasticsearch-yml' | 'eck-config' | 'cluster-settings';

export interface SettingsScope {
  origin: ScopeOrigin;
  format: 'yaml' | 'json';
  /** For `_cluster/settings` bodies. */
  persistence?: 'persistent' | 'transient';
  /** Span of the settings block (the whole file, the `config:` map, the `persistent` object). */
  span: Span;
  occurrences: SettingOccurrence[];
  /** Keys written more than once (in any form): later occurrence with the first one. */
  duplicates: Array<{ first: SettingOccurrence; again: SettingOccurrence }>;
  /** The first occurrence of each key, for lookups by key. */
  byKey: ReadonlyMap<string, SettingOccurrence>;
  /**
   * YAML only: a map key written twice in the same map whose values are maps (`cluster:` twice at
   * the top level). The settings under them may all differ, so `duplicates` does not see it.
   */
  repeatedMapKeys?: Array<{ key: string; first: Span; again: Span }>;
  /** Free-form labels for messages, e.g. `nodeSets[0].config`. */
  label?: string;
  /** Stack version known from the surrounding document (an ECK manifest's `spec.version`). */
  stackVersion?: string;
  /**
   * Console `_cluster/settings` bodies after the first: the `cluster.remote.*` settings the
   * cluster holds from earlier accepted requests (effective values by key).
   */
  stored?: ClusterSettingsState;
}

/** A `cluster.remote.*` setting an earlier Console request stored in the cluster. */
export interface StoredSetting {
  occurrence: SettingOccurrence;
  persistence: 'persistent' | 'transient';
}

/** Effective stored settings by full key; a transient value hides the persistent one, as in Elasticsearch. */
export type ClusterSettingsState = ReadonlyMap<string, StoredSetting>;

/** A scope's look-up by key (the first occurrence of each) and its repeated keys, from its occurrences in document order. */
export function indexByKey(occurrences: readonly SettingOccurrence[]): Pick<SettingsScope, 'byKey' | 'duplicates'> {
  const byKey = new Map<string, SettingOccurrence>();
  const duplicates: SettingsScope['duplicates'] = [];
  for (const occurrence of occurrences) {
    const first = byKey.get(occurrence.key);
    if (first) duplicates.push({ first, again: occurrence });
    else byKey.set(occurrence.key, occurrence);
  }
  return { byKey, duplicates };
}

/** `parents` followed by one segment per dot-separated part of `text`, which starts at `contentStart`. */
export function appendSegments(parents: readonly KeySegment[], text: string, contentStart: number): KeySegment[] {
  const segments = parents.slice();
  let start = 0;
  for (;;) {
    const dot = text.indexOf('.', start);
    const end = dot < 0 ? text.length : dot;
    segments.push({ text: text.slice(start, end), span: { start: contentStart + start, end: contentStart + end } });
    if (dot < 0) return segments;
    start = dot + 1;
  }
}

/** Scalar text of a value, or the list items' texts. */
export function valueTexts(value: ValueNode): string[] {
  if (value.kind === 'scalar') return value.text === undefined ? [] : [value.text];
  if (value.kind === 'list') return (value.items ?? []).flatMap(valueTexts);
  return [];
}

export function isNullValue(value: ValueNode): boolean {
  return value.kind === 'scalar' && value.value === null;
}
