// Produces the installable extension: a production build of dist/, then dist-vsix/<name>-<version>.vsix
// via @vscode/vsce (no network needed: dependencies are bundled by esbuild, so --no-dependencies).
// Prints the VSIX size and the install command.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, 'dist-vsix');
const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

run(process.execPath, ['scripts/build.mjs', '--production']);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
run(process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out',
  vsix,
]);
const bytes = statSync(vsix).size;
console.log(`\nVSIX: ${vsix.slice(root.length + 1)}  ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`);
console.log(`Install: code --install-extension ${vsix.slice(root.length + 1)}`);
