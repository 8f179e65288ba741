import { isAlias, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  appendSegments,
  indexByKey,
  ParsedOccurrence,
  type KeySegment,
  type ScopeOrigin,
  type SettingOccurrence,
  type SettingsScope,
  type ValueNode,
} from './settingsScope';

/**
 * Flattens a YAML map of Elasticsearch settings into setting occurrences with exact spans.
 * Handles flat keys, nested maps and any mix of the two; lists in flow or block style;
 * quoted keys. Runs once per document version. `stackVersion`: the version an ECK resource declares
 * for its nodeSet configs.
 */
export function settingsScopeFromYaml(map: YAMLMap, origin: ScopeOrigin, label?: string, stackVersion?: string): SettingsScope {
  const occurrences: SettingOccurrence[] = [];

  // `parentKey` is the dotted key of `parents`, carried along so each key is built by one concatenation.
  const repeatedMapKeys: NonNullable<SettingsScope['repeatedMapKeys']> = [];
  const visit = (node: YAMLMap, parents: KeySegment[], parentKey: string) => {
    // Keys of this map whose values are maps, to notice a block key written twice.
    const blockKeys = new Map<string, { start: number; end: number }>();
    for (const pair of node.items as Array<Pair<unknown, unknown>>) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || !keyNode.range) continue;
      const text = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
      const keySpan = { start: keyNode.range[0], end: keyNode.range[1] };
      const quoted = keyNode.type === Scalar.QUOTE_DOUBLE || keyNode.type === Scalar.QUOTE_SINGLE;
      // Segment spans assume the key's source text equals its value (true for plain keys and
      // for quoted keys without escapes, i.e. every real settings key).
      const contentStart = quoted ? keySpan.start + 1 : keySpan.start;
      const key = parents.length > 0 ? `${parentKey}.${text}` : text;
      const value = pair.value as Node | null;
      if (isMap(value) && value.items.length > 0) {
        const firstBlock = blockKeys.get(text);
        if (firstBlock) repeatedMapKeys.push({ key, first: firstBlock, again: keySpan });
        else blockKeys.set(text, keySpan);
        visit(value, appendSegments(parents, text, contentStart), key);
        continue;
      }
      const valueNode = valueNodeOf(value, keySpan.end);
      const entrySpan = { start: keySpan.start, end: Math.max(valueNode.span.end, keySpan.end) };
      const occurrence = new ParsedOccurrence(key, parents, text, contentStart, keySpan, entrySpan, valueNode);
      occurrences.push(occurrence);
    }
  };
  visit(map, [], '');

  const range = map.range ?? [0, 0, 0];
  return {
    origin,
    format: 'yaml',
    span: { start: range[0], end: range[1] },
    occurrences,
    ...indexByKey(occurrences),
    repeatedMapKeys,
    label,
    stackVersion,
  };
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
