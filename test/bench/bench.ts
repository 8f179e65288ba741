/**
 * Benchmark: drives the built language server (dist/server.js) over stdio like an editor and
 * prints figures. It is not a test: nothing here fails on a slow machine; targets are printed
 * next to the measurements. Run with `npm run bench`.
 *
 * Environment: BENCH_REQUESTS (completion/hover requests per file, default 300), BENCH_INPUTS
 * (`yml,eck,json,typing,peer,cli`, a subset to run; `peer` is the side-by-side runs with
 * yaml-language-server and VS Code's JSON server, `json` includes the latter too), BENCH_KEYSTROKES
 * (per typing run, default 40), BENCH_PEER_EDITS (edits in the side-by-side runs, default 11),
 * BENCH_SERVER (another server script, e.g. a profiling wrapper around dist/server.js or an
 * earlier build, used for every part).
 * profile.ts breaks the same work down in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CancellationTokenSource, CompletionRequest } from 'vscode-languageserver-protocol';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { parseConfigDocument } from '../../server/src/core/model/parseDocument';
import { LspSession } from '../protocol/lspSession';
import { elasticsearchYmlOfSize, largeEckManifest, repeatedKeys, unrelatedYaml } from './generate';
import { benchInputs, median, percentile, ratioSpread, spread, type BenchInput } from './inputs';
import { compareWithVsCodeJson } from './jsonMemory';
import { peakMemoryMiB } from './procStats';
import { compareWithYamlLanguageServer } from './peer';
import { middleLineEnd, pairedRatios } from './sideBySide';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const REPEATS = 5;
/** Edits in the side-by-side runs (peer): more than REPEATS, since a paired median needs more pairs on a loaded machine. */
const PEER_EDITS = Number(process.env.BENCH_PEER_EDITS ?? 11);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 40);
const KEYSTROKE_INTERVAL_MS = 30;
const CLI_PATH = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const sleep = (msToWait: number) => new Promise((done) => setTimeout(done, msToWait));

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Deterministic pseudo-random positions, so two runs ask the same questions. */
function* positions(text: string, count: number): Generator<{ line: number; character: number }> {
  const lines = text.split('\n');
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < count; i++) {
    const line = Math.floor(next() * lines.length);
    const content = lines[line];
    const firstColumn = content.length - content.trimStart().length;
    const character = Math.min(content.length, firstColumn + Math.floor(next() * Math.max(1, content.length - firstColumn)));
    yield { line, character };
  }
}

function serverPeakMemoryMiB(pid: number | undefined): string {
  const peak = peakMemoryMiB(pid);
  return peak === undefined ? 'n/a (no /proc)' : `${peak.toFixed(1)} MiB`;
}

async function benchInput(session: LspSession, input: BenchInput): Promise<void> {
  const lineCount = input.text.split('\n').length;
  console.log(`\n## ${input.name}: ${lineCount} lines, ${(input.text.length / 1024).toFixed(0)} KiB`);

  // Each open and each edit is paired with a raw parse of the same text just before it, so machine
  // load weighs on both alike; the ratios are the medians of the per-pair ratios.
  const timedParse = (text: string): number => {
    const start = performance.now();
    input.parse(text);
    return performance.now() - start;
  };
  const openFloors: number[] = [];
  const openTimes: number[] = [];
  let diagnosticCount = 0;
  for (let i = 0; i < REPEATS; i++) {
    const uri = input.uri.replace(/(\.[a-z]+)$/, `-${i}$1`);
    openFloors.push(timedParse(input.text));
    const start = performance.now();
    const diagnostics = await session.open(uri, input.text, input.languageId);
    openTimes.push(performance.now() - start);
    diagnosticCount = diagnostics.length;
    if (i > 0) await session.close(uri);
  }
  const uri = input.uri.replace(/(\.[a-z]+)$/, '-0$1');

  // Edit: change one value in the middle of the file, as a keystroke would.
  const { line: middle, character: lineEnd, offset } = middleLineEnd(input.text);
  const withSpace = `${input.text.slice(0, offset)} ${input.text.slice(offset)}`;
  const editFloors: number[] = [];
  const editTimes: number[] = [];
  const firstCompletionTimes: number[] = [];
  const firstHoverTimes: number[] = [];
  const requestPositions = positions(input.text, REPEATS * 2);
  for (let i = 0; i < REPEATS; i++) {
    editFloors.push(timedParse(i % 2 === 0 ? withSpace : input.text));
    const start = performance.now();
    await session.change(uri, i % 2 === 0 ? ' ' : '', {
      start: { line: middle, character: lineEnd },
      end: { line: middle, character: lineEnd + (i % 2 === 0 ? 0 : 1) },
    });
    editTimes.push(performance.now() - start);
    // The first requests after an edit find the new version already parsed (diagnostics came first).
    const completionStart = performance.now();
    await session.completion(uri, requestPositions.next().value!);
    firstCompletionTimes.push(performance.now() - completionStart);
    const hoverStart = performance.now();
    await session.hover(uri, requestPositions.next().value!);
    firstHoverTimes.push(performance.now() - hoverStart);
  }

  const completionTimes: number[] = [];
  for (const position of positions(input.text, REQUESTS)) {
    const start = performance.now();
    await session.completion(uri, position);
    completionTimes.push(performance.now() - start);
  }
  const hoverTimes: number[] = [];
  for (const position of positions(input.text, REQUESTS)) {
    const start = performance.now();
    await session.hover(uri, position);
    hoverTimes.push(performance.now() - start);
  }
  await session.close(uri);

  const openRatios = pairedRatios(openTimes, openFloors);
  const editRatios = pairedRatios(editTimes, editFloors);
  const rows: Array<[string, string]> = [
    ['raw parse (floor, paired)', `${spread(openFloors)} before the opens; ${spread(editFloors)} before the edits`],
    ['open → diagnostics', `${spread(openTimes)}  = ${ratioSpread(openRatios)} parse  (${diagnosticCount} diagnostics)`],
    ['edit → diagnostics', `${spread(editTimes)}  = ${ratioSpread(editRatios)} parse (typing debounce included, if any)`],
    [
      'completion median / p95',
      `${ms(median(completionTimes))} / ${ms(percentile(completionTimes, 95))}  (${REQUESTS} requests)`,
    ],
    ['hover median / p95', `${ms(median(hoverTimes))} / ${ms(percentile(hoverTimes, 95))}  (${REQUESTS} requests)`],
    ['first completion after edit', spread(firstCompletionTimes)],
    ['first hover after edit', spread(firstHoverTimes)],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(30)} ${value}`);
  const targets = [
    `open ≤ 1.5× parse: ${median(openRatios) <= 1.5 ? 'met' : 'MISSED'}`,
    `completion p95 < 10 ms: ${percentile(completionTimes, 95) < 10 ? 'met' : 'MISSED'}`,
    `hover p95 < 10 ms: ${percentile(hoverTimes, 95) < 10 ? 'met' : 'MISSED'}`,
  ];
  console.log(`  targets: ${targets.join('; ')}`);
}

/**
 * The analysis work of one keystroke in the middle of the 20,000-line ECK manifest, in process:
 * the incremental parse (unchanged documents reused) and the analysis, against one raw parse.
 */
function eckEditInProcess(): void {
  const text = largeEckManifest(20000);
  const uri = 'file:///bench/k8s/edit.yaml';
  const middle = Math.floor(text.length / 2);
  let previous = parseConfigDocument({ uri, text });
  // As the server does: each version's analysis builds on the previous one's (incrementalAnalysis.ts).
  let previousAnalysis = analyze(previous, { stackVersion: '8.15.0' });
  const ratios: number[] = [];
  const raws: number[] = [];
  const edits: number[] = [];
  for (let i = 0; i < REPEATS * 2; i++) {
    const rawStart = performance.now();
    parseAllDocuments(text);
    const raw = performance.now() - rawStart;
    const next = i % 2 === 0 ? `${text.slice(0, middle)} ${text.slice(middle)}` : text;
    const start = performance.now();
    const document = parseConfigDocument({ uri, text: next, previous });
    previousAnalysis = analyze(document, { stackVersion: '8.15.0' }, previousAnalysis);
    const edit = performance.now() - start;
    previous = document;
    raws.push(raw);
    edits.push(edit);
    ratios.push(edit / raw);
  }
  console.log('\n## ECK manifest edit, in process (20,000 lines; incremental parse + analysis vs one raw parse)');
  console.log(`  raw parse ${spread(raws)}; edit ${spread(edits)}; ratio, paired per edit, ${ratioSpread(ratios)}`);
  console.log(`  target < 0.3×: ${median(ratios) < 0.3 ? 'met' : 'MISSED'}`);
}

/**
 * Typing: a keystroke every KEYSTROKE_INTERVAL_MS, each followed by a completion request that the
 * next keystroke cancels (as VS Code does), then the time from the last keystroke to the
 * diagnostics of the last version.
 */
async function typing(session: LspSession, name: string, uri: string, text: string, targetMs: number): Promise<void> {
  const settle: number[] = [];
  let answered = 0;
  let cancelled = 0;
  for (let run = 0; run < 3; run++) {
    const runUri = uri.replace(/(\.[a-z]+)$/, `-${run}$1`);
    await session.open(runUri, text);
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    let column = lines[line].length;
    let previous: CancellationTokenSource | undefined;
    const requests: Array<Promise<unknown>> = [];
    let lastKeystroke = 0;
    let lastDiagnostics: Promise<unknown> | undefined;
    for (let k = 0; k < KEYSTROKES; k++) {
      previous?.cancel();
      if (k === KEYSTROKES - 1) lastDiagnostics = session.nextDiagnostics(runUri, k + 2, 120_000);
      lastKeystroke = performance.now();
      await session.type(runUri, 'x', { start: { line, character: column }, end: { line, character: column } });
      column++;
      const source = new CancellationTokenSource();
      previous = source;
      requests.push(
        session.connection
          .sendRequest(
            CompletionRequest.type,
            { textDocument: { uri: runUri }, position: { line, character: column } },
            source.token,
          )
          .then(
            () => answered++,
            () => cancelled++,
          ),
      );
      if (k < KEYSTROKES - 1) await sleep(KEYSTROKE_INTERVAL_MS);
    }
    await lastDiagnostics;
    settle.push(performance.now() - lastKeystroke);
    await Promise.all(requests);
    await session.close(runUri);
  }
  console.log(
    `\n## typing: ${name} (${(text.length / 1024).toFixed(0)} KiB), ${KEYSTROKES} keystrokes ${KEYSTROKE_INTERVAL_MS} ms apart, a completion each`,
  );
  console.log(
    `  last keystroke → last diagnostics ${spread(settle, 0)}; completions answered ${answered}, cancelled ${cancelled}`,
  );
  console.log(`  target < ${targetMs / 1000} s: ${median(settle) < targetMs ? 'met' : 'MISSED'}`);
}

/** The command-line checker on 20,000 repeated keys, process start-up included. */
function cliRepeatedKeys(): void {
  const dir = mkdtempSync(join(tmpdir(), 'erc-bench-'));
  try {
    const file = join(dir, 'elasticsearch.yml');
    writeFileSync(file, repeatedKeys(20000));
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [CLI_PATH, file], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: 600_000,
      });
      times.push(performance.now() - start);
      if (result.status !== 1) throw new Error(`es-remote-check exited ${result.status}: ${result.stderr}`);
    }
    console.log('\n## es-remote-check, 20,000 repeated keys (one elasticsearch.yml)');
    console.log(`  wall time ${spread(times, 0)}; target < 2 s: ${median(times) < 2000 ? 'met' : 'MISSED'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const allInputs = benchInputs();

  // BENCH_INPUTS=eck,json runs only those parts (everything by default).
  const only = process.env.BENCH_INPUTS?.split(',').map((key) => key.trim());
  const inputs = allInputs.filter((input) => !only || only.includes(input.key));

  console.log(
    `# Language server benchmark (node ${process.version}, ${REPEATS} repeats, ${REQUESTS} completion/hover requests per file)`,
  );
  const spawned = performance.now();
  // BENCH_SERVER runs another build (or a profiling wrapper around dist/server.js) instead.
  const session = new LspSession(process.env.BENCH_SERVER || undefined);
  // A known version, as in the profile, so the version-dependent rules run too.
  await session.initialize({ stackVersion: '8.15.0' });
  console.log(`initialize: ${ms(performance.now() - spawned)} (spawn to initialize result)`);
  try {
    for (const input of inputs) await benchInput(session, input);
    if (!only || only.includes('typing')) {
      await typing(session, 'unrelated OpenAPI YAML', 'file:///bench/api/openapi.yaml', unrelatedYaml(1024 * 1024), 1500);
      await typing(
        session,
        'elasticsearch.yml',
        'file:///bench/typing/elasticsearch.yml',
        elasticsearchYmlOfSize(1024 * 1024),
        3000,
      );
    }
    console.log(`\nserver peak memory (VmHWM): ${serverPeakMemoryMiB(session.process.pid)}`);
  } finally {
    await session.shutdown();
  }
  const serverPath = process.env.BENCH_SERVER || undefined;
  if (!only || only.includes('peer')) await compareWithYamlLanguageServer(largeEckManifest(20000), PEER_EDITS, serverPath);
  if (!only || only.includes('eck')) eckEditInProcess();
  const jsonInput = allInputs.find((input) => input.key === 'json');
  // Beside VS Code's JSON server: part of both the `json` and the `peer` subsets.
  if (jsonInput && (!only || only.includes('json') || only.includes('peer')))
    await compareWithVsCodeJson(jsonInput.text, jsonInput.uri, PEER_EDITS, REPEATS, serverPath);
  if (!only || only.includes('cli')) cliRepeatedKeys();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
