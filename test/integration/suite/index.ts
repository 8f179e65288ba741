/**
 * Runs inside a real VS Code extension host (code-server or desktop VS Code). A small
 * sequential runner: each test's outcome is written as a JSON line to the file named by
 * ITEST_RESULTS_FILE (and logged), so the outer node:test harness can report them one by one.
 */
import { appendFileSync } from 'node:fs';
import { tests } from './tests';

export async function run(): Promise<void> {
  const resultsFile = process.env.ITEST_RESULTS_FILE;
  let failed = 0;
  for (const { name, fn } of tests) {
    const started = Date.now();
    let error: string | undefined;
    try {
      await fn();
    } catch (e) {
      error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
      failed++;
    }
    const line = JSON.stringify({ name, ok: !error, error, ms: Date.now() - started });
    console.log(`##ITEST ${line}`);
    if (resultsFile) appendFileSync(resultsFile, line + '\n');
  }
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
}
