import type { Position, Range, Span } from './types';

/**
 * Maps offsets to line/character positions and back. Lookups are binary searches so hover and
 * completion stay cheap on very large files. The line starts are found on the first lookup: a
 * version whose checks find nothing may never need a position (its diagnostics are empty).
 */
export class LineIndex {
  private starts?: number[];

  constructor(readonly text: string) {}

  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const lineEnd = this.lineEnd(position.line);
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** Offsets where each line starts; `\r\n`, `\r` and `\n` each end a line. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The usual case, `\n` line breaks only: let the native search find them.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      starts.push(i + 1);
    } else if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

export function spansIntersect(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Longest message a finding carries. The rules' own explanations run to about 500 characters;
 * anything longer comes from text of the file quoted in the message.
 */
export const MAX_MESSAGE_LENGTH = 600;
/** Longest piece of the file (a key, a value) a message quotes in backticks. */
const MAX_QUOTED_LENGTH = 200;

/** `text` cut to at most `max` characters, marked with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not split a surrogate pair.
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A finding's message as shown: every quoted piece of the file shortened to an excerpt, and the
 * whole capped, so a 100,000-character key gives a readable message, not a 100 KB one.
 */
export function boundedMessage(message: string): string {
  // Pairs of backticks from the left, so the text between two quotes is never taken for a quote.
  const excerpted =
    message.length > MAX_QUOTED_LENGTH && hasLongQuote(message)
      ? message.replace(/`([^`]*)`/g, (whole, quoted: string) =>
          quoted.length > MAX_QUOTED_LENGTH ? `\`${truncate(quoted, MAX_QUOTED_LENGTH)}\`` : whole,
        )
      : message;
  return truncate(excerpted, MAX_MESSAGE_LENGTH);
}

/** Whether a pair of backticks (paired from the left, as boundedMessage pairs them) quotes more than MAX_QUOTED_LENGTH characters. */
function hasLongQuote(message: string): boolean {
  for (let open = message.indexOf('`'); open >= 0;) {
    const close = message.indexOf('`', open + 1);
    if (close < 0) return false;
    if (close - open - 1 > MAX_QUOTED_LENGTH) return true;
    open = message.indexOf('`', close + 1);
  }
  return false;
}

/** The message of anything thrown: an Error's message, otherwise the value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
