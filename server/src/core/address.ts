import { isIPv6 } from 'node:net';
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
  | {
      readonly ok: true;
      readonly host: string;
      readonly port: number;
      readonly ipv6: boolean;
      /** The host is an IPv4 address of fewer than four parts (`10.0.12`): the address Java reads it as (`10.0.0.12`). */
      readonly ipv4Shorthand?: string;
      /** An IPv6 address written without brackets (`fe80::1:9300`), which the split at the last colon reads as meant. */
      readonly ipv6Unbracketed?: true;
    }
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

/** Whether the address parses and is written the plain way: no rule has anything to say about it. */
export function isPlainAddress(parsed: ParsedAddress): boolean {
  return parsed.ok && parsed.ipv4Shorthand === undefined && parsed.ipv6Unbracketed === undefined;
}

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
    // Java reads IPv6 addresses without brackets too: when the split gives an address and a port, they are the ones meant.
    const host = text.slice(0, colon);
    const portText = text.slice(colon + 1);
    if (isIPv6(host) && DIGITS.test(portText)) {
      const parsed = withPort(host, portText, true);
      return parsed.ok ? { ...parsed, ipv6Unbracketed: true } : parsed;
    }
    return {
      ok: false,
      kind: 'ipv6-unbracketed',
      problem: `Elasticsearch splits this at its last colon, into the host \`${host}\` and the port \`${portText}\`, which are no IPv6 address and port: write \`[address]:port\`.`,
      host,
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
  const ipv4 = !ipv6 && DIGITS_AND_DOTS.test(host) ? javaIpv4(host) : undefined;
  if (ipv4 && ipv4.parts < 4) return { ok: true, host, port, ipv6, ipv4Shorthand: ipv4.address };
  return { ok: true, host, port, ipv6 };
}

/**
 * The IPv4 address Java reads a host of digits and dots as, the way Elasticsearch resolves remote
 * addresses (`InetAddress.getByName`): one to four decimal parts (leading zeros are decimal too),
 * each of the first ones a byte, the last one filling the bytes left (`127.0.257` is 127.0.1.1),
 * at most 15 characters. Undefined when Java does not read it as an address: it then looks the
 * text up as a host name, which digits and dots never are.
 * https://docs.oracle.com/en/java/javase/23/docs/api/java.base/java/net/Inet4Address.html#format
 */
export function javaIpv4(host: string): { address: string; parts: number } | undefined {
  if (host.length > 15 || !/^\d+(\.\d+){0,3}$/.test(host)) return undefined;
  const parts = host.split('.').map(Number);
  const last = parts[parts.length - 1];
  const lastLimit = 2 ** (8 * (5 - parts.length)) - 1;
  if (parts.slice(0, -1).some((part) => part > 255) || last > lastLimit) return undefined;
  const bytes = parts.slice(0, -1);
  for (let shift = 8 * (4 - parts.length); shift >= 0; shift -= 8) bytes.push(Math.floor(last / 2 ** shift) % 256);
  return { address: bytes.join('.'), parts: parts.length };
}

/**
 * Host names as RFC 1123 allows them (letters, digits and hyphens in dot-separated labels of at
 * most 63 characters), plus `_`, which Docker's DNS and Java's resolver both accept. A host made
 * of digits and dots must be an IPv4 address as Java reads one (javaIpv4).
 */
function hostNameProblem(host: string): string | undefined {
  if (host === '') return 'The host is empty.';
  if (DIGITS_AND_DOTS.test(host))
    return javaIpv4(host)
      ? undefined
      : `\`${host}\` is not an IPv4 address (four numbers from 0 to 255), and as a host name it cannot resolve.`;
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
