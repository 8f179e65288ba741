import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CHANGE_DEBOUNCE_MS,
  CHEAP_CHECK_MS,
  MAX_CHANGE_DEBOUNCE_MS,
  MAX_IMMEDIATE_CHECK_MS,
  TYPING_PAUSE_MS,
  changeDebounce,
} from '../../../server/src/lsp/debounce';

/**
 * A model of the server's edit handling, driven by changeDebounce alone: one thread; edits that
 * arrive during a check are read when it ends, before any scheduled check starts; a later edit
 * replaces the scheduled check. Returns when each version's diagnostics were sent (versions that
 * were never checked are missing) and how many checks ran.
 */
function simulate(arrivals: number[], checkCost: number): { checks: number; diagnosticsAt: Map<number, number> } {
  const diagnosticsAt = new Map<number, number>();
  let now = 0;
  let next = 0;
  let checkedVersion = 0; // version 0: opened and checked long before the first edit
  let previousReadAt = Number.NEGATIVE_INFINITY;
  let scheduled: { version: number; due: number } | undefined;
  let checks = 0;
  for (let step = 0; step < 10_000 && (next < arrivals.length || scheduled); step++) {
    const nextArrival = next < arrivals.length ? arrivals[next] : Number.POSITIVE_INFINITY;
    if (nextArrival <= now || !scheduled || nextArrival < scheduled.due) {
      now = Math.max(now, nextArrival);
      const version = next + 1;
      const delay = changeDebounce({
        sincePreviousChange: now - previousReadAt,
        lastCheckCost: checkCost,
        previousVersionChecked: checkedVersion === version - 1,
      });
      previousReadAt = now;
      scheduled = { version, due: now + delay };
      next++;
      continue;
    }
    now = Math.max(now, scheduled.due) + checkCost;
    checkedVersion = scheduled.version;
    diagnosticsAt.set(scheduled.version, now);
    scheduled = undefined;
    checks++;
  }
  return { checks, diagnosticsAt };
}

describe('changeDebounce', () => {
  test('checks the first edit after a pause in typing at once when checks are cheap', () => {
    assert.equal(changeDebounce({ sincePreviousChange: Infinity, lastCheckCost: 5, previousVersionChecked: false }), 0);
    assert.equal(
      changeDebounce({ sincePreviousChange: TYPING_PAUSE_MS, lastCheckCost: CHEAP_CHECK_MS, previousVersionChecked: false }),
      0,
    );
  });

  test('checks an edit made after the previous diagnostics at once, even when checks outgrow CHEAP_CHECK_MS', () => {
    // On a loaded machine a check of a large file outgrows CHEAP_CHECK_MS; a single edit must still not wait.
    assert.equal(
      changeDebounce({ sincePreviousChange: 200, lastCheckCost: CHEAP_CHECK_MS + 30, previousVersionChecked: true }),
      0,
    );
    assert.equal(
      changeDebounce({
        sincePreviousChange: MAX_IMMEDIATE_CHECK_MS + 50,
        lastCheckCost: MAX_IMMEDIATE_CHECK_MS,
        previousVersionChecked: true,
      }),
      0,
    );
    // The first edit after opening a large file, whose first check was a full one.
    assert.equal(changeDebounce({ sincePreviousChange: 900, lastCheckCost: 700, previousVersionChecked: true }), 0);
    // Whole-millisecond edit times against a fractional check cost.
    assert.equal(changeDebounce({ sincePreviousChange: 80, lastCheckCost: 80.7, previousVersionChecked: true }), 0);
  });

  test('lets an edit wait when a check takes longer than MAX_IMMEDIATE_CHECK_MS, even after the previous diagnostics', () => {
    // It may be the first keystroke of a burst: a check that long would delay the burst's last diagnostics.
    assert.equal(
      changeDebounce({ sincePreviousChange: 5100, lastCheckCost: 5000, previousVersionChecked: true }),
      MAX_CHANGE_DEBOUNCE_MS,
    );
  });

  test('waits after a pause when the last check was expensive and the replaced version is not checked yet: half its time, within bounds', () => {
    assert.equal(changeDebounce({ sincePreviousChange: 1000, lastCheckCost: 300, previousVersionChecked: false }), 150);
    assert.equal(
      changeDebounce({ sincePreviousChange: 1000, lastCheckCost: 5000, previousVersionChecked: false }),
      MAX_CHANGE_DEBOUNCE_MS,
    );
  });

  test('checks at once when the replaced version was already checked and edits come no faster than checks', () => {
    // An edit that comes after the diagnostics of the previous one: waiting would only delay these.
    assert.equal(changeDebounce({ sincePreviousChange: 60, lastCheckCost: 30, previousVersionChecked: true }), 0);
    assert.equal(changeDebounce({ sincePreviousChange: 80, lastCheckCost: 80, previousVersionChecked: true }), 0);
  });

  test('coalesces a burst: edits that come before the previous one was checked wait', () => {
    assert.equal(
      changeDebounce({ sincePreviousChange: 30, lastCheckCost: 10, previousVersionChecked: false }),
      CHANGE_DEBOUNCE_MS,
    );
    // Longer in a file whose checks are expensive.
    assert.equal(changeDebounce({ sincePreviousChange: 30, lastCheckCost: 400, previousVersionChecked: false }), 200);
  });

  test('coalesces edits that come faster than the file is checked, even when the previous one was checked', () => {
    assert.equal(
      changeDebounce({ sincePreviousChange: 20, lastCheckCost: 35, previousVersionChecked: true }),
      CHANGE_DEBOUNCE_MS,
    );
    assert.equal(
      changeDebounce({ sincePreviousChange: 90, lastCheckCost: CHEAP_CHECK_MS + 10, previousVersionChecked: true }),
      Math.round((CHEAP_CHECK_MS + 10) / 2),
    );
  });

  test('edits made one at a time, each after the previous diagnostics, are never held back, even when checks are slow', () => {
    for (const checkCost of [20, CHEAP_CHECK_MS + 30, 400, MAX_IMMEDIATE_CHECK_MS]) {
      const arrivals = Array.from({ length: 5 }, (_, i) => i * (checkCost + 50));
      const { checks, diagnosticsAt } = simulate(arrivals, checkCost);
      assert.equal(checks, 5, `cost ${checkCost}`);
      arrivals.forEach((arrival, i) =>
        assert.equal(diagnosticsAt.get(i + 1), arrival + checkCost, `cost ${checkCost}, edit ${i + 1}`),
      );
    }
  });

  test('a fast burst in a file with slow checks is coalesced: a few checks, the last version checked soon after the last keystroke', () => {
    const keystrokes = Array.from({ length: 40 }, (_, i) => i * 30);
    const checkCost = 400;
    const { checks, diagnosticsAt } = simulate(keystrokes, checkCost);
    assert.ok(checks <= 3, `${checks} checks for 40 keystrokes`);
    const settle = diagnosticsAt.get(40)! - keystrokes[39];
    assert.ok(settle <= MAX_CHANGE_DEBOUNCE_MS + 2 * checkCost, `last keystroke → diagnostics ${settle} ms`);
  });

  test('a burst shorter than one check of the file is not delayed by a check of its first keystroke', () => {
    const keystrokes = Array.from({ length: 40 }, (_, i) => i * 30);
    const checkCost = 1500;
    const { checks, diagnosticsAt } = simulate(keystrokes, checkCost);
    assert.equal(checks, 1);
    assert.equal(diagnosticsAt.get(40)! - keystrokes[39], MAX_CHANGE_DEBOUNCE_MS + checkCost);
  });
});
