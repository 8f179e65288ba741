/**
 * Runs inside a real VS Code extension host (code-server or desktop VS Code). A small
 * sequential runner over the tests of every `*.itest.js` module in this folder (each exports
 * `tests`): each outcome is printed as an `##ITEST {json}` line and appended to the file named
 * by ITEST_RESULTS_FILE, so the outer node:test harness reports them one by one.
 * ITEST_FILTER (a substring of the test name) or ERC_ITEST_FILTER (a regular expression, matched
 * against "<module>: <test name>") runs a subset. The modules are loaded in file-name order, so a new
 * `*.itest.ts` file is registered by being here.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface IntegrationTest {
  name: string;
  fn: () => Promise<void>;
  /** Why the test cannot run on this route (e.g. no UI driver), or undefined; reported as skipped, never as passed. */
  skip?: () => string | undefined;
}

function loadTests(): IntegrationTest[] {
  return readdirSync(__dirname)
    .filter((file) => file.endsWith('.itest.js'))
    .sort()
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the test modules are found at run time
      const module = require(join(__dirname, file)) as { tests?: IntegrationTest[] };
      return (module.tests ?? []).map((test) => ({ ...test, name: `${file.replace(/\.itest\.js$/, '')}: ${test.name}` }));
    });
}

export async function run(): Promise<void> {
  const resultsFile = process.env.ITEST_RESULTS_FILE;
  const filter = process.env.ITEST_FILTER;
  const pattern = process.env.ERC_ITEST_FILTER ? new RegExp(process.env.ERC_ITEST_FILTER) : undefined;
  let failed = 0;
  for (const { name, fn, skip } of loadTests()) {
    if (filter && !name.includes(filter)) continue;
    if (pattern && !pattern.test(name)) continue;
    const skipped = skip?.();
    if (skipped) {
      const line = JSON.stringify({ name, ok: true, skipped, ms: 0 });
      console.log(`##ITEST ${line}`);
      if (resultsFile) appendFileSync(resultsFile, line + '\n');
      continue;
    }
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
