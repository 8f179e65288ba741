/**
 * A bound on how many loads run at once, so opening a view with many expanded connections does
 * not fire dozens of requests together. Tasks start in the order they were queued.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a free slot. */
  readonly queued: number;
}

export function createLimiter(maxParallel: number): Limiter {
  const limit = Math.max(1, Math.floor(maxParallel) || 1);
  const waiting: Array<() => void> = [];
  let active = 0;

  const release = () => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };

  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          // A task that throws synchronously must still free its slot.
          Promise.resolve().then(task).then(resolve, reject).finally(release);
        };
        if (active < limit) start();
        else waiting.push(start);
      });
    },
  };
}
