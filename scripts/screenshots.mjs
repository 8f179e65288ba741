// Takes the README's screenshots in the real editor (the offline code-server harness of the
// integration tests) and writes them to media/screenshots/. Run after a build:
//   npm run screenshots
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'media', 'screenshots');
mkdirSync(dir, { recursive: true });
const result = spawnSync(process.execPath, ['--test', join(root, 'out', 'test', 'integration', 'vscode.test.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ERC_SCREENSHOT_DIR: dir, ITEST_FILTER: 'screenshots' },
});
process.exit(result.status ?? 1);
