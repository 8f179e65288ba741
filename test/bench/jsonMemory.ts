/**
 * Peak memory on the `_cluster/settings` body: this server against VS Code's JSON support. VS Code's
 * JSON language server is not an npm dependency here (it ships inside VS Code), so its engine,
 * vscode-json-languageservice, stands in for it: a process that does what that server does for each
 * version of the file (parse it, validate it), on the same text and the same edits. Both figures are
 * whole-process peaks (VmHWM), Node itself included; a bare Node process is printed for reference.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LspSession } from '../protocol/lspSession';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Peak resident memory of a process, in MiB, from /proc (Linux); undefined elsewhere. */
export function peakMemoryMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    return peak ? Number(peak[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The edits both sides get: a space typed at the end of the middle line, then deleted, `count` times in all. */
function editAt(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  return { line, character: lines[line].length };
}

const PROXY_SCRIPT = `
const { readFileSync } = require('node:fs');
const { getLanguageService, TextDocument } = require('vscode-json-languageservice');
const [file, count, line, character] = process.argv.slice(1);
const service = getLanguageService({});
service.configure({ validate: true, allowComments: true });
let text = readFileSync(file, 'utf8');
const lineStart = text.split('\\n').slice(0, Number(line)).join('\\n').length + 1;
const at = lineStart + Number(character);
(async () => {
  for (let version = 1; version <= Number(count) + 1; version++) {
    const document = TextDocument.create('file:///bench/cluster-settings.json', 'json', version, text);
    await service.doValidation(document, service.parseJSONDocument(document));
    text = version % 2 === 1 ? text.slice(0, at) + ' ' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  }
  const peak = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(peak ? peak[1] : '');
})();
`;

function childPeakMiB(args: string[]): number | undefined {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
  const kib = Number(result.stdout.trim());
  return result.status === 0 && kib > 0 ? kib / 1024 : undefined;
}

export async function compareJsonMemory(text: string, uri: string, edits: number): Promise<void> {
  const session = new LspSession();
  let ours: number | undefined;
  try {
    await session.initialize({ stackVersion: '8.15.0' });
    await session.open(uri, text, 'json');
    const { line, character } = editAt(text);
    for (let i = 0; i < edits; i++) {
      await session.change(uri, i % 2 === 0 ? ' ' : '', {
        start: { line, character },
        end: { line, character: character + (i % 2 === 0 ? 0 : 1) },
      });
    }
    ours = peakMemoryMiB(session.process.pid);
  } finally {
    await session.shutdown();
  }

  const scratch = mkdtempSync(join(tmpdir(), 'erc-bench-json-'));
  let proxy: number | undefined;
  let bare: number | undefined;
  try {
    const file = join(scratch, 'cluster-settings.json');
    writeFileSync(file, text);
    const { line, character } = editAt(text);
    proxy = childPeakMiB(['-e', PROXY_SCRIPT, file, String(edits), String(line), String(character)]);
    bare = childPeakMiB([
      '-e',
      "process.stdout.write(/VmHWM:\\s+(\\d+) kB/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1])",
    ]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const mib = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} MiB`);
  console.log(`\n## peak memory on the _cluster/settings body (${(text.length / 1024).toFixed(0)} KiB, open + ${edits} edits)`);
  console.log(`  this server (fresh process)                        ${mib(ours)}`);
  console.log(
    `  vscode-json-languageservice (VS Code JSON's engine) ${mib(proxy)}  (proxy: VS Code's JSON server is not installed)`,
  );
  console.log(`  bare Node process                                  ${mib(bare)}`);
  if (ours !== undefined && proxy !== undefined)
    console.log(`  target: no higher than VS Code's JSON support: ${ours <= proxy ? 'met' : 'MISSED'}`);
}
