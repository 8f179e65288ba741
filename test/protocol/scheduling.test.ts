import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionResolveRequest, type CompletionItem, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';
import { elasticsearch } from '../unit/core/eck/fixtures';

/**
 * The language server's own behaviour around the analysis (needs `npm run build`: it drives
 * dist/server.js like an editor): documentation sent on demand, re-checks caused by other files.
 */
describe('language server scheduling and lazy completion documentation', () => {
  let session: LspSession;
  before(async () => {
    session = new LspSession();
    await session.initialize();
  });
  after(async () => {
    await session.shutdown();
  });

  const resolve = (item: CompletionItem) => session.connection.sendRequest(CompletionResolveRequest.type, item);

  test('sends completion items without documentation and fills it in on resolve', async () => {
    const uri = 'file:///lazy/elasticsearch.yml';
    await session.open(uri, 'cluster.remote.west.mode: proxy\ncluster.remote.west.\n');
    const items = await session.completion(uri, { line: 1, character: 'cluster.remote.west.'.length });
    const proxyAddress = items.find((item) => item.filterText === 'cluster.remote.west.proxy_address');
    assert.ok(proxyAddress, items.map((item) => item.label).join(', '));
    assert.equal(proxyAddress.documentation, undefined, 'the list stays small');
    const resolved = await resolve(proxyAddress);
    assert.match((resolved.documentation as MarkupContent).value, /cluster\.remote\.west\.proxy_address/);
    assert.match((resolved.documentation as MarkupContent).value, /Which port\?/);
    assert.equal(resolved.label, proxyAddress.label);
    assert.deepEqual(resolved.textEdit, proxyAddress.textEdit);
  });

  test('leaves an item of an older version as it is instead of guessing its documentation', async () => {
    const uri = 'file:///stale/elasticsearch.yml';
    await session.open(uri, 'cluster.remote.west.mode: proxy\ncluster.remote.west.\n');
    const items = await session.completion(uri, { line: 1, character: 'cluster.remote.west.'.length });
    const item = items.find((candidate) => candidate.filterText === 'cluster.remote.west.server_name');
    assert.ok(item);
    await session.change(uri, 'cluster.remote.east.mode: sniff\n');
    const resolved = await resolve(item);
    assert.equal(resolved.documentation, undefined);
  });

  test('re-checks an open manifest when another open file defines what it refers to', async () => {
    const hubUri = 'file:///k8s/hub.yaml';
    const hub = elasticsearch(
      'hub',
      'version: 8.15.0\nremoteClusters:\n  - name: west\n    elasticsearchRef:\n      name: west\n    apiKey: {}',
    );
    const before = await session.open(hubUri, hub);
    assert.ok(!before.some((d) => d.code === 'eck-api-key-remote-without-server'), 'target unknown so far');
    const recheck = session.nextDiagnostics(hubUri);
    await session.open('file:///k8s/west.yaml', elasticsearch('west', 'version: 8.15.0'));
    const after = (await recheck).diagnostics;
    assert.ok(
      after.some((d) => d.code === 'eck-api-key-remote-without-server'),
      after.map((d) => d.code).join(', '),
    );
  });
});
