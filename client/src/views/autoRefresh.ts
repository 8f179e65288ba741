/**
 * Timed refresh of the Remote Clusters view (the `remoteClustersView.refreshIntervalSeconds`
 * setting): off at 0, never more often than every MIN_REFRESH_SECONDS, only while the view is
 * visible, and a tick is skipped while the previous refresh still waits for a slow endpoint.
 */

export const MIN_REFRESH_SECONDS = 10;

export interface Refreshable {
  readonly busy: boolean;
  refresh(): void;
}

/** The interval in milliseconds for a setting value, or undefined when timed refresh is off. */
export function refreshIntervalMs(seconds: unknown): number | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.max(MIN_REFRESH_SECONDS, seconds) * 1000;
}

export function startAutoRefresh(seconds: unknown, model: Refreshable, visible: () => boolean): { dispose(): void } {
  const interval = refreshIntervalMs(seconds);
  if (interval === undefined) return { dispose: () => undefined };
  const timer = setInterval(() => {
    if (visible() && !model.busy) model.refresh();
  }, interval);
  return { dispose: () => clearInterval(timer) };
}
