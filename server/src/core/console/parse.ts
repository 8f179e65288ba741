import type { Span } from '../types';

/**
 * Kibana Dev Tools Console request files: `METHOD path` lines, each optionally followed by a
 * JSON body (or several newline-delimited ones), `#` and `//` comment lines between requests.
 * The scanner tracks strings (including Console's `"""` triple-quoted strings) and brackets, so
 * a line that looks like a request inside an unfinished body is still read as body text.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ConsoleRequest {
  method: HttpMethod;
  methodSpan: Span;
  /** The path as written, query string included (`/_cluster/settings?flat_settings`). */
  path: string;
  pathSpan: Span;
  /** Path without leading slash, query string or `kbn:` prefix, for routing. */
  route: string;
  /** The request line, method through path. */
  lineSpan: Span;
  /** Body text span (first `{`/`[` through the end of the last body line), when there is one. */
  body?: Span;
}

export interface ConsoleProblem {
  kind: 'unknown-method' | 'stray-text' | 'body-without-request' | 'space-in-path';
  span: Span;
  /** The word used as a method, for `unknown-method`. */
  word?: string;
  /** For `space-in-path`: the path without its spaces, which the request is read as. */
  path?: string;
}

export interface ConsoleFile {
  requests: ConsoleRequest[];
  /** `#`, `//` and `/* *\/` comments outside bodies. */
  comments: Span[];
  problems: ConsoleProblem[];
}

const REQUEST_LINE = /^([ \t]*)([A-Za-z]+)([ \t]+)(\S+)[ \t]*$/;
/** A known method followed by a path with spaces in it (`PUT _cluster/ settings`); a `{` means something else. */
const SPACED_REQUEST_LINE = /^([ \t]*)([A-Za-z]+)([ \t]+)([^\s{["][^\s{]*(?:[ \t]+[^\s{]+)+)[ \t]*$/;

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Bracket depth and open string/comment state carried from one body line to the next. */
interface ScanState {
  depth: number;
  inString: boolean;
  inTripleString: boolean;
  inBlockComment: boolean;
}

function scanBodyLine(line: string, state: ScanState): void {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (state.inBlockComment) {
      if (ch === '*' && line[i + 1] === '/') {
        state.inBlockComment = false;
        i++;
      }
      continue;
    }
    if (state.inTripleString) {
      if (line.startsWith('"""', i)) {
        state.inTripleString = false;
        i += 2;
      }
      continue;
    }
    if (state.inString) {
      if (ch === '\\') i++;
      else if (ch === '"') state.inString = false;
      continue;
    }
    if (line.startsWith('"""', i)) {
      state.inTripleString = true;
      i += 2;
    } else if (ch === '"') state.inString = true;
    else if (ch === '/' && line[i + 1] === '/') return;
    else if (ch === '#' && line.slice(0, i).trim() === '') return;
    else if (ch === '/' && line[i + 1] === '*') {
      state.inBlockComment = true;
      i++;
    } else if (ch === '{' || ch === '[') state.depth++;
    else if (ch === '}' || ch === ']') state.depth = Math.max(0, state.depth - 1);
  }
  // A plain JSON string cannot span lines; end it so one bad quote does not swallow the file.
  state.inString = false;
}

function isKnownRequestLine(line: string): boolean {
  const match = REQUEST_LINE.exec(line);
  return !!match && (HTTP_METHODS as readonly string[]).includes(match[2].toUpperCase());
}

function isCommentLine(trimmed: string): boolean {
  return trimmed.startsWith('#') || trimmed.startsWith('//');
}

export function routeOf(path: string): string {
  return path
    .replace(/^kbn:/i, '')
    .replace(/[?#].*$/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
}

export function parseConsole(text: string): ConsoleFile {
  const lines = splitLines(text);
  const requests: ConsoleRequest[] = [];
  const comments: Span[] = [];
  const problems: ConsoleProblem[] = [];
  let current: ConsoleRequest | undefined;
  let body: ScanState | undefined;
  let inBlockComment = false;
  // After a bad request line its body is skipped quietly: the request line is the one problem.
  let afterBadRequestLine = false;

  for (const line of lines) {
    const trimmed = line.text.trim();
    const indent = line.text.length - line.text.trimStart().length;

    if (body && (body.depth > 0 || body.inTripleString || body.inBlockComment)) {
      // A request line at column 0 ends an unfinished body: half-typed JSON must not swallow the
      // rest of the file. (Inside a triple-quoted string it is text, as Console reads it.)
      if (body.inTripleString || indent > 0 || !isKnownRequestLine(line.text)) {
        scanBodyLine(line.text, body);
        if (current?.body && trimmed !== '') current.body.end = line.end;
        continue;
      }
      body = undefined;
    }
    if (inBlockComment) {
      const close = line.text.indexOf('*/');
      comments.push({ start: line.start, end: close >= 0 ? line.start + close + 2 : line.end });
      if (close >= 0) inBlockComment = false;
      continue;
    }
    if (trimmed === '') continue;
    if (isCommentLine(trimmed)) {
      comments.push({ start: line.start + indent, end: line.end });
      continue;
    }
    if (trimmed.startsWith('/*')) {
      const close = line.text.indexOf('*/', indent + 2);
      comments.push({ start: line.start + indent, end: close >= 0 ? line.start + close + 2 : line.end });
      if (close < 0) inBlockComment = true;
      continue;
    }

    const request = REQUEST_LINE.exec(line.text);
    if (request) {
      const word = request[2];
      const methodStart = line.start + request[1].length;
      const pathStart = methodStart + word.length + request[3].length;
      const method = word.toUpperCase();
      if ((HTTP_METHODS as readonly string[]).includes(method)) {
        current = {
          method: method as HttpMethod,
          methodSpan: { start: methodStart, end: methodStart + word.length },
          path: request[4],
          pathSpan: { start: pathStart, end: pathStart + request[4].length },
          route: routeOf(request[4]),
          lineSpan: { start: methodStart, end: pathStart + request[4].length },
        };
        requests.push(current);
        body = undefined;
        afterBadRequestLine = false;
        continue;
      }
      if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && !trimmed.startsWith('"')) {
        problems.push({ kind: 'unknown-method', span: { start: methodStart, end: methodStart + word.length }, word });
        current = undefined;
        body = undefined;
        afterBadRequestLine = true;
        continue;
      }
    }

    const spaced = SPACED_REQUEST_LINE.exec(line.text);
    if (spaced && (HTTP_METHODS as readonly string[]).includes(spaced[2].toUpperCase())) {
      // Report the line, but read the request as the path without spaces, so its body is still checked.
      const methodStart = line.start + spaced[1].length;
      const pathStart = methodStart + spaced[2].length + spaced[3].length;
      const pathSpan = { start: pathStart, end: pathStart + spaced[4].length };
      const path = spaced[4].replace(/\s+/g, '');
      current = {
        method: spaced[2].toUpperCase() as HttpMethod,
        methodSpan: { start: methodStart, end: methodStart + spaced[2].length },
        path: spaced[4],
        pathSpan,
        route: routeOf(path),
        lineSpan: { start: methodStart, end: pathSpan.end },
      };
      requests.push(current);
      problems.push({ kind: 'space-in-path', span: pathSpan, path });
      body = undefined;
      afterBadRequestLine = false;
      continue;
    }

    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      if (!current) {
        if (!afterBadRequestLine)
          problems.push({ kind: 'body-without-request', span: { start: line.start + indent, end: line.end } });
        // Still skip over it as a unit so its inner lines are not reported one by one.
        current = undefined;
        body = { depth: 0, inString: false, inTripleString: false, inBlockComment: false };
        scanBodyLine(line.text, body);
        continue;
      }
      if (!current.body) current.body = { start: line.start + indent, end: line.end };
      else current.body.end = line.end; // newline-delimited bodies (e.g. _bulk)
      body = body ?? { depth: 0, inString: false, inTripleString: false, inBlockComment: false };
      scanBodyLine(line.text, body);
      continue;
    }
    problems.push({ kind: 'stray-text', span: { start: line.start + indent, end: line.end } });
    afterBadRequestLine = true;
  }
  return { requests, comments, problems };
}

/** Replaces Console's `"""…"""` strings by JSON strings of the same length so offsets stay put. */
export function withTripleQuotesAsJson(text: string): string {
  return text.replace(/"""([\s\S]*?)"""/g, (whole) => `"${'_'.repeat(whole.length - 2)}"`);
}
