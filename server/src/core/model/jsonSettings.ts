import type { Node as JsonNode } from 'jsonc-parser';
import type { Span } from '../types';
import type { KeySegment, ScopeOrigin, SettingOccurrence, SettingsScope, ValueNode } from './settings';

/**
 * Flattens a JSON object of Elasticsearch settings (flat-dotted, nested or mixed) into setting
 * occurrences with exact spans. The JSON twin of yamlSettings.ts.
 */
export function settingsScopeFromJson(
  object: JsonNode,
  origin: ScopeOrigin,
  persistence?: 'persistent' | 'transient',
): SettingsScope {
  const occurrences: SettingOccurrence[] = [];
  const duplicates: SettingsScope['duplicates'] = [];
  const seen = new Map<string, SettingOccurrence>();

  const visit = (node: JsonNode, parents: KeySegment[]) => {
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || keyNode.type !== 'string') continue;
      const segments = [...parents, ...segmentsOf(keyNode)];
      if (valueNode && valueNode.type === 'object' && (valueNode.children?.length ?? 0) > 0) {
        visit(valueNode, segments);
        continue;
      }
      const keySpan = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
      const value = valueOf(valueNode, keySpan.end);
      const occurrence: SettingOccurrence = {
        key: segments.map((s) => s.text).join('.'),
        segments,
        keySpan,
        entrySpan: { start: property.offset, end: property.offset + property.length },
        value,
      };
      const first = seen.get(occurrence.key);
      if (first) duplicates.push({ first, again: occurrence });
      else seen.set(occurrence.key, occurrence);
      occurrences.push(occurrence);
    }
  };
  visit(object, []);
  return {
    origin,
    format: 'json',
    persistence,
    span: { start: object.offset, end: object.offset + object.length },
    occurrences,
    duplicates,
    label: persistence,
  };
}

function segmentsOf(keyNode: JsonNode): KeySegment[] {
  const text = String(keyNode.value);
  const contentStart = keyNode.offset + 1; // after the opening quote
  const segments: KeySegment[] = [];
  let offset = 0;
  for (const part of text.split('.')) {
    segments.push({ text: part, span: { start: contentStart + offset, end: contentStart + offset + part.length } });
    offset += part.length + 1;
  }
  return segments;
}

export function valueOf(node: JsonNode | undefined, afterKey: number): ValueNode {
  if (!node) return { kind: 'scalar', value: null, text: '', span: { start: afterKey, end: afterKey } };
  const span: Span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'array':
      return { kind: 'list', span, items: (node.children ?? []).map((child) => valueOf(child, child.offset)) };
    case 'object':
      return { kind: 'map', span };
    case 'null':
      return { kind: 'scalar', value: null, text: '', span };
    case 'string':
      return { kind: 'scalar', value: node.value as string, text: node.value as string, quoted: true, span };
    default:
      return { kind: 'scalar', value: node.value as number | boolean, text: String(node.value), span };
  }
}
