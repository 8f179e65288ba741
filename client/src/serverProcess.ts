/**
 * How the language server process is started. The extension (extension.ts) builds its server
 * options here, and the benchmark and the protocol tests start dist/server.js with the same Node
 * flags, so what they measure is what users run. Type imports only: plain Node can load this module.
 */
import type { ServerOptions, TransportKind } from 'vscode-languageclient/node';

/**
 * Node/V8 flags of the server process. A smaller young generation: V8's default semi-space on
 * 64-bit is 16 MiB (the young generation holds three), sized for programs that keep allocating;
 * the server allocates in short bursts per edit, mostly garbage by the time the diagnostics are
 * sent, so small semi-spaces keep its peak memory down on large files without slowing the checks
 * (chosen by measurement: the README's Benchmark section).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4'];

/** The same flags, plus what lets a debugger attach (the extension's debug launch). */
export const SERVER_DEBUG_EXEC_ARGV: readonly string[] = ['--nolazy', '--inspect=6019', ...SERVER_EXEC_ARGV];

/** The language client's options for the server module: run and debug differ only in the debugger flags. */
export function languageServerOptions(serverModule: string, transport: TransportKind): ServerOptions {
  return {
    run: { module: serverModule, transport, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport, options: { execArgv: [...SERVER_DEBUG_EXEC_ARGV] } },
  };
}
