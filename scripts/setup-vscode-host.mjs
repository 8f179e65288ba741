// Installs the VS Code used by the integration tests without the VS Code download service:
// code-server (which ships VS Code's workbench and Node extension host) from the npm registry,
// into test/vscode-host/. Its @vscode/ripgrep dependency normally downloads `rg` from GitHub in a
// postinstall; we pre-fill the cache it checks first with the `rg` binary published on npm as
// @vscode/ripgrep-linux-x64, so the whole install needs only the npm registry.
// Idempotent: does nothing when the host is already installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const hostDir = join(root, 'test', 'vscode-host');
const entry = join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const tmp = join(root, '.vscode-test', 'tmp');

// What code-server 4.100.3's @vscode/ripgrep (1.15.11) looks for before it tries to download.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RG_NPM_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';

export function vscodeHostEntry() {
  return existsSync(entry) ? entry : undefined;
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function fillRipgrepCache() {
  const cacheDir = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const asset = join(cacheDir, RIPGREP_ASSET);
  if (existsSync(asset)) return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(
      `setup-vscode-host: no offline ripgrep for ${process.platform}-${process.arch}; @vscode/ripgrep will try to download it.`,
    );
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  const work = join(tmp, 'rg-package');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run('npm', ['pack', RG_NPM_PACKAGE, '--pack-destination', work, '--silent']);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${RG_NPM_PACKAGE} produced no tarball`);
  run('tar', ['xzf', join(work, tarball), '-C', work]);
  run('tar', ['czf', asset, '-C', join(work, 'package', 'bin'), 'rg']);
}

/**
 * Debian packages the code-server install needs and this machine lacks (its native modules build
 * here): empty when the host is already installed or nothing is missing.
 */
export function missingSystemPackages() {
  if (vscodeHostEntry() || process.platform !== 'linux') return [];
  const onPath = (command) => (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
  const missing = [];
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev'); // code-server's kerberos module
  if (!onPath('g++') || !onPath('make')) missing.push('build-essential');
  if (!onPath('python3')) missing.push('python3');
  return missing;
}

export function setupVscodeHost() {
  if (vscodeHostEntry()) return entry;
  console.log('setup-vscode-host: installing code-server (VS Code 1.100.3) into test/vscode-host ...');
  mkdirSync(tmp, { recursive: true });
  fillRipgrepCache();
  const env = {
    ...process.env,
    TMPDIR: tmp, // where @vscode/ripgrep looks for its cache
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
  };
  // Build native modules against the machine's Node headers instead of downloading them.
  if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  const lockfile = existsSync(join(hostDir, 'package-lock.json'));
  run('npm', [lockfile ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: hostDir, env });
  if (!vscodeHostEntry()) throw new Error('code-server installed but its entry point is missing');
  return entry;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    setupVscodeHost();
    console.log(`setup-vscode-host: ready (${entry})`);
  } catch (error) {
    console.error(`setup-vscode-host: failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
