/**
 * How long the server waits after an edit before checking the document (typing bursts are
 * coalesced). A pure function of what the server knows at the edit, so it can be tested without
 * timers.
 */

/** Typing bursts are coalesced by at least this much. */
export const CHANGE_DEBOUNCE_MS = 40;
/**
 * A file whose last check took long waits longer after a keystroke (up to this), so typing in a
 * large file is not slowed down by a check of every intermediate version.
 */
export const MAX_CHANGE_DEBOUNCE_MS = 500;
/** No edit for this long is a pause in typing. */
export const TYPING_PAUSE_MS = 100;
/** A check at most this long runs at once after a pause in typing. */
export const CHEAP_CHECK_MS = 150;
/**
 * A check at most this long runs at once for an edit made after the previous version's
 * diagnostics, even on a loaded machine, where the checks of large files take several times as
 * long as on a quiet one. The server cannot tell such an edit from the first keystroke of a burst,
 * and a check started on that keystroke delays the burst's last diagnostics by up to its length:
 * beyond this, the edit waits as any edit to a file with expensive checks does.
 */
export const MAX_IMMEDIATE_CHECK_MS = 1000;
/**
 * Edit times come from Date.now() (whole milliseconds) and check costs from performance.now(): an
 * interval that really lasted as long as a check can read up to this much shorter.
 */
const CLOCK_GRANULARITY_MS = 1;

export interface EditTiming {
  /** Milliseconds since the document's previous edit (or open); Infinity when there was none. */
  sincePreviousChange: number;
  /** How long the last check (parse and analysis) of the document's latest parsed version took. */
  lastCheckCost: number;
  /** Whether the version this edit replaces was already checked (its diagnostics sent) when the edit arrived. */
  previousVersionChecked: boolean;
}

/**
 * The delay before checking an edited document, in ms. None when waiting cannot save work:
 * - when the version the edit replaces was already checked and the edit came no sooner after the
 *   previous one than a check takes: the edits come no faster than they are checked. This holds
 *   for checks up to MAX_IMMEDIATE_CHECK_MS, so a single edit made after the diagnostics arrived is
 *   not held back, even on a loaded machine where a check of a large file outgrows CHEAP_CHECK_MS
 *   (edits read while a check ran find their previous version unchecked, and wait);
 * - after a pause in typing, when the file's checks are cheap.
 * Otherwise the edit is part of a burst: it waits the shortest wait, or half the last check's time
 * for files whose checks are long (up to a limit), and a later edit replaces the wait.
 */
export function changeDebounce({ sincePreviousChange, lastCheckCost, previousVersionChecked }: EditTiming): number {
  if (
    previousVersionChecked &&
    lastCheckCost <= MAX_IMMEDIATE_CHECK_MS &&
    sincePreviousChange + CLOCK_GRANULARITY_MS >= lastCheckCost
  )
    return 0;
  if (sincePreviousChange >= TYPING_PAUSE_MS && lastCheckCost <= CHEAP_CHECK_MS) return 0;
  return Math.round(Math.min(MAX_CHANGE_DEBOUNCE_MS, Math.max(CHANGE_DEBOUNCE_MS, lastCheckCost / 2)));
}
