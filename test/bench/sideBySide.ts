/**
 * Paired measurements: several servers (and optionally a raw parse in the benchmark process) take
 * turns on the same versions of the same file, so that the load of the shared machine at any
 * moment weighs on all sides alike. Ratios are computed per turn and summarised by their median.
 */
import { performance } from 'node:perf_hooks';
import { ownThreadCpuMs } from './procStats';
import type { StdioClient } from './stdioClient';

export interface SideBySide {
  /** Open → diagnostics per client, in client order, in ms. */
  open: number[];
  /** Edit → diagnostics per client (outer, in client order) and edit (inner), in ms. */
  edits: number[][];
  /** The CPU time of each client's server main thread for the same edits; undefined without /proc. */
  editCpu?: number[][];
  /** The mean CPU time of each client's whole server process (all threads) per edit; undefined without /proc. */
  editProcessCpu?: number[];
  /** The raw parse of the opened text, timed just before the opens; undefined without `parse`. */
  openFloor?: number;
  /** The raw parse of each edit's resulting text, timed just before that edit's turn. */
  floors: number[];
  /** The CPU time of those parses; undefined without /proc. */
  floorCpu?: number[];
  /** Each client's peak memory right after `peaksAfter` edits (all of them by default). */
  peaks: Array<number | undefined>;
}

/** One space typed at the end of the middle line, then deleted, and so on: the same edits for every side. */
export function middleLineEnd(text: string): { line: number; character: number; offset: number } {
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const offset = lines.slice(0, line + 1).reduce((sum, content) => sum + content.length + 1, 0) - 1;
  return { line, character: lines[line].length, offset };
}

function timed(run: () => unknown): { wall: number; cpu?: number } {
  const cpuBefore = ownThreadCpuMs();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const cpuAfter = ownThreadCpuMs();
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** The series, or undefined when any of its measurements is missing. */
function complete(values: Array<number | undefined>): number[] | undefined {
  return values.every((value) => value !== undefined) ? (values as number[]) : undefined;
}

/**
 * Opens `text` in every client, then makes `edits` keystrokes at the end of the middle line in
 * each. Every turn, the raw parse (when given) runs first, then each client takes the edit and
 * waits for its diagnostics (and its per-version editor requests); the clients' order alternates
 * from one turn to the next so that neither always goes first. Peak memory is read after
 * `peaksAfter` edits, so that more edits can be timed without changing what the memory figure means.
 */
export async function sideBySide(
  clients: StdioClient[],
  file: { uri: string; languageId: string; text: string },
  edits: number,
  options: { parse?: (text: string) => unknown; peaksAfter?: number } = {},
): Promise<SideBySide> {
  const { parse, peaksAfter = edits } = options;
  const openFloor = parse ? timed(() => parse(file.text)).wall : undefined;
  const open: number[] = [];
  for (const client of clients) open.push(await client.open(file.uri, file.languageId, file.text));
  const { line, character, offset } = middleLineEnd(file.text);
  const withSpace = `${file.text.slice(0, offset)} ${file.text.slice(offset)}`;
  const wall = clients.map((): number[] => []);
  const cpu = clients.map((): Array<number | undefined> => []);
  const processCpu = clients.map((): Array<number | undefined> => []);
  const floors: number[] = [];
  const floorCpu: Array<number | undefined> = [];
  let peaks = clients.map((client) => client.peakMemoryMiB());
  for (let turn = 0; turn < edits; turn++) {
    const insert = turn % 2 === 0;
    if (parse) {
      const floor = timed(() => parse(insert ? withSpace : file.text));
      floors.push(floor.wall);
      floorCpu.push(floor.cpu);
    }
    const order = clients.map((_, index) => index);
    if (turn % 2 === 1) order.reverse();
    for (const index of order) {
      const time = await clients[index].keystroke(file.uri, line, character, insert);
      wall[index].push(time.wall);
      cpu[index].push(time.cpu);
      processCpu[index].push(time.processCpu);
    }
    if (turn + 1 === Math.min(peaksAfter, edits)) peaks = clients.map((client) => client.peakMemoryMiB());
  }
  const editCpu = cpu.map(complete);
  const processTotals = processCpu.map(complete);
  return {
    open,
    edits: wall,
    editCpu: editCpu.every((series) => series !== undefined) ? (editCpu as number[][]) : undefined,
    editProcessCpu: processTotals.every((series) => series !== undefined)
      ? (processTotals as number[][]).map((series) => series.reduce((sum, value) => sum + value, 0) / series.length)
      : undefined,
    openFloor,
    floors,
    floorCpu: complete(floorCpu),
    peaks,
  };
}

/** Element-wise quotients of two series of the same length (paired measurements). */
export function pairedRatios(numerators: number[], denominators: number[]): number[] {
  return numerators.map((value, index) => value / denominators[index]);
}
