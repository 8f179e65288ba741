/**
 * Protocol layer: the bundled language server (dist/server.js) spawned over stdio and driven by a
 * real LSP client, the way an editor drives it.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type Diagnostic,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { LspSession, textAt } from './lspSession';

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

const ES_YML = 'file:///project/config/elasticsearch.yml';
const ES_TEXT = [
  'cluster.name: local',
  'cluster.remote.west.mode: proxy',
  'cluster.remote.west.proxy_adress: west.example.com:9443',
  'cluster.remote.west.server_name: west.example.com',
  '',
].join('\n');

describe('language server over stdio', () => {
  let session: LspSession;

  before(async () => {
    session = new LspSession();
    await session.initialize();
  });

  after(async () => {
    await session.shutdown();
  });

  test('announces itself and the features it provides', () => {
    const result = session.initializeResult!;
    assert.equal(result.serverInfo?.name, 'elastic-remote-clusters');
    assert.ok(result.capabilities.completionProvider, 'completion');
    assert.ok(result.capabilities.hoverProvider, 'hover');
    assert.ok(result.capabilities.codeActionProvider, 'code actions');
  });

  test('publishes a diagnostic with code, source and exact range for a misspelt remote key', async () => {
    const diagnostics = await session.open(ES_YML, ES_TEXT);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-setting');
    assert.equal(unknown.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = unknown;
    assert.equal(diagnostic.source, 'elastic-remote-clusters');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(textAt(ES_TEXT, diagnostic.range), 'proxy_adress');
    assert.match(messageOf(diagnostic), /Did you mean `proxy_address`\?/);
    // The bundle links the code to the rule page shipped beside it (docs/rules in the VSIX).
    assert.equal(
      diagnostic.codeDescription?.href,
      pathToFileURL(resolve(__dirname, '..', '..', '..', 'docs', 'rules', 'unknown-setting.md')).href,
    );
  });

  test('offers a quick fix that renames the key', async () => {
    const diagnostics = session.published.filter((p) => p.uri === ES_YML).at(-1)!.diagnostics;
    const diagnostic = diagnostics.find((d) => d.code === 'unknown-setting')!;
    const actions = await session.codeActions(ES_YML, diagnostic.range, [diagnostic]);
    const rename = actions.find((a) => a.title === "Change to 'proxy_address'");
    assert.ok(rename, `actions: ${actions.map((a) => a.title).join(', ')}`);
    const edits = rename.edit?.changes?.[ES_YML] as TextEdit[];
    assert.deepEqual(
      edits.map((e) => e.newText),
      ['proxy_address'],
    );
    assert.equal(textAt(ES_TEXT, edits[0].range), 'proxy_adress');
  });

  test('clears the diagnostic once the document is corrected', async () => {
    const fixed = ES_TEXT.replace('proxy_adress', 'proxy_address');
    const diagnostics = await session.change(ES_YML, fixed);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'unknown-setting'),
      [],
    );
  });

  test('completes the remaining keys of an alias and not the ones already set', async () => {
    const text = ES_TEXT.replace('proxy_adress', 'proxy_address') + 'cluster.remote.west.';
    await session.change(ES_YML, text);
    const items = await session.completion(ES_YML, { line: 5, character: 'cluster.remote.west.'.length });
    const keys = items.map((item) => item.filterText ?? item.label);
    assert.ok(keys.includes('cluster.remote.west.skip_unavailable'), keys.join(', '));
    assert.ok(!keys.includes('cluster.remote.west.mode'), 'mode is already set');
    assert.ok(
      items.some((item) => item.label === 'skip_unavailable'),
      'the list shows what is left to type',
    );
  });

  test('explains a setting on hover', async () => {
    const hover = await session.hover(ES_YML, { line: 3, character: 24 });
    assert.ok(hover, 'a hover');
    const markdown = (hover.contents as MarkupContent).value;
    assert.match(markdown, /cluster\.remote\.west\.server_name/);
    assert.match(markdown, /SNI/);
  });

  test('re-checks open documents when the keystore aliases setting changes', async () => {
    const uri = 'file:///project/keystore/elasticsearch.yml';
    const text = 'cluster.remote.west.mode: proxy\ncluster.remote.west.proxy_address: west.example.com:9300\n';
    const before = await session.open(uri, text);
    assert.ok(!before.some((d) => d.code === 'api-key-port-mismatch'), 'model unknown: no port advice');
    const republished = session.nextDiagnostics(uri);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { elasticRemoteClusters: { keystoreCredentialAliases: ['west'] } },
    });
    const after = (await republished).diagnostics;
    const mismatch = after.find((d) => d.code === 'api-key-port-mismatch');
    assert.ok(mismatch, JSON.stringify(after));
    assert.equal(textAt(text, mismatch.range), 'west.example.com:9300');
  });

  test('stays silent on unrelated YAML and JSON', async () => {
    const yamlUri = 'file:///project/chart/values.yaml';
    assert.deepEqual(await session.open(yamlUri, 'replicaCount: 2\nimage:\n  repository: nginx\n'), []);
    assert.deepEqual(await session.completion(yamlUri, { line: 1, character: 0 }), []);
    assert.equal(await session.hover(yamlUri, { line: 0, character: 2 }), null);
    const jsonUri = 'file:///project/package.json';
    assert.deepEqual(await session.open(jsonUri, '{ "name": "x", "version": "1.0.0" }', 'json'), []);
  });

  test('checks `_cluster/settings` bodies in JSON', async () => {
    const uri = 'file:///project/requests/remote.json';
    const text = '{\n  "persistent": {\n    "cluster.remote.east.skip_unavailible": true\n  }\n}\n';
    const diagnostics = await session.open(uri, text, 'json');
    const unknown = diagnostics.find((d) => d.code === 'unknown-setting');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.equal(textAt(text, unknown.range), 'skip_unavailible');
  });

  test('checks Console request files: the body by its request line, and completes methods', async () => {
    const uri = 'file:///project/requests/setup.es';
    const text = [
      '# add the remote',
      'PUT _cluster/settings',
      '{',
      '  "persistent": {',
      '    "cluster.remote.west.mode": "proxy",',
      '    "cluster.remote.west.seeds": ["west.example.com:9300"]',
      '  }',
      '}',
      '',
      'POST /_security/cross_cluster/api_key',
      '{ "name": "k", "access": {} }',
      '',
      '',
    ].join('\n');
    const diagnostics = await session.open(uri, text, 'elasticsearch-console');
    const codes = diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
    assert.ok(codes.includes('mode-setting-mismatch@5'), codes.join(', '));
    assert.ok(codes.includes('api-key-empty-access@10'), codes.join(', '));
    const items = await session.completion(uri, { line: 12, character: 0 });
    const labels = items.map((item) => item.label);
    for (const method of ['GET', 'PUT', 'POST', 'DELETE']) assert.ok(labels.includes(method), labels.join(', '));
  });

  test('checks ECK manifests inside nodeSets[].config at the exact position', async () => {
    const uri = 'file:///project/k8s/cluster.yaml';
    const text = [
      'apiVersion: elasticsearch.k8s.elastic.co/v1',
      'kind: Elasticsearch',
      'metadata:',
      '  name: local',
      'spec:',
      '  version: 8.9.2',
      '  remoteClusterServer:',
      '    enabled: true',
      '  nodeSets:',
      '  - name: default',
      '    count: 1',
      '    config:',
      '      cluster.remote.west.sniff_mode: true',
      '',
    ].join('\n');
    const diagnostics = await session.open(uri, text);
    const version = diagnostics.find((d) => d.code === 'eck-remote-cluster-server-version');
    assert.ok(version, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(version.severity, DiagnosticSeverity.Error);
    const unknown = diagnostics.find((d) => d.code === 'unknown-setting');
    assert.ok(unknown);
    assert.equal(textAt(text, unknown.range), 'sniff_mode');
    assert.equal(unknown.range.start.line, 12);
  });

  test('survives malformed and binary-ish input and keeps answering', async () => {
    const uri = 'file:///project/broken/elasticsearch.yml';
    const diagnostics = await session.open(uri, 'cluster.remote.a.seeds: [\n  "x:1\n\u0000\u0007: : :\n\t- {');
    assert.ok(
      diagnostics.some((d) => d.code === 'yaml-syntax'),
      JSON.stringify(diagnostics),
    );
    await session.completion(uri, { line: 3, character: 3 });
    await session.hover(uri, { line: 0, character: 3 });
    // Still alive: a fresh document is analysed normally.
    const again = await session.open('file:///project/other/elasticsearch.yml', 'cluster.remote.b.sedes: ["h:9300"]\n');
    assert.ok(again.some((d) => d.code === 'unknown-setting'));
  });

  test('checks every edited version afresh: a JSON body, a YAML file, one document of a multi-document manifest', async () => {
    const manifest = (name: string, config: string) =>
      [
        'apiVersion: elasticsearch.k8s.elastic.co/v1',
        'kind: Elasticsearch',
        `metadata: { name: ${name} }`,
        'spec:',
        '  version: 8.15.0',
        '  nodeSets:',
        '  - name: default',
        '    count: 1',
        '    config:',
        `      ${config}`,
      ].join('\n');
    const files: Array<[string, string, string]> = [
      ['file:///project/edits/settings.json', '{ "persistent": { "cluster.remote.east.skip_unavailable": true } }\n', 'json'],
      ['file:///project/edits/elasticsearch.yml', 'cluster.remote.east.skip_unavailable: true\n', 'yaml'],
      [
        'file:///project/edits/clusters.yaml',
        `${manifest('one', 'cluster.remote.west.mode: proxy')}\n---\n${manifest('two', 'cluster.remote.east.skip_unavailable: true')}\n`,
        'yaml',
      ],
    ];
    for (const [uri, text, languageId] of files) {
      const unknownSettings = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'unknown-setting');
      assert.deepEqual(unknownSettings(await session.open(uri, text, languageId)), [], uri);
      // The key is misspelt, then spelt right again, then misspelt: each version's diagnostics follow it.
      const at = text.indexOf('skip_unavailable') + 'skip_unavail'.length;
      const line = text.slice(0, at).split('\n').length - 1;
      const character = at - (text.lastIndexOf('\n', at - 1) + 1);
      const replace = (letter: string) =>
        session.change(uri, letter, { start: { line, character }, end: { line, character: character + 1 } });
      for (const [letter, expected] of [
        ['i', 1],
        ['a', 0],
        ['i', 1],
      ] as const) {
        const found = unknownSettings(await replace(letter));
        assert.equal(found.length, expected, `${uri} after typing ${letter}`);
        if (expected) assert.equal(found[0].range.start.line, line, uri);
      }
      await session.close(uri);
    }
  });

  test('a JSON body edited piece by piece gets the diagnostics a fresh open of each version gets', async () => {
    // The server parses an edit inside a settings block from the previous version's parse (jsonEdit.ts):
    // whatever it reuses, each version's diagnostics must be those of the same text opened afresh.
    const uri = 'file:///project/pieces/cluster-settings.json';
    let text = [
      '{',
      '  "persistent": {',
      '    "cluster.remote.west.mode": "proxy",',
      '    "cluster.remote.west.proxy_address": "west.example.com",',
      '    "cluster": {',
      '      "remote": {',
      '        "east": {',
      '          "seeds": ["east-1:9300", "east-2"],',
      '          "skip_unavailable": "maybe"',
      '        }',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const summary = (diagnostics: Diagnostic[]) =>
      diagnostics
        .map(
          (d) =>
            `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
        )
        .sort();
    const fresh = async (version: number) => {
      const other = `file:///project/pieces/fresh-${version}.json`;
      const diagnostics = await session.open(other, text, 'json');
      await session.close(other);
      return summary(diagnostics);
    };
    const opened = summary(await session.open(uri, text, 'json'));
    assert.deepEqual(opened, await fresh(0));
    assert.ok(opened.length >= 3, opened.join('\n'));
    const edits: Array<[string, string]> = [
      ['west.example.com', 'west.example.com:9443'], // a port typed: one finding fewer
      ['"east-2"', '"east-2:9300"'],
      ['"maybe"', 'true'],
      ['"proxy",', '"proxy",\n    "cluster.remote.west.server_name": "west example",'], // a setting pasted: lines move
      ['"east-1:9300", ', ''],
      ['"proxy"', '"proxi"'],
    ];
    for (const [index, [before, after]] of edits.entries()) {
      const at = text.indexOf(before);
      const start = textPosition(text, at);
      const end = textPosition(text, at + before.length);
      text = text.slice(0, at) + after + text.slice(at + before.length);
      const diagnostics = summary(await session.change(uri, after, { start, end }));
      assert.deepEqual(diagnostics, await fresh(index + 1), `after replacing ${before}`);
    }
    await session.close(uri);
  });

  test('drops diagnostics of a closed document', async () => {
    const uri = 'file:///project/closing/elasticsearch.yml';
    await session.open(uri, 'cluster.remote.c.sedes: ["h:9300"]\n');
    const cleared = session.nextDiagnostics(uri);
    await session.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });
});

/** The line and character of an offset. */
function textPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
