import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from '../types';

/**
 * Small, total helpers for walking Kubernetes manifests parsed by `yaml`. Every helper accepts
 * anything (a wrong type in the manifest is normal input) and answers `undefined` rather than throw.
 */

/** A `key: value` entry of a map, with the key's exact span. */
export interface Field {
  pair: Pair;
  key: Scalar;
  keySpan: Span;
  /** The value node; null when the key has no value (`key:`). */
  value: Node | null;
}

/** A value read from the manifest together with where it was written. */
export interface Spanned<T> {
  value: T;
  span: Span;
}

export function nodeSpan(node: unknown): Span | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** The map entry `name` of a map node, or undefined when absent or when `map` is not a map. */
export function fieldOf(map: unknown, name: string): Field | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items as Array<Pair<unknown, unknown>>) {
    if (!isScalar(pair.key) || pair.key.value !== name || !pair.key.range) continue;
    return {
      pair: pair as Pair,
      key: pair.key,
      keySpan: { start: pair.key.range[0], end: pair.key.range[1] },
      value: (pair.value as Node | null | undefined) ?? null,
    };
  }
  return undefined;
}

/**
 * The value of the map entry `name` (null for `key:` with no value), or undefined as for fieldOf.
 * The readers below use it rather than fieldOf: they need no Field, and building the model calls
 * them a few dozen times per resource.
 */
export function fieldValue(map: unknown, name: string): Node | null | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items as Array<Pair<unknown, unknown>>) {
    if (isScalar(pair.key) && pair.key.value === name && pair.key.range) return (pair.value as Node | null | undefined) ?? null;
  }
  return undefined;
}

export function mapOf(map: unknown, name: string): YAMLMap | undefined {
  const value = fieldValue(map, name);
  return isMap(value) ? value : undefined;
}

/** Follows a path of map keys; undefined as soon as one step is missing or not a map. */
export function mapAtPath(map: unknown, path: readonly string[]): YAMLMap | undefined {
  let current: unknown = map;
  for (const key of path) current = mapOf(current, key);
  return isMap(current) ? current : undefined;
}

/** Items of a sequence, or nothing when the node is not a sequence. */
export function itemsOf(node: unknown): unknown[] {
  return isSeq(node) ? (node.items as unknown[]) : [];
}

/** Scalar value as text: strings as they are, numbers and booleans spelt out; undefined for null and collections. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return undefined;
}

/** A scalar string (or number, which Kubernetes names sometimes are) with its span. */
export function textField(map: unknown, name: string): Spanned<string> | undefined {
  const value = fieldValue(map, name);
  const text = scalarText(value);
  const span = text === undefined ? undefined : nodeSpan(value);
  return text !== undefined && span ? { value: text, span } : undefined;
}

/** A scalar of any type (port numbers, booleans) with its span. */
export function scalarField(map: unknown, name: string): Spanned<string | number | boolean> | undefined {
  const node = fieldValue(map, name);
  if (!isScalar(node)) return undefined;
  const value = node.value;
  const span = nodeSpan(node);
  if (!span || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) return undefined;
  return { value, span };
}

/** True only for a YAML boolean `true` (Kubernetes rejects the string "true" for a boolean field). */
export function isTrue(node: unknown): boolean {
  return isScalar(node) && node.value === true;
}

/** Span of the node without the trailing line break and comments `yaml` counts into block collections. */
export function contentSpan(node: unknown, text: string): Span | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

/** Where to point a finding about a whole map entry or list item: its first key (or the node itself). */
export function headSpan(node: unknown): Span | undefined {
  if (isMap(node)) {
    const first = node.items[0] as Pair<unknown, unknown> | undefined;
    const keySpan = first ? nodeSpan(first.key) : undefined;
    if (keySpan) return keySpan;
  }
  return nodeSpan(node);
}

/** The document of a multi-document file an offset belongs to: the last one starting at or before it. */
export function documentAt(documents: readonly Document.Parsed[] | undefined, offset: number): Document.Parsed | undefined {
  let found: Document.Parsed | undefined;
  for (const doc of documents ?? []) if (doc.range[0] <= offset) found = doc;
  return found;
}

/** One step of a path inside a manifest: a map key, or a list index. */
export type PathStep = string | number;

export interface NodeLocation {
  path: PathStep[];
  /** The cursor is on a key (the last path step) or on a value. */
  on: 'key' | 'value';
  node: unknown;
  span: Span;
}

/** The deepest key or scalar value at an offset, with the path from the document root. */
export function locate(doc: Document.Parsed, offset: number): NodeLocation | undefined {
  const walk = (node: unknown, path: PathStep[]): NodeLocation | undefined => {
    if (isMap(node)) {
      for (const pair of node.items as Array<Pair<unknown, unknown>>) {
        const keySpan = nodeSpan(pair.key);
        if (!keySpan || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (offset >= keySpan.start && offset <= keySpan.end)
          return { path: [...path, key], on: 'key', node: pair.key, span: keySpan };
        const valueSpan = nodeSpan(pair.value);
        if (valueSpan && offset >= valueSpan.start && offset <= valueSpan.end) {
          const inner = walk(pair.value, [...path, key]);
          if (inner) return inner;
        }
      }
      return undefined;
    }
    if (isSeq(node)) {
      for (let index = 0; index < node.items.length; index++) {
        const span = nodeSpan(node.items[index]);
        if (span && offset >= span.start && offset <= span.end) return walk(node.items[index], [...path, index]);
      }
      return undefined;
    }
    if (isScalar(node)) {
      const span = nodeSpan(node);
      return span ? { path, on: 'value', node, span } : undefined;
    }
    return undefined;
  };
  return walk(doc.contents, []);
}

/** `['spec', 'remoteClusters', 0, 'name']` → `spec.remoteClusters[].name`, the form the field catalog uses. */
export function fieldPattern(path: readonly PathStep[]): string {
  let pattern = '';
  for (const step of path) {
    if (typeof step === 'number') pattern += '[]';
    else pattern += pattern ? `.${step}` : step;
  }
  return pattern;
}
