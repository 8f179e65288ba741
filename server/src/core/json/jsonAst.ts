import type { Node as JsonNode } from 'jsonc-parser';
import type { Span } from '../types';

/** Small readers over jsonc-parser's tree, so models and rules never index `children` by hand. */

export function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** The `property` node for `key` in an object (the last one when a key repeats, as JSON parsers keep). */
export function property(object: JsonNode | undefined, key: string): JsonNode | undefined {
  if (object?.type !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const child of object.children ?? []) {
    if (child.children?.[0]?.value === key) found = child;
  }
  return found;
}

export function keyNode(propertyNode: JsonNode): JsonNode | undefined {
  return propertyNode.children?.[0];
}

export function valueNode(propertyNode: JsonNode | undefined): JsonNode | undefined {
  return propertyNode?.children?.[1];
}

export function child(object: JsonNode | undefined, key: string): JsonNode | undefined {
  return valueNode(property(object, key));
}

export function childObject(object: JsonNode | undefined, key: string): JsonNode | undefined {
  const value = child(object, key);
  return value?.type === 'object' ? value : undefined;
}

export function childArray(object: JsonNode | undefined, key: string): JsonNode | undefined {
  const value = child(object, key);
  return value?.type === 'array' ? value : undefined;
}

/** Entries of an object as [key, value] node pairs. */
export function entries(
  object: JsonNode | undefined,
): Array<{ key: string; keyNode: JsonNode; value?: JsonNode; property: JsonNode }> {
  if (object?.type !== 'object') return [];
  return (object.children ?? []).flatMap((p) => {
    const key = p.children?.[0];
    if (!key || key.type !== 'string') return [];
    return [{ key: String(key.value), keyNode: key, value: p.children?.[1], property: p }];
  });
}

export function items(array: JsonNode | undefined): JsonNode[] {
  return array?.type === 'array' ? (array.children ?? []) : [];
}

/** String items of a value that may be one string or an array of strings (`names`, `clusters`). */
export function stringItems(value: JsonNode | undefined): JsonNode[] {
  if (value?.type === 'string') return [value];
  return items(value).filter((item) => item.type === 'string');
}

/** Keys of the properties enclosing a node, outermost first; array items appear as their index. */
export function pathOf(node: JsonNode, stopAt?: JsonNode): Array<string | number> {
  const path: Array<string | number> = [];
  let current: JsonNode | undefined = node;
  while (current && current !== stopAt) {
    const parent: JsonNode | undefined = current.parent;
    if (!parent) break;
    if (parent.type === 'property') {
      if (parent.children?.[1] === current) path.unshift(String(parent.children?.[0]?.value ?? ''));
    } else if (parent.type === 'array') {
      path.unshift((parent.children ?? []).indexOf(current));
    }
    current = parent;
  }
  return path;
}

/** Moves every offset of a tree parsed from a slice of the document to document offsets. */
export function shiftOffsets(node: JsonNode, delta: number): void {
  if (delta === 0) return;
  // jsonc-parser types its nodes read-only; these trees are ours, freshly parsed.
  const stack: Array<{ offset: number; colonOffset?: number; children?: JsonNode[] }> = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    current.offset += delta;
    if (current.colonOffset !== undefined) current.colonOffset += delta;
    if (current.children) stack.push(...current.children);
  }
}
