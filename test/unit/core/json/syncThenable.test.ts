import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SyncThenable } from '../../../../server/src/core/json/syncThenable';

describe('SyncThenable (synchronous promises for the JSON language service)', () => {
  test('settles chains, all() and rejections within the call', () => {
    const chained = SyncThenable.resolve(2)
      .then((v) => v * 3)
      .then((v) => SyncThenable.resolve(v + 1));
    assert.equal(SyncThenable.valueOf(chained), 7);
    assert.deepEqual(SyncThenable.valueOf(SyncThenable.all([1, SyncThenable.resolve(2), 3])), [1, 2, 3]);
    const recovered = SyncThenable.reject(new Error('x')).then(undefined, (e) => (e as Error).message);
    assert.equal(SyncThenable.valueOf(recovered), 'x');
    const thrown = SyncThenable.resolve(1).then(() => {
      throw new Error('boom');
    });
    assert.equal(SyncThenable.valueOf(thrown), undefined);
  });

  test('treats a foreign promise it cannot settle now as "no result" instead of blocking', () => {
    assert.equal(SyncThenable.valueOf(Promise.resolve(5)), undefined);
    assert.equal(SyncThenable.valueOf(SyncThenable.all([SyncThenable.resolve(1), Promise.resolve(2)])), undefined);
  });
});
