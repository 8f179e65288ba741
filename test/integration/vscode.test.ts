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
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
  /** What the secrets sweep of the user-data folder found. */
  sweep?: SecretSweep;
}

interface SecretSweep {
  filesRead: number;
  /** Files of the extension's own log channel among them (proves the log was searched). */
  extensionLogs: number;
  /** `<file relative to user data>: <which secret>`; never the secret itself. */
  found: string[];
}

/** The API emulator the in-editor tests talk to (127.0.0.1 only); its endpoints reach the suite as ERC_EMULATOR. */
const EMULATOR_USER = { username: 'elastic', password: 'changeme' };
const EMULATOR_CLOUD_KEY = 'itest-organization-key';
/** A REST API key of the "local" cluster; random so that a match in the sweep can only come from this run. */
const EMULATOR_REST_KEY = { id: 'itest-rest-key', key: randomBytes(16).toString('hex'), roles: ['superuser'] };

async function startSuiteEmulator(): Promise<{ emulator: RunningEmulator; env: Record<string, string> }> {
  const emulator = await startEmulator({
    clusters: [
      { name: 'local', apiKeys: [EMULATOR_REST_KEY] },
      { name: 'remote', version: '8.17.0' },
    ],
    cloud: { apiKeys: [EMULATOR_CLOUD_KEY], deployments: [{ name: 'prod', cluster: 'remote' }] },
  });
  const endpoints = {
    clusters: { local: { url: emulator.clusterUrl('local') }, remote: { url: emulator.clusterUrl('remote') } },
    cloudUrl: emulator.cloudUrl,
    ...EMULATOR_USER,
    cloudApiKey: EMULATOR_CLOUD_KEY,
    restApiKey: `${EMULATOR_REST_KEY.id}:${EMULATOR_REST_KEY.key}`,
  };
  return { emulator, env: { ERC_EMULATOR: JSON.stringify(endpoints) } };
}

/**
 * Every secret the run used, in the forms it travels in: the connections' password and API keys
 * (raw and as the base64 of an Authorization header), and every API key and keystore value the
 * emulator holds at the end (the cross-cluster keys the flows created, encoded and raw).
 */
function secretsOfTheRun(emulator: RunningEmulator): Array<{ label: string; value: string }> {
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const secrets = [
    { label: 'the connection password', value: EMULATOR_USER.password },
    { label: 'the basic-auth header value', value: base64(`${EMULATOR_USER.username}:${EMULATOR_USER.password}`) },
    { label: 'the Cloud API key', value: EMULATOR_CLOUD_KEY },
    { label: 'the REST API key', value: EMULATOR_REST_KEY.key },
    { label: 'the encoded REST API key', value: base64(`${EMULATOR_REST_KEY.id}:${EMULATOR_REST_KEY.key}`) },
  ];
  for (const name of ['local', 'remote']) {
    const cluster = emulator.state.cluster(name);
    for (const record of cluster.apiKeys.values()) {
      if (record.id === EMULATOR_REST_KEY.id) continue;
      secrets.push({ label: `the secret of API key "${record.name}" on ${name}`, value: record.secret });
      secrets.push({ label: `the encoded API key "${record.name}" on ${name}`, value: base64(`${record.id}:${record.secret}`) });
    }
    for (const [setting, value] of cluster.keystoreOnDisk)
      secrets.push({ label: `the keystore value of ${setting} on ${name}`, value });
  }
  return secrets;
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    return stat?.isDirectory() ? filesBelow(full) : stat?.isFile() ? [full] : [];
  });
}

/** Reads every file below the user-data folder (settings, state databases, backups, logs) as bytes. */
function sweepUserData(folder: string, secrets: Array<{ label: string; value: string }>): SecretSweep {
  const sweep: SecretSweep = { filesRead: 0, extensionLogs: 0, found: [] };
  for (const file of filesBelow(folder)) {
    const bytes = readFileSync(file);
    sweep.filesRead++;
    if (file.includes('Elastic Remote Clusters') && file.endsWith('.log')) sweep.extensionLogs++;
    for (const secret of secrets)
      if (bytes.includes(secret.value)) sweep.found.push(`${file.slice(folder.length + 1)}: ${secret.label}`);
  }
  return sweep;
}

async function runWithTestElectron(
  download: boolean,
  env: Record<string, string>,
  inspectUserData: (folder: string) => SecretSweep,
): Promise<RouteRun> {
  const { runTests } = await import('@vscode/test-electron');
  const resultsFile = join(tmpdir(), `erc-itest-${process.pid}.jsonl`);
  rmSync(resultsFile, { force: true });
  const userData = mkdtempSync(join(tmpdir(), 'erc-itest-user-data-'));
  let exitCode = 0;
  let sweep: SecretSweep | undefined;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: download ? undefined : process.env.VSCODE_EXECUTABLE,
      version: download ? '1.100.3' : undefined,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { ...env, ITEST_RESULTS_FILE: resultsFile, ERC_USER_DATA_DIR: userData },
      launchArgs: [WORKSPACE, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData],
    });
  } catch {
    exitCode = 1;
  } finally {
    sweep = inspectUserData(userData);
    rmSync(userData, { recursive: true, force: true });
  }
  const results = existsSync(resultsFile)
    ? readFileSync(resultsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as SuiteResult)
    : [];
  return {
    route: download ? 'downloaded VS Code' : `VS Code at ${process.env.VSCODE_EXECUTABLE}`,
    exitCode,
    results,
    log: [],
    sweep,
  };
}

async function runWithCodeServer(
  env: Record<string, string>,
  inspectUserData: (folder: string) => SecretSweep,
): Promise<RouteRun | string> {
  const chromium = findChromium();
  if (!chromium) return 'no Chromium found (apt-get install chromium, or set ERC_CHROMIUM_PATH)';
  const setupScript = pathToFileURL(join(ROOT, 'scripts', 'setup-vscode-host.mjs')).href;
  const { setupVscodeHost, missingSystemPackages } = (await import(setupScript)) as {
    setupVscodeHost: () => string;
    missingSystemPackages: () => string[];
  };
  const missing = missingSystemPackages();
  if (missing.length) return `the offline VS Code cannot be installed here (apt-get install ${missing.join(' ')})`;
  const entry = setupVscodeHost();
  mkdirSync(RESULTS_DIR, { recursive: true });
  let sweep: SecretSweep | undefined;
  const run = await runSuiteInCodeServer({
    entry,
    chromium,
    extensionPath: ROOT,
    suitePath: SUITE,
    workspacePath: WORKSPACE,
    timeoutMs: TIMEOUT_MS,
    screenshotPath: join(RESULTS_DIR, 'integration-workbench.png'),
    env,
    screenshotDir: process.env.ERC_SCREENSHOT_DIR,
    uiScreenshotDir: RESULTS_DIR,
    inspectUserData: (folder) => void (sweep = inspectUserData(folder)),
  });
  return { route: 'code-server 4.100.3 (VS Code 1.100.3) in headless Chromium', ...run, sweep };
}

test('integration: the extension in a real VS Code', { timeout: TIMEOUT_MS + 300000 }, async (t) => {
  if (!existsSync(SUITE)) throw new Error(`${SUITE} is missing: run \`npm run compile-tests\``);
  if (!existsSync(join(ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run `npm run build`');
  const { emulator, env } = await startSuiteEmulator();
  for (const name of ['ITEST_FILTER', 'ERC_ITEST_FILTER']) if (process.env[name]) env[name] = process.env[name];
  if (process.env.ERC_SCREENSHOT_DIR) env.ERC_SCREENSHOT_DIR = process.env.ERC_SCREENSHOT_DIR;
  let run: RouteRun | string;
  // The emulator's state is read when the sweep runs, so keys created by the flows are included.
  const inspectUserData = (folder: string) => sweepUserData(folder, secretsOfTheRun(emulator));
  try {
    if (process.env.VSCODE_EXECUTABLE) run = await runWithTestElectron(false, env, inspectUserData);
    else if (process.env.ERC_VSCODE_DOWNLOAD === '1') run = await runWithTestElectron(true, env, inspectUserData);
    else run = await runWithCodeServer(env, inspectUserData);
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
    const filters = ['ITEST_FILTER', 'ERC_ITEST_FILTER']
      .filter((name) => process.env[name])
      .map((name) => `${name}=${process.env[name]}`);
    throw new Error(
      `the suite reported no results (exit code ${exitCode}${filters.length ? `; does ${filters.join(', ')} match any test?` : ''}). Extension host log:\n${log.slice(-60).join('\n')}`,
    );
  }
  for (const result of results) {
    await t.test(result.name, { skip: result.skipped ? `SKIPPED: ${result.skipped}` : false }, (subtest) => {
      // The test ran in the editor; this replays its outcome, so its own duration is reported here.
      subtest.diagnostic(`${result.ms} ms in the editor`);
      if (!result.ok) throw new Error(result.error ?? 'failed');
    });
  }
  await t.test('no secret used in the run is in the user-data folder or the extension host output', () => {
    const { sweep } = run;
    if (!sweep) throw new Error('the user-data folder was not searched');
    if (sweep.extensionLogs === 0)
      throw new Error(`the extension's log file was not among the ${sweep.filesRead} files searched`);
    const secrets = secretsOfTheRun(emulator);
    const output = log.join('\n');
    const inOutput = secrets
      .filter((secret) => output.includes(secret.value))
      .map((secret) => `extension host output: ${secret.label}`);
    const found = [...sweep.found, ...inOutput];
    if (found.length) throw new Error(`secrets found (${sweep.filesRead} files searched):\n${found.join('\n')}`);
    t.diagnostic(
      `secrets sweep: ${secrets.length} secrets, ${sweep.filesRead} files, ${sweep.extensionLogs} extension log file(s), nothing found`,
    );
  });
  if (exitCode !== 0) throw new Error(`suite exit code ${exitCode}. Last log lines:\n${log.slice(-40).join('\n')}`);
});
