/**
 * The one HTTP path every API client uses: undici with the connection's TLS settings, the user's
 * proxy, a per-request timeout, JSON in and out, a log line per request, and every failure turned
 * into an ApiError whose message is scrubbed of the secrets this client knows.
 */
import { readFile } from 'node:fs/promises';
import { Agent, ProxyAgent, request as undiciRequest, type Dispatcher } from 'undici';
import type { Result } from '#core';
import {
  ApiError,
  httpError,
  malformedResponse,
  transportError,
  type ApiErrorKind,
  type RequestContext,
  type ServiceKind,
} from './errors';
import { selectProxy, type ProxySettings } from './proxy';
import { redactUrl, SecretRedactor } from './redact';

export type Auth = { type: 'apiKey'; apiKey: string } | { type: 'basic'; username: string; password: string } | { type: 'none' };

export interface TlsSettings {
  /** Path of a PEM file with the CA certificate(s) to trust instead of the system store. */
  caFile?: string;
  /** PEM text of the CA certificate(s), when the caller already has it. */
  ca?: string;
  /** Name to send as TLS SNI and to check the certificate against, when it differs from the URL's host. */
  serverName?: string;
  /** Accept any certificate. Only with the user's explicit opt-in; a warning is logged on every use. */
  skipVerify?: boolean;
}

export interface RequestLogEntry {
  method: string;
  /** Full URL without user-info or secret query values. */
  url: string;
  status?: number;
  durationMs: number;
  /** Set when the request failed; the message is already scrubbed. */
  error?: { kind: ApiErrorKind; message: string };
}

/** `GET https://host:9200/_remote/info → 200 (12 ms)`, or `→ failed: timeout (30001 ms)`. */
export function formatRequestLine(entry: RequestLogEntry): string {
  const outcome = entry.error
    ? `${entry.status !== undefined ? `${entry.status} ` : ''}failed: ${entry.error.kind}`
    : String(entry.status ?? '-');
  return `${entry.method} ${entry.url} → ${outcome} (${entry.durationMs} ms)`;
}

/** Where request lines go (the extension's LogOutputChannel; a recorder in tests). */
export interface RequestLogger {
  request(entry: RequestLogEntry): void;
  warn(message: string): void;
}

export interface HttpClientOptions {
  service: ServiceKind;
  baseUrl: string;
  auth?: Auth;
  tls?: TlsSettings;
  /** Whole-request timeout (connect, headers and body). Default 30 s. */
  timeoutMs?: number;
  proxy?: ProxySettings;
  logger?: RequestLogger;
  /** Shared with the log channel so that secrets are scrubbed everywhere, not just here. */
  redactor?: SecretRedactor;
  /** A dispatcher to use instead of building one (tests pass an undici MockAgent). Not closed by close(). */
  dispatcher?: Dispatcher;
  /** Largest response body read, in bytes; a larger one is abandoned with an error. Default 8 MiB. */
  maxResponseBytes?: number;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`. Callers encode path segments with encodePath. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Statuses that are answers rather than failures, besides 2xx (e.g. 404 for "no such role"). */
  acceptStatuses?: number[];
  /** Checks the parsed body's shape; returns what is wrong, or undefined when it is usable. */
  check?: (body: unknown, status: number) => string | undefined;
}

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * The APIs the extension calls answer in kilobytes; a body this large is a wrong URL or a huge
 * Console search, and buffering it would stall the extension host every extension shares.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const USER_AGENT = 'elastic-remote-clusters-vscode';

/** Encodes each value as one URL path segment: `encodePath\`/_security/role/${name}\``. */
export function encodePath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce(
    (path, text, index) => path + text + (index < values.length ? encodeURIComponent(values[index]) : ''),
    '',
  );
}

export class HttpClient {
  readonly service: ServiceKind;
  readonly origin: string;
  readonly redactor: SecretRedactor;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly authorization: string | undefined;
  private readonly proxyUrl: string | undefined;
  private ownDispatcher: Promise<Dispatcher> | undefined;

  constructor(private readonly options: HttpClientOptions) {
    this.service = options.service;
    this.base = parseBaseUrl(options.baseUrl);
    this.origin = this.base.origin;
    this.timeoutMs = options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes =
      options.maxResponseBytes && options.maxResponseBytes > 0 ? options.maxResponseBytes : DEFAULT_MAX_RESPONSE_BYTES;
    this.redactor = options.redactor ?? new SecretRedactor();
    this.authorization = authorizationHeader(options.auth, options.service, this.redactor);
    this.proxyUrl = options.dispatcher ? undefined : selectProxy(this.base, options.proxy);
  }

  /** Remembers a secret that arrived in a response so it never shows up in a message or log line. */
  registerSecret(secret: string | undefined): void {
    this.redactor.add(secret);
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const url = this.urlFor(request);
    const context: RequestContext = {
      service: this.service,
      method: request.method,
      path: url.pathname + url.search,
      origin: this.origin,
    };
    const started = Date.now();
    let status: number | undefined;
    let failure: ApiError | undefined;
    try {
      const dispatcher = await this.dispatcher(context);
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
      if (this.authorization) headers.authorization = this.authorization;
      let body: string | undefined;
      if (request.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(request.body);
      }
      let response: Dispatcher.ResponseData;
      let text: string;
      try {
        response = await undiciRequest(url, {
          method: request.method,
          headers,
          body,
          dispatcher,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        status = response.statusCode;
        text = await this.readBody(response, context);
      } catch (error) {
        throw error instanceof ApiError ? error : this.transportFailure(error, context);
      }
      const ok = (status >= 200 && status < 300) || (request.acceptStatuses ?? []).includes(status);
      const parsed = parseJson(text, response.headers['content-type']);
      if (!ok) {
        const retryAfter = response.headers['retry-after'];
        throw httpError(status, parsed.ok ? parsed.value : text, context, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
      }
      if (!parsed.ok) throw malformedResponse(context, parsed.problem);
      const problem = request.check?.(parsed.value, status);
      if (problem) throw malformedResponse(context, problem);
      return { status, body: parsed.value as T, headers: response.headers };
    } catch (error) {
      failure = this.scrub(error instanceof ApiError ? error : transportError(error, context, this.timeoutMs));
      throw failure;
    } finally {
      this.options.logger?.request({
        method: request.method,
        url: redactUrl(url),
        status,
        durationMs: Date.now() - started,
        error: failure ? { kind: failure.kind, message: failure.message } : undefined,
      });
    }
  }

  /** The body as text, read only up to the size limit; the connection is dropped past it. */
  private async readBody(response: Dispatcher.ResponseData, context: RequestContext): Promise<string> {
    const tooLarge = () => {
      response.body.destroy();
      const limit = `${Math.round(this.maxResponseBytes / (1024 * 1024))} MiB`;
      return new ApiError(
        'response-too-large',
        `The answer to ${context.method} ${context.path} is larger than ${limit}, so it was not read. Ask for less (for example "size" or "filter_path" in a search), or check that ${this.origin} is the API you meant.`,
        context,
      );
    };
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxResponseBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response.body) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      received += bytes.length;
      if (received > this.maxResponseBytes) throw tooLarge();
      chunks.push(bytes);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Releases sockets. Safe to call more than once. */
  async close(): Promise<void> {
    const own = this.ownDispatcher;
    this.ownDispatcher = undefined;
    if (own) await (await own.catch(() => undefined))?.close();
  }

  private urlFor(request: HttpRequest): URL {
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const url = new URL(this.base.origin + basePath + (request.path.startsWith('/') ? request.path : `/${request.path}`));
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  private dispatcher(context: RequestContext): Promise<Dispatcher> {
    if (this.options.dispatcher) return Promise.resolve(this.options.dispatcher);
    if (!this.ownDispatcher) {
      this.ownDispatcher = this.buildDispatcher(context);
      // A failed build (unreadable CA file) is retried on the next request, after the user fixes it.
      this.ownDispatcher.catch(() => (this.ownDispatcher = undefined));
    }
    return this.ownDispatcher;
  }

  private async buildDispatcher(context: RequestContext): Promise<Dispatcher> {
    const tls = this.options.tls ?? {};
    let ca = tls.ca;
    if (!ca && tls.caFile) {
      const loaded = await loadCaFile(tls.caFile);
      if (!loaded.ok) {
        throw new ApiError(
          'configuration',
          `The CA file "${tls.caFile}" cannot be used: ${loaded.problem} Fix the path in the connection settings, or remove it to use the system's trusted certificates.`,
          context,
        );
      }
      ca = loaded.value;
    }
    if (tls.skipVerify && this.base.protocol === 'https:') {
      this.options.logger?.warn(
        `TLS certificate verification is OFF for ${this.origin}: anyone between you and the server can read and change this traffic, including credentials.`,
      );
    }
    const connect = {
      ...(ca ? { ca } : {}),
      ...(tls.serverName ? { servername: tls.serverName } : {}),
      rejectUnauthorized: !tls.skipVerify,
      timeout: this.timeoutMs,
    };
    if (this.proxyUrl) {
      return new ProxyAgent({
        uri: this.proxyUrl,
        ...(this.options.proxy?.authorization ? { token: this.options.proxy.authorization } : {}),
        requestTls: connect,
        proxyTls: { rejectUnauthorized: this.options.proxy?.strictSSL !== false, timeout: this.timeoutMs },
      });
    }
    return new Agent({ connect });
  }

  private transportFailure(error: unknown, context: RequestContext): ApiError {
    const mapped = transportError(error, context, this.timeoutMs);
    // Through a proxy, connection-level failures are about the proxy: it makes the onward connection.
    if (this.proxyUrl && (mapped.kind === 'unreachable' || mapped.kind === 'dns')) {
      return new ApiError(
        'proxy',
        `Could not connect to the HTTP proxy ${redactUrl(this.proxyUrl)} (${mapped.kind === 'dns' ? 'its host name does not resolve' : 'connection refused'}). Check the "http.proxy" setting, or list ${this.base.hostname} in "http.noProxy" to connect directly.`,
        context,
      );
    }
    return mapped;
  }

  private scrub(error: ApiError): ApiError {
    const message = this.redactor.scrub(error.message);
    const reason = error.details.reason === undefined ? undefined : this.redactor.scrub(error.details.reason);
    if (message === error.message && reason === error.details.reason) return error;
    return new ApiError(error.kind, message, error.context, { ...error.details, reason });
  }
}

/** Reads a PEM CA file; says in words what is wrong when it cannot be used. */
export async function loadCaFile(path: string): Promise<Result<string>> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      problem: code === 'ENOENT' ? 'there is no file at this path.' : `the file cannot be read${code ? ` (${code})` : ''}.`,
    };
  }
  return /-----BEGIN CERTIFICATE-----/.test(pem)
    ? { ok: true, value: pem }
    : { ok: false, problem: 'it holds no PEM certificate ("-----BEGIN CERTIFICATE-----").' };
}

function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ApiError('configuration', `"${redactUrl(text)}" is not a valid URL. Use the form https://host:port.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError('configuration', `"${redactUrl(url)}" must start with https:// or http://.`);
  }
  if (url.username || url.password) {
    throw new ApiError('configuration', "Put credentials in the connection's authentication settings, not in the URL.");
  }
  return url;
}

/**
 * Elasticsearch wants `ApiKey base64(id:key)`; people paste either that encoded value or `id:key`,
 * so the raw form is encoded here. Cloud API keys are opaque and sent as they are.
 */
function authorizationHeader(auth: Auth | undefined, service: ServiceKind, redactor: SecretRedactor): string | undefined {
  if (!auth || auth.type === 'none') return undefined;
  if (auth.type === 'basic') {
    redactor.addBasic(auth.username, auth.password);
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  }
  const key = auth.apiKey.trim();
  redactor.add(key);
  if (service === 'elasticsearch' && /^[^:\s]+:[^:\s]+$/.test(key)) {
    const encoded = Buffer.from(key, 'utf8').toString('base64');
    redactor.add(encoded);
    return `ApiKey ${encoded}`;
  }
  return `ApiKey ${key}`;
}

function parseJson(text: string, contentType: string | string[] | undefined): Result<unknown> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const type = (Array.isArray(contentType) ? contentType[0] : contentType) ?? '';
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      problem: /json/i.test(type)
        ? 'the JSON body is cut off or invalid'
        : `expected JSON, got ${type ? `"${type.split(';')[0]}"` : 'a body that is not JSON'}`,
    };
  }
}
