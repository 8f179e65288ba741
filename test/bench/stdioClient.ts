/**
 * A bare LSP client over stdio for the benchmark's side-by-side runs: it starts a server, opens one
 * file, types one-character edits into it and times each until the server's diagnostics for that
 * version, whether the server pushes them (publishDiagnostics) or the client pulls them
 * (textDocument/diagnostic, as VS Code's language client does for servers that offer it: right
 * after the open or change notification). Every server in a comparison is driven by this one
 * client, with the same waiting rule.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { mainThreadCpuMs, peakMemoryMiB, processCpuMs } from './procStats';

export interface StdioServer {
  /** Printed name. */
  name: string;
  /** Node's arguments: its own flags if any, the server script and the script's arguments (`--stdio`). */
  command: string[];
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  /** Sent in didChangeConfiguration after `initialized`; none when undefined. */
  settings?: unknown;
  /** The answer to a workspace/configuration item. */
  configuration?: (section: string | undefined) => unknown;
  /** Requests the server sends the editor besides configuration and registration (e.g. for a schema's content). */
  requestHandlers?: Record<string, (params: unknown) => unknown>;
  /** Notifications an editor sends after `initialized` (e.g. VS Code's JSON schema associations). */
  afterInitialized?: Array<{ method: string; params: unknown }>;
  /**
   * The requests the editor makes for each version once it is on screen (document symbols,
   * folding ranges, ...), sent after that version's diagnostics and awaited before the next edit;
   * they are not part of the edit → diagnostics time.
   */
  perVersion?: (client: StdioClient, uri: string, cursor: { line: number; character: number }) => Promise<unknown>;
}

/** How long one version's diagnostics may take before the benchmark gives up (a frozen server). */
const DIAGNOSTICS_TIMEOUT_MS = 120_000;

export class StdioClient {
  private readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  private pullDiagnostics = false;
  private waiters: Array<{ uri: string; version: number; resolve: () => void }> = [];
  private version = 0;

  constructor(readonly server: StdioServer) {
    this.child = spawn(process.execPath, server.command, {
      stdio: ['pipe', 'pipe', process.env.BENCH_PEER_STDERR ? 'inherit' : 'ignore'],
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => server.configuration?.(item.section) ?? null),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    // A pull server asks the client to pull again after a configuration change; nothing is open then.
    this.connection.onRequest('workspace/diagnostic/refresh', () => undefined);
    this.connection.onRequest('workspace/foldingRange/refresh', () => undefined);
    for (const [method, handler] of Object.entries(server.requestHandlers ?? {})) this.connection.onRequest(method, handler);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.published(params));
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** This server process's peak resident memory so far (VmHWM), in MiB. */
  peakMemoryMiB(): number | undefined {
    return peakMemoryMiB(this.child.pid);
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: this.server.capabilities,
      initializationOptions: this.server.initializationOptions,
    });
    // VS Code's client pulls when the client supports it and the server offers a diagnostic provider.
    this.pullDiagnostics = !!this.server.capabilities.textDocument?.diagnostic && !!result.capabilities.diagnosticProvider;
    await this.connection.sendNotification(InitializedNotification.type, {});
    if (this.server.settings !== undefined)
      await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.server.settings });
    for (const { method, params } of this.server.afterInitialized ?? []) await this.connection.sendNotification(method, params);
    return result;
  }

  /**
   * A pushed version counts when it is this version or, for servers that do not say which version
   * they checked, when it is the first push after the notification.
   */
  private published(params: PublishDiagnosticsParams): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.uri === params.uri && (params.version === undefined || params.version === waiter.version)) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  /** Sends a document notification and resolves when that version's diagnostics arrived. */
  private async untilDiagnostics(uri: string, notify: () => Promise<void>): Promise<void> {
    const version = this.version;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.server.name}: no diagnostics for version ${version} within ${DIAGNOSTICS_TIMEOUT_MS} ms`)),
        DIAGNOSTICS_TIMEOUT_MS,
      );
    });
    try {
      if (this.pullDiagnostics) {
        await notify();
        await Promise.race([this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), timeout]);
      } else {
        const pushed = new Promise<void>((resolve) => this.waiters.push({ uri, version, resolve }));
        await notify();
        await Promise.race([pushed, timeout]);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Opens the document; resolves with the time to its diagnostics, in ms. */
  async open(uri: string, languageId: string, text: string): Promise<number> {
    this.version = 1;
    const start = performance.now();
    await this.untilDiagnostics(uri, () =>
      this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId, version: this.version, text },
      }),
    );
    const elapsed = performance.now() - start;
    await this.server.perVersion?.(this, uri, { line: 0, character: 0 });
    return elapsed;
  }

  /**
   * Inserts or deletes one space at `line`:`character`, as a keystroke would; resolves with the
   * time to that version's diagnostics (wall), and the CPU time the server's main thread and the
   * whole server process (10 ms resolution) spent meanwhile, in ms.
   */
  async keystroke(
    uri: string,
    line: number,
    character: number,
    insert: boolean,
  ): Promise<{ wall: number; cpu?: number; processCpu?: number }> {
    this.version++;
    const processCpuBefore = processCpuMs(this.child.pid);
    const cpuBefore = mainThreadCpuMs(this.child.pid);
    const start = performance.now();
    await this.untilDiagnostics(uri, () =>
      this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: this.version },
        contentChanges: [
          {
            range: { start: { line, character }, end: { line, character: character + (insert ? 0 : 1) } },
            text: insert ? ' ' : '',
          },
        ],
      }),
    );
    const wall = performance.now() - start;
    const cpuAfter = mainThreadCpuMs(this.child.pid);
    const processCpuAfter = processCpuMs(this.child.pid);
    await this.server.perVersion?.(this, uri, { line, character: insert ? character + 1 : character });
    const difference = (before: number | undefined, after: number | undefined) =>
      before === undefined || after === undefined ? undefined : after - before;
    return { wall, cpu: difference(cpuBefore, cpuAfter), processCpu: difference(processCpuBefore, processCpuAfter) };
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    await exited;
    this.connection.dispose();
  }
}
