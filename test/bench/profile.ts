/**
 * In-process companion of bench.ts: times each phase of the analysis core on the same generated
 * inputs (raw parse, our parse, analysis, each rule) so a regression can be traced to its cause.
 * Not a test. Run after `npx tsc -p tsconfig.test.json`: `node out/test/bench/profile.js [yml|eck|json]`.
 * Run it under `node --cpu-prof` to get a profile of the same work.
 */
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { parseConfigDocument } from '../../server/src/core/model/parseDocument';
import type { ConfigDocument } from '../../server/src/core/model/configDocument';
import { DOCUMENT_RULES, SCOPE_RULES } from '../../server/src/core/rules';
import { benchInputs, median, percentile, type BenchInput } from './inputs';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const RULE_REPEATS = 3;

const INPUTS = benchInputs();

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** Wraps every rule's check to add up its time; returns the totals and a function that undoes the wrapping. */
function instrumentRules(): { totals: Map<string, number>; restore: () => void } {
  const totals = new Map<string, number>();
  const restores: Array<() => void> = [];
  for (const rule of [...SCOPE_RULES, ...DOCUMENT_RULES]) {
    const original = rule.check;
    // Rules are plain objects; the wrapper keeps `this` and the argument as they were.
    (rule as { check: (context: never) => void }).check = function (this: unknown, context: never) {
      const start = performance.now();
      try {
        original.call(this, context);
      } finally {
        totals.set(rule.id, (totals.get(rule.id) ?? 0) + performance.now() - start);
      }
    };
    restores.push(() => ((rule as { check: unknown }).check = original));
  }
  return { totals, restore: () => restores.forEach((undo) => undo()) };
}

function* positions(text: string, count: number): Generator<number> {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < count; i++) yield Math.floor(next() * text.length);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function profile(input: BenchInput): void {
  const raw: number[] = [];
  const ours: number[] = [];
  const analysis: number[] = [];
  let document: ConfigDocument | undefined;
  let findings = 0;
  for (let i = 0; i < REPEATS; i++) {
    raw.push(timed(() => input.parse(input.text)).ms);
    const parsed = timed(() =>
      parseConfigDocument({ uri: input.uri, text: input.text, languageId: input.languageId, version: i }),
    );
    ours.push(parsed.ms);
    document = parsed.value;
    const analysed = timed(() => analyze(parsed.value, { stackVersion: '8.15.0' }));
    analysis.push(analysed.ms);
    findings = analysed.value.findings.length;
  }
  // Rule times are summed over further warm analyses, separately: the wrappers cost a little.
  const { totals, restore } = instrumentRules();
  try {
    for (let i = 0; i < RULE_REPEATS; i++) {
      analyze(parseConfigDocument({ uri: input.uri, text: input.text, languageId: input.languageId, version: -1 - i }), {
        stackVersion: '8.15.0',
      });
    }
  } finally {
    restore();
  }
  const completion: number[] = [];
  const hover: number[] = [];
  for (const offset of positions(input.text, REQUESTS)) completion.push(timed(() => completeAt(document!, offset)).ms);
  for (const offset of positions(input.text, REQUESTS)) hover.push(timed(() => hoverAt(document!, offset)).ms);

  // Medians, and minimums: on a busy machine the fastest run is the best estimate of the work itself.
  const parseFloor = median(raw);
  const minFloor = Math.min(...raw);
  const both = (values: number[]) => `${ms(median(values))} (min ${ms(Math.min(...values))})`;
  console.log(`\n## ${input.key}: ${input.text.split('\n').length} lines, ${findings} findings`);
  console.log(`  raw parse            ${both(raw)}`);
  console.log(
    `  parseConfigDocument  ${both(ours)}  ${(median(ours) / parseFloor).toFixed(2)}× raw (min ${(Math.min(...ours) / minFloor).toFixed(2)}×)`,
  );
  console.log(`  analyze              ${both(analysis)}`);
  console.log(
    `  parse + analyze      ${((median(ours) + median(analysis)) / parseFloor).toFixed(2)}× raw (min ${((Math.min(...ours) + Math.min(...analysis)) / minFloor).toFixed(2)}×)`,
  );
  console.log(`  completion p50/p95   ${ms(median(completion))} / ${ms(percentile(completion, 95))}`);
  console.log(`  hover p50/p95        ${ms(median(hover))} / ${ms(percentile(hover, 95))}`);
  const slowest = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const ruleTotal = [...totals.values()].reduce((sum, t) => sum + t, 0) / RULE_REPEATS;
  console.log(
    `  rules, per analysis  ${ms(ruleTotal)}; slowest: ${slowest.map(([id, t]) => `${id} ${ms(t / RULE_REPEATS)}`).join(', ')}`,
  );
}

const only = process.argv[2];
for (const input of INPUTS) if (!only || input.key === only) profile(input);
