import { isAlias, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../types';
import type { KeySegment, ScopeOrigin, SettingOccurrence, SettingsScope, ValueNode } from './settings';

/**
 * Flattens a YAML map of Elasticsearch settings into setting occurrences with exact spans.
 * Handles flat keys, nested maps and any mix of the two; lists in flow or block style;
 * quoted keys. Runs once per document version.
 */
export function settingsScopeFromYaml(
  map: YAMLMap,
  origin: ScopeOrigin,
  label?: string,
): SettingsScope {
  const occurrences: SettingOccurrence[] = [];
  const duplicates: SettingsScope['duplicates'] = [];
  const seen = new Map<string, SettingOccurrence>();

  const visit = (node: YAMLMap, parents: KeySegment[]) => {
    for (const pair of node.items as Array<Pair<unknown, unknown>>) {
      const keySegments = keySegmentsOf(pair.key);
      if (!keySegments) continue;
      const segments = [...parents, ...keySegments.segments];
      const value = pair.value as Node | null;
      if (isMap(value) && value.items.length > 0) {
        visit(value, segments);
        continue;
      }
      const valueNode = valueNodeOf(value, keySegments.span.end);
      const occurrence: SettingOccurrence = {
        key: segments.map((s) => s.text).join('.'),
        segments,
        keySpan: keySegments.span,
        entrySpan: { start: keySegments.span.start, end: Math.max(valueNode.span.end, keySegments.span.end) },
        value: valueNode,
      };
      const first = seen.get(occurrence.key);
      if (first) duplicates.push({ first, again: occurrence });
      else seen.set(occurrence.key, occurrence);
      occurrences.push(occurrence);
    }
  };
  visit(map, []);

  const range = map.range ?? [0, 0, 0];
  return { origin, format: 'yaml', span: { start: range[0], end: range[1] }, occurrences, duplicates, label };
}

function keySegmentsOf(key: unknown): { segments: KeySegment[]; span: Span } | undefined {
  if (!isScalar(key) || !key.range) return undefined;
  const text = key.value === null || key.value === undefined ? '' : String(key.value);
  const [start, end] = key.range;
  const quoted = key.type === Scalar.QUOTE_DOUBLE || key.type === Scalar.QUOTE_SINGLE;
  // Segment spans assume the key's source text equals its value (true for plain keys and
  // for quoted keys without escapes, i.e. every real settings key).
  const contentStart = quoted ? start + 1 : start;
  const segments: KeySegment[] = [];
  let offset = 0;
  for (const part of text.split('.')) {
    segments.push({ text: part, span: { start: contentStart + offset, end: contentStart + offset + part.length } });
    offset += part.length + 1;
  }
  return { segments, span: { start, end } };
}

function valueNodeOf(node: Node | null, afterKey: number): ValueNode {
  if (node === null || node === undefined) {
    return { kind: 'scalar', value: null, text: '', span: { start: afterKey, end: afterKey } };
  }
  if (isAlias(node)) {
    const [start, end] = node.range ?? [afterKey, afterKey];
    return { kind: 'scalar', value: null, text: '', span: { start, end } };
  }
  const [start, end] = node.range ?? [afterKey, afterKey];
  if (isSeq(node)) {
    return {
      kind: 'list',
      span: { start, end },
      items: node.items.map((item) => valueNodeOf(item as Node | null, start)),
    };
  }
  if (isMap(node)) return { kind: 'map', span: { start, end } };
  if (isScalar(node)) {
    const value = node.value;
    const scalar = value === undefined ? null : (value as string | number | boolean | null);
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    // Elasticsearch reads every value as a string: keep the source spelling of numbers and booleans.
    const text = scalar === null ? '' : typeof node.source === 'string' && !quoted ? node.source : String(scalar);
    return { kind: 'scalar', value: scalar, text, quoted, span: { start, end } };
  }
  return { kind: 'scalar', value: null, text: '', span: { start, end } };
}
