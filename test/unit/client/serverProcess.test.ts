import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import type { NodeModule, TransportKind } from 'vscode-languageclient/node';
import { languageServerOptions, SERVER_DEBUG_EXEC_ARGV, SERVER_EXEC_ARGV } from '../../../client/src/serverProcess';

// TransportKind.ipc: the enum's own module loads VS Code, which plain Node does not have.
const IPC = 1 as TransportKind;

/** The young generation's capacity (both semi-spaces) after a burst of short-lived objects, in MiB, in a Node started with `flags`. */
function youngGenerationAfterBurstMiB(flags: readonly string[]): number {
  const script = `
    let live = [];
    for (let i = 0; i < 3e6; i++) { live.push({ i, list: [i] }); if (live.length > 200000) live = []; }
    const young = require('node:v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    process.stdout.write(String(young.space_size / 1048576));`;
  const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, `node ${flags.join(' ')} failed: ${run.stderr}`);
  return Number(run.stdout);
}

describe('how the extension starts the language server', () => {
  test('run and debug both fork the server module with the shared Node flags; debug adds only the inspector', () => {
    const options = languageServerOptions('/extension/dist/server.js', IPC) as { run: NodeModule; debug: NodeModule };
    for (const launch of [options.run, options.debug]) {
      assert.equal(launch.module, '/extension/dist/server.js');
      assert.equal(launch.transport, IPC);
    }
    assert.deepEqual(options.run.options?.execArgv, [...SERVER_EXEC_ARGV]);
    assert.deepEqual(options.debug.options?.execArgv, [...SERVER_DEBUG_EXEC_ARGV]);
    assert.deepEqual(
      options.debug.options?.execArgv?.filter((flag) => !SERVER_EXEC_ARGV.includes(flag)),
      ['--nolazy', '--inspect=6019'],
    );
  });

  test("the flags are accepted by Node and cap the young generation below V8's default", () => {
    const semiSpace = SERVER_EXEC_ARGV.map((flag) => /^--max-semi-space-size=(\d+)$/.exec(flag)?.[1]).find(Boolean);
    assert.ok(semiSpace, `a --max-semi-space-size flag among ${SERVER_EXEC_ARGV.join(' ')}`);
    const capped = youngGenerationAfterBurstMiB(SERVER_EXEC_ARGV);
    assert.ok(capped <= 2 * Number(semiSpace), `young generation ${capped} MiB with two semi-spaces of at most ${semiSpace} MiB`);
    assert.ok(youngGenerationAfterBurstMiB([]) > capped, 'without the flags the same burst grows the young generation further');
  });
});
