import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  CompletionRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

/**
 * The server under large and hostile input (needs `npm run build`): capped diagnostics, cancelled
 * requests that are not worked on, deeply nested JSON reported as such.
 */
describe('language server at scale', () => {
  let session: LspSession;
  before(async () => {
    session = new LspSession();
    await session.initialize({ maxDiagnostics: 5 });
  });
  after(async () => {
    await session.shutdown();
  });

  test('publishes at most maxDiagnostics, the most severe first, and says how many more there are', async () => {
    const uri = 'file:///many/elasticsearch.yml';
    const lines = ['cluster.remote.west.seeds: west:9300', 'cluster.remote.west.transport.compress: whenever'];
    for (let i = 0; i < 20; i++) lines.push(`path.logs: /var/log/${i}`);
    const diagnostics = await session.open(uri, lines.join('\n') + '\n');
    assert.equal(diagnostics.length, 6, diagnostics.map((d) => d.code).join(', '));
    const more = diagnostics[5];
    assert.equal(more.code, 'more-diagnostics');
    assert.match(more.message as string, /^15 more problem\(s\)/);
    assert.ok(
      diagnostics.slice(0, 5).every((d) => d.severity === 1),
      'errors are kept before anything milder',
    );
    const lastShown = diagnostics[4].range.start.line;
    assert.ok(
      diagnostics.slice(0, 5).every((d) => d.range.start.line <= lastShown),
      'in document order',
    );
  });

  test('still offers the removal fix of a duplicate among thousands', async () => {
    const uri = 'file:///dups/elasticsearch.yml';
    const text = Array.from({ length: 5000 }, (_, i) => `path.logs: /var/log/${i}\n`).join('');
    await session.open(uri, text);
    const range = { start: { line: 4000, character: 0 }, end: { line: 4000, character: 0 } };
    const actions = await session.codeActions(uri, range, []);
    const remove = actions.find((a) => a.title === 'Remove this duplicate');
    assert.ok(remove?.edit?.changes, actions.map((a) => a.title).join(', '));
    const [edit] = remove.edit.changes[uri];
    assert.deepEqual(edit.range, { start: { line: 4000, character: 0 }, end: { line: 4001, character: 0 } });
  });

  test('answers requests the editor cancelled before they ran with RequestCancelled, without computing them', async () => {
    const uri = 'file:///cancel/elasticsearch.yml';
    const text = Array.from({ length: 20000 }, (_, i) => `cluster.remote.r${i}.seeds: ["host${i}:9300"]\n`).join('');
    await session.open(uri, text);
    // A change makes the next request parse the file again; the ones queued behind it are cancelled meanwhile.
    const changed = session.change(uri, 'cluster.remote.r0.mode: sniff\n', {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
    const first = session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 17 },
    });
    const cancelled: Array<Promise<unknown>> = [];
    for (let i = 0; i < 10; i++) {
      const source = new CancellationTokenSource();
      cancelled.push(
        session.connection.sendRequest(
          CompletionRequest.type,
          { textDocument: { uri }, position: { line: 1, character: 15 } },
          source.token,
        ),
      );
      source.cancel();
    }
    const outcomes = await Promise.allSettled(cancelled);
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 'rejected');
      assert.ok(outcome.reason instanceof ResponseError);
      assert.equal(outcome.reason.code, LSPErrorCodes.RequestCancelled);
    }
    assert.ok(await first);
    await changed;
  });

  test('reports JSON nested too deeply to parse as such, not as a syntax error at 0:0', async () => {
    const uri = 'file:///deep/x.cluster-settings.json';
    const diagnostics = await session.open(uri, '['.repeat(50000) + ']'.repeat(50000), 'json');
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.match(diagnostics[0].message as string, /nested too deeply/);
    assert.doesNotMatch(session.stderr, /Maximum call stack/);
  });

  test('keeps up with typing in an unrelated 1 MB YAML file, a completion per keystroke', async () => {
    const uri = 'file:///api/openapi.yaml';
    const text = Array.from({ length: 30000 }, (_, i) => `  /items/${i}:\n    get: {summary: "Item ${i}"}\n`).join('');
    assert.ok(text.length > 1_000_000);
    assert.deepEqual(await session.open(uri, `paths:\n${text}`), []);
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const position = { line: 2 + 2 * i, character: 4 };
      await session.type(uri, 'x', { start: position, end: position });
      await session.completion(uri, { line: position.line, character: 5 });
    }
    const perKeystroke = (performance.now() - started) / 20;
    // A full parse of this text takes hundreds of milliseconds; the pre-check a few.
    assert.ok(perKeystroke < 100, `${perKeystroke.toFixed(1)} ms per keystroke`);
  });

  test('does not check a file over 5 MiB, and says so when it looks like one of ours', async () => {
    const uri = 'file:///huge/elasticsearch.yml';
    const text = Array.from({ length: 160_000 }, (_, i) => `cluster.remote.r${i}.seeds: host${i}\n`).join('');
    assert.ok(text.length > 5 * 1024 * 1024);
    const started = performance.now();
    const diagnostics = await session.open(uri, text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['file-too-large'],
    );
    assert.ok(performance.now() - started < 5000, 'answered without parsing');
    const unrelated = await session.open('file:///huge/openapi.yaml', `paths:\n${'  /x: {get: {summary: y}}\n'.repeat(250_000)}`);
    assert.deepEqual(unrelated, []);
  });
});
