/**
 * The network probe: how one `host:port` looks from this machine. Name resolution, a TCP connect,
 * a TLS handshake with the configured server_name as SNI (verification done by hand, so a bad
 * chain is reported rather than refused), then a one-line HTTP request to tell an HTTP(S) port from
 * a transport or remote-cluster port. Every step is bounded by a timeout and every socket is
 * destroyed; nothing here throws.
 */
import { lookup } from 'node:dns/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { errorText } from '../errorText';
import type { EndpointReport, NetworkProbe, TlsFacts } from './checkContext';

export interface NetworkProbeOptions {
  /** Per step (resolve, connect, handshake, HTTP reply). Default 5 s. */
  timeoutMs?: number;
}

const HTTP_PROBE = 'HEAD / HTTP/1.0\r\n\r\n';

export function splitAddress(address: string): { host: string; port: number } | undefined {
  const match = /^\s*(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})\s*$/.exec(address);
  if (!match) return undefined;
  const port = Number(match[3]);
  return port > 0 && port < 65536 ? { host: match[1] ?? match[2], port } : undefined;
}

export function createNetworkProbe(options: NetworkProbeOptions = {}): NetworkProbe {
  const timeoutMs = options.timeoutMs ?? 5000;
  return {
    async probe(address, { serverName, caPem, caLabel }) {
      const parsed = splitAddress(address);
      if (!parsed) return { address, host: address, port: 0, dns: { error: `"${address}" is not host:port` } };
      const { host, port } = parsed;
      const report: EndpointReport = { address, host, port, dns: { addresses: [] } };
      try {
        const addresses = isIP(host)
          ? [host]
          : (await withTimeout(lookup(host, { all: true }), timeoutMs, 'name resolution timed out')).map(
              (entry) => entry.address,
            );
        report.dns = { addresses };
      } catch (error) {
        report.dns = { error: describe(error) };
        return report;
      }
      const target = (report.dns as { addresses: string[] }).addresses[0];
      report.tcp = await tcpReach(target, port, timeoutMs);
      if (!report.tcp.ok) return report;

      const trustedBy = caPem ? (caLabel ?? 'the configured CA') : 'the system CA store';
      const tlsResult = await tlsHandshake(target, port, {
        serverName: serverName ?? (isIP(host) ? undefined : host),
        caPem,
        timeoutMs,
      });
      if (tlsResult.kind === 'tls') {
        report.speaks = 'tls';
        report.httpOverTls = tlsResult.httpOverTls;
        report.tls = tlsFacts(tlsResult.certificate, tlsResult.socketFacts, {
          serverName,
          trustedBy,
          nameToCheck: serverName ?? host,
        });
      } else if (tlsResult.kind === 'silent') {
        report.speaks = 'silent';
      } else {
        report.speaks = (await plainReply(target, port, timeoutMs)) ?? 'silent';
      }
      return report;
    },
  };
}

function tcpReach(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  return new Promise((resolve) => {
    const socket = netConnect({ host, port });
    const done = (value: { ok: true } | { ok: false; code: string; message: string }) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(
      () =>
        done({
          ok: false,
          code: 'ETIMEDOUT',
          message: `no answer within ${timeoutMs} ms (a firewall dropping packets looks like this)`,
        }),
      timeoutMs,
    );
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done({ ok: false, code: error.code ?? 'ERROR', message: error.message }),
    );
  });
}

type HandshakeResult =
  | {
      kind: 'tls';
      certificate: PeerCertificate;
      socketFacts: { authorized: boolean; authorizationError?: string };
      httpOverTls: boolean;
    }
  | { kind: 'not-tls'; message: string }
  | { kind: 'silent' };

function tlsHandshake(
  host: string,
  port: number,
  options: { serverName?: string; caPem?: string; timeoutMs: number },
): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const socket: TLSSocket = tlsConnect({
      host,
      port,
      servername: options.serverName && !isIP(options.serverName) ? options.serverName : undefined,
      ca: options.caPem,
      // Verification is done below and reported; refusing here would hide which part failed.
      rejectUnauthorized: false,
      // Names are checked separately (tlsFacts), so `authorized` speaks for the chain alone.
      checkServerIdentity: () => undefined,
    });
    const finish = (value: HandshakeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    let timer = setTimeout(() => finish({ kind: 'silent' }), options.timeoutMs);
    socket.once('error', (error) => finish({ kind: 'not-tls', message: describe(error) }));
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate(true);
      const socketFacts = {
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
      };
      clearTimeout(timer);
      // A REST port answers an HTTP request; transport and remote-cluster ports never do.
      let received = '';
      timer = setTimeout(
        () => finish({ kind: 'tls', certificate, socketFacts, httpOverTls: false }),
        Math.min(options.timeoutMs, 1500),
      );
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        if (received.length >= 5) finish({ kind: 'tls', certificate, socketFacts, httpOverTls: received.startsWith('HTTP/') });
      });
      socket.once('end', () => finish({ kind: 'tls', certificate, socketFacts, httpOverTls: received.startsWith('HTTP/') }));
      socket.write(HTTP_PROBE);
    });
  });
}

/** After a failed TLS handshake: does the port answer plain HTTP, something else, or nothing? */
function plainReply(host: string, port: number, timeoutMs: number): Promise<'http' | 'other' | undefined> {
  return new Promise((resolve) => {
    const socket: Socket = netConnect({ host, port });
    let received = '';
    const done = (value: 'http' | 'other' | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(received ? 'other' : undefined), Math.min(timeoutMs, 2000));
    socket.once('connect', () => socket.write(HTTP_PROBE));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.length >= 5) done(received.startsWith('HTTP/') ? 'http' : 'other');
    });
    socket.once('end', () => done(received ? (received.startsWith('HTTP/') ? 'http' : 'other') : undefined));
    socket.once('error', () => done(received ? 'other' : undefined));
  });
}

function tlsFacts(
  certificate: PeerCertificate,
  socket: { authorized: boolean; authorizationError?: string },
  options: { serverName?: string; trustedBy: string; nameToCheck: string },
): TlsFacts {
  const subjectAltNames = (certificate.subjectaltname ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const nameError = certificate.raw ? checkServerIdentity(options.nameToCheck, certificate) : undefined;
  return {
    serverName: options.serverName,
    trustedBy: options.trustedBy,
    authorized: socket.authorized,
    authorizationError: socket.authorizationError,
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    subjectAltNames,
    validFrom: certificate.valid_from,
    validTo: certificate.valid_to,
    nameChecked: options.nameToCheck,
    nameError: nameError ? nameError.message : undefined,
  };
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return 'unknown';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
  ]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = errorText(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
