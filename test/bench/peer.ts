/**
 * The peer a user would otherwise run on an ECK manifest: yaml-language-server (Red Hat's YAML
 * server, the engine of the YAML extension) with a JSON schema of the ECK fields this project
 * models. Both servers get the same file and the same edits over stdio, one after the other in the
 * same run, and the time from each edit to the server's next diagnostics is compared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { CRD_FIELDS, type CrdField } from '../../server/src/core/eck/fields';
import { SERVER_PATH } from '../protocol/lspSession';
import { median, spread } from './inputs';

const YAML_LANGUAGE_SERVER = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'node_modules',
  'yaml-language-server',
  'bin',
  'yaml-language-server',
);

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: readonly string[];
};

const SCHEMA_TYPES: Record<CrdField['type'], string | string[] | undefined> = {
  object: 'object',
  list: 'array',
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  'int-or-string': ['integer', 'string'],
  'free-form': undefined,
};

/** A JSON schema of the Elasticsearch resource built from the fields the project models (core/eck/fields.ts). */
export function eckSchema(): JsonSchema {
  const root: JsonSchema = { type: 'object', properties: {} };
  for (const field of CRD_FIELDS) {
    let node = root;
    const segments = field.path.split('.');
    segments.forEach((segment, index) => {
      const list = segment.endsWith('[]');
      const name = list ? segment.slice(0, -2) : segment;
      node.properties ??= {};
      node.type ??= 'object';
      let child = node.properties[name];
      if (!child) {
        child = {};
        node.properties[name] = child;
      }
      if (list) {
        child.type = 'array';
        child.items ??= { type: 'object', properties: {} };
      }
      if (index === segments.length - 1 && !list) {
        const type = SCHEMA_TYPES[field.type];
        if (type) child.type = type;
        child.description = field.summary;
        if (field.values) child.enum = field.values;
        if (field.required) (node.required ??= []).push(name);
      }
      node = list ? (child.items as JsonSchema) : child;
    });
  }
  return root;
}

/** A bare LSP client over stdio: enough to open a file, edit it and wait for diagnostics. */
class StdioClient {
  private readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  private waiters: Array<(params: PublishDiagnosticsParams) => void> = [];
  private version = 1;

  constructor(command: string[], configuration: (section: string | undefined) => unknown) {
    this.child = spawn(process.execPath, command, {
      stdio: ['pipe', 'pipe', process.env.BENCH_PEER_STDERR ? 'inherit' : 'ignore'],
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => configuration(item.section)));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const waiting = this.waiters;
      this.waiters = [];
      waiting.forEach((resolveWith) => resolveWith(params));
    });
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown, settings: unknown): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: {}, synchronization: { dynamicRegistration: false } },
      },
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  private nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolveWith) => {
      const wait = (params: PublishDiagnosticsParams) => (params.uri === uri ? resolveWith(params) : this.waiters.push(wait));
      this.waiters.push(wait);
    });
  }

  async open(uri: string, text: string): Promise<number> {
    const published = this.nextDiagnostics(uri);
    const start = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: this.version, text },
    });
    await published;
    return performance.now() - start;
  }

  /** Inserts or deletes one space at the end of `line`, as a keystroke would; resolves with the time to the next diagnostics. */
  async keystroke(uri: string, line: number, column: number, insert: boolean): Promise<number> {
    const published = this.nextDiagnostics(uri);
    const start = performance.now();
    this.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: this.version },
      contentChanges: [
        {
          range: { start: { line, character: column }, end: { line, character: column + (insert ? 0 : 1) } },
          text: insert ? ' ' : '',
        },
      ],
    });
    await published;
    return performance.now() - start;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    this.connection.dispose();
    this.child.kill();
  }
}

async function editTimes(
  client: StdioClient,
  uri: string,
  text: string,
  repeats: number,
): Promise<{ open: number; edits: number[] }> {
  const open = await client.open(uri, text);
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const edits: number[] = [];
  for (let i = 0; i < repeats; i++) edits.push(await client.keystroke(uri, middle, lines[middle].length, i % 2 === 0));
  return { open, edits };
}

/** Prints this server's and yaml-language-server's open and edit → diagnostics times on the same manifest. */
export async function compareWithYamlLanguageServer(text: string, repeats: number): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'erc-bench-peer-'));
  try {
    const schemaFile = join(scratch, 'eck-elasticsearch.schema.json');
    writeFileSync(schemaFile, JSON.stringify(eckSchema()));
    const uri = pathToFileURL(join(scratch, 'manifest.yaml')).href;
    const yamlSettings = {
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      schemaStore: { enable: false },
      schemas: { [pathToFileURL(schemaFile).href]: ['*.yaml'] },
    };

    const peer = new StdioClient([YAML_LANGUAGE_SERVER, '--stdio'], (section) =>
      section === 'yaml' ? yamlSettings : section === 'editor' ? { tabSize: 2 } : null,
    );
    await peer.initialize(undefined, { yaml: yamlSettings });
    const theirs = await editTimes(peer, uri, text, repeats).finally(() => peer.stop());

    const ours = new StdioClient([SERVER_PATH, '--stdio'], (section) =>
      section === 'elasticRemoteClusters' ? { stackVersion: '8.15.0' } : null,
    );
    await ours.initialize({ stackVersion: '8.15.0' }, {});
    const mine = await editTimes(ours, uri, text, repeats).finally(() => ours.stop());

    console.log(
      `\n## side by side with yaml-language-server 1.25 (ECK schema of ${CRD_FIELDS.length} modelled fields), ${text.split('\n').length}-line ECK manifest`,
    );
    console.log(`  ${'server'.padEnd(28)} ${'open → diagnostics'.padEnd(22)} edit → diagnostics`);
    console.log(`  ${'this extension'.padEnd(28)} ${`${mine.open.toFixed(0)} ms`.padEnd(22)} ${spread(mine.edits, 0)}`);
    console.log(`  ${'yaml-language-server'.padEnd(28)} ${`${theirs.open.toFixed(0)} ms`.padEnd(22)} ${spread(theirs.edits, 0)}`);
    const factor = median(theirs.edits) / median(mine.edits);
    console.log(
      `  edit → diagnostics: ${factor.toFixed(1)}× faster than yaml-language-server; target ≥ 5×: ${factor >= 5 ? 'met' : 'MISSED'}`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
