/**
 * The language server in this process: `startServer` on a connection over in-memory streams, driven
 * by a real LSP client connection. Faster than the stdio tests (no bundle, no child process) and
 * it exercises the server module itself; the stdio tests remain the smoke tests of the bundle.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader as ClientReader,
  StreamMessageWriter as ClientWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type CompletionItem,
  type CompletionList,
  type InitializeResult,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { DocumentStatusRequest } from '../../server/src/lsp/protocol';
import { CONNECTION_OPTIONS, startServer } from '../../server/src/lsp/startServer';

const ES_YML = 'file:///in-process/config/elasticsearch.yml';
const ES_TEXT = [
  'cluster.remote.west.mode: proxy',
  'cluster.remote.west.proxy_adress: west.example.com:9443',
  'cluster.remote.west.',
  '',
].join('\n');
const ECK_YAML = 'file:///in-process/k8s/hub.yaml';
const ECK_TEXT = [
  'apiVersion: elasticsearch.k8s.elastic.co/v1',
  'kind: Elasticsearch',
  'metadata: { name: hub }',
  'spec:',
  '  version: 8.15.0',
  '  nodeSets:',
  '  - name: default',
  '    count: 1',
  '',
].join('\n');
const CONFIGMAP_YAML = 'file:///in-process/k8s/es-config.yaml';
const CONFIGMAP_TEXT = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: es-config',
  'data:',
  '  elasticsearch.yml: |',
  '    cluster.remote.west.mode: proxy',
  '    cluster.remote.west.',
  '',
].join('\n');
const COMPOSE_YAML = 'file:///in-process/stack/docker-compose.yml';
const COMPOSE_TEXT = [
  'services:',
  '  es:',
  '    image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0',
  '    environment:',
  '      - cluster.remote.west.mode=proxy',
  '      - cluster.remote.west.',
  '',
].join('\n');
/** The editor settings this client answers with, at initialize and when asked. */
const SETTINGS = { stackVersion: '8.12.0', keystoreCredentialAliases: ['west'] };
const WAIT_MS = 10_000;
/** The repository's rule pages (from out/test/protocol). */
const RULE_PAGES = resolve(__dirname, '..', '..', '..', 'docs', 'rules');

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('language server in process (paired streams)', () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  let client: ProtocolConnection;
  let initializeResult: InitializeResult;
  const published: PublishDiagnosticsParams[] = [];
  const diagnosticsWaiters: Array<(params: PublishDiagnosticsParams) => void> = [];

  before(async () => {
    const serverConnection = createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(toServer),
      new StreamMessageWriter(toClient),
      CONNECTION_OPTIONS,
    );
    startServer(serverConnection, { rulePagesDir: RULE_PAGES });
    client = createProtocolConnection(new ClientReader(toClient), new ClientWriter(toServer));
    client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params);
      diagnosticsWaiters.splice(0).forEach((resolve) => resolve(params));
    });
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => SETTINGS));
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    // processId null: no watchdog on a parent process, which this test process would be.
    initializeResult = await within(
      client.sendRequest(InitializeRequest.type, {
        processId: null,
        initializationOptions: SETTINGS,
        rootUri: null,
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      }),
      'initialize answer',
    );
    await client.sendNotification(InitializedNotification.type, {});
  });

  after(() => {
    client.dispose();
    toServer.end();
    toClient.end();
  });

  test('answers initialize with its name and the features it provides', () => {
    assert.equal(initializeResult.serverInfo?.name, 'elastic-remote-clusters');
    assert.ok(initializeResult.capabilities.completionProvider);
    assert.equal(initializeResult.capabilities.hoverProvider, true);
  });

  test('publishes diagnostics when a document is opened', async () => {
    const next = new Promise<PublishDiagnosticsParams>((resolve) => diagnosticsWaiters.push(resolve));
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: ES_YML, languageId: 'yaml', version: 1, text: ES_TEXT },
    });
    const params = await within(next, 'diagnostics');
    assert.equal(params.uri, ES_YML);
    const unknown = params.diagnostics.find((d) => d.code === 'unknown-setting');
    assert.ok(unknown, JSON.stringify(params.diagnostics));
    assert.deepEqual(unknown.range.start, { line: 1, character: 20 });
    // The code links to the rule's page.
    assert.equal(unknown.codeDescription?.href, pathToFileURL(join(RULE_PAGES, 'unknown-setting.md')).href);
  });

  test('completes the keys of an alias', async () => {
    const result = (await within(
      client.sendRequest(CompletionRequest.type, { textDocument: { uri: ES_YML }, position: { line: 2, character: 20 } }),
      'completion',
    )) as CompletionItem[] | CompletionList | null;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('proxy_address'), labels.join(', '));
  });

  test('explains a setting on hover', async () => {
    const hover = await within(
      client.sendRequest(HoverRequest.type, { textDocument: { uri: ES_YML }, position: { line: 0, character: 22 } }),
      'hover',
    );
    const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(markdown, /mode/);
    assert.match(markdown, /proxy/i);
  });

  test('reports how it reads a document: kind, label, stack version and its source, keystore aliases', async () => {
    const status = await within(client.sendRequest(DocumentStatusRequest, { uri: ES_YML }), 'document status');
    assert.deepEqual(status, {
      recognizedAs: 'elasticsearch.yml',
      kind: 'elasticsearch-yml',
      stackVersion: '8.12.0',
      stackVersionSource: 'setting',
      keystoreCredentialAliases: ['west'],
    });
  });

  test('takes the stack version of an ECK manifest from the manifest itself', async () => {
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: ECK_YAML, languageId: 'yaml', version: 1, text: ECK_TEXT },
    });
    const status = await within(client.sendRequest(DocumentStatusRequest, { uri: ECK_YAML }), 'document status');
    assert.equal(status.recognizedAs, 'ECK manifest');
    assert.equal(status.kind, 'eck-manifest');
    assert.equal(status.stackVersion, '8.15.0');
    assert.equal(status.stackVersionSource, 'document');
  });

  for (const { name, uri, text, keyLine, keyCharacter, insertText, recognizedAs } of [
    {
      name: 'a ConfigMap block scalar',
      uri: CONFIGMAP_YAML,
      text: CONFIGMAP_TEXT,
      keyLine: 7,
      keyCharacter: 24,
      insertText: /^cluster\.remote\.west\.proxy_address: /,
      recognizedAs: 'elasticsearch.yml in a ConfigMap',
    },
    {
      name: 'a Compose environment list',
      uri: COMPOSE_YAML,
      text: COMPOSE_TEXT,
      keyLine: 5,
      keyCharacter: 28,
      insertText: /^cluster\.remote\.west\.proxy_address=/,
      recognizedAs: 'elasticsearch.yml in a Compose environment',
    },
  ]) {
    test(`completes and explains remote-cluster settings inside ${name}`, async () => {
      const diagnosed = new Promise<PublishDiagnosticsParams>((resolve) => diagnosticsWaiters.push(resolve));
      await client.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text },
      });
      await within(diagnosed, 'diagnostics');
      const status = await within(client.sendRequest(DocumentStatusRequest, { uri }), 'document status');
      assert.equal(status.recognizedAs, recognizedAs);

      const result = (await within(
        client.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: { line: keyLine, character: keyCharacter },
        }),
        'completion',
      )) as CompletionItem[] | CompletionList | null;
      const items = Array.isArray(result) ? result : (result?.items ?? []);
      const address = items.find((item) => item.label === 'proxy_address');
      assert.ok(address, items.map((item) => item.label).join(', '));
      assert.match(address.textEdit?.newText ?? address.insertText ?? '', insertText);
      assert.ok(!items.some((item) => item.label === 'seeds'), "the other mode's keys are not offered");
      const outside = (await within(
        client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } }),
        'completion',
      )) as CompletionItem[] | CompletionList | null;
      assert.deepEqual(Array.isArray(outside) ? outside : (outside?.items ?? []), []);

      // `mode` on the line above the one being completed.
      const hover = await within(
        client.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line: keyLine - 1, character: keyCharacter + 1 },
        }),
        'hover',
      );
      assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /cluster\.remote\.west\.mode/);
      assert.deepEqual(hover?.range, {
        start: { line: keyLine - 1, character: keyCharacter },
        end: { line: keyLine - 1, character: keyCharacter + 4 },
      });
    });
  }

  test('says so when the document is not open', async () => {
    const status = await within(
      client.sendRequest(DocumentStatusRequest, { uri: 'file:///in-process/never-opened.yml' }),
      'document status',
    );
    assert.equal(status.kind, 'not-open');
    assert.equal(status.stackVersion, undefined);
  });
});
