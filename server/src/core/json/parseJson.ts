import { parseTree, visit, type Node as JsonNode, type ParseError, type ParseOptions } from 'jsonc-parser';
import { JsonSettingsCollector, jsonSettingsScope } from '../model/jsonSettings';
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
  /** Made from the previous version's parse by an edit (jsonEdit.ts) rather than parsed in full. */
  reusedPrevious?: boolean;
}

export const PARSE_OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false };

const SETTINGS_BLOCKS = new Set(['persistent', 'transient']);

/** A node as built here; jsonc-parser types its nodes read-only. */
export interface MutableNode {
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
  recorder: NestedObjectRecorder;
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
  const lazyBlocks: MutableNode[] = [];
  const recorders: NestedObjectRecorder[] = []; // one per lazy block

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
        if (block) {
          block.recorder.objectBegin(base + offset);
          return block.collector.objectBegin(base + offset);
        }
        if (beginsSettingsBlock()) {
          const node: MutableNode = { type: 'object', offset: base + offset, length: -1, parent: current };
          add(node);
          const recorder = new NestedObjectRecorder();
          lazyBlocks.push(node);
          recorders.push(recorder);
          block = {
            node,
            persistence: current.children![0].value as OpenBlock['persistence'],
            collector: new JsonSettingsCollector(),
            recorder,
          };
          return;
        }
        current = add({ type: 'object', offset: base + offset, length: -1, parent: current, children: [] });
      },
      onObjectProperty: (name, offset, length) => {
        if (block) {
          block.recorder.property(name, base + offset, length);
          return block.collector.property(name, base + offset, length);
        }
        current = add({ type: 'property', offset: base + offset, length: -1, parent: current, children: [] });
        current.children!.push({ type: 'string', value: name, offset: base + offset, length, parent: current });
      },
      onObjectEnd: (offset, length) => {
        const end = base + offset + length;
        if (block) {
          block.recorder.end(end);
          if (!block.collector.objectEnd(base + offset, length)) return;
          const { node, persistence, collector } = block;
          node.length = end - node.offset;
          settingsBlocks.set(
            node as JsonNode,
            jsonSettingsScope('cluster-settings', persistence, { start: node.offset, end }, collector.collected()),
          );
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
        if (block) {
          block.recorder.arrayBegin();
          return block.collector.arrayBegin(base + offset);
        }
        current = add({ type: 'array', offset: base + offset, length: -1, parent: current, children: [] });
      },
      onArrayEnd: (offset, length) => {
        if (block) {
          block.recorder.end(base + offset + length);
          return block.collector.arrayEnd(base + offset, length);
        }
        current.length = base + offset + length - current.offset;
        current = current.parent!;
        completeProperty(base + offset + length);
      },
      onLiteralValue: (value: string | number | boolean | null, offset, length) => {
        if (block) {
          block.recorder.other();
          return block.collector.literal(value, base + offset, length);
        }
        add({ type: nodeType(value), offset: base + offset, length, parent: current, value });
        completeProperty(base + offset + length);
      },
      onSeparator: (separator, offset) => {
        if (block) {
          if (separator === ':') {
            block.recorder.colon(base + offset);
          } else if (separator === ',') {
            block.recorder.other();
            block.collector.comma(base + offset);
          }
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
  if (errors.length === 0 && root)
    rememberBlocks(
      root as JsonNode,
      text,
      base,
      lazyBlocks.map((node, index) => ({
        node,
        scope: settingsBlocks.get(node as JsonNode)!,
        objects: recorders[index].objects,
      })),
    );
  return { root: root as JsonNode | undefined, errors, settingsBlocks };
}

/** A settings block of a well-formed body: its object node, its settings and the objects nested in it. */
export interface SettingsBlock {
  node: MutableNode;
  scope: SettingsScope;
  objects: NestedObject[];
}

/** A parse of a whole well-formed document with settings blocks: what jsonEdit.ts makes the next version's parse from. */
export interface EditableParse {
  text: string;
  blocks: SettingsBlock[];
}

const editableParses = new WeakMap<JsonNode, EditableParse>();

/** The parse `root` is the tree of, when the next version's parse can be made from it by an edit. */
export function editableParse(root: JsonNode | undefined): EditableParse | undefined {
  return root && editableParses.get(root);
}

/**
 * Keeps what look-ups by offset and the next version's parse need of a well-formed text's blocks:
 * well-formed text parses the same piece by piece, so a look-up can parse one leaf property of a
 * block, and an edit inside a block can parse only what it touched (jsonEdit.ts).
 */
export function rememberBlocks(root: JsonNode, text: string, base: number, blocks: SettingsBlock[]): void {
  for (const { node, scope, objects } of blocks)
    blockPieces.set(node as JsonNode, {
      text,
      base,
      occurrences: scope.occurrences,
      objects,
      objectProperties: [],
      leaves: new Map(),
    });
  if (base === 0) editableParses.set(root, { text, blocks });
}

function nodeType(value: string | number | boolean | null): JsonNode['type'] {
  if (value === null) return 'null';
  return typeof value as 'string' | 'number' | 'boolean';
}

/**
 * The first read of any block's `children` parses the text again and gives every block the
 * properties of its twin in that tree: the parser is deterministic, so they are the nodes
 * `parseTree` gives, here moved to document offsets. Properties a look-up by offset built before
 * stand in for their twins, so each node has one copy.
 */
export function childrenOnDemand(blocks: readonly MutableNode[], text: string, base: number): void {
  const adoptAll = () => {
    let fresh: MutableNode | undefined;
    try {
      fresh = parseTree(text, [], PARSE_OPTIONS) as MutableNode | undefined;
    } catch (error) {
      // Nesting that the first pass could just read may overflow the deeper stack of a later caller:
      // then the blocks show no properties rather than fail the request.
      if (!(error instanceof RangeError)) throw error;
    }
    for (const node of blocks) {
      const offset = node.offset - base;
      const twin = fresh?.children
        ?.map((property) => property.children?.[1])
        .find((value) => value?.type === 'object' && value.offset === offset && value.length === node.length);
      const pieces = blockPieces.get(node as JsonNode);
      const children = (twin?.children ?? []).map((child) => {
        shiftOffsets(child, base);
        return pieces ? adoptChild(node, pieces, -1, child) : Object.assign(child, { parent: node });
      });
      Object.defineProperty(node, 'children', { configurable: true, enumerable: true, writable: true, value: children });
    }
  };
  for (const node of blocks) {
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

/**
 * An object that is a property's value inside a settings block, reached from the block through
 * objects only (the `"remote": {…}` and each alias's `{…}` of a nested body), as the parser
 * reported it. Leaves are not recorded: the block's setting occurrences already give their spans.
 */
export interface NestedObject {
  /** Where its property's key starts (the opening quote), which is where the property starts. */
  propertyStart: number;
  keyLength: number;
  key: string;
  colonOffset: number | undefined;
  objectStart: number;
  /** Just after the closing brace; -1 while open. */
  objectEnd: number;
  /** The index of the recorded object it is in; -1 for the block itself. */
  parent: number;
}

/** Not a recorded object: an array, or an object inside one. */
const UNRECORDED = -2;

/** Records a block's nested objects from the parser's events (offsets are document offsets). */
class NestedObjectRecorder {
  readonly objects: NestedObject[] = [];
  /** The containers the events are inside, innermost last: a record's index, -1 for the block, or UNRECORDED. */
  private readonly open: number[] = [-1];
  private pending: { key: string; offset: number; length: number; colonOffset?: number } | undefined;

  objectBegin(offset: number): void {
    const container = this.open[this.open.length - 1];
    const pending = this.pending;
    this.pending = undefined;
    if (container === UNRECORDED || !pending) {
      this.open.push(UNRECORDED);
      return;
    }
    this.open.push(this.objects.length);
    this.objects.push({
      propertyStart: pending.offset,
      keyLength: pending.length,
      key: pending.key,
      colonOffset: pending.colonOffset,
      objectStart: offset,
      objectEnd: -1,
      parent: container,
    });
  }

  property(key: string, offset: number, length: number): void {
    this.pending = this.open[this.open.length - 1] === UNRECORDED ? undefined : { key, offset, length };
  }

  colon(offset: number): void {
    if (this.pending) this.pending.colonOffset = offset;
  }

  /** A literal, a comma or an array ends the property waiting for an object. */
  other(): void {
    this.pending = undefined;
  }

  arrayBegin(): void {
    this.pending = undefined;
    this.open.push(UNRECORDED);
  }

  /** The end of an object or an array (the block's own end too, which nothing reads afterwards). */
  end(end: number): void {
    this.pending = undefined;
    const closed = this.open.pop();
    if (closed !== undefined && closed >= 0) this.objects[closed].objectEnd = end;
  }
}

/** What a look-up needs to build, piece by piece, the nodes of a block of a well-formed body. */
interface BlockPieces {
  text: string;
  base: number;
  /** The block's settings, in document order: their entry spans are the spans of the properties that are leaves. */
  occurrences: readonly SettingOccurrence[];
  /** The block's nested objects, in document order (an object before the objects inside it). */
  objects: readonly NestedObject[];
  /** Nodes already built, kept for the version: the property of each recorded object, by its index. */
  objectProperties: Array<JsonNode | undefined>;
  /** Leaf properties already parsed, by start offset. */
  leaves: Map<number, JsonNode>;
}

const blockPieces = new WeakMap<JsonNode, BlockPieces>();

/**
 * jsonc-parser's `findNodeAtOffset`, without parsing a whole settings block for it. Completion
 * asks this on every keystroke, and most keystrokes make a new version; in a nested body
 * (`"cluster": {"remote": {…}}`, as `GET _cluster/settings` returns it) nearly the whole block is
 * one property. So inside a block whose nodes were not asked for yet, the answer is built from the
 * objects recorded by the first pass and the settings' spans: only the leaf property holding the
 * offset is parsed, and the objects around it are made from their records, with their `children`
 * parsed only when read. The nodes are those `parseTree` gives, and they are the ones the block's
 * and the objects' `children` list when read, before or after.
 */
export function nodeAtOffset(node: JsonNode, offset: number, includeRightBound = false): JsonNode | undefined {
  if (!within(node.offset, node.offset + node.length, offset, includeRightBound)) return undefined;
  const pieces = blockPieces.get(node);
  if (pieces) {
    const found = nodeInBlock(node, pieces, offset, includeRightBound);
    if (found !== 'unknown') return found;
  }
  const children = node.children ?? [];
  for (let i = 0; i < children.length && children[i].offset <= offset; i++) {
    const found = nodeAtOffset(children[i], offset, includeRightBound);
    if (found) return found;
  }
  return node;
}

function within(start: number, end: number, offset: number, includeRightBound: boolean): boolean {
  return (offset >= start && offset < end) || (includeRightBound && offset === end);
}

/** The node at `offset` inside the block (which holds it); 'unknown' when it cannot be told. */
function nodeInBlock(block: JsonNode, pieces: BlockPieces, offset: number, includeRightBound: boolean): JsonNode | 'unknown' {
  const { objects } = pieces;
  // The innermost recorded object whose property holds the offset: records nest and come in document
  // order, so it is the last one starting at or before the offset, or one of its ancestors.
  let index = lastAtOrBefore(objects.length, (i) => objects[i].propertyStart, offset);
  while (index >= 0 && !within(objects[index].propertyStart, objects[index].objectEnd, offset, includeRightBound))
    index = objects[index].parent;
  const object = index >= 0 ? objects[index] : undefined;
  if (object && offset < object.objectStart) {
    // On the property's key, or between its key and its value: only the key and the value's span are needed.
    const property = objectProperty(block, pieces, index);
    return property === 'unknown' ? property : (nodeAtOffset(property, offset, includeRightBound) ?? 'unknown');
  }
  const container = object ? objectProperty(block, pieces, index) : block;
  if (container === 'unknown') return container;
  const containerNode = object ? container.children![1] : block;
  // A leaf property of that object holding the offset (no deeper recorded object does).
  const { occurrences } = pieces;
  const leafIndex = lastAtOrBefore(occurrences.length, (i) => occurrences[i].entrySpan.start, offset);
  const leaf = leafIndex >= 0 ? occurrences[leafIndex].entrySpan : undefined;
  if (!leaf || leaf.start <= containerNode.offset || !within(leaf.start, leaf.end, offset, includeRightBound))
    return containerNode; // between its properties
  const property = leafProperty(containerNode, pieces, leaf.start, leaf.end);
  return property === 'unknown' ? property : (nodeAtOffset(property, offset, includeRightBound) ?? 'unknown');
}

/** The index of the last of `count` ascending positions that is at or before `offset`; -1 when none. */
export function lastAtOrBefore(count: number, position: (index: number) => number, offset: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (position(mid) <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The property node of a recorded object, with its key and its value (whose children are parsed when read). */
function objectProperty(block: JsonNode, pieces: BlockPieces, index: number): JsonNode | 'unknown' {
  const built = pieces.objectProperties[index];
  if (built) return built;
  const record = pieces.objects[index];
  if (record.objectEnd < 0) return 'unknown';
  let parent: MutableNode;
  if (record.parent < 0) {
    parent = block as MutableNode;
  } else {
    const parentProperty = objectProperty(block, pieces, record.parent);
    if (parentProperty === 'unknown') return parentProperty;
    parent = parentProperty.children![1] as MutableNode;
  }
  const property: MutableNode = {
    type: 'property',
    offset: record.propertyStart,
    length: record.objectEnd - record.propertyStart,
    parent,
    children: [],
  };
  if (record.colonOffset !== undefined) property.colonOffset = record.colonOffset;
  const value: MutableNode = {
    type: 'object',
    offset: record.objectStart,
    length: record.objectEnd - record.objectStart,
    parent: property,
  };
  property.children!.push(
    { type: 'string', value: record.key, offset: record.propertyStart, length: record.keyLength, parent: property },
    value,
  );
  objectChildrenOnDemand(value, pieces, index);
  pieces.objectProperties[index] = property as JsonNode;
  return property as JsonNode;
}

/**
 * The first read of a built object's `children` parses its text; the properties already built
 * (recorded objects' and parsed leaves) stand in for their fresh twins, so every node has one copy.
 */
function objectChildrenOnDemand(object: MutableNode, pieces: BlockPieces, index: number): void {
  const materialize = (): MutableNode[] => {
    const { text, base } = pieces;
    let fresh: MutableNode | undefined;
    try {
      fresh = parseTree(text.slice(object.offset - base, object.offset + object.length - base), [], PARSE_OPTIONS) as
        MutableNode | undefined;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error; // as in childrenOnDemand
    }
    return (fresh?.children ?? []).map((child) => {
      shiftOffsets(child as JsonNode, object.offset);
      return adoptChild(object, pieces, index, child);
    });
  };
  Object.defineProperty(object, 'children', {
    configurable: true,
    enumerable: true,
    get: () => {
      const children = materialize();
      Object.defineProperty(object, 'children', { configurable: true, enumerable: true, writable: true, value: children });
      return children;
    },
  });
}

/**
 * A property freshly parsed as a child of `object` (the recorded object `index`, -1 for the block),
 * at document offsets: the node already built for it if there is one, else it, now kept with the
 * properties inside it (nothing inside a property was built before the property itself).
 */
function adoptChild(object: MutableNode, pieces: BlockPieces, index: number, child: MutableNode): MutableNode {
  const recorded = recordedChild(pieces, index, child.offset);
  const known = recorded >= 0 ? pieces.objectProperties[recorded] : pieces.leaves.get(child.offset);
  if (known) {
    if (recorded >= 0) listFreshChildren(known as MutableNode, child, pieces, recorded);
    return known as MutableNode;
  }
  child.parent = object;
  if (recorded >= 0) keepSubtree(pieces, recorded, child);
  else pieces.leaves.set(child.offset, child as JsonNode);
  return child;
}

/** A built object property whose value's children were not read yet takes them from its fresh twin rather than parse them again. */
function listFreshChildren(built: MutableNode, fresh: MutableNode, pieces: BlockPieces, index: number): void {
  const value = built.children![1];
  if (!Object.getOwnPropertyDescriptor(value, 'children')?.get) return;
  const children = (fresh.children?.[1]?.children ?? []).map((child) => adoptChild(value, pieces, index, child));
  Object.defineProperty(value, 'children', { configurable: true, enumerable: true, writable: true, value: children });
}

function keepSubtree(pieces: BlockPieces, index: number, property: MutableNode): void {
  pieces.objectProperties[index] = property as JsonNode;
  for (const child of property.children?.[1]?.children ?? []) {
    const recorded = recordedChild(pieces, index, child.offset);
    if (recorded >= 0) keepSubtree(pieces, recorded, child);
    else pieces.leaves.set(child.offset, child as JsonNode);
  }
}

/** The index of the recorded object whose property starts at `start` inside the recorded object `parent`; -1 when none. */
function recordedChild(pieces: BlockPieces, parent: number, start: number): number {
  const { objects } = pieces;
  const found = lastAtOrBefore(objects.length, (i) => objects[i].propertyStart, start);
  return found >= 0 && objects[found].propertyStart === start && objects[found].parent === parent ? found : -1;
}

/** A leaf property of `object` (its span is `start`–`end`), parsed from its own text. */
function leafProperty(object: JsonNode, pieces: BlockPieces, start: number, end: number): JsonNode | 'unknown' {
  const known = pieces.leaves.get(start);
  if (known) return known;
  const errors: ParseError[] = [];
  let piece: MutableNode | undefined;
  try {
    // `{` stands in for the text before the property, `}` for the text after it.
    piece = parseTree(`{${pieces.text.slice(start - pieces.base, end - pieces.base)}}`, errors, PARSE_OPTIONS) as
      MutableNode | undefined;
  } catch (error) {
    if (error instanceof RangeError) return 'unknown';
    throw error;
  }
  const property = piece?.children?.[0];
  const whole = property?.type === 'property' && property.offset === 1 && property.length === end - start;
  if (errors.length > 0 || piece?.children?.length !== 1 || !whole) return 'unknown';
  shiftOffsets(property as JsonNode, start - 1);
  property.parent = object as MutableNode;
  pieces.leaves.set(start, property as JsonNode);
  return property as JsonNode;
}
