// Writes dist/ThirdPartyNotices.txt: the name, version, license and license text of every npm
// package whose code esbuild put into the bundles (MIT, ISC and BlueOak ask for the notice to travel
// with every copy). The list comes from esbuild's metafiles, so it always matches what was bundled.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

/** The MIT terms, for packages that declare MIT but ship no license file (e.g. @vscode/l10n). */
const MIT_TERMS = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

function authorOf(manifest) {
  return typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
}

/** `node_modules/a/node_modules/@b/c/lib/x.js` → `node_modules/a/node_modules/@b/c`. */
function packageDirOf(input) {
  const parts = input.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last < 0) return undefined;
  const nameLength = parts[last + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, last + 1 + nameLength).join('/');
}

export function bundledPackages(root, metafiles) {
  const dirs = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const dir = packageDirOf(input);
      if (dir) dirs.add(dir);
    }
  }
  const packages = new Map();
  for (const dir of dirs) {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const key = `${manifest.name}@${manifest.version}`;
    if (packages.has(key)) continue;
    const licenseFile = readdirSync(join(root, dir)).find((name) => LICENSE_FILE.test(name));
    const license = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'see the package');
    let text = licenseFile ? readFileSync(join(root, dir, licenseFile), 'utf8').trim() : undefined;
    if (!text && license === 'MIT' && authorOf(manifest))
      text = `MIT License (no license file in the package; the standard terms)\n\nCopyright (c) ${authorOf(manifest)}\n\n${MIT_TERMS}`;
    packages.set(key, { name: manifest.name, version: manifest.version, license, text });
  }
  return [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

export function writeThirdPartyNotices(root, metafiles, outFile) {
  const packages = bundledPackages(root, metafiles);
  const missing = packages.filter((entry) => !entry.text);
  if (missing.length) {
    throw new Error(
      `No license file found for ${missing.map((entry) => `${entry.name}@${entry.version}`).join(', ')}: add its notice by hand before bundling it.`,
    );
  }
  const sections = packages.map((entry) =>
    [`${entry.name} ${entry.version} (${entry.license})`, '-'.repeat(72), entry.text].join('\n'),
  );
  const header = [
    'Third-party software in this extension',
    '',
    'The extension bundles the following npm packages into dist/client.js, dist/server.js and',
    'dist/cli.js. Each is listed with its version, its license and the license text it ships with.',
  ].join('\n');
  if (!existsSync(dirname(outFile))) throw new Error(`${dirname(outFile)} does not exist`);
  writeFileSync(outFile, `${header}\n\n${sections.join('\n\n\n')}\n`);
  return packages;
}
