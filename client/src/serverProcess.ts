/**
 * How the language server process is started. The extension (extension.ts) builds its server
 * options here, and the benchmark and the protocol tests start dist/server.js with the same Node
 * flags, so what they measure is what users run. Type imports only: plain Node can load this module.
 */
import type { ServerOptions, TransportKind } from 'vscode-languageclient/node';

/**
 * Node/V8 flags of the server process. A smaller young generation: V8 lets each semi-space grow
 * to 16 MiB on 64-bit (the young generation is three times that), which suits programs that keep
 * allocating. The server allocates in a short burst per version, mostly garbage by the time the
 * diagnostics are sent, so 4 MiB semi-spaces lower its peak memory on large files (18,000-line
 * `_cluster/settings` body: about 139 → 121 MiB) with the same time and CPU per edit (measured
 * against 2, 6, 8 and 16 MiB: the README's Benchmark section).
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
