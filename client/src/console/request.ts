/**
 * Sending a Console request (Kibana Dev Tools syntax) from a request file: the requests are split
 * by the language server's Console parser (server/src/core/console/parse.ts), the body is read as
 * Console reads it (comments, trailing commas and `"""` strings allowed), and the response is
 * formatted for a read-only editor with secret fields hidden. Pure: no VS Code imports.
 */
import { parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { type ConsoleRequest, parseConsole, type Result, type Span } from '#core';
import { ApiError } from '../api/errors';
import type { HttpClient, HttpMethod } from '../api/http';
import { REDACTED, redactJson } from '../api/redact';
import type { ConnectionClients } from '../connections/clients';
import type { ConnectionKind } from '../connections/profile';

export interface RequestAt {
  request: ConsoleRequest;
  /** 1-based position among the file's requests, for titles. */
  number: number;
}

/** The requests of a Console file, in order. */
export function consoleRequests(text: string): ConsoleRequest[] {
  return parseConsole(text).requests;
}

/** The request whose request line or body contains `offset` (or the closest one above it). */
export function requestAt(text: string, offset: number): RequestAt | undefined {
  const requests = consoleRequests(text);
  let found: RequestAt | undefined;
  requests.forEach((request, index) => {
    if (request.lineSpan.start <= offset) found = { request, number: index + 1 };
  });
  return found;
}

export interface PreparedRequest {
  method: HttpMethod;
  /** Path with query, leading slash, as sent. */
  path: string;
  body?: unknown;
  /** Which kind of connection serves it. */
  service: 'elasticsearch' | 'cloud';
  /** `GET _remote/info`, for titles. */
  label: string;
}

const SENDABLE = new Set<string>(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']);

/** Turns a parsed request into what is sent, or says why it cannot be sent from here. */
export function prepareRequest(text: string, request: ConsoleRequest): Result<PreparedRequest> {
  const label = `${request.method} ${request.path}`;
  if (!SENDABLE.has(request.method))
    return { ok: false, problem: `${request.method} requests cannot be sent from here; use GET instead.` };
  if (/^kbn:/i.test(request.path))
    return {
      ok: false,
      problem: 'Kibana API requests ("kbn:") go to Kibana, not to Elasticsearch or the Cloud API, and cannot be sent from here.',
    };
  let path = request.path.startsWith('/') ? request.path : `/${request.path}`;
  // _cat APIs answer plain text unless asked for JSON; the response editor shows JSON.
  if (/^\/_cat(\/|$|\?)/.test(path) && !/[?&]format=/.test(path)) path += `${path.includes('?') ? '&' : '?'}format=json`;
  const service = /^api\/v1(\/|$)/.test(request.route) ? 'cloud' : 'elasticsearch';
  if (!request.body) return { ok: true, value: { method: request.method as HttpMethod, path, service, label } };
  const body = parseBody(text, request.body);
  if (!body.ok) return body;
  return { ok: true, value: { method: request.method as HttpMethod, path, body: body.value, service, label } };
}

/** `"""…"""` becomes a JSON string with the same characters (Console's multi-line strings). */
export function tripleQuotedToJson(text: string): string {
  return text.replace(/"""([\s\S]*?)"""/g, (_whole, inner: string) => JSON.stringify(inner));
}

function parseBody(text: string, span: Span): Result<unknown> {
  const source = tripleQuotedToJson(text.slice(span.start, span.end));
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0];
    if (root && printParseErrorCode(first.error) === 'EndOfFileExpected' && first.offset >= root.offset + root.length) {
      return {
        ok: false,
        problem:
          'This request has several bodies (newline-delimited JSON, as for _bulk); only requests with one JSON body can be sent from here.',
      };
    }
    const line = source.slice(0, first.offset).split('\n').length;
    return {
      ok: false,
      problem: `The body is not valid JSON (${describeJsonError(printParseErrorCode(first.error))} on line ${line} of the body). Fix it and send again.`,
    };
  }
  return { ok: true, value: root ? parse(source, [], { allowTrailingComma: true, disallowComments: false }) : undefined };
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    CommaExpected: 'a comma is missing',
    ColonExpected: 'a colon is missing',
    PropertyNameExpected: 'a property name is expected',
    ValueExpected: 'a value is expected',
    CloseBraceExpected: 'a "}" is missing',
    CloseBracketExpected: 'a "]" is missing',
    UnexpectedEndOfString: 'a string is not closed',
    InvalidSymbol: 'there is an unexpected character',
  };
  return words[code] ?? code;
}

/** Which saved connections can serve a request. */
export function connectionKindsFor(prepared: Pick<PreparedRequest, 'service'>): ConnectionKind[] {
  return prepared.service === 'cloud' ? ['cloud', 'ece'] : ['elasticsearch'];
}

export interface ConsoleResponse {
  status: number;
  body: unknown;
  durationMs: number;
}

/** Every status is an answer to show, not a failure. */
const ALL_STATUSES = Array.from({ length: 500 }, (_, index) => index + 100);

/** Sends the request through the connection's client (its TLS, proxy, log and redaction). Throws ApiError for transport failures. */
export async function sendPrepared(
  clients: ConnectionClients,
  prepared: PreparedRequest,
  now: () => number = Date.now,
): Promise<ConsoleResponse> {
  const http: HttpClient =
    clients.kind === 'elasticsearch'
      ? clients.elasticsearch.http
      : clients.kind === 'cloud'
        ? clients.cloud.http
        : clients.ece.http;
  if (connectionKindsFor(prepared)[0] === 'cloud' && clients.kind === 'elasticsearch') {
    throw new ApiError(
      'configuration',
      `"${prepared.label}" is an Elastic Cloud / ECE API request; choose an Elastic Cloud or ECE connection.`,
    );
  }
  const started = now();
  const response = await http.request({
    method: prepared.method,
    path: prepared.path,
    body: prepared.body,
    acceptStatuses: ALL_STATUSES,
  });
  return { status: response.status, body: response.body, durationMs: now() - started };
}

export interface SecretField {
  /** Dotted path of the field, e.g. `encoded`. */
  path: string;
  value: string;
}

const SECRET_FIELD = /^(api_key|encoded|password|token|access_token|refresh_token|secret|value)$/i;

/**
 * Secret values in a response (the `encoded` key of a create-key response, keystore values): hidden
 * in the editor, offered for copying one by one. `value` only counts under a keystore `secrets` map.
 */
export function secretFields(body: unknown, path = '', underSecrets = false, depth = 0): SecretField[] {
  if (depth > 32 || body === null || typeof body !== 'object') return [];
  const found: SecretField[] = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const here = path ? `${path}.${key}` : key;
    if (
      typeof value === 'string' &&
      SECRET_FIELD.test(key) &&
      (key !== 'value' || underSecrets) &&
      value !== '' &&
      value !== REDACTED
    )
      found.push({ path: here, value });
    else found.push(...secretFields(value, here, underSecrets || key === 'secrets', depth + 1));
  }
  return found;
}

/** The text of the response editor: a comment header, then the body as indented JSON, secrets hidden. */
export function formatResponse(
  prepared: PreparedRequest,
  connectionName: string,
  response: ConsoleResponse,
  secrets: SecretField[],
): string {
  const header = [
    `// ${prepared.label}`,
    `// ${response.status} ${statusText(response.status)} · ${connectionName} · ${response.durationMs} ms`,
    ...(secrets.length
      ? [`// Hidden secret field(s): ${secrets.map((secret) => secret.path).join(', ')} (copy them from the notification)`]
      : []),
  ];
  const hidden = secrets.length ? hideSecrets(response.body, new Set(secrets.map((secret) => secret.path))) : response.body;
  const body = hidden === undefined ? '// (empty body)' : JSON.stringify(redactJson(hidden), null, 2);
  return `${header.join('\n')}\n${body}\n`;
}

export function formatFailure(prepared: Pick<PreparedRequest, 'label'>, connectionName: string, message: string): string {
  return `// ${prepared.label}\n// Not sent or no answer · ${connectionName}\n//\n${message
    .split('\n')
    .map((line) => `// ${line}`)
    .join('\n')}\n`;
}

function hideSecrets(body: unknown, paths: Set<string>, path = ''): unknown {
  if (Array.isArray(body)) return body.map((item, index) => hideSecrets(item, paths, path ? `${path}.${index}` : String(index)));
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => {
      const here = path ? `${path}.${key}` : key;
      return [key, paths.has(here) ? REDACTED : hideSecrets(value, paths, here)];
    }),
  );
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return texts[status] ?? '';
}
