/**
 * Runs the integration suite inside a real VS Code without the VS Code download service:
 * code-server (VS Code 1.100.3's workbench and Node extension host, installed from the npm
 * registry by scripts/setup-vscode-host.mjs) driven by headless Chromium through playwright-core.
 * The workbench's own extension-test mechanism loads the suite: the page is opened with a
 * `payload` naming extensionDevelopmentPath and extensionTestsPath, and reports the suite's exit
 * code through `codeAutomationExit`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUiDriver, UI_DRIVER_ENV, type RunningUiDriver } from './uiDriverHost';

export interface SuiteResult {
  name: string;
  ok: boolean;
  error?: string;
  /** Why the test did not run on this route. */
  skipped?: string;
  ms: number;
}

export interface HostRun {
  exitCode: number;
  results: SuiteResult[];
  log: string[];
  screenshot?: string;
}

export interface HostOptions {
  /** code-server's entry.js */
  entry: string;
  chromium: string;
  extensionPath: string;
  suitePath: string;
  workspacePath: string;
  timeoutMs: number;
  /** Where to write a screenshot of the workbench when the run ends (kept for failed runs). */
  screenshotPath?: string;
  env?: Record<string, string>;
  /**
   * Where a `##SCREENSHOT <name>` line from the suite saves a picture of the workbench
   * (`<name>.png`); the suite waits for the file (scripts/screenshots.mjs).
   */
  screenshotDir?: string;
  /** Where the UI driver's `screenshot(name)` saves `<name>.png` (suite/uiDriver.ts). */
  uiScreenshotDir?: string;
  /** Called with the user-data folder after the run, before it is deleted (the secrets sweep). */
  inspectUserData?: (folder: string) => void;
}

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.ERC_CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** Stops code-server and every child it started (a file watcher outlives the main process otherwise). */
function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

export async function runSuiteInCodeServer(options: HostOptions): Promise<HostRun> {
  // playwright-core is only needed on this route; load it lazily.
  const { chromium } = await import('playwright-core');
  const scratch = mkdtempSync(join(tmpdir(), 'erc-itest-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const configFile = join(scratch, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  mkdirSync(join(scratch, 'user-data', 'User'), { recursive: true });
  // The repository around the test workspace would make the Git extension ask to open it.
  writeFileSync(
    join(scratch, 'user-data', 'User', 'settings.json'),
    JSON.stringify({ 'git.openRepositoryInParentFolders': 'never', 'workbench.startupEditor': 'none' }, null, 2),
  );
  mkdirSync(join(scratch, 'extensions'), { recursive: true });

  // The UI driver starts first: its address goes to the extension host in the environment.
  const uiDriver: RunningUiDriver = await startUiDriver(options.uiScreenshotDir ?? scratch);
  let serverOutput = '';
  const server = spawn(
    process.execPath,
    [
      options.entry,
      '--config',
      configFile,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      join(scratch, 'user-data'),
      '--extensions-dir',
      join(scratch, 'extensions'),
    ],
    {
      detached: true, // own process group, so stopProcessGroup reaches every child
      stdio: ['ignore', 'pipe', 'pipe'],
      // ERC_USER_DATA_DIR lets the suite check what VS Code writes there.
      env: {
        ...process.env,
        ...options.env,
        HOME: scratch,
        ERC_USER_DATA_DIR: join(scratch, 'user-data'),
        [UI_DRIVER_ENV]: uiDriver.env,
      },
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));

  const log: string[] = [];
  const results: SuiteResult[] = [];
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await waitForHealth(`${origin}/healthz`, server, () => serverOutput, 60000);
    browser = await chromium.launch({
      executablePath: options.chromium,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    // No service worker: the UI driver serves the workbench bundle through page.route, which a worker would bypass.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
    await uiDriver.attach(page);
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', async (_type: string, args: unknown[]) => {
      const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      log.push(line);
      const shot = /##SCREENSHOT ([\w-]+)/.exec(line);
      if (shot && options.screenshotDir) {
        const target = join(options.screenshotDir, `${shot[1]}.png`);
        // Written under a temporary name first: the suite waits for the final file to exist.
        await page.screenshot({ path: `${target}.tmp.png` });
        renameSync(`${target}.tmp.png`, target);
      }
      const marker = line.indexOf('##ITEST ');
      if (marker >= 0) {
        try {
          results.push(JSON.parse(line.slice(marker + '##ITEST '.length)) as SuiteResult);
        } catch {
          // a garbled line is kept in the log
        }
      }
    });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(options.extensionPath)],
      ['extensionTestsPath', remote(options.suitePath)],
    ]);
    const url = `${origin}/?folder=${encodeURIComponent(options.workspacePath)}&payload=${encodeURIComponent(payload)}`;
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), options.timeoutMs)));
    const exitCode = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    let screenshot: string | undefined;
    if (options.screenshotPath) {
      try {
        await page.screenshot({ path: options.screenshotPath });
        screenshot = options.screenshotPath;
      } catch {
        // the page may already be gone after the suite exits
      }
    }
    if (exitCode === -1) log.push(`timed out after ${options.timeoutMs} ms waiting for the suite to finish`);
    return { exitCode, results, log, screenshot };
  } finally {
    await uiDriver.close();
    await browser?.close().catch(() => undefined);
    await stopProcessGroup(server);
    try {
      options.inspectUserData?.(join(scratch, 'user-data'));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
