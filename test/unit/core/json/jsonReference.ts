/**
 * The straightforward way to read a JSON body, which the one-pass parse (parseJson.ts) and the
 * parse made by an edit (jsonEdit.ts) are held to: jsonc-parser's `parseTree`, then the settings
 * read from its nodes; and the assertions comparing a parse with it.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { resolveKey } from '../../../../server/src/core/catalog/lookup';
import { childObject } from '../../../../server/src/core/json/jsonAst';
import { parseJsonText, type ParsedJson } from '../../../../server/src/core/json/parseJson';
import {
  appendSegments,
  type KeySegment,
  type SettingsScope,
  type ValueNode,
} from '../../../../server/src/core/model/settingsScope';
import type { Span } from '../../../../server/src/core/types';

// ---------------------------------------------------------------- the reference: parseTree, then a walk of its nodes

export function referenceTree(text: string, base: number): { root: JsonNode | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (root && base !== 0) shift(root, base);
  return { root, errors };
}

export function shift(node: JsonNode, delta: number): void {
  const mutable = node as { offset: number; colonOffset?: number };
  mutable.offset += delta;
  if (mutable.colonOffset !== undefined) mutable.colonOffset += delta;
  for (const child of node.children ?? []) shift(child, delta);
}

interface ReferenceOccurrence {
  key: string;
  keySpan: Span;
  entrySpan: Span;
  keyStart: number;
  segments: KeySegment[];
  value: ValueNode;
}

/** The settings of an object node, read from the tree (how they were read before the one-pass parse). */
export function referenceSettings(object: JsonNode): { occurrences: ReferenceOccurrence[]; duplicates: Array<[number, number]> } {
  const occurrences: ReferenceOccurrence[] = [];
  const duplicates: Array<[number, number]> = [];
  const firstIndex = new Map<string, number>();
  const visit = (node: JsonNode, parents: KeySegment[], parentKey: string) => {
    for (const property of node.children ?? []) {
      const keyNode = property.children![0];
      const valueNode = property.children?.[1];
      const text = String(keyNode.value);
      const key = parents.length > 0 ? `${parentKey}.${text}` : text;
      const contentStart = keyNode.offset + 1;
      if (valueNode && valueNode.type === 'object' && (valueNode.children?.length ?? 0) > 0) {
        visit(valueNode, appendSegments(parents, text, contentStart), key);
        continue;
      }
      const keySpan = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, occurrences.length);
      else duplicates.push([first, occurrences.length]);
      occurrences.push({
        key,
        keySpan,
        entrySpan: { start: property.offset, end: property.offset + property.length },
        keyStart: parents.length > 0 ? parents[0].span.start : contentStart,
        segments: appendSegments(parents, text, contentStart),
        value: referenceValue(valueNode, keySpan.end),
      });
    }
  };
  visit(object, [], '');
  return { occurrences, duplicates };
}

export function referenceValue(node: JsonNode | undefined, afterKey: number): ValueNode {
  if (!node) return { kind: 'scalar', value: null, text: '', span: { start: afterKey, end: afterKey } };
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'array':
      return { kind: 'list', span, items: (node.children ?? []).map((child) => referenceValue(child, child.offset)) };
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

// ---------------------------------------------------------------- comparison

/** Same node shapes, offsets, values and parent links, everywhere (reading the blocks' children parses them). */
export function assertSameTree(actual: JsonNode | undefined, expected: JsonNode | undefined, path = '$'): void {
  if (!expected) return assert.equal(actual, undefined, path);
  assert.ok(actual, path);
  for (const field of ['type', 'offset', 'length', 'value', 'colonOffset'] as const)
    assert.equal(actual[field], expected[field], `${path}.${field}`);
  assert.equal('parent' in actual, 'parent' in expected, `${path} has a parent`);
  assert.equal(actual.children?.length, expected.children?.length, `${path}.children`);
  (expected.children ?? []).forEach((child, index) => {
    assert.equal(actual.children![index].parent, actual, `${path}[${index}].parent`);
    assertSameTree(actual.children![index], child, `${path}[${index}]`);
  });
}

export function assertSameSettings(scope: SettingsScope, block: JsonNode): void {
  const expected = referenceSettings(block);
  assert.deepEqual(scope.span, { start: block.offset, end: block.offset + block.length });
  assert.equal(scope.occurrences.length, expected.occurrences.length, 'occurrences');
  scope.occurrences.forEach((occurrence, index) => {
    const want = expected.occurrences[index];
    assert.equal(occurrence.key, want.key);
    assert.deepEqual(occurrence.keySpan, want.keySpan, `${want.key} keySpan`);
    assert.deepEqual(occurrence.entrySpan, want.entrySpan, `${want.key} entrySpan`);
    assert.equal(occurrence.keyStart, want.keyStart, `${want.key} keyStart`);
    assert.deepEqual(occurrence.segments, want.segments, `${want.key} segments`);
    assert.deepEqual(occurrence.value, want.value, `${want.key} value`);
    assert.equal(occurrence.resolved, resolveKey(want.key));
  });
  assert.deepEqual(
    scope.duplicates.map(({ first, again }) => [scope.occurrences.indexOf(first), scope.occurrences.indexOf(again)]),
    expected.duplicates,
  );
  assert.deepEqual([...scope.byKey.keys()], [...new Set(expected.occurrences.map((o) => o.key))]);
  for (const [key, occurrence] of scope.byKey) assert.equal(occurrence.key, key);
}

/** Everything parseJsonText gives for `text` equals the reference's. */
export function assertSameAsReference(text: string, base = 0, parsed: ParsedJson = parseJsonText(text, base)): void {
  const reference = referenceTree(text, base);
  assert.deepEqual(parsed.errors, reference.errors, 'errors');
  // Every block's settings, before anything asks for the block's nodes.
  for (const persistence of ['persistent', 'transient'] as const) {
    const block = childObject(parsed.root, persistence);
    const referenceBlock = childObject(reference.root, persistence);
    assert.equal(block === undefined, referenceBlock === undefined, persistence);
    if (!block || !referenceBlock) continue;
    const scope = parsed.settingsBlocks.get(block);
    assert.ok(scope, `${persistence} has settings`);
    assert.equal(scope.persistence, persistence);
    assertSameSettings(scope, referenceBlock);
  }
  assertSameTree(parsed.root, reference.root);
}

/** A node and its ancestors, as (type, offset, length, value) lines, innermost first. */
export function chain(node: JsonNode | undefined): string[] {
  const lines: string[] = [];
  for (let current = node; current; current = current.parent)
    lines.push(`${current.type} ${current.offset} ${current.length} ${String(current.value)}`);
  return lines;
}

export const NODE_FIELDS = ['type', 'offset', 'length', 'value', 'colonOffset'] as const;

/**
 * The found node and every node above it are the reference's: same fields, and same children
 * (read after the look-up, as pathOf and completion read them), each pointing back to its parent,
 * the node below being the very child that the reference's is.
 */
export function assertSameChain(found: JsonNode | undefined, expected: JsonNode | undefined, label: string): void {
  let below: [JsonNode, JsonNode] | undefined;
  for (let actual = found, want = expected; want; actual = actual!.parent, want = want.parent) {
    assert.ok(actual, label);
    for (const field of NODE_FIELDS) assert.equal(actual[field], want[field], `${label}: ${want.type} ${want.offset} ${field}`);
    assert.equal('parent' in actual, 'parent' in want, `${label}: ${want.type} ${want.offset} has a parent`);
    assert.equal(actual.children?.length, want.children?.length, `${label}: ${want.type} ${want.offset} children`);
    (want.children ?? []).forEach((child, index) => {
      const actualChild = actual!.children![index];
      assert.equal(actualChild.parent, actual, `${label}: child ${index} of ${want.type} ${want.offset} points back`);
      for (const field of NODE_FIELDS) assert.equal(actualChild[field], child[field], `${label}: child ${index} ${field}`);
    });
    if (below)
      assert.equal(
        actual.children![want.children!.indexOf(below[1])],
        below[0],
        `${label}: ${want.type} ${want.offset} lists the node below`,
      );
    below = [actual, want];
  }
  assert.equal(found === undefined, expected === undefined, label);
}

// ---------------------------------------------------------------- generated bodies

/**
 * `_cluster/settings` bodies with settings nested up to four levels, lists (of objects too), and
 * each style a person or a tool writes: one line or indented, LF or CRLF, comments, trailing commas.
 */
const nestedKey = fc.constantFrom('cluster', 'remote', 'west', 'east', 'b-1', 'seeds', 'mode', 'cluster.remote', 'x.y', '');
const leaf = fc.oneof(
  fc.constantFrom(null, true, false, 0, -2.5, 'w:9300', ''),
  fc.array(fc.constantFrom('w:9300', 1, null), { maxLength: 3 }),
);
type Settings = { entries: Array<[string, unknown]> };
const settings: fc.Arbitrary<Settings> = fc.letrec<{ settings: Settings; value: unknown }>((tie) => ({
  settings: fc.array(fc.tuple(nestedKey, tie('value')), { maxLength: 3 }).map((entries) => ({ entries })),
  value: fc.oneof(
    // Up to four levels of objects under a block: every offset of the text is looked up, on a fresh parse each.
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    leaf,
    tie('settings'),
    // Objects inside a list are one value, not settings.
    fc.array(tie('settings'), { minLength: 1, maxLength: 2 }),
  ),
})).settings;
interface Style {
  newline: '' | '\n' | '\r\n';
  comments: boolean;
  trailingCommas: boolean;
}
const style: fc.Arbitrary<Style> = fc.record({
  newline: fc.constantFrom('' as const, '\n' as const, '\r\n' as const),
  comments: fc.boolean(),
  trailingCommas: fc.boolean(),
});
const write = (v: unknown, how: Style, depth: number): string => {
  const indent = how.newline ? '  '.repeat(depth + 1) : '';
  if (Array.isArray(v)) {
    const items = v.map((item) => write(item, how, depth + 1));
    return `[${items.join(', ')}${how.trailingCommas && items.length > 0 ? ',' : ''}]`;
  }
  if (v && typeof v === 'object' && 'entries' in v) {
    const entries = (v as Settings).entries;
    if (entries.length === 0) return how.comments ? '{ /* none */ }' : '{}';
    const properties = entries.map(([k, item], index) => {
      const before = how.comments && index % 2 === 0 ? '/* before */ ' : '';
      const colon = how.comments && index % 3 === 1 ? ' /* key */ : ' : ': ';
      return `${indent}${before}${JSON.stringify(k)}${colon}${write(item, how, depth + 1)}`;
    });
    const separator = how.comments && how.newline ? `, // next${how.newline}` : `,${how.newline}`;
    const close = how.newline ? `${how.newline}${'  '.repeat(depth)}` : '';
    return `{${how.newline}${properties.join(separator)}${how.trailingCommas ? ',' : ''}${close}}`;
  }
  return JSON.stringify(v);
};
export const nestedBody: fc.Arbitrary<string> = fc
  .tuple(settings, fc.option(settings), style)
  .map(([persistent, transient, how]) =>
    write(
      {
        entries: transient
          ? [
              ['persistent', persistent],
              ['transient', transient],
            ]
          : [['persistent', persistent]],
      },
      how,
      0,
    ),
  );
