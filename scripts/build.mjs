// Bundles the extension client, the language server and the command-line checker into dist/.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { writeThirdPartyNotices } from './notices.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD entry uses dynamic requires esbuild cannot follow; its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
  // `#core` (package.json "imports") points at the core's TypeScript entry under this condition, at out/ otherwise.
  conditions: ['source'],
  // The extension version, for the server's serverInfo and `es-remote-check --version`.
  define: { __EXTENSION_VERSION__: JSON.stringify(version) },
};

const builds = [
  // `vscode` is provided by the editor at run time.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  writeThirdPartyNotices(
    new URL('..', import.meta.url).pathname,
    results.map((result) => result.metafile),
    new URL('../dist/ThirdPartyNotices.txt', import.meta.url).pathname,
  );
}
