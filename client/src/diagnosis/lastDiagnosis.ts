/**
 * The last diagnosis of each remote (per local connection and alias), for the tree's icon and
 * tooltip. Kept in memory for the session only: it holds no secret, but it goes stale, and a
 * restart is a fine moment to forget it. Pure.
 */
import type { Verdict } from './engine';

export interface LastDiagnosis {
  verdict: Verdict;
  summary: string;
  at: string;
}

const results = new Map<string, LastDiagnosis>();
const keyOf = (connectionId: string, alias: string) => `${connectionId}\u0000${alias}`;

export const lastDiagnoses = {
  get(connectionId: string, alias: string): LastDiagnosis | undefined {
    return results.get(keyOf(connectionId, alias));
  },
  set(connectionId: string, alias: string, value: LastDiagnosis): void {
    results.set(keyOf(connectionId, alias), value);
  },
  clear(): void {
    results.clear();
  },
};
