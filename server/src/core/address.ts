import { isIPv4, isIPv6 } from 'node:net';
import { TextMemo } from './textMemo';

/**
 * `host:port` as Elasticsearch parses remote addresses: split on the last colon, the port must
 * be an integer above zero. IPv6 literals therefore need brackets.
 */
export type AddressProblem =
  | 'empty'
  | 'scheme'
  | 'path'
  | 'list'
  | 'ipv6-unbracketed'
  | 'missing-port'
  | 'bad-port'
  | 'port-out-of-range'
  | 'bad-host'
  /** Holds `${VAR}`, which Elasticsearch replaces from the environment when it reads the file: not checkable. */
  | 'substituted';

export type ParsedAddress =
  | { readonly ok: true; readonly host: string; readonly port: number; readonly ipv6: boolean }
  | {
      readonly ok: false;
      readonly kind: AddressProblem;
      readonly problem: string;
      readonly host?: string;
      readonly port?: number;
    };

/** Each distinct address text is parsed once: a large file has thousands, repeated in every version. */
export const MAX_REMEMBERED_ADDRESSES = 10_000;
const parsedAddresses = new TextMemo((text) => Object.freeze(parseUncached(text)), MAX_REMEMBERED_ADDRESSES, 300);

/** `host:port` as Elasticsearch reads a remote address. The result may be shared with other callers: never mutate it. */
export function parseAddress(raw: string): ParsedAddress {
  return parsedAddresses.get(raw);
}

const SUBSTITUTION = /\$\{[^}]*\}/;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const LIST_SEPARATOR = /[,\s]/;
const DIGITS = /^\d+$/;
const DIGITS_AND_DOTS = /^[\d.]+$/;
const NOT_HOST_NAME_CHARACTER = /[^A-Za-z0-9._-]/;

function parseUncached(raw: string): ParsedAddress {
  const text = raw.trim();
  if (text === '') return { ok: false, kind: 'empty', problem: 'The address is empty.' };
  if (text.includes('${') && SUBSTITUTION.test(text))
    return { ok: false, kind: 'substituted', problem: 'The address comes from an environment variable.' };
  const scheme = text.includes('://') ? SCHEME.exec(text) : null;
  if (scheme) {
    return {
      ok: false,
      kind: 'scheme',
      problem: `Remove the \`${scheme[1]}://\` prefix: remote addresses are plain \`host:port\` (the transport protocol is not HTTP).`,
    };
  }
  if (LIST_SEPARATOR.test(text)) {
    return { ok: false, kind: 'list', problem: 'This holds more than one address; it takes exactly one `host:port`.' };
  }
  if (text.includes('/')) {
    return { ok: false, kind: 'path', problem: 'Remove the path: remote addresses are plain `host:port`.' };
  }
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return { ok: false, kind: 'bad-port', problem: 'Unclosed `[` in an IPv6 address.' };
    const host = text.slice(1, close);
    const rest = text.slice(close + 1);
    if (!rest.startsWith(':')) return { ok: false, kind: 'missing-port', problem: 'Add the port: `[address]:port`.', host };
    return withPort(host, rest.slice(1), true);
  }
  const colon = text.lastIndexOf(':');
  if (colon < 0) {
    return {
      ok: false,
      kind: 'missing-port',
      problem: 'Add the port: Elasticsearch needs `host:port` ("remote hosts need to be configured as [host:port]").',
      host: text,
    };
  }
  if (text.indexOf(':') !== colon) {
    return {
      ok: false,
      kind: 'ipv6-unbracketed',
      problem: 'An IPv6 address needs brackets: `[address]:port`. Elasticsearch splits on the last colon.',
    };
  }
  return withPort(text.slice(0, colon), text.slice(colon + 1), false);
}

function withPort(host: string, portText: string, ipv6: boolean): ParsedAddress {
  if (!DIGITS.test(portText)) {
    return { ok: false, kind: 'bad-port', problem: `\`${portText}\` is not a port number.`, host };
  }
  const port = Number(portText);
  if (port <= 0) return { ok: false, kind: 'bad-port', problem: 'The port must be greater than 0.', host, port };
  if (port > 65535) return { ok: false, kind: 'port-out-of-range', problem: 'The port must be at most 65535.', host, port };
  const hostProblem = ipv6 ? (isIPv6(host) ? undefined : `\`${host}\` is not a valid IPv6 address.`) : hostNameProblem(host);
  if (hostProblem) return { ok: false, kind: 'bad-host', problem: hostProblem, host, port };
  return { ok: true, host, port, ipv6 };
}

/**
 * Host names as RFC 1123 allows them (letters, digits and hyphens in dot-separated labels of at
 * most 63 characters), plus `_`, which Docker's DNS and Java's resolver both accept. A host made
 * of digits and dots must be a complete IPv4 address: Java would read `1.2.3` as 1.2.0.3.
 */
function hostNameProblem(host: string): string | undefined {
  if (host === '') return 'The host is empty.';
  if (DIGITS_AND_DOTS.test(host))
    return isIPv4(host) ? undefined : `\`${host}\` is not a valid IPv4 address (four numbers from 0 to 255).`;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const bad = NOT_HOST_NAME_CHARACTER.exec(name);
  if (bad) return `\`${host}\` is not a valid host name: \`${bad[0]}\` is not allowed (letters, digits, \`-\` and \`.\`).`;
  if (name.length > 253) return `\`${host}\` is longer than the 253 characters a host name may have.`;
  for (const label of name.split('.')) {
    if (label === '') return `\`${host}\` is not a valid host name: it has an empty label (\`..\` or a leading dot).`;
    if (label.length > 63) return `\`${host}\` is not a valid host name: the label \`${label}\` is longer than 63 characters.`;
    if (label.startsWith('-') || label.endsWith('-'))
      return `\`${host}\` is not a valid host name: the label \`${label}\` starts or ends with \`-\`.`;
  }
  return undefined;
}
