/**
 * The `_cluster/settings` body side by side with VS Code's own JSON language server, the server a
 * user has on any JSON file anyway (vscodeJson.ts): both are fresh processes, get the same text and
 * the same edits from the same client (stdioClient.ts), take turns on each version, and wait for
 * that version's diagnostics before the next edit. Printed: each one's peak memory (VmHWM, Node
 * itself included; a bare Node process for reference) and edit → diagnostics times, with paired
 * ratios against each other and against one jsonc-parser parse of the same version, timed in this
 * process just before the turn.
 *
 * Differences, by design:
 * - VS Code's JSON server gets its diagnostics pulled (what VS Code's client does with it), ours
 *   pushes them (ours offers no pull); either way the time is from the change notification to the
 *   version's diagnostics;
 * - after each version's diagnostics each server gets the requests VS Code makes of it for a JSON
 *   editor: ours code actions at the cursor (the light bulb; it offers quick fixes), VS Code's
 *   document symbols, folding ranges, colors and links (vscodeJson.ts). They count for memory, not
 *   for the times.
 *
 * Without code-server installed (scripts/setup-vscode-host.mjs), a process running
 * vscode-json-languageservice (that server's engine) on the same versions stands in for the
 * memory figure, printed as such.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { CodeActionRequest, CodeActionTriggerKind } from 'vscode-languageserver-protocol';
import { SERVER_PATH, serverCommand } from '../protocol/lspSession';
import { median, ratioSpread, spread } from './inputs';
import { bareNodePeakMiB, childPeakMiB, mib } from './procStats';
import { middleLineEnd, pairedRatios, sideBySide } from './sideBySide';
import { StdioClient, type StdioServer } from './stdioClient';
import { VSCODE_CLIENT_CAPABILITIES, vscodeJsonServer } from './vscodeJson';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** This extension's server as VS Code starts it (the same Node flags and client capabilities), with the settings the benchmark uses. */
export function ourServer(serverPath = SERVER_PATH): StdioServer {
  return {
    name: 'this extension',
    command: serverCommand(serverPath),
    capabilities: VSCODE_CLIENT_CAPABILITIES,
    initializationOptions: { stackVersion: '8.15.0' },
    configuration: (section) => (section === 'elasticRemoteClusters' ? { stackVersion: '8.15.0' } : null),
    // The light bulb: VS Code asks the providers of quick fixes for code actions at the cursor.
    perVersion: (client, uri, cursor) =>
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: cursor, end: cursor },
        context: { diagnostics: [], triggerKind: CodeActionTriggerKind.Automatic },
      }),
  };
}

/** The stand-in: vscode-json-languageservice parsing and validating each version, as that server does per version. */
const STAND_IN_SCRIPT = `
const { readFileSync } = require('node:fs');
const { getLanguageService, TextDocument } = require('vscode-json-languageservice');
const [file, count, offset] = process.argv.slice(1);
const service = getLanguageService({});
service.configure({ validate: true, allowComments: true });
const original = readFileSync(file, 'utf8');
const at = Number(offset);
const withSpace = original.slice(0, at) + ' ' + original.slice(at);
(async () => {
  for (let version = 1; version <= Number(count) + 1; version++) {
    const text = version % 2 === 0 ? withSpace : original;
    const document = TextDocument.create('file:///bench/cluster-settings.json', 'json', version, text);
    await service.doValidation(document, service.parseJSONDocument(document));
  }
  const peak = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(peak ? peak[1] : '');
})();
`;

export function standInPeakMiB(text: string, edits: number): number | undefined {
  const scratch = mkdtempSync(join(tmpdir(), 'erc-bench-json-'));
  try {
    const file = join(scratch, 'cluster-settings.json');
    writeFileSync(file, text);
    return childPeakMiB(['-e', STAND_IN_SCRIPT, file, String(edits), String(middleLineEnd(text).offset)], REPO_ROOT);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Median and spread of main-thread CPU milliseconds, or a note when /proc is not there. */
function cpuSpread(values: number[] | undefined): string {
  return values ? spread(values) : 'n/a (no /proc)';
}

/**
 * `edits` paired turns; peak memory is read after `memoryEdits` of them (open + 5 edits is the
 * figure the project tracks), the times cover all.
 */
export async function compareWithVsCodeJson(
  text: string,
  uri: string,
  edits: number,
  memoryEdits: number,
  serverPath?: string,
): Promise<void> {
  const theirServer = vscodeJsonServer();
  const clients = [new StdioClient(ourServer(serverPath))];
  if (theirServer) clients.push(new StdioClient(theirServer));
  let run;
  try {
    for (const client of clients) await client.initialize();
    run = await sideBySide(clients, { uri, languageId: 'json', text }, edits, {
      parse: (version) => parseTree(version),
      peaksAfter: memoryEdits,
    });
  } finally {
    await Promise.all(clients.map((client) => client.stop()));
  }
  const bare = bareNodePeakMiB(REPO_ROOT);
  const [ours, theirs] = run.edits;
  const [oursCpu, theirsCpu] = run.editCpu ?? [];
  const theirName = theirServer?.name ?? '';
  const [ourPeak] = run.peaks;
  const reference = theirServer ? run.peaks[1] : standInPeakMiB(text, memoryEdits);

  console.log(`\n## _cluster/settings body (${(text.length / 1024).toFixed(0)} KiB) beside VS Code's JSON support`);
  console.log(`  peak memory (VmHWM, fresh processes, open + ${memoryEdits} edits)`);
  console.log(`    ${'this extension'.padEnd(34)} ${mib(ourPeak)}`);
  if (theirServer) console.log(`    ${theirName.padEnd(34)} ${mib(reference)}`);
  else
    console.log(
      `    ${'vscode-json-languageservice'.padEnd(34)} ${mib(reference)}  (stand-in: VS Code's JSON server is not installed; run scripts/setup-vscode-host.mjs)`,
    );
  console.log(`    ${'bare Node process'.padEnd(34)} ${mib(bare)}`);
  if (ourPeak !== undefined && reference !== undefined)
    console.log(`    target: no higher than VS Code's JSON support: ${ourPeak <= reference ? 'met' : 'MISSED'}`);

  console.log(`  ${edits} edits, taking turns; the parse runs in this process before each turn`);
  console.log(
    `  ${''.padEnd(36)} ${'open → diagnostics'.padEnd(20)} ${'edit → diagnostics'.padEnd(28)} main-thread CPU per edit`,
  );
  const row = (name: string, open: number, wall: number[], cpu: number[] | undefined) =>
    console.log(`  ${name.padEnd(36)} ${`${open.toFixed(0)} ms`.padEnd(20)} ${spread(wall).padEnd(28)} ${cpuSpread(cpu)}`);
  row('this extension', run.open[0], ours, oursCpu);
  if (theirs) row(theirName, run.open[1], theirs, theirsCpu);
  row('jsonc-parser parse', run.openFloor!, run.floors, run.floorCpu);
  const againstParse = pairedRatios(ours, run.floors);
  console.log(
    `  this extension's edit / parse of the same version, paired: ${ratioSpread(againstParse)}; target < 2×: ${median(againstParse) < 2 ? 'met' : 'MISSED'}`,
  );
  if (oursCpu && run.floorCpu) console.log(`    the same in CPU time: ${ratioSpread(pairedRatios(oursCpu, run.floorCpu))}`);
  if (run.editProcessCpu) {
    const [oursProcess, theirsProcess] = run.editProcessCpu;
    console.log(
      `  whole-process CPU per edit (all threads, mean): this extension ${oursProcess.toFixed(0)} ms${theirs ? `, ${theirName} ${theirsProcess.toFixed(0)} ms` : ''}`,
    );
  }
  if (theirs) {
    console.log(`  this extension's edit / VS Code JSON server's, paired: ${ratioSpread(pairedRatios(ours, theirs))}`);
    if (oursCpu && theirsCpu) console.log(`    the same in CPU time: ${ratioSpread(pairedRatios(oursCpu, theirsCpu))}`);
  }
}
