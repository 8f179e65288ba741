import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { refreshIntervalMs, startAutoRefresh } from '../../../../client/src/views/autoRefresh';

beforeEach(() => mock.timers.enable({ apis: ['setInterval'] }));
afterEach(() => mock.timers.reset());

function fakeModel() {
  return {
    busy: false,
    refreshes: 0,
    refresh() {
      this.refreshes++;
    },
  };
}

test('timed refresh is off for 0, negative, missing or non-numeric settings', () => {
  for (const value of [0, -5, undefined, null, '30', Number.NaN])
    assert.equal(refreshIntervalMs(value), undefined, String(value));
  const model = fakeModel();
  const timer = startAutoRefresh(0, model, () => true);
  mock.timers.tick(3_600_000);
  assert.equal(model.refreshes, 0);
  timer.dispose();
});

test('refreshes on the interval while the view is visible, never more often than every 10 s', () => {
  assert.equal(refreshIntervalMs(60), 60_000);
  assert.equal(refreshIntervalMs(2), 10_000);
  const model = fakeModel();
  let visible = true;
  const timer = startAutoRefresh(30, model, () => visible);
  mock.timers.tick(29_999);
  assert.equal(model.refreshes, 0);
  mock.timers.tick(1);
  assert.equal(model.refreshes, 1);
  visible = false;
  mock.timers.tick(90_000);
  assert.equal(model.refreshes, 1, 'no refresh while the view is hidden');
  visible = true;
  model.busy = true;
  mock.timers.tick(30_000);
  assert.equal(model.refreshes, 1, 'no new refresh while the last one is still loading');
  model.busy = false;
  mock.timers.tick(30_000);
  assert.equal(model.refreshes, 2);
  timer.dispose();
  mock.timers.tick(300_000);
  assert.equal(model.refreshes, 2, 'stopped after dispose');
});
