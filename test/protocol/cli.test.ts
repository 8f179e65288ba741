/** The bundled command-line checker (dist/cli.js) as a CI job runs it: output and exit status. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const CLI = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('es-remote-check command', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'erc-cli-bin-'));
    writeFileSync(join(dir, 'bad-elasticsearch.yml'), 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.example.com:9443\ncluster.remote.a.skip_unavaliable: true\n');
    writeFileSync(join(dir, 'good-elasticsearch.yml'), 'cluster.remote.b.mode: proxy\ncluster.remote.b.proxy_address: b.example.com:9443\ncluster.remote.b.server_name: b.example.com\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 and prints the finding when a file has an error', () => {
    const { status, stdout } = run(['bad-elasticsearch.yml'], dir);
    assert.equal(status, 1, stdout);
    assert.match(stdout, /^bad-elasticsearch\.yml:3:18 error unknown-setting /m);
  });

  it('exits 0 on a clean file', () => {
    const { status, stdout } = run(['good-elasticsearch.yml'], dir);
    assert.equal(status, 0, stdout);
    assert.match(stdout, /1 file\(s\) checked: 0 error\(s\)/);
  });

  it('writes SARIF to a file for code scanning', () => {
    const { status } = run(['--format', 'sarif', '--output', 'report.sarif', '.'], dir);
    assert.equal(status, 1);
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    assert.ok(sarif.runs[0].results.length >= 1);
  });

  it('exits 2 with a clear message on bad usage', () => {
    const { status, stderr } = run(['--format', 'xml'], dir);
    assert.equal(status, 2);
    assert.match(stderr, /unknown format "xml"; choose text, json, sarif/);
  });
});
