/**
 * A promise look-alike that settles synchronously. vscode-json-languageservice accepts a
 * `promiseConstructor`; with this one, its schema resolution, validation, completion and hover
 * finish inside the call (our schemas are bundled and self-contained, nothing is fetched), so
 * the analysis core keeps its synchronous API. Anything that would stay pending is reported as
 * such, and callers treat it as "no result" rather than waiting.
 */
export class SyncThenable<T> implements PromiseLike<T> {
  private constructor(
    private readonly state: 'fulfilled' | 'rejected' | 'pending',
    private readonly value?: T,
    private readonly reason?: unknown,
  ) {}

  static resolve<T>(value?: T | PromiseLike<T>): SyncThenable<T> {
    if (value instanceof SyncThenable) return value as SyncThenable<T>;
    if (isThenable<T>(value)) {
      // A foreign thenable (e.g. a native Promise) cannot be settled synchronously.
      let settled: SyncThenable<T> | undefined;
      value.then(
        (v) => (settled = SyncThenable.resolve(v)),
        (e) => (settled = SyncThenable.reject<T>(e)),
      );
      return settled ?? new SyncThenable<T>('pending');
    }
    return new SyncThenable<T>('fulfilled', value as T);
  }

  static reject<T = never>(reason?: unknown): SyncThenable<T> {
    return new SyncThenable<T>('rejected', undefined, reason);
  }

  static all<T>(values: Iterable<T | PromiseLike<T>>): SyncThenable<T[]> {
    const results: T[] = [];
    for (const value of values) {
      const settled = SyncThenable.resolve(value);
      if (settled.state !== 'fulfilled') return settled as unknown as SyncThenable<T[]>;
      results.push(settled.value as T);
    }
    return new SyncThenable<T[]>('fulfilled', results);
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): SyncThenable<R1 | R2> {
    try {
      if (this.state === 'fulfilled') {
        return onFulfilled
          ? SyncThenable.resolve<R1 | R2>(onFulfilled(this.value as T))
          : (this as unknown as SyncThenable<R1 | R2>);
      }
      if (this.state === 'rejected') {
        return onRejected ? SyncThenable.resolve<R1 | R2>(onRejected(this.reason)) : (this as unknown as SyncThenable<R1 | R2>);
      }
      return this as unknown as SyncThenable<R1 | R2>;
    } catch (error) {
      return SyncThenable.reject(error);
    }
  }

  /** The settled value, or undefined when rejected or still pending. */
  static valueOf<T>(thenable: PromiseLike<T>): T | undefined {
    const settled = SyncThenable.resolve(thenable);
    return settled.state === 'fulfilled' ? settled.value : undefined;
  }
}

function isThenable<T>(value: unknown): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
