/**
 * Benchmark: drives the built language server (dist/server.js) over stdio like an editor and
 * prints figures. It is not a test: nothing here fails on a slow machine; targets are printed
 * next to the measurements. Run with `npm run bench`.
 *
 * Environment: BENCH_REQUESTS (completion/hover requests per file, default 300), BENCH_INPUTS
 * (`yml,eck,json`, a subset to run), BENCH_SERVER (another server script, e.g. a profiling
 * wrapper around dist/server.js). profile.ts breaks the same work down in-process.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LspSession } from '../protocol/lspSession';
import { benchInputs, median, percentile, type BenchInput } from './inputs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const REPEATS = 5;
/** The server coalesces typing bursts; edit→diagnostics includes this delay by design. */
const CHANGE_DEBOUNCE_MS = 40;


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
  if (pid === undefined) return 'n/a';
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    return peak ? `${(Number(peak[1]) / 1024).toFixed(1)} MiB` : 'n/a';
  } catch {
    return 'n/a (no /proc)';
  }
}

async function benchInput(session: LspSession, input: BenchInput): Promise<void> {
  const lineCount = input.text.split('\n').length;
  console.log(`\n## ${input.name}: ${lineCount} lines, ${(input.text.length / 1024).toFixed(0)} KiB`);

  const parseTimes: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    input.parse(input.text);
    parseTimes.push(performance.now() - start);
  }
  const parseFloor = median(parseTimes);

  const openTimes: number[] = [];
  let diagnosticCount = 0;
  for (let i = 0; i < REPEATS; i++) {
    const uri = input.uri.replace(/(\.[a-z]+)$/, `-${i}$1`);
    const start = performance.now();
    const diagnostics = await session.open(uri, input.text, input.languageId);
    openTimes.push(performance.now() - start);
    diagnosticCount = diagnostics.length;
    if (i > 0) await session.close(uri);
  }
  const openMedian = median(openTimes);
  const uri = input.uri.replace(/(\.[a-z]+)$/, '-0$1');

  // Edit: change one value in the middle of the file, as a keystroke would.
  const lines = input.text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const editTimes: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await session.change(uri, i % 2 === 0 ? ' ' : '', {
      start: { line: middle, character: lines[middle].length },
      end: { line: middle, character: lines[middle].length + (i % 2 === 0 ? 0 : 1) },
    });
    editTimes.push(performance.now() - start);
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

  const ratio = openMedian / parseFloor;
  const rows: Array<[string, string]> = [
    ['raw parse (floor, same run)', ms(parseFloor)],
    ['open → diagnostics (median)', `${ms(openMedian)}  = ${ratio.toFixed(2)}× parse  (${diagnosticCount} diagnostics)`],
    ['edit → diagnostics (median)', `${ms(median(editTimes))}  (includes the ${CHANGE_DEBOUNCE_MS} ms typing debounce)`],
    ['completion median / p95', `${ms(median(completionTimes))} / ${ms(percentile(completionTimes, 95))}  (${REQUESTS} requests)`],
    ['hover median / p95', `${ms(median(hoverTimes))} / ${ms(percentile(hoverTimes, 95))}  (${REQUESTS} requests)`],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(30)} ${value}`);
  const targets = [
    `open ≤ 1.5× parse: ${ratio <= 1.5 ? 'met' : 'MISSED'}`,
    `completion p95 < 10 ms: ${percentile(completionTimes, 95) < 10 ? 'met' : 'MISSED'}`,
    `hover p95 < 10 ms: ${percentile(hoverTimes, 95) < 10 ? 'met' : 'MISSED'}`,
  ];
  console.log(`  targets: ${targets.join('; ')}`);
}

async function main(): Promise<void> {
  const allInputs = benchInputs();

  // BENCH_INPUTS=eck,json runs only those inputs (all three by default).
  const only = process.env.BENCH_INPUTS?.split(',').map((key) => key.trim());
  const inputs = allInputs.filter((input) => !only || only.includes(input.key));

  console.log(`# Language server benchmark (node ${process.version}, ${REPEATS} repeats, ${REQUESTS} completion/hover requests per file)`);
  const spawned = performance.now();
  // BENCH_SERVER runs another build (or a profiling wrapper around dist/server.js) instead.
  const session = new LspSession(process.env.BENCH_SERVER || undefined);
  // A known version, as in the profile, so the version-dependent rules run too.
  await session.initialize({ stackVersion: '8.15.0' });
  console.log(`initialize: ${ms(performance.now() - spawned)} (spawn to initialize result)`);
  try {
    for (const input of inputs) await benchInput(session, input);
    console.log(`\nserver peak memory (VmHWM): ${serverPeakMemoryMiB(session.process.pid)}`);
  } finally {
    await session.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
