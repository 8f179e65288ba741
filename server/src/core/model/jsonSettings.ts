import type { Node as JsonNode } from 'jsonc-parser';
import type { Span } from '../types';
import {
  appendSegments,
  ParsedOccurrence,
  type KeySegment,
  type ScopeOrigin,
  type SettingOccurrence,
  type SettingsScope,
  type ValueNode,
} from './settingsScope';

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

  // `parentKey` is the dotted key of `parents`, carried along so each key is built by one concatenation.
  const visit = (node: JsonNode, parents: KeySegment[], parentKey: string) => {
    const properties = node.children;
    if (!properties) return;
    for (const property of properties) {
      const keyNode = property.children?.[0];
      if (!keyNode || keyNode.type !== 'string') continue;
      const valueNode = property.children?.[1];
      const text = String(keyNode.value);
      const key = parents.length > 0 ? `${parentKey}.${text}` : text;
      const contentStart = keyNode.offset + 1; // after the opening quote
      if (valueNode && valueNode.type === 'object' && (valueNode.children?.length ?? 0) > 0) {
        visit(valueNode, appendSegments(parents, text, contentStart), key);
        continue;
      }
      const keySpan = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
      const entrySpan = { start: property.offset, end: property.offset + property.length };
      const occurrence = new ParsedOccurrence(
        key,
        parents,
        text,
        contentStart,
        keySpan,
        entrySpan,
        valueOf(valueNode, keySpan.end),
      );
      const first = seen.get(key);
      if (first) duplicates.push({ first, again: occurrence });
      else seen.set(key, occurrence);
      occurrences.push(occurrence);
    }
  };
  visit(object, [], '');
  return {
    origin,
    format: 'json',
    persistence,
    span: { start: object.offset, end: object.offset + object.length },
    occurrences,
    duplicates,
    byKey: seen,
    label: persistence,
  };
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
