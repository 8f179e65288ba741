/**
 * Paired measurements: several servers (and optionally a raw parse in the benchmark process) take
 * turns on the same versions of the same file, so that the load of the shared machine at any
 * moment weighs on all sides alike. Ratios are computed per turn and summarised by their median.
 */
import { performance } from 'node:perf_hooks';
import type { StdioClient } from './stdioClient';

export interface SideBySide {
  /** Open → diagnostics per client, in client order, in ms. */
  open: number[];
  /** Edit → diagnostics per client (outer, in client order) and edit (inner), in ms. */
  edits: number[][];
  /** The raw parse of the opened text, timed just before the opens; undefined without `parse`. */
  openFloor?: number;
  /** The raw parse of each edit's resulting text, timed just before that edit's turn. */
  floors: number[];
}

/** One space typed at the end of the middle line, then deleted, and so on: the same edits for every side. */
export function middleLineEnd(text: string): { line: number; character: number; offset: number } {
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const offset = lines.slice(0, line + 1).reduce((sum, content) => sum + content.length + 1, 0) - 1;
  return { line, character: lines[line].length, offset };
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Opens `text` in every client, then makes `edits` keystrokes at the end of the middle line in
 * each. Every turn, the raw parse (when given) runs first, then each client takes the edit and
 * waits for its diagnostics (and its per-version editor requests); the clients' order alternates
 * from one turn to the next so that neither always goes first.
 */
export async function sideBySide(
  clients: StdioClient[],
  file: { uri: string; languageId: string; text: string },
  edits: number,
  parse?: (text: string) => unknown,
): Promise<SideBySide> {
  const openFloor = parse ? timed(() => parse(file.text)) : undefined;
  const open: number[] = [];
  for (const client of clients) open.push(await client.open(file.uri, file.languageId, file.text));
  const { line, character, offset } = middleLineEnd(file.text);
  const withSpace = `${file.text.slice(0, offset)} ${file.text.slice(offset)}`;
  const times = clients.map((): number[] => []);
  const floors: number[] = [];
  for (let turn = 0; turn < edits; turn++) {
    const insert = turn % 2 === 0;
    if (parse) floors.push(timed(() => parse(insert ? withSpace : file.text)));
    const order = clients.map((_, index) => index);
    if (turn % 2 === 1) order.reverse();
    for (const index of order) times[index].push(await clients[index].keystroke(file.uri, line, character, insert));
  }
  return { open, edits: times, openFloor, floors };
}

/** Element-wise quotients of two series of the same length (paired measurements). */
export function pairedRatios(numerators: number[], denominators: number[]): number[] {
  return numerators.map((value, index) => value / denominators[index]);
}
