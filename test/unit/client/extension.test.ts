/**
 * What other extensions can reach: `vscode.extensions.getExtension(id).exports` is readable by
 * every installed extension, so the built extension must export nothing in production (and
 * development) mode; the test seam (connection store, API clients, flow UI) only exists when VS
 * Code runs the extension's own tests.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

test('the built extension exports nothing outside test mode, and the test seam only in test mode', () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'client.js')), 'dist/client.js is built (npm run build)');
  const output = execFileSync(process.execPath, [join(__dirname, 'activateInFakeEditor.js')], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const exported = JSON.parse(output.trim().split('\n').pop() as string) as Record<string, string[] | null>;
  assert.deepEqual(exported, {
    Production: null,
    Development: null,
    Test: ['connections', 'flows', 'remoteClustersView'],
  });
});
