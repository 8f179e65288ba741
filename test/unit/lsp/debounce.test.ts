import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CHANGE_DEBOUNCE_MS,
  CHEAP_CHECK_MS,
  MAX_CHANGE_DEBOUNCE_MS,
  TYPING_PAUSE_MS,
  changeDebounce,
} from '../../../server/src/lsp/debounce';

describe('changeDebounce', () => {
  test('checks the first edit after a pause in typing at once when checks are cheap', () => {
    assert.equal(changeDebounce({ sincePreviousChange: Infinity, lastCheckCost: 5, previousVersionChecked: false }), 0);
    assert.equal(
      changeDebounce({ sincePreviousChange: TYPING_PAUSE_MS, lastCheckCost: CHEAP_CHECK_MS, previousVersionChecked: false }),
      0,
    );
  });

  test('waits after a pause when the last check was expensive: half its time, within bounds', () => {
    assert.equal(changeDebounce({ sincePreviousChange: 1000, lastCheckCost: 300, previousVersionChecked: true }), 150);
    assert.equal(
      changeDebounce({ sincePreviousChange: 1000, lastCheckCost: 5000, previousVersionChecked: true }),
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
  });

  test('coalesces edits that come faster than the file is checked, even when the previous one was checked', () => {
    assert.equal(
      changeDebounce({ sincePreviousChange: 20, lastCheckCost: 35, previousVersionChecked: true }),
      CHANGE_DEBOUNCE_MS,
    );
  });

  test('waits when checks are expensive, even if the previous version was checked', () => {
    assert.equal(
      changeDebounce({ sincePreviousChange: 90, lastCheckCost: CHEAP_CHECK_MS + 10, previousVersionChecked: true }),
      Math.round((CHEAP_CHECK_MS + 10) / 2),
    );
  });
});
