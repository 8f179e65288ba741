import { findNodeAtOffset, type Node as JsonNode } from 'jsonc-parser';
import type { ConfigDocument } from '../../model/configDocument';
import {
  isNullValue,
  type KeySegment,
  type ScalarValue,
  type SettingOccurrence,
  type SettingsScope,
} from '../../model/settingsScope';
import type { Fix, Span, TextEdit } from '../../types';
import { spanOfSegments } from '../../model/remoteAliases';

/**
 * Text edits for quick fixes that work on every form a setting can be written in: flat or
 * nested YAML keys, JSON bodies flat or nested. They only rely on the spans of the one parse.
 * A builder returns undefined when it cannot produce a safe edit (e.g. a YAML flow map); the rule
 * then offers no fix rather than a wrong one.
 */

/** Indexes of the segments that begin a key as written: 0, then each nested key. */
function keyNodeLevels(segments: readonly KeySegment[]): number[] {
  const levels = [0];
  for (let i = 1; i < segments.length; i++) {
    // Parts of one flat key are separated by exactly one dot; anything else starts a new key.
    if (segments[i].span.start !== segments[i - 1].span.end + 1) levels.push(i);
  }
  return levels;
}

/** Offset where the key node starting at `level` begins, including its opening quote. */
function keyNodeStart(document: ConfigDocument, occurrence: SettingOccurrence, level: number): number {
  const start = occurrence.segments[level].span.start;
  const before = document.text[start - 1];
  return before === '"' || before === "'" ? start - 1 : start;
}

/** Offset just after the line break that ends the line holding `offset` (or already at a line start). */
function afterLineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** A scalar written the way the document's format wants it. */
export function literal(value: ScalarValue, format: 'yaml' | 'json'): string {
  if (typeof value !== 'string') return String(value);
  if (format === 'json') return JSON.stringify(value);
  return /^[A-Za-z0-9_./-][A-Za-z0-9_.:/-]*$/.test(value) && !/^(true|false|null|~|-?\d+(\.\d+)?)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/**
 * Occurrences that share a key node, per scope: only occurrences written under the same outermost
 * key can share one. Built once per scope (and per group on first use), so removing settings stays
 * linear in the number of settings however many findings offer a removal.
 */
interface KeyNodeGroup {
  members: SettingOccurrence[];
  /** How many members have a segment starting at an offset, by `level:offset`; filled on first use. */
  counts?: Map<string, number>;
  memberSet?: Set<SettingOccurrence>;
}
const keyNodeGroups = new WeakMap<SettingsScope, Map<number, KeyNodeGroup>>();

function keyNodeGroup(scope: SettingsScope, occurrence: SettingOccurrence): KeyNodeGroup {
  let groups = keyNodeGroups.get(scope);
  if (!groups) {
    groups = new Map();
    for (const other of scope.occurrences) {
      const group = groups.get(other.keyStart);
      if (group) group.members.push(other);
      else groups.set(other.keyStart, { members: [other] });
    }
    keyNodeGroups.set(scope, groups);
  }
  return groups.get(occurrence.keyStart) ?? { members: [] };
}

/** Whether another occurrence of the scope has the same key node at `level` (so removing it would remove that one too). */
function keyNodeShared(scope: SettingsScope, occurrence: SettingOccurrence, level: number): boolean {
  const group = keyNodeGroup(scope, occurrence);
  if (group.members.length === 1 && group.members[0] === occurrence) return false;
  if (!group.counts) {
    group.counts = new Map();
    group.memberSet = new Set(group.members);
    for (const member of group.members) {
      member.segments.forEach((segment, index) => {
        const key = `${index}:${segment.span.start}`;
        group.counts!.set(key, (group.counts!.get(key) ?? 0) + 1);
      });
    }
  }
  const own = group.memberSet?.has(occurrence) ? 1 : 0;
  return (group.counts.get(`${level}:${occurrence.segments[level].span.start}`) ?? 0) > own;
}

/**
 * Removes a setting. When it is the only setting under a nested key (`a:` holding just `seeds:`),
 * the emptied parent goes too, so no key is left without a value.
 */
export function removeSettingEdits(
  document: ConfigDocument,
  scope: SettingsScope,
  occurrence: SettingOccurrence,
): TextEdit[] | undefined {
  if (occurrence.assignment) return removeAssignmentLine(document.text, occurrence);
  const levels = keyNodeLevels(occurrence.segments);
  const level = levels.find((l) => !keyNodeShared(scope, occurrence, l)) ?? levels[levels.length - 1];
  const start = keyNodeStart(document, occurrence, level);
  return document.format === 'json'
    ? removeJsonProperty(document, start)
    : removeYamlEntry(document, start, occurrence.entrySpan.end);
}

function removeYamlEntry(document: ConfigDocument, keyStart: number, entryEnd: number): TextEdit[] | undefined {
  const text = document.text;
  const lineStart = lineStartOf(text, keyStart);
  if (!/^\s*$/.test(text.slice(lineStart, keyStart))) return undefined; // flow map or sequence item: not safe
  return [{ span: { start: lineStart, end: afterLineEnd(text, entryEnd) }, newText: '' }];
}

/** The text before a `name=value` list item's name on its line (`  - ` or `  - "`), when the item starts its line. */
function assignmentLinePrefix(text: string, occurrence: SettingOccurrence): string | undefined {
  const prefix = text.slice(lineStartOf(text, occurrence.keyStart), occurrence.keyStart);
  return /^\s*-\s+["']?$/.test(prefix) ? prefix : undefined;
}

/** Removes a `- name=value` list item's line. */
function removeAssignmentLine(text: string, occurrence: SettingOccurrence): TextEdit[] | undefined {
  if (assignmentLinePrefix(text, occurrence) === undefined) return undefined;
  return [
    { span: { start: lineStartOf(text, occurrence.keyStart), end: afterLineEnd(text, occurrence.entrySpan.end) }, newText: '' },
  ];
}

/**
 * A value for a `name=value` item: the item's text is the value as is, so a YAML-quoted literal is
 * unquoted; undefined when the item's own quoting or plain style could not hold it.
 */
function assignmentValue(newText: string, quoted: boolean): string | undefined {
  let raw = newText;
  if (/^".*"$/.test(newText)) {
    try {
      raw = String(JSON.parse(newText));
    } catch {
      return undefined;
    }
  }
  if (quoted) return /["'\\]/.test(raw) ? undefined : raw;
  return /\s#|:\s|^\s|\s$/.test(raw) ? undefined : raw;
}

function removeJsonProperty(document: ConfigDocument, keyStart: number): TextEdit[] | undefined {
  const property = jsonPropertyAt(document, keyStart);
  if (!property) return undefined;
  const text = document.text;
  let start = property.offset;
  let end = property.offset + property.length;
  let next = end;
  while (next < text.length && /\s/.test(text[next])) next++;
  if (text[next] === ',') {
    end = next + 1;
    const lineStart = lineStartOf(text, start);
    if (/^\s*$/.test(text.slice(lineStart, start))) {
      // Property on its own line: take the whole line with the comma.
      start = lineStart;
      let after = end;
      while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
      end = text[after] === '\r' || text[after] === '\n' ? afterLineEnd(text, after) : after;
    } else {
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    }
  } else {
    // Last property: take the comma before it.
    let previous = start - 1;
    while (previous >= 0 && /\s/.test(text[previous])) previous--;
    if (text[previous] === ',') start = previous;
  }
  return [{ span: { start, end }, newText: '' }];
}

function jsonPropertyAt(document: ConfigDocument, keyStart: number): JsonNode | undefined {
  const root = jsonRootAt(document, keyStart);
  const node = root ? findNodeAtOffset(root, keyStart + 1) : undefined;
  return node?.parent?.type === 'property' ? node.parent : undefined;
}

/** The JSON tree holding an offset: the file's, or one Console request body's. */
export function jsonRootAt(document: ConfigDocument, offset: number): JsonNode | undefined {
  const body = document.bodies?.find((b) => b.root && offset >= b.root.offset && offset <= b.root.offset + b.root.length);
  return body?.root ?? document.jsonRoot;
}

/** Replaces a span with new text. */
export function replaceEdit(span: Span, newText: string): TextEdit {
  return { span, newText };
}

/**
 * Replaces a setting's whole value with a scalar written as `newText`. A YAML block list starts on
 * the next line, so there the edit rewrites from the end of the key (`: newText`).
 */
export function replaceValueEdit(document: ConfigDocument, occurrence: SettingOccurrence, newText: string): TextEdit {
  const text = document.text;
  if (occurrence.assignment) {
    // Where the item cannot hold the value, the edit changes nothing rather than break the item.
    const value = assignmentValue(newText, /["']/.test(text[occurrence.keyStart - 1] ?? ''));
    return { span: occurrence.value.span, newText: value ?? text.slice(occurrence.value.span.start, occurrence.value.span.end) };
  }
  let end = occurrence.value.span.end;
  while (end > occurrence.value.span.start && /\s/.test(text[end - 1])) end--;
  const start = occurrence.value.span.start;
  if (document.format === 'yaml' && occurrence.value.kind === 'list' && text[start] === '-') {
    return { span: { start: occurrence.keySpan.end, end }, newText: `: ${newText}` };
  }
  if (end === start && document.format === 'yaml') {
    // `key:` with no value: the value span sits before the colon.
    return { span: { start: occurrence.keySpan.end, end: occurrence.entrySpan.end }, newText: `: ${newText}` };
  }
  return { span: { start, end }, newText };
}

/**
 * Inserts `fullKey: value` next to an existing setting, in the same form: a flat key beside flat
 * keys, a short key inside the nested map that already holds the anchor.
 */
export function insertSettingEdit(
  document: ConfigDocument,
  anchor: SettingOccurrence,
  fullKey: string,
  value: ScalarValue,
): TextEdit | undefined {
  if (anchor.assignment) {
    // A new list item like the anchor's: same dash, indentation and quoting.
    const prefix = assignmentLinePrefix(document.text, anchor);
    if (prefix === undefined) return undefined;
    const quote = /["']$/.test(prefix) ? prefix[prefix.length - 1] : '';
    const written = assignmentValue(String(value ?? ''), quote !== '');
    if (written === undefined) return undefined;
    const lineStart = lineStartOf(document.text, anchor.keyStart);
    return { span: { start: lineStart, end: lineStart }, newText: `${prefix}${fullKey}=${written}${quote}\n` };
  }
  const levels = keyNodeLevels(anchor.segments);
  for (const level of [...levels].reverse()) {
    const path = anchor.segments
      .slice(0, level)
      .map((s) => s.text)
      .join('.');
    if (level > 0 && !fullKey.startsWith(`${path}.`)) continue;
    const relativeKey = level === 0 ? fullKey : fullKey.slice(path.length + 1);
    const start = keyNodeStart(document, anchor, level);
    const indent = document.text.slice(lineStartOf(document.text, start), start);
    const onOwnLine = /^\s*$/.test(indent);
    if (document.format === 'json') {
      const entry = `${JSON.stringify(relativeKey)}: ${literal(value, 'json')}`;
      return { span: { start, end: start }, newText: onOwnLine ? `${entry},\n${indent}` : `${entry}, ` };
    }
    if (!onOwnLine) return undefined;
    return { span: { start, end: start }, newText: `${relativeKey}: ${literal(value, 'yaml')}\n${indent}` };
  }
  return undefined;
}

/** Renames key segments in place, whether they sit in one flat key or across nested keys. */
export function renameSegmentsFix(
  segments: readonly KeySegment[],
  replacement: string,
  title = `Change to '${replacement}'`,
): Fix | undefined {
  if (segments.length === 0) return undefined;
  const parts = replacement.split('.');
  const contiguous = segments.every((s, i) => i === 0 || s.span.start === segments[i - 1].span.end + 1);
  if (contiguous) return { title, edits: [{ span: spanOfSegments(segments), newText: replacement }], isPreferred: true };
  if (parts.length === segments.length) {
    return { title, edits: segments.map((s, i) => ({ span: s.span, newText: parts[i] })), isPreferred: true };
  }
  return undefined;
}

/** Sets every given setting to null (how a `_cluster/settings` body removes stored values). */
export function nullValueEdits(document: ConfigDocument, occurrences: readonly SettingOccurrence[]): TextEdit[] {
  return occurrences.filter((o) => !isNullValue(o.value)).map((o) => replaceValueEdit(document, o, 'null'));
}

/**
 * The fix for a secret written in a settings file: remove it and copy the command that stores it
 * where Elasticsearch reads it. The command never carries the secret itself.
 */
export function moveToKeystoreFix(
  document: ConfigDocument,
  scope: SettingsScope,
  occurrence: SettingOccurrence,
  settingName: string,
): Fix {
  const clipboard =
    scope.origin === 'eck-config'
      ? `kubectl create secret generic remote-cluster-secure-settings --from-file=${settingName}=<file holding the value>`
      : `bin/elasticsearch-keystore add ${settingName}`;
  const where = scope.origin === 'eck-config' ? 'a Secret for spec.secureSettings' : 'the keystore';
  return {
    title: `Move '${settingName}' to ${where} (copies the command, removes the entry)`,
    edits: removeSettingEdits(document, scope, occurrence) ?? [],
    clipboard,
    isPreferred: true,
  };
}

/** A fix that removes one setting, or undefined when no safe edit exists. */
export function removeSettingFix(
  document: ConfigDocument,
  scope: SettingsScope,
  occurrence: SettingOccurrence,
  title?: string,
): Fix | undefined {
  const edits = removeSettingEdits(document, scope, occurrence);
  return edits ? { title: title ?? `Remove '${occurrence.key}'`, edits } : undefined;
}

/** Drops undefined entries, so rules can list optional fixes inline. */
export function fixes(...candidates: Array<Fix | undefined>): Fix[] | undefined {
  const defined = candidates.filter((f): f is Fix => f !== undefined);
  return defined.length > 0 ? defined : undefined;
}
