import { parseTree, visit, type Node as JsonNode, type ParseError, type ParseOptions } from 'jsonc-parser';
import { JsonSettingsCollector } from '../model/jsonSettings';
import type { SettingOccurrence, SettingsScope } from '../model/settingsScope';
import { shiftOffsets } from './jsonAst';

/**
 * One pass over a JSON text that gives jsonc-parser's tree and, for a `_cluster/settings` body,
 * the settings of its `persistent`/`transient` blocks. Those blocks hold nearly all of a large
 * body, and nearly every feature reads them through the settings scopes, so their contents go
 * straight from the parser's events to setting occurrences: the block objects are in the tree,
 * but their properties are parsed into nodes only when something asks for them (completion, a
 * quick fix, a look-up by offset), from the same text, so they are the nodes `parseTree` gives.
 */

export interface ParsedJson {
  root: JsonNode | undefined;
  errors: ParseError[];
  /** The parser ran out of stack (thousands of nested arrays or objects): nothing could be read. */
  tooDeep?: boolean;
  /** The settings of every object-valued `persistent`/`transient` property of the root object, by its object node. */
  settingsBlocks: ReadonlyMap<JsonNode, SettingsScope>;
}

const PARSE_OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false };

const SETTINGS_BLOCKS = new Set(['persistent', 'transient']);

/** A node as built here; jsonc-parser types its nodes read-only. */
interface MutableNode {
  type: JsonNode['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: MutableNode;
  children?: MutableNode[];
}

interface OpenBlock {
  node: MutableNode;
  persistence: 'persistent' | 'transient';
  collector: JsonSettingsCollector;
}

/** Parses `text`, the part of a document that starts at `base` (node offsets are document offsets; errors' are `text`'s). */
export function parseJsonText(text: string, base = 0): ParsedJson {
  const errors: ParseError[] = [];
  try {
    return parseWithSettingsBlocks(text, base, errors);
  } catch (error) {
    // jsonc-parser recurses once per nesting level.
    if (error instanceof RangeError) return { root: undefined, errors: [], tooDeep: true, settingsBlocks: new Map() };
    throw error;
  }
}

function parseWithSettingsBlocks(text: string, base: number, errors: ParseError[]): ParsedJson {
  // The tree is built as parseTree builds it (same node shapes, same error recovery), apart from the blocks' contents.
  const top: MutableNode = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  let current = top;
  let block: OpenBlock | undefined;
  const settingsBlocks = new Map<JsonNode, SettingsScope>();
  const lazyBlocks: Array<{ node: MutableNode; offset: number }> = [];

  const completeProperty = (end: number) => {
    if (current.type === 'property') {
      current.length = end - current.offset;
      current = current.parent!;
    }
  };
  const add = (node: MutableNode) => {
    current.children!.push(node);
    return node;
  };
  const beginsSettingsBlock = () =>
    current.type === 'property' &&
    current.parent?.parent === top &&
    current.parent.type === 'object' &&
    SETTINGS_BLOCKS.has(current.children![0].value as string);

  visit(
    text,
    {
      onObjectBegin: (offset) => {
        if (block) return block.collector.objectBegin(base + offset);
        if (beginsSettingsBlock()) {
          const node: MutableNode = { type: 'object', offset: base + offset, length: -1, parent: current };
          add(node);
          lazyBlocks.push({ node, offset });
          block = {
            node,
            persistence: current.children![0].value as OpenBlock['persistence'],
            collector: new JsonSettingsCollector(),
          };
          return;
        }
        current = add({ type: 'object', offset: base + offset, length: -1, parent: current, children: [] });
      },
      onObjectProperty: (name, offset, length) => {
        if (block) return block.collector.property(name, base + offset, length);
        current = add({ type: 'property', offset: base + offset, length: -1, parent: current, children: [] });
        current.children!.push({ type: 'string', value: name, offset: base + offset, length, parent: current });
      },
      onObjectEnd: (offset, length) => {
        const end = base + offset + length;
        if (block) {
          if (!block.collector.objectEnd(base + offset, length)) return;
          const { node, persistence, collector } = block;
          node.length = end - node.offset;
          settingsBlocks.set(node as JsonNode, collector.scope('cluster-settings', persistence, { start: node.offset, end }));
          block = undefined;
          completeProperty(end);
          return;
        }
        completeProperty(end); // a property without a value ends with its object
        current.length = end - current.offset;
        current = current.parent!;
        completeProperty(end);
      },
      onArrayBegin: (offset) => {
        if (block) return block.collector.arrayBegin(base + offset);
        current = add({ type: 'array', offset: base + offset, length: -1, parent: current, children: [] });
      },
      onArrayEnd: (offset, length) => {
        if (block) return block.collector.arrayEnd(base + offset, length);
        current.length = base + offset + length - current.offset;
        current = current.parent!;
        completeProperty(base + offset + length);
      },
      onLiteralValue: (value: string | number | boolean | null, offset, length) => {
        if (block) return block.collector.literal(value, base + offset, length);
        add({ type: nodeType(value), offset: base + offset, length, parent: current, value });
        completeProperty(base + offset + length);
      },
      onSeparator: (separator, offset) => {
        if (block) {
          if (separator === ',') block.collector.comma(base + offset);
          return;
        }
        if (current.type !== 'property') return;
        if (separator === ':') current.colonOffset = base + offset;
        else if (separator === ',') completeProperty(base + offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    PARSE_OPTIONS,
  );
  const root = top.children![0];
  if (root) delete root.parent;
  if (lazyBlocks.length > 0) childrenOnDemand(lazyBlocks, text, base);
  // Well-formed text parses the same piece by piece, so a look-up by offset can parse one property of a block.
  if (errors.length === 0) {
    for (const { node } of lazyBlocks) {
      const scope = settingsBlocks.get(node as JsonNode);
      if (scope) blockPieces.set(node as JsonNode, { text, base, occurrences: scope.occurrences, parsed: new Map() });
    }
  }
  return { root: root as JsonNode | undefined, errors, settingsBlocks };
}

function nodeType(value: string | number | boolean | null): JsonNode['type'] {
  if (value === null) return 'null';
  return typeof value as 'string' | 'number' | 'boolean';
}

/**
 * The first read of any block's `children` parses the text again and gives every block the
 * properties of its twin in that tree: the parser is deterministic, so they are the nodes
 * `parseTree` gives, here moved to document offsets.
 */
function childrenOnDemand(blocks: ReadonlyArray<{ node: MutableNode; offset: number }>, text: string, base: number): void {
  const adoptAll = () => {
    let fresh: MutableNode | undefined;
    try {
      fresh = parseTree(text, [], PARSE_OPTIONS) as MutableNode | undefined;
    } catch (error) {
      // Nesting that the first pass could just read may overflow the deeper stack of a later caller:
      // then the blocks show no properties rather than fail the request.
      if (!(error instanceof RangeError)) throw error;
    }
    for (const { node, offset } of blocks) {
      const twin = fresh?.children
        ?.map((property) => property.children?.[1])
        .find((value) => value?.type === 'object' && value.offset === offset && value.length === node.length);
      const children = twin?.children ?? [];
      for (const child of children) {
        child.parent = node;
        shiftOffsets(child, base);
      }
      Object.defineProperty(node, 'children', { configurable: true, enumerable: true, writable: true, value: children });
    }
  };
  for (const { node } of blocks) {
    Object.defineProperty(node, 'children', {
      configurable: true,
      enumerable: true,
      get: () => {
        adoptAll();
        return node.children;
      },
    });
  }
}

/** What a look-up needs to parse one property of a block of a well-formed body. */
interface BlockPieces {
  text: string;
  base: number;
  /** The block's settings, in document order: their `keyStart`s are where its properties' keys start. */
  occurrences: readonly SettingOccurrence[];
  /**
   * Properties already parsed, by start offset. A nested body (`"cluster": {"remote": {…}}`, as
   * `GET _cluster/settings` returns it) is one large property, so it is parsed once per version,
   * not on every completion request inside it.
   */
  parsed: Map<number, JsonNode | undefined | 'unknown'>;
}

const blockPieces = new WeakMap<JsonNode, BlockPieces>();

/**
 * jsonc-parser's `findNodeAtOffset`, without parsing a whole settings block for it: inside a block
 * whose nodes were not asked for yet, only the property holding the offset is parsed (its nodes
 * are those of the full tree; its parent is the block, which does not list it among its children).
 * Completion asks this on every keystroke, and most keystrokes make a new version.
 */
export function nodeAtOffset(node: JsonNode, offset: number, includeRightBound = false): JsonNode | undefined {
  const end = node.offset + node.length;
  if (!((offset >= node.offset && offset < end) || (includeRightBound && offset === end))) return undefined;
  const pieces = blockPieces.get(node);
  if (pieces && Object.getOwnPropertyDescriptor(node, 'children')?.get) {
    const property = blockPropertyAt(node, pieces, offset);
    if (property !== 'unknown') return (property && nodeAtOffset(property, offset, includeRightBound)) ?? node;
  }
  const children = node.children ?? [];
  for (let i = 0; i < children.length && children[i].offset <= offset; i++) {
    const found = nodeAtOffset(children[i], offset, includeRightBound);
    if (found) return found;
  }
  return node;
}

/** The block's property that starts last at or before `offset`, parsed on its own; undefined when none; 'unknown' when it cannot be told. */
function blockPropertyAt(block: JsonNode, pieces: BlockPieces, offset: number): JsonNode | undefined | 'unknown' {
  const { occurrences, text, base } = pieces;
  // The last setting whose outermost key starts (at its quote) at or before the offset.
  let low = 0;
  let high = occurrences.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (occurrences[mid].keyStart - 1 <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found < 0) return undefined;
  const start = occurrences[found].keyStart - 1;
  // Its property runs to where the next one starts, or to the block's closing brace.
  let next = found + 1;
  while (next < occurrences.length && occurrences[next].keyStart - 1 === start) next++;
  const end = next < occurrences.length ? occurrences[next].keyStart - 1 : block.offset + block.length - 1;
  if (start < block.offset || end <= start) return 'unknown';
  if (pieces.parsed.has(start)) return pieces.parsed.get(start);
  const property = parseBlockProperty(block, text.slice(start - base, end - base), start);
  pieces.parsed.set(start, property);
  return property;
}

/** One property of a block, parsed from its own text (`start` is where it begins in the document). */
function parseBlockProperty(block: JsonNode, propertyText: string, start: number): JsonNode | 'unknown' {
  const errors: ParseError[] = [];
  let piece: MutableNode | undefined;
  try {
    // `{` stands in for the text before the property; a comma left before `}` is allowed.
    piece = parseTree(`{${propertyText}}`, errors, PARSE_OPTIONS) as MutableNode | undefined;
  } catch (error) {
    if (error instanceof RangeError) return 'unknown';
    throw error;
  }
  const property = piece?.children?.[0];
  if (errors.length > 0 || piece?.children?.length !== 1 || property?.type !== 'property' || property.offset !== 1)
    return 'unknown';
  shiftOffsets(property as JsonNode, start - 1);
  property.parent = block as MutableNode;
  return property as JsonNode;
}
