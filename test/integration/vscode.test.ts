/**
 * Integration layer: the extension inside a real VS Code. Each suite test (suite/tests.ts) is
 * reported here as its own node:test test.
 *
 * Routes, in order:
 *   1. VSCODE_EXECUTABLE=/path/to/code  desktop VS Code through @vscode/test-electron;
 *   2. ERC_VSCODE_DOWNLOAD=1            @vscode/test-electron downloads VS Code (needs internet);
 *   3. default                          code-server from the npm registry + headless Chromium
 *                                       (works offline; see test/integration/README.md).
 * When no route can run here, the layer is reported as SKIPPED with the reason, never as passed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../emulator';
import { findChromium, runSuiteInCodeServer, type SuiteResult } from './codeServerHost';

const ROOT = resolve(__dirname, '..', '..', '..');
const SUITE = join(ROOT, 'out', 'test', 'integration', 'suite', 'index.js');
const WORKSPACE = join(ROOT, 'test', 'integration', 'workspace');
const RESULTS_DIR = join(ROOT, 'test-results');
const TIMEOUT_MS = Number(process.env.ERC_INTEGRATION_TIMEOUT_MS ?? 240000);

interface RouteRun {
  route: string;
  exitCode: number;
  results: SuiteResult[];
  log: string[];
}

/** The API emulator the in-editor tests talk to (127.0.0.1 only); its endpoints reach the suite as ERC_EMULATOR. */
const EMULATOR_USER = { username: 'elastic', password: 'changeme' };
const EMULATOR_CLOUD_KEY = 'itest-organization-key';

async function startSuiteEmulator(): Promise<{ emulator: RunningEmulator; env: Record<string, string> }> {
  const emulator = await startEmulator({
    clusters: [{ name: 'local' }, { name: 'remote', version: '8.17.0' }],
    cloud: { apiKeys: [EMULATOR_CLOUD_KEY], deployments: [{ name: 'prod', cluster: 'remote' }] },
  });
  const endpoints = {
    clusters: { local: { url: emulator.clusterUrl('local') }, remote: { url: emulator.clusterUrl('remote') } },
    cloudUrl: emulator.cloudUrl,
    ...EMULATOR_USER,
    cloudApiKey: EMULATOR_CLOUD_KEY,
  };
  return { emulator, env: { ERC_EMULATOR: JSON.stringify(endpoints) } };
}

async function runWithTestElectron(download: boolean, env: Record<string, string>): Promise<RouteRun> {
  const { runTests } = await import('@vscode/test-electron');
  const resultsFile = join(tmpdir(), `erc-itest-${process.pid}.jsonl`);
  rmSync(resultsFile, { force: true });
  let exitCode = 0;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: download ? undefined : process.env.VSCODE_EXECUTABLE,
      version: download ? '1.100.3' : undefined,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { ...env, ITEST_RESULTS_FILE: resultsFile },
      launchArgs: [WORKSPACE, '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch {
    exitCode = 1;
  }
  const results = existsSync(resultsFile)
    ? readFileSync(resultsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as SuiteResult)
    : [];
  return { route: download ? 'downloaded VS Code' : `VS Code at ${process.env.VSCODE_EXECUTABLE}`, exitCode, results, log: [] };
}

async function runWithCodeServer(env: Record<string, string>): Promise<RouteRun | string> {
  const chromium = findChromium();
  if (!chromium) return 'no Chromium found (apt-get install chromium, or set ERC_CHROMIUM_PATH)';
  const setupScript = pathToFileURL(join(ROOT, 'scripts', 'setup-vscode-host.mjs')).href;
  const { setupVscodeHost } = (await import(setupScript)) as { setupVscodeHost: () => string };
  const entry = setupVscodeHost();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const run = await runSuiteInCodeServer({
    entry,
    chromium,
    extensionPath: ROOT,
    suitePath: SUITE,
    workspacePath: WORKSPACE,
    timeoutMs: TIMEOUT_MS,
    screenshotPath: join(RESULTS_DIR, 'integration-workbench.png'),
    env,
  });
  return { route: 'code-server 4.100.3 (VS Code 1.100.3) in headless Chromium', ...run };
}

test('integration: the extension in a real VS Code', { timeout: TIMEOUT_MS + 300000 }, async (t) => {
  if (!existsSync(SUITE)) throw new Error(`${SUITE} is missing: run \`npm run compile-tests\``);
  if (!existsSync(join(ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run `npm run build`');
  const { emulator, env } = await startSuiteEmulator();
  if (process.env.ITEST_FILTER) env.ITEST_FILTER = process.env.ITEST_FILTER;
  let run: RouteRun | string;
  try {
    if (process.env.VSCODE_EXECUTABLE) run = await runWithTestElectron(false, env);
    else if (process.env.ERC_VSCODE_DOWNLOAD === '1') run = await runWithTestElectron(true, env);
    else run = await runWithCodeServer(env);
  } finally {
    await emulator.stop();
  }
  if (typeof run === 'string') {
    process.stderr.write(`\n*** INTEGRATION TESTS SKIPPED: ${run} ***\n\n`);
    t.skip(`SKIPPED: ${run}`);
    return;
  }
  const { route, exitCode, results, log } = run;
  t.diagnostic(`route: ${route}`);
  if (results.length === 0) {
    throw new Error(`the suite reported no results (exit code ${exitCode}). Extension host log:\n${log.slice(-60).join('\n')}`);
  }
  for (const result of results) {
    await t.test(result.name, () => {
      if (!result.ok) throw new Error(result.error ?? 'failed');
    });
  }
  if (exitCode !== 0) throw new Error(`suite exit code ${exitCode}. Last log lines:\n${log.slice(-40).join('\n')}`);
});
