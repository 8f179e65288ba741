import { resolveKey, type ResolvedKey } from '../catalog/lookup';
import type { Span } from '../types';
import {
  appendSegments,
  indexByKey,
  type KeySegment,
  type ScalarValue,
  type ScopeOrigin,
  type SettingOccurrence,
  type SettingsScope,
  type ValueNode,
} from './settingsScope';

/**
 * Flattens a JSON object of Elasticsearch settings (flat-dotted, nested or mixed) into setting
 * occurrences with exact spans. The JSON twin of yamlSettings.ts.
 *
 * The collector is fed jsonc-parser's visitor events for the contents of one settings object (the
 * `persistent` or `transient` block of a `_cluster/settings` body), so the thousands of settings of
 * a large body become occurrences without first becoming a tree of nodes (see json/parseJson.ts).
 * It reads the events as jsonc-parser's own `parseTree` does, and gives what the tree would give:
 * an object value with properties holds nested settings, anything else (an empty object, a list,
 * a scalar, no value at all) is the value of one setting.
 */
export class JsonSettingsCollector {
  private readonly occurrences: JsonOccurrence[] = [];
  /** What the events are inside, innermost last; the block's own object (or the nested object given) is the first. */
  private readonly stack: Frame[];
  private readonly propertyFrames: PropertyFrame[] = [];

  /** `container`: the events are the contents of an object nested in a block, not of the block itself (see jsonEdit.ts). */
  constructor(container: SettingsContainer = { parents: [], parentKey: '' }) {
    this.stack = [{ type: 'settings', offset: 0, parents: container.parents, parentKey: container.parentKey }];
  }

  /** Events come with document offsets. */
  objectBegin(offset: number): void {
    const top = this.top();
    if (top.type === 'property') this.stack.push({ type: 'settings', offset, owner: top, parentKey: top.key });
    else if (top.type === 'list') this.stack.push({ type: 'skip', offset, depth: 0 });
    else if (top.type === 'skip') top.depth++;
  }

  property(text: string, offset: number, length: number): void {
    const top = this.top();
    if (top.type !== 'settings') return;
    let parents = top.parents;
    if (!parents) {
      // The first property inside a property's object value: the object holds settings, not a value.
      const owner = top.owner!;
      owner.nested = true;
      parents = top.parents = appendSegments(owner.parents, owner.text, owner.offset + 1);
    }
    // Property frames are short-lived: one per nesting depth is reused rather than one made per setting.
    const depth = this.stack.length;
    const key = parents.length > 0 ? `${top.parentKey}.${text}` : text;
    let frame = this.propertyFrames[depth];
    if (frame) {
      frame.key = key;
      frame.text = text;
      frame.offset = offset;
      frame.keyEnd = offset + length;
      frame.parents = parents;
      frame.nested = false;
      frame.value = undefined;
    } else {
      frame = { type: 'property', key, text, offset, keyEnd: offset + length, parents, nested: false, value: undefined };
      this.propertyFrames[depth] = frame;
    }
    this.stack.push(frame);
  }

  /** Returns true when this is the end of the block's own object. */
  objectEnd(offset: number, length: number): boolean {
    const end = offset + length;
    this.completeProperty(end); // a property without a value ends with its object
    const top = this.top();
    if (top.type === 'skip') {
      if (top.depth > 0) {
        top.depth--;
      } else {
        this.stack.pop();
        this.endValue({ kind: 'map', span: { start: top.offset, end } });
      }
      return false;
    }
    if (top.type !== 'settings') return false;
    if (!top.owner) return true;
    this.stack.pop();
    if (!top.owner.nested) top.owner.value = { kind: 'map', span: { start: top.offset, end } };
    this.completeProperty(end);
    return false;
  }

  arrayBegin(offset: number): void {
    const top = this.top();
    if (top.type === 'skip') top.depth++;
    else if (top.type === 'property' || top.type === 'list') this.stack.push({ type: 'list', offset, items: [] });
  }

  arrayEnd(offset: number, length: number): void {
    const top = this.top();
    if (top.type === 'skip') {
      top.depth--;
      return;
    }
    if (top.type !== 'list') return;
    this.stack.pop();
    this.endValue({ kind: 'list', span: { start: top.offset, end: offset + length }, items: top.items });
  }

  literal(value: ScalarValue, offset: number, length: number): void {
    const top = this.top();
    if (top.type === 'property' || top.type === 'list')
      this.endValue(scalarValue(value, { start: offset, end: offset + length }));
  }

  /** A `,`: it ends a property still waiting for its value. */
  comma(offset: number): void {
    this.completeProperty(offset);
  }

  /** The settings read so far, in document order. */
  collected(): JsonOccurrence[] {
    return this.occurrences;
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  /** A value is complete: an item of the list it is in, or the value of its property. */
  private endValue(value: ValueNode): void {
    const top = this.top();
    if (top.type === 'list') {
      top.items.push(value);
    } else if (top.type === 'property') {
      top.value = value;
      this.completeProperty(value.span.end);
    }
  }

  /** The property on top ends at `end`: unless it held nested settings, it is a setting of its own. */
  private completeProperty(end: number): void {
    const top = this.top();
    if (top.type !== 'property') return;
    this.stack.pop();
    if (top.nested) return;
    const value = top.value ?? { kind: 'scalar', value: null, text: '', span: { start: top.keyEnd, end: top.keyEnd } };
    this.occurrences.push(new JsonOccurrence(top.key, top.parents, top.text, top.offset, top.keyEnd, end, value));
  }
}

/** The settings of a `persistent`/`transient` block, in document order, as a scope. */
export function jsonSettingsScope(
  origin: ScopeOrigin,
  persistence: 'persistent' | 'transient' | undefined,
  span: Span,
  occurrences: SettingOccurrence[],
): SettingsScope {
  return { origin, format: 'json', persistence, span, occurrences, ...indexByKey(occurrences), label: persistence };
}

/** What the keys of an object's properties are made of: the segments and dotted key of the properties enclosing it. */
export interface SettingsContainer {
  parents: KeySegment[];
  parentKey: string;
}

/**
 * The container of the properties of an object nested in a block, from the keys of the properties
 * enclosing it, outermost first (`offset`: where each key's opening quote is), as the collector
 * works it out while reading them.
 */
export function nestedContainer(keys: ReadonlyArray<{ text: string; offset: number }>): SettingsContainer {
  let container: SettingsContainer = { parents: [], parentKey: '' };
  for (const { text, offset } of keys) {
    container = {
      parents: appendSegments(container.parents, text, offset + 1),
      parentKey: container.parents.length > 0 ? `${container.parentKey}.${text}` : text,
    };
  }
  return container;
}

/** An object holding settings: the block itself, or a property's object value (`owner`) until it shows it holds none. */
interface SettingsFrame {
  type: 'settings';
  offset: number;
  owner?: PropertyFrame;
  /** Segments of the keys enclosing this object's properties; set once the object has a property. */
  parents?: KeySegment[];
  parentKey: string;
}

interface PropertyFrame {
  type: 'property';
  key: string;
  text: string;
  /** Where the key starts (its opening quote), which is where the property starts. */
  offset: number;
  keyEnd: number;
  parents: KeySegment[];
  /** Its value is an object with properties: those are the settings, the property is none. */
  nested: boolean;
  value: ValueNode | undefined;
}

interface ListFrame {
  type: 'list';
  offset: number;
  items: ValueNode[];
}

/** An object inside a list: one `map` item, whatever it holds (`depth` counts what opens inside it). */
interface SkipFrame {
  type: 'skip';
  offset: number;
  depth: number;
}

type Frame = SettingsFrame | PropertyFrame | ListFrame | SkipFrame;

/** Values are built per setting, never shared, so they are moved in place. */
function moveValue(value: ValueNode, delta: number): void {
  value.span.start += delta;
  value.span.end += delta;
  for (const item of value.items ?? []) moveValue(item, delta);
}

function scalarValue(value: ScalarValue, span: Span): ValueNode {
  if (value === null) return { kind: 'scalar', value: null, text: '', span };
  if (typeof value === 'string') return { kind: 'scalar', value, text: value, quoted: true, span };
  return { kind: 'scalar', value, text: String(value), span };
}

/**
 * A setting of a JSON settings object. Its key and entry spans are made from offsets when first
 * asked for (rules ask for them only to report, which a large file without findings never does),
 * and so are its key segments, as for ParsedOccurrence.
 */
export class JsonOccurrence implements SettingOccurrence {
  readonly resolved: Readonly<ResolvedKey>;
  keyStart: number;
  private keySpanMemo?: Span;
  private entrySpanMemo?: Span;
  private segmentsMemo?: KeySegment[];

  constructor(
    readonly key: string,
    private readonly parents: readonly KeySegment[],
    private readonly leafText: string,
    /** The key's opening quote, where the entry starts too. */
    private keyOffset: number,
    private keyEnd: number,
    private entryEnd: number,
    readonly value: ValueNode,
  ) {
    this.resolved = resolveKey(key);
    this.keyStart = parents.length > 0 ? parents[0].span.start : keyOffset + 1;
  }

  /** Where the entry starts (its key's opening quote), without making its span. */
  get start(): number {
    return this.keyOffset;
  }

  /**
   * Moves the setting by `delta` characters, for the next version of its text (an edit before it).
   * The segments of the keys enclosing it are shared with its siblings: each is moved once, the
   * first time `moved` has not seen it, and only when it lies at or after `from`.
   */
  moveBy(delta: number, from: number, moved: Set<KeySegment>): void {
    this.keyOffset += delta;
    this.keyEnd += delta;
    this.entryEnd += delta;
    for (const segment of this.parents) {
      if (segment.span.start < from || moved.has(segment)) continue;
      moved.add(segment);
      segment.span.start += delta;
      segment.span.end += delta;
    }
    this.keyStart = this.parents.length > 0 ? this.parents[0].span.start : this.keyOffset + 1;
    moveValue(this.value, delta);
    // Made again from the moved offsets when next asked for.
    this.keySpanMemo = this.entrySpanMemo = this.segmentsMemo = undefined;
  }

  get keySpan(): Span {
    return (this.keySpanMemo ??= { start: this.keyOffset, end: this.keyEnd });
  }

  get entrySpan(): Span {
    return (this.entrySpanMemo ??= { start: this.keyOffset, end: this.entryEnd });
  }

  get segments(): KeySegment[] {
    return (this.segmentsMemo ??= appendSegments(this.parents, this.leafText, this.keyOffset + 1));
  }
}
