/**
 * A local emulator of the Elasticsearch, Elastic Cloud Hosted and ECE APIs the extension talks to:
 * one HTTP(S) server on 127.0.0.1 per emulated cluster and, if asked, one for the Cloud/ECE API.
 * It keeps state, enforces authentication and privileges, and can inject faults.
 *
 *   const emulator = await startEmulator({ clusters: [{ name: 'local' }, { name: 'remote' }] });
 *   emulator.url                      // the first cluster's URL
 *   emulator.clusterUrl('remote')
 *   emulator.state.cluster('remote')  // users, keys, settings, keystore…
 *   emulator.faults.delay(2000)       // next request waits 2 s
 *   await emulator.stop();
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { CLOUD_ERROR_CODES, cloudError, cloudRouter } from './cloud';
import { elasticsearchRouter, esError } from './elasticsearch';
import { FaultInjector } from './faults';
import type { EmulatorRequest, Reply, Router } from './router';
import { EmulatorState, type CloudSpec, type ClusterSpec } from './state';
import { serverCredentials, TLS_FIXTURES, type TlsMode } from './tls';

export { FaultInjector } from './faults';
export { CLOUD_ERROR_CODES } from './cloud';
export { EmulatorState, EmulatedCluster } from './state';
export type { ClusterSpec, CloudSpec, DeploymentSpec, UserSpec, RestApiKeySpec } from './state';
export { TLS_FIXTURES, type TlsMode } from './tls';

export interface EmulatorOptions {
  /** Elasticsearch clusters to emulate; default one cluster named "local". Pass [] for Cloud only. */
  clusters?: ClusterSpec[];
  /** Start the Elastic Cloud / ECE API too. */
  cloud?: CloudSpec;
  /** Serve HTTPS with the test certificates; default plain HTTP. */
  tls?: TlsMode | false;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface RunningEmulator {
  /** URL of the first cluster (or of the Cloud API when there is no cluster). */
  url: string;
  cloudUrl?: string;
  clusterUrl(name: string): string;
  state: EmulatorState;
  faults: FaultInjector;
  /** PEM file clients should trust when tls is 'trusted'. */
  caFile: string;
  /** Swaps the certificate every HTTPS server presents (e.g. to 'unknown-ca'). */
  setTls(mode: TlsMode): void;
  stop(): Promise<void>;
}

type AnyServer = http.Server | https.Server;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clusterSpecs = options.clusters ?? [{ name: 'local' }];
  const state = new EmulatorState(clusterSpecs, options.cloud);
  const faults = new FaultInjector();
  const host = options.host ?? '127.0.0.1';
  const servers: Array<{ server: AnyServer; sockets: Set<Socket> }> = [];
  const timers = new Set<NodeJS.Timeout>();
  const scheme = options.tls ? 'https' : 'http';

  const listen = async (name: string, router: Router, errorReply: ErrorReply, port = 0): Promise<string> => {
    const handler = requestHandler(name, router, errorReply, state, faults, timers, options.maxBodyBytes ?? 1024 * 1024);
    const server: AnyServer = options.tls
      ? https.createServer(serverCredentials(options.tls), handler)
      : http.createServer(handler);
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    // TLS handshake failures (clients refusing our certificate) are expected in tests.
    server.on('tlsClientError', () => undefined);
    servers.push({ server, sockets });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `${scheme}://${shownHost}:${address.port}`;
  };

  try {
    for (const spec of clusterSpecs) {
      const cluster = state.cluster(spec.name);
      cluster.url = await listen(spec.name, elasticsearchRouter(state, cluster), esErrorReply, spec.port);
    }
    const cloudUrl = options.cloud ? await listen('cloud', cloudRouter(state), cloudErrorReply, options.cloud.port) : undefined;
    const first = clusterSpecs[0] ? state.cluster(clusterSpecs[0].name).url : cloudUrl;
    if (!first) throw new Error('startEmulator needs at least one cluster or the cloud API');

    return {
      url: first,
      cloudUrl,
      clusterUrl: (name) => state.cluster(name).url as string,
      state,
      faults,
      caFile: TLS_FIXTURES.caFile,
      setTls(mode) {
        if (!options.tls) throw new Error('setTls needs an emulator started with tls');
        for (const { server } of servers) (server as https.Server).setSecureContext(serverCredentials(mode));
      },
      async stop() {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        await Promise.all(
          servers.map(
            ({ server, sockets }) =>
              new Promise<void>((resolve) => {
                for (const socket of sockets) socket.destroy();
                server.close(() => resolve());
              }),
          ),
        );
      },
    };
  } catch (error) {
    for (const { server, sockets } of servers) {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
    throw error;
  }
}

interface ErrorReply {
  notFound(request: EmulatorRequest): Reply;
  methodNotAllowed(request: EmulatorRequest, allowed: string[]): Reply;
  status(status: number): Reply;
  internal(message: string): Reply;
}

const esErrorReply: ErrorReply = {
  notFound: (request) => ({
    status: 400,
    body: { error: `no handler found for uri [${request.url.pathname}${request.url.search}] and method [${request.method}]` },
  }),
  methodNotAllowed: (request, allowed) => ({
    status: 405,
    body: {
      error: `Incorrect HTTP method for uri [${request.url.pathname}] and method [${request.method}], allowed: [${allowed.join(', ')}]`,
      status: 405,
    },
  }),
  status: (status) => {
    if (status === 429)
      return esError(429, 'es_rejected_execution_exception', 'rejected execution of the request: the queue is full');
    if (status === 503) return esError(503, 'cluster_block_exception', 'blocked by: [SERVICE_UNAVAILABLE/2/no master];');
    if (status === 409)
      return esError(409, 'version_conflict_engine_exception', 'version conflict, the document was changed concurrently');
    return esError(status, 'exception', `emulated failure with status ${status}`);
  },
  internal: (message) => esError(500, 'exception', message),
};

const cloudErrorReply: ErrorReply = {
  notFound: () => cloudError(404, CLOUD_ERROR_CODES.unknownEndpoint.code, 'The requested resource could not be found.'),
  methodNotAllowed: (request) =>
    cloudError(405, CLOUD_ERROR_CODES.methodNotAllowed.code, `The method ${request.method} is not allowed here.`),
  status: (status) =>
    status === 429
      ? cloudError(429, CLOUD_ERROR_CODES.rateLimited.code, 'Too many requests. Slow down.')
      : cloudError(
          status,
          status >= 500 ? CLOUD_ERROR_CODES.unexpected.code : CLOUD_ERROR_CODES.emulatedFailure.code,
          `Emulated failure with status ${status}.`,
        ),
  internal: (message) => cloudError(500, CLOUD_ERROR_CODES.unexpected.code, message),
};

function requestHandler(
  serverName: string,
  router: Router,
  errorReply: ErrorReply,
  state: EmulatorState,
  faults: FaultInjector,
  timers: Set<NodeJS.Timeout>,
  maxBodyBytes: number,
): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://emulator');
        const method = (req.method ?? 'GET').toUpperCase();
        const authHeader = req.headers.authorization ?? '';
        const auth = !authHeader
          ? 'none'
          : ((['ApiKey', 'Basic', 'Bearer'].find((s) => authHeader.toLowerCase().startsWith(s.toLowerCase() + ' ')) as
              'ApiKey' | 'Basic' | 'Bearer' | undefined) ?? 'other');
        const record = (status: number) => state.requests.push({ server: serverName, method, path: url.pathname, status, auth });

        const afterHandling: AfterHandling[] = [];
        for (const fault of faults.take(serverName, method, url.pathname)) {
          if (fault.kind === 'before') {
            fault.run();
            continue;
          }
          if (fault.kind === 'late-answer' || fault.kind === 'reset-after-applying') {
            afterHandling.push(fault);
            continue;
          }
          if (fault.kind === 'delay') {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                timers.delete(timer);
                resolve();
              }, fault.ms);
              timers.add(timer);
            });
            if (res.destroyed || req.socket.destroyed) return;
            continue;
          }
          if (fault.kind === 'reset') {
            record(0);
            req.socket.destroy();
            return;
          }
          if (fault.kind === 'malformed-body') {
            record(200);
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"name": "emulated", "cluster_name": ');
            return;
          }
          const reply = fault.body === undefined ? errorReply.status(fault.status) : { status: fault.status, body: fault.body };
          record(fault.status);
          send(res, { ...reply, headers: { ...(reply.headers ?? {}), ...(fault.headers ?? {}) } }, serverName !== 'cloud');
          return;
        }

        if (tooLarge) {
          const reply = errorReply.internal('request body too large');
          record(413);
          send(res, { ...reply, status: 413 }, serverName !== 'cloud');
          return;
        }
        const rawBody = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        let bodyError: string | undefined;
        if (rawBody.trim() !== '') {
          try {
            body = JSON.parse(rawBody);
          } catch (error) {
            bodyError = error instanceof Error ? error.message : 'invalid JSON';
          }
        }
        const request: EmulatorRequest = { method, url, path: url.pathname, headers: req.headers, rawBody, body, bodyError };
        let reply: Reply;
        try {
          const match = router.match(method, url.pathname);
          reply = !match
            ? errorReply.notFound(request)
            : 'allowed' in match
              ? errorReply.methodNotAllowed(request, match.allowed)
              : await match.handler(request, match.params);
        } catch (error) {
          reply = errorReply.internal(error instanceof Error ? error.message : String(error));
        }
        if (await answerAfterHandling(afterHandling, req, res, timers, () => record(0))) return;
        record(reply.status);
        send(res, reply, serverName !== 'cloud');
      })();
    });
  };
}

type AfterHandling = { kind: 'late-answer'; ms: number } | { kind: 'reset-after-applying' };

/**
 * Faults that act once the request was carried out: hold the answer, or drop the connection.
 * True when no answer should be sent (the socket is gone).
 */
async function answerAfterHandling(
  faults: AfterHandling[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
  timers: Set<NodeJS.Timeout>,
  recordDropped: () => void,
): Promise<boolean> {
  for (const fault of faults) {
    if (fault.kind === 'reset-after-applying') {
      recordDropped();
      req.socket.destroy();
      return true;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, fault.ms);
      timers.add(timer);
    });
  }
  if (res.destroyed || req.socket.destroyed) {
    recordDropped();
    return true;
  }
  return false;
}

function send(res: http.ServerResponse, reply: Reply, elasticsearch: boolean): void {
  if (res.destroyed) return;
  const headers: Record<string, string | string[]> = {
    'content-type': 'application/json; charset=UTF-8',
    ...(reply.headers ?? {}),
  };
  // Elasticsearch 7.14+ marks its responses; clients use it to detect a genuine Elasticsearch.
  if (elasticsearch) headers['x-elastic-product'] = 'Elasticsearch';
  res.writeHead(reply.status, headers);
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}
