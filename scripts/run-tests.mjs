// Runs the test layers with node's built-in test runner, in one run with one summary:
//   unit        the analysis core and client logic (out/test/unit)
//   protocol    the built language server over stdio, driven by a real LSP client (out/test/protocol)
//   contract    the API clients and the emulator against cases from Elasticsearch's REST tests and
//               the Cloud / ECE API descriptions (out/test/contract, see test/contract/README.md)
//   integration the extension inside a real VS Code (out/test/integration, see test/integration/README.md)
// `node scripts/run-tests.mjs unit protocol` runs only the named layers.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ALL_LAYERS = ['unit', 'protocol', 'contract', 'integration'];
const layers = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = layers.length ? layers : ALL_LAYERS;
for (const layer of selected) {
  if (!ALL_LAYERS.includes(layer)) {
    console.error(`Unknown test layer "${layer}". Choose from: ${ALL_LAYERS.join(', ')}.`);
    process.exit(2);
  }
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return testFiles(full);
      return name.endsWith('.test.js') ? [full] : [];
    });
}

const files = selected.flatMap((layer) => testFiles(join('out', 'test', layer)));
if (files.length === 0) {
  console.error('No compiled tests found under out/test. Run `npm run compile-tests` (npm test does it for you).');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
