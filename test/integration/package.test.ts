/**
 * The packaged extension: `vsce package` accepts the manifest, the VSIX holds the bundles and
 * none of the sources, and a VS Code with no network installs it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  version: string;
  contributes?: {
    snippets?: Array<{ path: string }>;
    grammars?: Array<{ path: string }>;
    jsonValidation?: Array<{ url: string }>;
  };
};

describe('packaged VSIX', () => {
  let scratch: string;
  let vsix: string;
  let listing: string[];

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'erc-vsix-'));
    vsix = join(scratch, `${manifest.name}.vsix`);
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '--out',
        vsix,
      ],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    // A VSIX is a zip; python3's zipfile lists it without extra npm dependencies.
    listing = execFileSync(
      'python3',
      ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean);
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('contains the bundles and every file the manifest points at', () => {
    for (const file of [
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/cli.js',
      'extension/package.json',
      'extension/readme.md',
      'extension/media/icon.png',
    ]) {
      assert.ok(listing.includes(file), `${file} in ${listing.join(', ')}`);
    }
    const referenced = [
      ...(manifest.contributes?.snippets ?? []).map((s) => s.path),
      ...(manifest.contributes?.grammars ?? []).map((g) => g.path),
      ...(manifest.contributes?.jsonValidation ?? []).map((j) => j.url).filter((url) => url.startsWith('./')),
    ];
    for (const path of referenced) {
      assert.ok(existsSync(join(ROOT, path)), `${path} exists in the repository`);
      assert.ok(listing.includes(`extension/${path.replace(/^\.\//, '')}`), `${path} is packaged`);
    }
  });

  test('carries the license notices of every bundled dependency', () => {
    assert.ok(listing.includes('extension/dist/ThirdPartyNotices.txt'), 'ThirdPartyNotices.txt is packaged');
    const notices = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("extension/dist/ThirdPartyNotices.txt").decode())',
        vsix,
      ],
      { encoding: 'utf8' },
    );
    const runtime = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies,
    );
    for (const name of runtime)
      assert.match(
        notices,
        new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\d+\\.\\d+\\.\\d+ \\(`, 'm'),
        `${name} is listed with its version and license`,
      );
    assert.match(notices, /Permission is hereby granted/, 'license texts, not only names');
  });

  test('leaves out sources, tests and dependencies', () => {
    const leaked = listing.filter((file) =>
      /\.ts$|\.map$|^extension\/(node_modules|test|out|client\/src|server\/src)\//.test(file),
    );
    assert.deepEqual(leaked, []);
  });

  test('installs into a VS Code with no network', async (t) => {
    const setupScript = pathToFileURL(join(ROOT, 'scripts', 'setup-vscode-host.mjs')).href;
    const { setupVscodeHost, missingSystemPackages } = (await import(setupScript)) as {
      setupVscodeHost: () => string;
      missingSystemPackages: () => string[];
    };
    const missing = missingSystemPackages();
    if (missing.length) {
      const reason = `the offline VS Code cannot be installed here: apt-get install ${missing.join(' ')}`;
      process.stderr.write(`\n*** SKIPPED: ${reason} ***\n\n`);
      t.skip(`SKIPPED: ${reason}`);
      return;
    }
    const entry = setupVscodeHost();
    const extensionsDir = join(scratch, 'extensions');
    const userDataDir = join(scratch, 'user-data');
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, ...args], {
        encoding: 'utf8',
        env: { ...process.env, HOME: scratch },
        stdio: 'pipe',
      });
    cli('--install-extension', vsix);
    const installed = cli('--list-extensions', '--show-versions');
    assert.match(installed, new RegExp(`${manifest.publisher}\\.${manifest.name}@${manifest.version.replace(/\./g, '\\.')}`));
  });
});
