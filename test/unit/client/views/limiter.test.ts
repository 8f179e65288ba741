import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLimiter } from '../../../../client/src/views/limiter';

/** Lets every other pending task take its turn (an event-loop turn, not a timed sleep). */
const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));

test('never runs more tasks at once than allowed, and runs all of them in order', async () => {
  const limiter = createLimiter(2);
  let running = 0;
  let peak = 0;
  const started: number[] = [];
  const results = await Promise.all(
    [0, 1, 2, 3, 4].map((n) =>
      limiter.run(async () => {
        started.push(n);
        running++;
        peak = Math.max(peak, running);
        await yieldTurn();
        running--;
        return n * 10;
      }),
    ),
  );
  assert.deepEqual(results, [0, 10, 20, 30, 40]);
  assert.equal(peak, 2);
  assert.deepEqual(started, [0, 1, 2, 3, 4]);
  assert.equal(limiter.active, 0);
  assert.equal(limiter.queued, 0);
});

test('a failing or synchronously throwing task frees its slot for the queued ones', async () => {
  const limiter = createLimiter(1);
  const failed = limiter.run(async () => {
    throw new Error('boom');
  });
  const threw = limiter.run((() => {
    throw new Error('sync');
  }) as () => Promise<never>);
  const next = limiter.run(async () => 'ran');
  await assert.rejects(failed, /boom/);
  await assert.rejects(threw, /sync/);
  assert.equal(await next, 'ran');
});

test('a bound below one still lets tasks run one at a time', async () => {
  const limiter = createLimiter(0);
  assert.equal(await limiter.run(async () => 'ok'), 'ok');
});
