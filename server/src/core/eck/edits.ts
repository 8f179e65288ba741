import { isMap, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../text';
import type { TextEdit } from '../types';
import { contentSpan, nodeSpan } from './yamlAst';

/**
 * Text edits for quick fixes on manifests. They work on the source text around parsed nodes so
 * comments and formatting elsewhere stay untouched. Each returns undefined when the layout is one
 * it cannot edit safely (the fix is then simply not offered).
 */

/** Removes a `key: value` entry of a block map, whole lines including any nested value. */
export function removeEntryEdit(text: string, lines: LineIndex, pair: Pair): TextEdit | undefined {
  const keySpan = nodeSpan(pair.key);
  if (!keySpan) return undefined;
  const keyLine = lines.positionAt(keySpan.start).line;
  const lineStart = lines.lineStart(keyLine);
  // Only a key that starts its line can be removed by deleting lines (not `- key:` or flow maps).
  if (text.slice(lineStart, keySpan.start).trim() !== '') return undefined;
  const end = contentSpan(pair.value, text)?.end ?? keySpan.end;
  const lastLine = lines.positionAt(end).line;
  const nextLineStart = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  return { span: { start: lineStart, end: nextLineStart }, newText: '' };
}

/**
 * Removes the last entry of a chain of nested pairs (outermost first, see `pairChain`) and, when
 * that leaves its parent map empty, the parent entry too, up to the first pair of the chain.
 */
export function removeNestedEntryEdit(text: string, lines: LineIndex, chain: Pair[]): TextEdit | undefined {
  let index = chain.length - 1;
  while (index > 0) {
    const parentValue = chain[index - 1].value;
    if (!isMap(parentValue) || parentValue.items.length !== 1) break;
    index--;
  }
  return removeEntryEdit(text, lines, chain[index]);
}

/** Replaces a scalar value in place. */
export function replaceNodeEdit(node: unknown, newText: string): TextEdit | undefined {
  const span = nodeSpan(node);
  return span ? { span, newText } : undefined;
}

/**
 * Adds `key: value` to a map. A string value goes after the colon; an array of lines becomes a
 * nested block indented under the key.
 */
export function insertEntryEdit(
  text: string,
  lines: LineIndex,
  map: YAMLMap,
  key: string,
  value: string | string[],
  /** Entry to insert after; the last one by default. */
  after?: Pair,
): TextEdit | undefined {
  if (map.flow) {
    const span = nodeSpan(map);
    if (!span || typeof value !== 'string') return undefined;
    const close = text.lastIndexOf('}', span.end);
    if (close < span.start) return undefined;
    const separator = map.items.length > 0 ? ', ' : '';
    return { span: { start: close, end: close }, newText: `${separator}${key}: ${value}` };
  }
  const first = map.items[0] as Pair<Node, Node> | undefined;
  const last = (after ?? map.items[map.items.length - 1]) as Pair<Node, Node> | undefined;
  const firstKey = nodeSpan(first?.key);
  const lastEnd = contentSpan(last?.value, text)?.end ?? nodeSpan(last?.key)?.end;
  if (!firstKey || lastEnd === undefined) return undefined;
  const indent = ' '.repeat(lines.positionAt(firstKey.start).character);
  const endOfLast = lines.lineEnd(lines.positionAt(lastEnd).line);
  const body =
    typeof value === 'string'
      ? `${indent}${key}: ${value}`
      : [`${indent}${key}:`, ...value.map((line) => `${indent}  ${line}`)].join('\n');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: endOfLast, end: endOfLast }, newText: `${eol}${body.split('\n').join(eol)}` };
}

/**
 * Adds an item at the end of a non-empty block sequence, in the column of its dashes. `item` is the
 * item's lines; the first follows the dash, the others are indented under it.
 */
export function appendSequenceItemEdit(text: string, lines: LineIndex, seq: YAMLSeq, item: string[]): TextEdit | undefined {
  if (seq.flow || seq.items.length === 0 || item.length === 0) return undefined;
  const first = nodeSpan(seq.items[0]);
  const last = contentSpan(seq.items[seq.items.length - 1], text);
  if (!first || !last) return undefined;
  const firstLine = lines.positionAt(first.start).line;
  const before = text.slice(lines.lineStart(firstLine), first.start);
  const dash = before.lastIndexOf('-');
  // Only the usual layout, `- item` with the item on the dash's line, is edited.
  if (dash < 0 || before.slice(0, dash).trim() !== '') return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = ' '.repeat(dash);
  const body = [`${indent}- ${item[0]}`, ...item.slice(1).map((line) => `${indent}  ${line}`)];
  const end = lines.lineEnd(lines.positionAt(last.end).line);
  return { span: { start: end, end }, newText: `${eol}${body.join(eol)}` };
}

/** The pairs from an entry of `map` down to the entry whose key contains `keyOffset`. */
export function pairChain(map: YAMLMap, keyOffset: number): Pair[] {
  const chain: Pair[] = [];
  let current: unknown = map;
  while (isMap(current)) {
    const pair = (current.items as Pair[]).find((item) => {
      const start = nodeSpan(item.key)?.start;
      const end = nodeSpan(item.value)?.end ?? nodeSpan(item.key)?.end;
      return start !== undefined && end !== undefined && start <= keyOffset && keyOffset <= end;
    });
    if (!pair) break;
    chain.push(pair);
    const keySpan = nodeSpan(pair.key);
    if (keySpan && keySpan.start <= keyOffset && keyOffset <= keySpan.end) break;
    current = pair.value;
  }
  return chain;
}
