import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { summarizeYamlText } from '../../../../server/src/core/eck/workspace';
import { EckWorkspaceIndex } from '../../../../server/src/lsp/workspaceIndex';
import { elasticsearch } from './fixtures';

const root = mkdtempSync(join(tmpdir(), 'erc-scan-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('workspace scan bounds', () => {
  test('stops at the file limit and skips files over the size limit, and says so', async () => {
    const dir = join(root, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 12; i++)
      writeFileSync(join(dir, `es-${String(i).padStart(2, '0')}.yaml`), elasticsearch(`es${i}`, 'version: 8.15.0'));
    writeFileSync(join(dir, 'big.yaml'), elasticsearch('big', 'version: 8.15.0') + `# ${'x'.repeat(5000)}\n`);
    const index = new EckWorkspaceIndex(() => undefined);
    const outcome = await index.scan([pathToFileURL(dir).href], {
      maxFiles: 10,
      maxFileBytes: 4096,
      maxScanMs: 60_000,
      startDelayMs: 0,
    });
    assert.equal(outcome.indexed, 10);
    assert.match(outcome.stopped ?? '', /more than 10 YAML files/);
    const names = index.summaryExcluding('file:///elsewhere.yaml').elasticsearches.map((es) => es.name);
    assert.ok(!names.includes('big'), 'the file over the size limit is not read');
    assert.equal(names.length, 9);
  });

  test('stops when the time budget is spent', async () => {
    const index = new EckWorkspaceIndex(() => undefined);
    const outcome = await index.scan([pathToFileURL(join(root, 'many')).href], {
      maxFiles: 100,
      maxFileBytes: 1 << 20,
      maxScanMs: -1,
      startDelayMs: 0,
    });
    assert.equal(outcome.indexed, 0);
    assert.match(outcome.stopped ?? '', /stopped after/);
  });

  test('parses only the documents of a stream that can hold an indexed object', () => {
    const configMaps = Array.from(
      { length: 50 },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\ndata: {a: "[unclosed"}\n`,
    ).join('---\n');
    const text = `${configMaps}---\napiVersion: v1\nkind: Secret\nmetadata: {name: remote-keys}\ndata: {cluster.remote.west.credentials: eA==}\n`;
    const summary = summarizeYamlText('file:///k8s/all.yaml', text);
    assert.deepEqual(
      summary.secrets.map((s) => [s.name, s.keys]),
      [['remote-keys', ['cluster.remote.west.credentials']]],
    );
  });
});
