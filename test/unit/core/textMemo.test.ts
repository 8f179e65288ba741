import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextMemo } from '../../../server/src/core/textMemo';

test('computes a text once and answers the same result after', () => {
  let calls = 0;
  const memo = new TextMemo((text) => ({ length: text.length, call: ++calls }), 10);
  const first = memo.get('cluster.remote.west.mode');
  assert.equal(memo.get('cluster.remote.west.mode'), first);
  assert.equal(calls, 1);
  assert.equal(memo.get('cluster.remote.east.mode').call, 2);
});

test('remembers undefined results too', () => {
  let calls = 0;
  const memo = new TextMemo(() => {
    calls++;
    return undefined;
  }, 10);
  memo.get('not a version');
  memo.get('not a version');
  assert.equal(calls, 1);
});

test('starts over past its limit, and still answers right', () => {
  let calls = 0;
  const memo = new TextMemo((text) => (calls++, text.toUpperCase()), 3);
  for (const text of ['a', 'b', 'c']) memo.get(text);
  assert.equal(memo.get('d'), 'D'); // the fourth text: the memory starts over
  assert.equal(calls, 4);
  assert.equal(memo.get('a'), 'A');
  assert.equal(calls, 5, 'forgotten after the start-over');
  assert.equal(memo.get('d'), 'D');
  assert.equal(calls, 5, 'kept after the start-over');
});

test('computes texts over the length bound every time without keeping them', () => {
  let calls = 0;
  const memo = new TextMemo((text) => (calls++, text.length), 10, 5);
  assert.equal(memo.get('123456'), 6);
  assert.equal(memo.get('123456'), 6);
  assert.equal(calls, 2);
});
