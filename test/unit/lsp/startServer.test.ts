import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Severity } from '../../../server/src/core/types';
import { mostSevere } from '../../../server/src/lsp/startServer';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** What the server published before mostSevere: a sort by severity then position, cut, and put back in order. */
function bySorting<T extends { severity: Severity }>(findings: readonly T[], max: number): T[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index)
    .slice(0, max)
    .sort((a, b) => a.index - b.index)
    .map(({ finding }) => finding);
}

describe('language server: which diagnostics are published when there are too many', () => {
  test('keeps the most severe, in document order, the first of the least severe kept', () => {
    const findings = (['hint', 'warning', 'error', 'info', 'warning', 'error', 'warning'] as const).map((severity, at) => ({
      severity,
      at,
    }));
    assert.deepEqual(
      mostSevere(findings, 4).map((finding) => finding.at),
      [1, 2, 4, 5],
    );
    assert.deepEqual(
      mostSevere(findings, 2).map((finding) => finding.at),
      [2, 5],
    );
    assert.deepEqual(mostSevere(findings, 0), []);
    assert.deepEqual(mostSevere(findings, 10), findings);
  });

  test('gives what sorting gave, for any findings and limit', () => {
    const severity = fc.constantFrom<Severity>('error', 'warning', 'info', 'hint');
    fc.assert(
      fc.property(fc.array(fc.record({ severity, id: fc.nat() }), { maxLength: 200 }), fc.nat({ max: 220 }), (findings, max) => {
        assert.deepEqual(mostSevere(findings, max), bySorting(findings, max));
      }),
      { numRuns: 300 },
    );
  });
});
