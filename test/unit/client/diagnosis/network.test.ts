/**
 * The network probe and the network checks against real sockets on 127.0.0.1: a TLS listener with
 * the test certificates (trusted, wrong name, unknown CA, expired), a port that speaks HTTP, an
 * HTTPS REST port, a closed port and one that accepts but never speaks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { createServer as createTlsServer } from 'node:tls';
import { CHECKS } from '../../../../client/src/diagnosis/checks';
import {
  DiagnosisContext,
  type CheckResult,
  type DiagnosisInputs,
  type LocalClusterProbe,
} from '../../../../client/src/diagnosis/checkContext';
import { createNetworkProbe, splitAddress } from '../../../../client/src/diagnosis/network';
import { TLS_FIXTURES } from '../../../emulator';

const fixture = (name: string) => readFileSync(path.join(TLS_FIXTURES.dir, name), 'utf8');
const CA = fixture('ca.crt');
const probe = createNetworkProbe({ timeoutMs: 1500 });

const servers: Server[] = [];
const sockets = new Set<Socket>();
async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A transport-like TLS listener: completes the handshake, never answers HTTP. */
function tlsListener(certName: string): Server {
  const server = createTlsServer({ key: fixture(`${certName}.key`), cert: fixture(`${certName}.crt`) }, () => undefined);
  server.on('tlsClientError', () => undefined);
  return server;
}

/** Runs the network checks on `address` with nothing else known about the cluster. */
async function networkChecks(
  address: string,
  options: { serverName?: string; caPem?: string } = {},
): Promise<Record<string, CheckResult>> {
  const local: LocalClusterProbe = {
    info: async () => ({ clusterName: 'l', clusterUuid: 'u', version: '8.15.0' }),
    remoteInfo: async () => ({
      r: options.serverName
        ? {
            mode: 'proxy',
            connected: false,
            proxy_address: address,
            server_name: options.serverName,
            num_proxy_sockets_connected: 0,
            max_proxy_socket_connections: 18,
            initial_connect_timeout: '30s',
            skip_unavailable: false,
          }
        : {
            mode: 'sniff',
            connected: false,
            seeds: [address],
            num_nodes_connected: 0,
            max_connections_per_cluster: 3,
            initial_connect_timeout: '30s',
            skip_unavailable: false,
          },
    }),
    remoteSettings: async () => ({}),
    resolveCluster: async () => undefined,
    nodes: async () => [],
    roles: async () => ({}),
  };
  const inputs: DiagnosisInputs = {
    alias: 'r',
    localConnectionName: 'l',
    localConnectionId: 'l',
    local,
    network: probe,
    caPem: options.caPem,
    caLabel: 'the test CA',
  };
  const context = new DiagnosisContext(inputs);
  const results: Record<string, CheckResult> = {};
  for (const check of CHECKS.filter((candidate) => candidate.section === 'network')) results[check.id] = await check.run(context);
  return results;
}

describe('network probe (127.0.0.1 only)', () => {
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  test('addresses parse as host:port, IPv6 in brackets; anything else is refused', () => {
    assert.deepEqual(splitAddress('es.example.com:9443'), { host: 'es.example.com', port: 9443 });
    assert.deepEqual(splitAddress('[::1]:9300'), { host: '::1', port: 9300 });
    assert.equal(splitAddress('es.example.com'), undefined);
    assert.equal(splitAddress('host:99999'), undefined);
  });

  test('a trusted TLS listener with the right name passes resolve, reach, protocol, trust, names and expiry', async () => {
    const port = await listen(tlsListener('server'));
    const results = await networkChecks(`127.0.0.1:${port}`, { serverName: 'localhost', caPem: CA });
    for (const id of ['network.dns', 'network.tcp', 'network.protocol', 'network.trust', 'network.names', 'network.expiry']) {
      assert.equal(results[id].status, 'passed', `${id}: ${results[id].evidence.join(' ')}`);
    }
    assert.match(results['network.tcp'].evidence.join(' '), /from this machine/);
  });

  test('server_name the certificate does not carry: the names check fails', async () => {
    const port = await listen(tlsListener('server'));
    const results = await networkChecks(`127.0.0.1:${port}`, { serverName: 'remote.example.com', caPem: CA });
    assert.equal(results['network.names'].status, 'failed');
    assert.match(results['network.names'].evidence.join(' '), /remote\.example\.com/);
    assert.equal(results['network.trust'].status, 'passed');
  });

  test('a certificate from an unknown CA: the trust check fails and offers Add Trusted Environment', async () => {
    const port = await listen(tlsListener('unknown-server'));
    const results = await networkChecks(`127.0.0.1:${port}`, { serverName: 'localhost', caPem: CA });
    assert.equal(results['network.trust'].status, 'failed');
    assert.match(results['network.trust'].evidence.join(' '), /UNABLE_TO|unable/i);
    assert.equal(results['network.trust'].action?.kind, 'addTrustedEnvironment');
  });

  test('an expired certificate: the expiry check fails with the date', async () => {
    const port = await listen(tlsListener('expired'));
    const results = await networkChecks(`127.0.0.1:${port}`, { serverName: 'localhost', caPem: CA });
    assert.equal(results['network.expiry'].status, 'failed');
    assert.match(results['network.expiry'].evidence.join(' '), /expired on/);
  });

  test('a port that speaks plain HTTP is recognised as the REST port', async () => {
    const port = await listen(createHttpServer((_request, response) => response.end('{}')));
    const results = await networkChecks(`127.0.0.1:${port}`);
    assert.equal(results['network.protocol'].status, 'failed');
    assert.match(results['network.protocol'].evidence.join(' '), /HTTP/);
    assert.equal(results['network.trust'].status, 'not-checked');
  });

  test('an HTTPS REST port is told apart from a transport port', async () => {
    const port = await listen(
      createHttpsServer({ key: fixture('server.key'), cert: fixture('server.crt') }, (_request, response) => response.end('{}')),
    );
    const results = await networkChecks(`127.0.0.1:${port}`, { serverName: 'localhost', caPem: CA });
    assert.equal(results['network.protocol'].status, 'failed');
    assert.match(results['network.protocol'].evidence.join(' '), /HTTPS/);
  });

  test('a closed port fails the reach check with the refusal', async () => {
    const closed = createNetServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const results = await networkChecks(`127.0.0.1:${port}`);
    assert.equal(results['network.tcp'].status, 'failed');
    assert.match(results['network.tcp'].evidence.join(' '), /ECONNREFUSED/);
  });

  test('a port that accepts but never speaks is reported, within the timeout', async () => {
    const port = await listen(createNetServer(() => undefined));
    const started = Date.now();
    const report = await probe.probe(`127.0.0.1:${port}`, {});
    assert.equal(report.speaks, 'silent');
    assert.ok(Date.now() - started < 8000);
  });
});
