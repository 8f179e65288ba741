/**
 * Turns transport failures and HTTP error responses into messages a person can act on. Every
 * message names the request and the endpoint, says what went wrong in plain words and what to try;
 * none carries a stack trace or a secret (the caller scrubs them through its SecretRedactor).
 */

export type ApiErrorKind =
  | 'configuration'
  | 'unreachable'
  | 'dns'
  | 'timeout'
  | 'connection-reset'
  | 'tls-unknown-ca'
  | 'tls-self-signed'
  | 'tls-hostname-mismatch'
  | 'tls-expired'
  | 'tls-certificate'
  | 'tls-protocol'
  | 'proxy'
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server-error'
  | 'malformed-response'
  | 'response-too-large'
  | 'unexpected-status'
  | 'cancelled'
  | 'unknown';

/** Which API answered; it changes the advice (an Elasticsearch user vs a Cloud API key). */
export type ServiceKind = 'elasticsearch' | 'cloud' | 'ece';

export interface RequestContext {
  service: ServiceKind;
  method: string;
  /** Path with query, as sent. Never holds secrets: our APIs take them in headers and bodies. */
  path: string;
  /** `scheme://host:port` of the endpoint, without user-info. */
  origin: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly context?: RequestContext,
    readonly details: {
      status?: number;
      /** The server's own explanation (Elasticsearch `error.reason`, Cloud `errors[].message`). */
      reason?: string;
      /** Elasticsearch error type, e.g. `security_exception`; Cloud error code, e.g. `deployments.deployment_not_found`. */
      type?: string;
      /** Privileges Elasticsearch says would grant the refused action. */
      grantingPrivileges?: string[];
      /** The action Elasticsearch refused, e.g. `cluster:admin/settings/update`. */
      action?: string;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

const SERVICE_NAMES: Record<ServiceKind, string> = {
  elasticsearch: 'Elasticsearch',
  cloud: 'the Elastic Cloud API',
  ece: 'the ECE coordinator',
};

function requestLabel(context: RequestContext): string {
  return `${context.method} ${context.path.split('?')[0]} on ${context.origin}`;
}

/** Node/undici error codes, walking the `cause` chain (fetch-style wrappers hide the real one). */
function errorCodes(error: unknown): { codes: string[]; names: string[]; messages: string[] } {
  const codes: string[] = [];
  const names: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (typeof current === 'object') {
      const record = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
      if (typeof record.code === 'string') codes.push(record.code);
      if (typeof record.name === 'string') names.push(record.name);
      if (typeof record.message === 'string') messages.push(record.message);
      // AggregateError (happy-eyeballs tries several addresses): look at the first inner error too.
      if (Array.isArray(record.errors) && record.errors.length > 0 && !record.cause) {
        current = record.errors[0];
        continue;
      }
      current = record.cause;
    } else {
      break;
    }
  }
  return { codes, names, messages };
}

const TLS_UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const TLS_SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const TLS_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** Maps an error thrown while sending a request (no HTTP response) to an ApiError. */
export function transportError(error: unknown, context: RequestContext, timeoutMs: number): ApiError {
  if (error instanceof ApiError) return error;
  const { codes, names, messages } = errorCodes(error);
  const has = (code: string) => codes.includes(code);
  const target = context.origin;
  const label = requestLabel(context);
  const service = SERVICE_NAMES[context.service];

  if (
    names.includes('TimeoutError') ||
    has('UND_ERR_HEADERS_TIMEOUT') ||
    has('UND_ERR_BODY_TIMEOUT') ||
    has('UND_ERR_CONNECT_TIMEOUT') ||
    has('ETIMEDOUT')
  ) {
    return new ApiError(
      'timeout',
      `${label} timed out after ${formatSeconds(timeoutMs)}. ${service} did not answer in time: check that the address is reachable from this machine (VPN, firewall, traffic filters), or raise the connection's timeout if the cluster is just slow.`,
      context,
    );
  }
  if (messages.some((m) => /proxy response|tunnel/i.test(m)) || has('UND_ERR_PRX_TLS')) {
    const proxyStatus = messages.map((m) => /\((\d{3})\)/.exec(m)?.[1]).find(Boolean);
    return new ApiError(
      'proxy',
      `The HTTP proxy refused to open a tunnel to ${target}${proxyStatus ? ` (proxy status ${proxyStatus})` : ''}. Check the "http.proxy" setting, the proxy credentials ("http.proxyAuthorization") and whether the host should be listed in "http.noProxy".`,
      context,
    );
  }
  if (names.includes('AbortError')) {
    return new ApiError('cancelled', `${label} was cancelled.`, context);
  }
  if (has('ECONNREFUSED')) {
    return new ApiError(
      'unreachable',
      `Could not connect to ${target}: the connection was refused. Check the URL and port, and that ${service} is running and listening on that address.`,
      context,
    );
  }
  if (has('ENOTFOUND') || has('EAI_AGAIN') || has('EAI_NONAME') || has('EAI_FAIL')) {
    return new ApiError(
      'dns',
      `Could not find the host of ${target}: the name does not resolve (DNS). Check the spelling of the host name, or your network and VPN connection.`,
      context,
    );
  }
  if (has('EHOSTUNREACH') || has('ENETUNREACH') || has('EADDRNOTAVAIL')) {
    return new ApiError(
      'unreachable',
      `Could not reach ${target}: no network route to the host. Check your network, VPN and firewall.`,
      context,
    );
  }
  if (codes.some((code) => TLS_SELF_SIGNED.has(code))) {
    return new ApiError(
      'tls-self-signed',
      `The TLS certificate of ${target} is self-signed and not trusted. Add the CA certificate that signed it as the connection's CA file (for a self-managed cluster usually config/certs/http_ca.crt).`,
      context,
    );
  }
  if (codes.some((code) => TLS_UNKNOWN_CA.has(code))) {
    return new ApiError(
      'tls-unknown-ca',
      `The TLS certificate of ${target} is signed by a certificate authority this connection does not trust. Set the connection's CA file to the CA certificate that signed the server certificate.`,
      context,
    );
  }
  if (has('ERR_TLS_CERT_ALTNAME_INVALID') || has('HOSTNAME_MISMATCH')) {
    return new ApiError(
      'tls-hostname-mismatch',
      `The TLS certificate of ${target} is not valid for the name the connection uses. Connect with a host name listed in the certificate, or set the connection's TLS server name to one of them.`,
      context,
    );
  }
  if (codes.some((code) => TLS_EXPIRED.has(code))) {
    return new ApiError(
      'tls-expired',
      `The TLS certificate of ${target} has expired or is not valid yet. Renew the certificate on the server, or check this machine's clock.`,
      context,
    );
  }
  const certificateCode = codes.find(
    (code) => code === 'INVALID_PURPOSE' || code.startsWith('CERT_') || code.startsWith('ERR_TLS_CERT'),
  );
  if (certificateCode) {
    return new ApiError(
      'tls-certificate',
      `The TLS certificate of ${target} was refused (${certificateCode}). Check that the server presents a valid server certificate, and the connection's CA file.`,
      context,
    );
  }
  if (
    has('EPROTO') ||
    has('ERR_SSL_WRONG_VERSION_NUMBER') ||
    codes.some((code) => code.startsWith('ERR_SSL_')) ||
    messages.some((m) => /wrong version number|packet length too long/i.test(m))
  ) {
    return new ApiError(
      'tls-protocol',
      `The TLS handshake with ${target} failed. If the endpoint serves plain HTTP, use an http:// URL; if it serves HTTPS, check that the port is the HTTP port (9200 by default) and not the transport port.`,
      context,
    );
  }
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('EPIPE') || has('UND_ERR_CLOSED')) {
    return new ApiError(
      'connection-reset',
      `The connection to ${target} was closed before ${service} answered ${context.method} ${context.path.split('?')[0]}. If this repeats, check for a proxy or load balancer in between, and that the URL's scheme (http/https) matches the server.`,
      context,
    );
  }
  return new ApiError('unknown', `${label} failed: ${firstLine(messages[0] ?? 'unknown error')}.`, context);
}

/** What an error body says, in either the Elasticsearch or the Elastic Cloud shape. */
export function describeErrorBody(body: unknown): { reason?: string; type?: string } {
  if (typeof body === 'string') return body.trim() ? { reason: firstLine(body.trim()) } : {};
  if (!body || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  // Elasticsearch: {"error": {"type", "reason", "root_cause": [...]}, "status": 400} or {"error": "text"}.
  const error = record.error;
  if (typeof error === 'string') return { reason: error };
  if (error && typeof error === 'object') {
    const cause = error as Record<string, unknown>;
    const rootCause = Array.isArray(cause.root_cause) ? (cause.root_cause[0] as Record<string, unknown> | undefined) : undefined;
    const reason = stringOr(cause.reason) ?? stringOr(rootCause?.reason);
    const causedBy = cause.caused_by as Record<string, unknown> | undefined;
    const detail = stringOr(causedBy?.reason);
    return {
      reason: detail && reason && !reason.includes(detail) ? `${reason} (${detail})` : reason,
      type: stringOr(cause.type),
    };
  }
  // Elastic Cloud / ECE: {"errors": [{"code", "message", "fields"}]}.
  if (Array.isArray(record.errors)) {
    const messages = record.errors
      .map((item) => (item && typeof item === 'object' ? stringOr((item as Record<string, unknown>).message) : undefined))
      .filter((m): m is string => Boolean(m));
    const first = record.errors[0] as Record<string, unknown> | undefined;
    return { reason: messages.length ? messages.join('; ') : undefined, type: stringOr(first?.code) };
  }
  if (typeof record.message === 'string') return { reason: record.message };
  return {};
}

/**
 * Elasticsearch 403 reasons read "action [X] is unauthorized for user [U] with effective roles [R],
 * this action is granted by the cluster privileges [a,b,c]" (wording from the security plugin's
 * authorization-denial message).
 */
export function parseMissingPrivilege(reason: string | undefined): {
  action?: string;
  principal?: string;
  grantingPrivileges?: string[];
  scope?: 'cluster' | 'index';
} {
  if (!reason) return {};
  const action = /action \[([^\]]+)\]/.exec(reason)?.[1];
  const principal = /is unauthorized for (?:user|API key id) \[([^\]]+)\]/.exec(reason)?.[1];
  const granted = /granted by the (cluster|index) privileges \[([^\]]+)\]/.exec(reason);
  return {
    action,
    principal,
    scope: granted?.[1] as 'cluster' | 'index' | undefined,
    grantingPrivileges: granted
      ? granted[2]
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : undefined,
  };
}

/** Maps a non-success HTTP response to an ApiError. */
export function httpError(status: number, body: unknown, context: RequestContext, retryAfterHeader?: string): ApiError {
  const { reason, type } = describeErrorBody(body);
  const label = requestLabel(context);
  const service = SERVICE_NAMES[context.service];
  const said = reason ? ` ${capitalize(service)} said: "${firstLine(reason)}".` : '';
  const details = { status, reason, type };

  if (status === 401) {
    const advice =
      context.service === 'elasticsearch'
        ? "Check the connection's API key (it may be expired or invalidated) or its user name and password. Cross-cluster API keys cannot be used for REST requests."
        : "Check the connection's API key: it may be wrong, expired or revoked" +
          (context.service === 'ece' ? ', or the user name and password may be wrong.' : '.');
    return new ApiError(
      'unauthorized',
      `${label} was rejected (401): the credentials were not accepted. ${advice}${said}`,
      context,
      details,
    );
  }
  if (status === 403) {
    if (context.service === 'elasticsearch') {
      const missing = parseMissingPrivilege(reason);
      if (missing.grantingPrivileges?.length) {
        const who = missing.principal ? ` "${missing.principal}"` : '';
        const action = missing.action ? ` for ${missing.action}` : '';
        return new ApiError(
          'forbidden',
          `${label} was refused (403): the user${who} lacks the privilege${action}. Grant one of the ${missing.scope ?? 'cluster'} privileges ${listOr(missing.grantingPrivileges)} to one of its roles, or connect as a user that has it.`,
          context,
          { ...details, grantingPrivileges: missing.grantingPrivileges, action: missing.action },
        );
      }
    }
    return new ApiError(
      'forbidden',
      `${label} was refused (403): the credentials are valid but not allowed to do this.${said} Use an API key or user with the needed role.`,
      context,
      details,
    );
  }
  if (status === 404) {
    return new ApiError(
      'not-found',
      `${label} found nothing (404).${said} Check the name or ID, and that the URL points at the right ${context.service === 'elasticsearch' ? 'cluster' : 'API'}.`,
      context,
      details,
    );
  }
  if (status === 409) {
    return new ApiError(
      'conflict',
      `${label} conflicts with the current state (409).${said} Reload the current state and try again.`,
      context,
      details,
    );
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(retryAfterHeader);
    const wait = retryAfterSeconds !== undefined ? `about ${retryAfterSeconds} s` : 'a moment';
    return new ApiError(
      'rate-limited',
      `${label} was throttled (429): too many requests. Wait ${wait} and try again.${said}`,
      context,
      { ...details, retryAfterSeconds },
    );
  }
  if (status >= 500) {
    return new ApiError(
      'server-error',
      `${label} failed on the server (${status}).${said} ${capitalize(service)} is up but could not complete the request; try again shortly, and check the server's logs if it persists.`,
      context,
      details,
    );
  }
  if (status === 400 || status === 405 || status === 413 || status === 415 || status === 422) {
    return new ApiError(
      'bad-request',
      `${label} was rejected as invalid (${status}).${said || ' No reason was given.'}`,
      context,
      details,
    );
  }
  return new ApiError('unexpected-status', `${label} returned an unexpected status ${status}.${said}`, context, details);
}

export function malformedResponse(context: RequestContext, what: string): ApiError {
  return new ApiError(
    'malformed-response',
    `${requestLabel(context)} returned a response that is not what ${SERVICE_NAMES[context.service]} sends (${what}). Check that the URL points at ${SERVICE_NAMES[context.service]} and not at a proxy or another service.`,
    context,
  );
}

function parseRetryAfter(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listOr(items: string[]): string {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
