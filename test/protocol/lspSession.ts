/**
 * A real LSP client session over stdio against the built server (dist/server.js), as an editor
 * would drive it. Used by the protocol tests and by the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol';
import { SERVER_EXEC_ARGV } from '../../client/src/serverProcess';

export const SERVER_PATH = resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

/** Node's arguments for a server script over stdio, with the Node flags the extension starts the server with. */
export function serverCommand(serverPath = SERVER_PATH): string[] {
  return [...SERVER_EXEC_ARGV, serverPath, '--stdio'];
}

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  initializeResult?: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly diagnosticWaiters: Array<{ uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }> =
    [];
  /** Every publishDiagnostics the server sent, latest last. */
  readonly published: PublishDiagnosticsParams[] = [];
  stderr = '';

  constructor(serverPath = SERVER_PATH) {
    this.process = spawn(process.execPath, serverCommand(serverPath), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (let i = this.diagnosticWaiters.length - 1; i >= 0; i--) {
        const waiter = this.diagnosticWaiters[i];
        if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
          this.diagnosticWaiters.splice(i, 1);
          waiter.resolve(params);
        }
      }
    });
    // The server asks for configuration; answer like an editor with no settings.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown = {}): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown'] },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
        },
        workspace: { configuration: false },
      },
      initializationOptions,
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** Resolves with the next diagnostics published for `uri` (at `version`, when given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderr}`)),
        timeoutMs,
      );
      this.diagnosticWaiters.push({
        uri,
        version,
        resolve: (params) => {
          clearTimeout(timer);
          resolvePromise(params);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return (await published).diagnostics;
  }

  /** Replaces a range (or the whole text when `range` is omitted) and waits for fresh diagnostics. */
  async change(uri: string, text: string, range?: Range): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [range ? { range, text } : { text }],
    });
    return (await published).diagnostics;
  }

  /** Sends a change without waiting for diagnostics (typing); returns the new version. */
  async type(uri: string, text: string, range: Range): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as
      CompletionItem[] | CompletionList | null;
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics },
    });
    return (result ?? []).filter((a): a is CodeAction => !isCommand(a));
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      await new Promise<void>((resolveExit) => {
        if (this.process.exitCode !== null) return resolveExit();
        const timer = setTimeout(() => {
          this.process.kill();
          resolveExit();
        }, 2000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolveExit();
        });
      });
    }
  }
}

function isCommand(value: CodeAction | Command): value is Command {
  return typeof (value as Command).command === 'string' && !('kind' in value) && !('edit' in value);
}

/** Text covered by an LSP range in `text` (for readable assertions). */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}
