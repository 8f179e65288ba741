/**
 * Editors differ in what they support. A client that reads settings through
 * `workspace/configuration` but takes no dynamic registrations (and answers
 * `client/registerCapability` with "method not found") must still get a working server.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { serverCommand } from './lspSession';

describe('a client without dynamic registration', () => {
  const server = spawn(process.execPath, serverCommand(), { stdio: ['pipe', 'pipe', 'pipe'] });
  let exitCode: number | null = null;
  server.on('exit', (code) => (exitCode = code));
  let client: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  let settingsRead: () => void = () => undefined;
  /** The server asks for settings right after it tried to register: by then the refusal has arrived. */
  const asked = new Promise<void>((resolve) => (settingsRead = resolve));

  before(async () => {
    client = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    client.onRequest(ConfigurationRequest.type, (params) => {
      setImmediate(settingsRead);
      return params.items.map(() => ({ stackVersion: '8.15.0' }));
    });
    client.onNotification(PublishDiagnosticsNotification.type, (params) => void published.push(params));
    // No handler for client/registerCapability: the connection answers "method not found", as such editors do.
    client.listen();
    await client.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await client.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await client.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await client.sendNotification(ExitNotification.type).catch(() => undefined);
    client.dispose();
    server.kill();
  });

  test('keeps running and answers after its registration was refused', { timeout: 20_000 }, async () => {
    await asked;
    const uri = 'file:///caps/elasticsearch.yml';
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 'cluster.remote.west.seeds: west:9300\n' },
    });
    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 20 } });
    assert.ok(hover, 'the hover is answered');
    // A second round trip: an unhandled refusal would have ended the process by now.
    assert.ok(await client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 20 } }));
    assert.equal(exitCode, null, 'the server process is still running');
  });
});
