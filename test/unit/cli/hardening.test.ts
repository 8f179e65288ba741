import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkPaths, collectFiles, guessStdinName } from '../../../server/src/cli/check';
import { formatText, printable } from '../../../server/src/cli/format';

const BAD = 'cluster.remote.a.seeds: a\n';

describe('command-line checker on hostile trees and text', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'erc-cli-hard-'));
    outside = mkdtempSync(join(tmpdir(), 'erc-cli-outside-'));
    mkdirSync(join(root, 'tree', 'sub'), { recursive: true });
    writeFileSync(join(root, 'tree', 'sub', 'elasticsearch.yml'), BAD);
    symlinkSync('..', join(root, 'tree', 'sub', 'up'));
    symlinkSync(join(root, 'tree', 'sub', 'elasticsearch.yml'), join(root, 'tree', 'again.yml'));
    writeFileSync(join(outside, 'elasticsearch.yml'), BAD);
    symlinkSync(outside, join(root, 'tree', 'elsewhere'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('checks each real file once, through link loops and extra links, and never leaves the given folder', () => {
    const unreadable: Array<{ path: string; reason: string }> = [];
    const files = collectFiles([join(root, 'tree')], unreadable);
    // `again.yml` and `sub/up/...` lead to the same file: it is listed once, by the first path in sorted order.
    assert.deepEqual(files, [join(root, 'tree', 'again.yml')]);
    assert.deepEqual(unreadable, []);
    const result = checkPaths([join(root, 'tree')]);
    assert.equal(result.counts.error, 1);
  });

  test('still checks a folder outside when it is given itself', () => {
    assert.equal(collectFiles([join(root, 'tree', 'elsewhere')]).length, 1);
  });

  test('reports a target that is not a regular file instead of ignoring it', () => {
    const unreadable: Array<{ path: string; reason: string }> = [];
    assert.deepEqual(collectFiles(['/dev/null'], unreadable), []);
    assert.deepEqual(unreadable, [{ path: '/dev/null', reason: 'not a regular file' }]);
  });

  test('prints control characters as escapes and never starts a line with a workflow command', () => {
    const dir = join(root, 'names');
    mkdirSync(dir);
    const key = 'cluster.remote.x\n::error file=README.md,line=1::pwned\n\u001b]0;TITLE\u0007.seeds';
    writeFileSync(join(dir, 'elasticsearch.yml'), `${JSON.stringify(key)}: a\n`);
    writeFileSync(join(dir, '::warning::x.yml'), BAD);
    const output = formatText(
      checkPaths([join(dir, 'elasticsearch.yml'), '::warning::x.yml'].map((p, i) => (i === 0 ? p : join(dir, p)))),
    );
    for (const line of output.split('\n')) assert.doesNotMatch(line, /^\s*::/, line);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f]/);
    assert.match(output, /\\u001b\]0;TITLE\\u0007/);
    assert.equal(printable('a\r\nb\u009b'), 'a\\u000d\\u000ab\\u009b');
    const relative = formatText({
      files: [{ path: '::error::x.yml', kind: 'elasticsearch-yml', findings: [] }],
      skipped: 0,
      unrecognized: [],
      unreadable: [{ path: '::error::y.yml', reason: 'x' }],
      counts: { error: 0, warning: 0, info: 0, hint: 0 },
    });
    assert.match(relative, /^\.\/::error::y\.yml: cannot read: x$/m);
  });

  test('guesses the format of standard input from its first characters', () => {
    assert.equal(guessStdinName('  {"persistent": {}}'), 'stdin.json');
    assert.equal(guessStdinName('PUT _cluster/settings\n{}'), 'stdin.es');
    assert.equal(guessStdinName('cluster.remote.a.seeds: a'), 'elasticsearch.yml');
  });
});
