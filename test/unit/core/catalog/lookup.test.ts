import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolveKey } from '../../../../server/src/core/catalog/lookup';

/** A full garbage collection, made available to this test only. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

test('remembered keys do not keep the texts they were cut from alive', () => {
  const filler = 'x'.repeat(1024 * 1024);
  // Each version is a new 1 MiB text, with a new key cut from it (as a parser's string slice is).
  const keyIn = (version: number): string => {
    const text = `${version} ${filler} cluster.remote.typed_${version}.mode ${version}`;
    const start = text.indexOf('cluster.remote.');
    return text.slice(start, text.indexOf(' ', start));
  };
  resolveKey(keyIn(-1));
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let version = 0; version < 16; version++) {
    const resolved = resolveKey(keyIn(version));
    assert.equal(resolved.alias, `typed_${version}`);
  }
  collectGarbage();
  const retainedMiB = (process.memoryUsage().heapUsed - before) / (1024 * 1024);
  // Sixteen texts would be 16 MiB; the keys themselves are a few hundred bytes.
  assert.ok(retainedMiB < 4, `${retainedMiB.toFixed(1)} MiB retained`);
});

test('a key resolves the same whether or not it was remembered, and the answer is shared', () => {
  const first = resolveKey('cluster.remote.west.seeds');
  const again = resolveKey(['cluster', 'remote', 'west', 'seeds'].join('.'));
  assert.equal(again, first);
  assert.ok(Object.isFrozen(first));
  assert.equal(first.key, 'cluster.remote.west.seeds');
  assert.equal(first.def?.key, 'cluster.remote.<alias>.seeds');
  assert.equal(first.alias, 'west');
  assert.equal(first.suffix, 'seeds');
  assert.equal(resolveKey('cluster.remote.east.seeds').alias, 'east', 'an edited alias resolves anew');
});
