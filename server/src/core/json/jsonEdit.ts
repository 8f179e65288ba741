import { visit, type Node as JsonNode } from 'jsonc-parser';
import { JsonOccurrence, JsonSettingsCollector, jsonSettingsScope, nestedContainer } from '../model/jsonSettings';
import { carryScopeModel } from '../model/remoteAliases';
import type { KeySegment, SettingOccurrence, SettingsScope } from '../model/settingsScope';
import {
  childrenOnDemand,
  editableParse,
  lastAtOrBefore,
  PARSE_OPTIONS,
  rememberBlocks,
  type MutableNode,
  type NestedObject,
  type ParsedJson,
  type SettingsBlock,
} from './parseJson';

/**
 * The next version's parse of a `_cluster/settings` body, made from the previous one when an edit
 * stays inside one piece of a settings block: a keystroke in an 18,000-line body then parses a line
 * or two instead of the whole text, and everything after the edit is moved.
 *
 * The pieces are the stretches of a block between its structural positions: where each setting's
 * property starts, where each nested object's property starts, just after its `{`, at its `}` and
 * just after it. A piece holds whole settings (with the commas and blanks after them) or only
 * commas and blanks, never part of a nested object's structure. The edited piece's new text is
 * parsed on its own, between stand-ins for what is around it: `{` where a property may start,
 * `{"":0` after a property, `"":0}` before the next property's key, `}` before the object's end.
 * jsonc-parser reads it without an error, as the same kinds of properties, and with the stand-in
 * key starting exactly where the next key does, only when the whole new text would parse so too:
 * the text after the piece is unchanged and is read from a token boundary in the same state, and
 * what is before it is unchanged and ends with `{`, `,` or blanks. Anything else (a syntax error,
 * a nested object made or removed, an edit across pieces or outside the blocks) is parsed in full.
 *
 * The previous parse is changed in place (its nodes and settings moved) and must not be used
 * afterwards, as `ParseOptions.previous` says. test/unit/core/json/jsonEdit.test.ts compares the
 * result with a full parse after thousands of random edits.
 */
export function parseEditedJson(previousRoot: JsonNode | undefined, text: string): ParsedJson | undefined {
  const previous = editableParse(previousRoot);
  if (!previous || !previousRoot) return undefined;
  const edit = editBetween(previous.text, text);
  const blockIndex = previous.blocks.findIndex(({ node }) => node.offset < edit.start && edit.oldEnd < node.offset + node.length);
  if (blockIndex < 0) return undefined;
  const block = previous.blocks[blockIndex];
  const piece = pieceHolding(block, edit.start, edit.oldEnd);
  if (!piece) return undefined;
  const settings = parsePiece(piece, text.slice(piece.start, piece.end + edit.delta), block);
  if (!settings) return undefined;

  moveAfterEdit(previousRoot as MutableNode, previous.blocks, edit);
  const blocks: SettingsBlock[] = previous.blocks.map(({ node, scope, objects }, index) => {
    const span = { start: node.offset, end: node.offset + node.length };
    if (index !== blockIndex) {
      const moved = { ...scope, span };
      carryScopeModel(scope, moved, { successors: new Map(), from: edit.oldEnd, delta: edit.delta });
      return { node, objects, scope: moved };
    }
    const replaced = scope.occurrences.slice(piece.firstSetting, piece.endSetting);
    const occurrences = [
      ...scope.occurrences.slice(0, piece.firstSetting),
      ...settings,
      ...scope.occurrences.slice(piece.endSetting),
    ];
    return { node, objects, scope: editedScope(scope, span, occurrences, replaced, settings, edit) };
  });
  childrenOnDemand(
    blocks.map(({ node }) => node),
    text,
    0,
  );
  rememberBlocks(previousRoot, text, 0, blocks);
  return {
    root: previousRoot,
    errors: [],
    settingsBlocks: new Map(blocks.map(({ node, scope }) => [node as JsonNode, scope])),
    reusedPrevious: true,
  };
}

/** Where two versions of a text differ: `start`–`oldEnd` of the old text became `start`–`oldEnd + delta` of the new. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  delta: number;
}

export function editBetween(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  // Slices compare a block at a time, several times faster than a loop over characters.
  let start = 0;
  while (
    start + COMPARED_BLOCK <= shorter &&
    before.slice(start, start + COMPARED_BLOCK) === after.slice(start, start + COMPARED_BLOCK)
  )
    start += COMPARED_BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const most = shorter - start;
  let common = 0;
  while (
    common + COMPARED_BLOCK <= most &&
    before.slice(before.length - common - COMPARED_BLOCK, before.length - common) ===
      after.slice(after.length - common - COMPARED_BLOCK, after.length - common)
  )
    common += COMPARED_BLOCK;
  while (common < most && before.charCodeAt(before.length - 1 - common) === after.charCodeAt(after.length - 1 - common)) common++;
  return { start, oldEnd: before.length - common, delta: after.length - before.length };
}

const COMPARED_BLOCK = 1024;

/** What is just before a piece: a property may start there (`{`, `,`), or a property just ended (a nested object's `}`). */
type PieceStart = 'property' | 'afterProperty';

interface Piece {
  start: number;
  /** In the old text. */
  end: number;
  before: PieceStart;
  /** What the old text has at `end`: the next property's key, or the `}` of the object the piece is in. */
  next: '"' | '}';
  /** The index in the recorded objects of the object the piece is in; -1 for the block itself. */
  container: number;
  /** The block's settings in the piece: `firstSetting` up to `endSetting` (exclusive), in the old text. */
  firstSetting: number;
  endSetting: number;
  /** Whether the object the piece is in has properties other than the piece's; always true of the block, which may be empty. */
  otherProperties: boolean;
}

/**
 * The piece from the one holding `from` to the one holding `to` (offsets in the old text), when
 * they are in the same object with no nested object between them; undefined otherwise, and on a
 * nested object's key, `{` or `}` (text inserted just before a `}` belongs to the piece before it).
 */
function pieceHolding(block: SettingsBlock, from: number, to: number): Piece | undefined {
  const { objects, node } = block;
  const settings = block.scope.occurrences;
  const settingStart = (index: number) => settings[index].entrySpan.start;
  // The innermost object holding `from`, as in nodeInBlock.
  const lastObjectBefore = lastAtOrBefore(objects.length, (i) => objects[i].propertyStart, from);
  let container = lastObjectBefore;
  while (container >= 0 && !(from >= objects[container].propertyStart && from < objects[container].objectEnd))
    container = objects[container].parent;
  const object: NestedObject | undefined = objects[container];
  const open = object ? object.objectStart + 1 : node.offset + 1;
  const close = object ? object.objectEnd - 1 : node.offset + node.length - 1;
  if (from < open || to > close || (from === close && to !== from)) return undefined;

  // The piece starts after the `{`, after the last nested object that ended before `from`, or at
  // the last setting before it, whichever is last.
  let start = open;
  let before: PieceStart = 'property';
  let child = lastObjectBefore;
  while (child > container && objects[child].parent !== container) child = objects[child].parent;
  if (child > container) {
    start = objects[child].objectEnd;
    before = 'afterProperty';
  }
  const lastSetting = lastAtOrBefore(settings.length, settingStart, from);
  const startsAtSetting = lastSetting >= 0 && settingStart(lastSetting) >= start;
  if (startsAtSetting) {
    start = settingStart(lastSetting);
    before = 'property';
  }
  // It ends where the first setting or nested object at or after `to` starts, or at the `}`.
  const firstSetting = startsAtSetting ? lastSetting : lastSetting + 1;
  let endSetting = lastAtOrBefore(settings.length, settingStart, Math.max(to - 1, start)) + 1;
  let end = endSetting < settings.length ? Math.min(close, settingStart(endSetting)) : close;
  const nextObject = lastObjectBefore + 1;
  if (nextObject < objects.length && objects[nextObject].propertyStart < end) {
    // A nested object starts inside: the edit must end before it.
    if (objects[nextObject].propertyStart < to) return undefined;
    end = objects[nextObject].propertyStart;
    endSetting = lastAtOrBefore(settings.length, settingStart, end - 1) + 1;
  }
  // The block may be empty; a nested object must keep a property, or it would be a setting of its own.
  const otherProperties =
    !object ||
    (firstSetting > 0 && settingStart(firstSetting - 1) > object.objectStart) ||
    (endSetting < settings.length && settingStart(endSetting) < object.objectEnd) ||
    (container + 1 < objects.length && objects[container + 1].propertyStart < object.objectEnd);
  return { start, end, before, next: end === close ? '}' : '"', container, firstSetting, endSetting, otherProperties };
}

/**
 * The settings of the piece's new text (document offsets of the new text), or undefined when the
 * text would not parse as a piece in its place (see parseEditedJson).
 */
function parsePiece(piece: Piece, pieceText: string, block: SettingsBlock): SettingOccurrence[] | undefined {
  const prefix = piece.before === 'property' ? '{' : '{"":0';
  const suffix = piece.next === '"' ? '"":0}' : '}';
  const toDocument = piece.start - prefix.length;
  const collector = new JsonSettingsCollector(containerOf(block.objects, piece.container));
  let depth = 0;
  let arrays = 0;
  let failed = false;
  let lastKey = -1;
  try {
    visit(
      prefix + pieceText + suffix,
      {
        onObjectBegin: (offset) => {
          // A new nested object of settings would need a record of its own.
          if (depth > 0 && arrays === 0) failed = true;
          if (depth++ > 0) collector.objectBegin(offset + toDocument);
        },
        onObjectProperty: (name, offset, length) => {
          if (depth === 1) lastKey = offset;
          collector.property(name, offset + toDocument, length);
        },
        onObjectEnd: (offset, length) => {
          collector.objectEnd(offset + toDocument, length);
          depth--;
        },
        onArrayBegin: (offset) => {
          arrays++;
          depth++;
          collector.arrayBegin(offset + toDocument);
        },
        onArrayEnd: (offset, length) => {
          arrays--;
          depth--;
          collector.arrayEnd(offset + toDocument, length);
        },
        onLiteralValue: (value: string | number | boolean | null, offset, length) =>
          collector.literal(value, offset + toDocument, length),
        onSeparator: (separator, offset) => {
          if (separator === ',') collector.comma(offset + toDocument);
        },
        onError: () => {
          failed = true;
        },
      },
      PARSE_OPTIONS,
    );
  } catch (error) {
    if (error instanceof RangeError) return undefined; // nested too deeply for the stack: the full parse says so
    throw error;
  }
  // The stand-in for the next key must start where the next key will.
  if (failed || (piece.next === '"' && lastKey !== prefix.length + pieceText.length)) return undefined;
  const pieceEnd = piece.start + pieceText.length;
  const settings = collector.collected().filter((setting) => setting.start >= piece.start && setting.start < pieceEnd);
  // An object of settings left with no property, or an empty one given one, becomes a setting of its own.
  if (!piece.otherProperties && (settings.length === 0 || piece.endSetting === piece.firstSetting)) return undefined;
  return settings;
}

/** What the keys of the properties of the recorded object `index` (-1: the block) are made of. */
function containerOf(objects: readonly NestedObject[], index: number) {
  const keys: Array<{ text: string; offset: number }> = [];
  for (let i = index; i >= 0; i = objects[i].parent) keys.unshift({ text: objects[i].key, offset: objects[i].propertyStart });
  return nestedContainer(keys);
}

/**
 * Moves every position at or after the edit by its length: the tree's nodes outside the blocks,
 * the blocks' settings and recorded objects. The edited piece itself is replaced, not moved. A
 * position is a start (moved when at or after the edit's end) or an end, just after something
 * (moved when after the edit's start: what ends where text is inserted does not grow).
 */
function moveAfterEdit(root: MutableNode, blocks: readonly SettingsBlock[], edit: TextEdit): void {
  const { start, oldEnd, delta } = edit;
  if (delta === 0) return;
  const blockNodes = new Set(blocks.map(({ node }) => node));
  const stack: MutableNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const end = node.offset + node.length;
    if (node.offset >= oldEnd) node.offset += delta;
    if (end > start) node.length = end + delta - node.offset;
    if (node.colonOffset !== undefined && node.colonOffset >= oldEnd) node.colonOffset += delta;
    // A block's properties are read on demand: they are parsed from the new text when asked for.
    if (!blockNodes.has(node) && node.children) stack.push(...node.children);
  }
  const moved = new Set<KeySegment>();
  for (const { scope, objects } of blocks) {
    for (const setting of scope.occurrences) {
      if (!(setting instanceof JsonOccurrence)) throw new TypeError('A JSON settings block holds only JSON settings');
      if (setting.start >= oldEnd) setting.moveBy(delta, oldEnd, moved);
    }
    for (const object of objects) {
      if (object.propertyStart >= oldEnd) {
        object.propertyStart += delta;
        object.objectStart += delta;
        if (object.colonOffset !== undefined) object.colonOffset += delta;
      }
      if (object.objectEnd > start) object.objectEnd += delta;
    }
  }
}

/**
 * The edited block's scope. An edit that keeps the keys of the settings it touched (a value typed,
 * blanks) keeps the look-up by key, the list of duplicates and what the rules worked out about the
 * remotes (remoteAliases.ts), with the new settings in place of the old: the previous parse is not
 * used afterwards, so they are taken over.
 */
function editedScope(
  scope: SettingsScope,
  span: SettingsScope['span'],
  occurrences: SettingOccurrence[],
  replaced: readonly SettingOccurrence[],
  settings: readonly SettingOccurrence[],
  edit: TextEdit,
): SettingsScope {
  if (replaced.length !== settings.length || replaced.some((old, i) => old.key !== settings[i].key))
    return jsonSettingsScope(scope.origin, scope.persistence, span, occurrences);
  const byKey = scope.byKey as Map<string, SettingOccurrence>;
  const successor = new Map<SettingOccurrence, SettingOccurrence>();
  replaced.forEach((old, i) => {
    successor.set(old, settings[i]);
    if (byKey.get(old.key) === old) byKey.set(old.key, settings[i]);
  });
  const duplicates = scope.duplicates.map((pair) =>
    successor.has(pair.first) || successor.has(pair.again)
      ? { first: successor.get(pair.first) ?? pair.first, again: successor.get(pair.again) ?? pair.again }
      : pair,
  );
  const next = { ...scope, span, occurrences, byKey, duplicates };
  carryScopeModel(scope, next, { successors: successor, from: edit.oldEnd, delta: edit.delta });
  return next;
}
