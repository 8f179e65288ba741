import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeAt } from '../../../server/src/core/completion';
import type { CompletionCandidate } from '../../../server/src/core/types';
import { doc } from '../helpers';

/** Completion at the `|` in the text. */
function complete(textWithCursor: string, uri?: string): CompletionCandidate[] {
  const offset = textWithCursor.indexOf('|');
  assert.ok(offset >= 0, 'the fixture marks the cursor with |');
  return completeAt(doc(textWithCursor.replace('|', ''), uri), offset);
}

/** What each candidate stands for: the whole key for keys (their label is only what is left to type), else the label. */
const labels = (candidates: CompletionCandidate[]) =>
  candidates.map((c) => (c.kind === 'property' ? (c.filterText ?? c.label).replace(/^"/, '') : c.label));

describe('completion in elasticsearch.yml', () => {
  test('continues a flat prefix with the keys of an alias already in the file', () => {
    const items = complete('cluster.remote.west.seeds: ["w:9300"]\ncluster.remote.west.|');
    const found = labels(items);
    assert.ok(found.includes('cluster.remote.west.skip_unavailable'));
    assert.ok(found.includes('cluster.remote.west.transport.compress'));
    assert.ok(!found.includes('cluster.remote.west.seeds'), 'keys already set are not offered again');
    assert.ok(!found.includes('cluster.remote.west.credentials'), 'keystore-only keys are not offered');
    assert.ok(!found.includes('cluster.remote.west.proxy_address'), "the other mode's keys are not offered");
  });

  test("offers an alias's signing certificate and key, and the remote's signing CAs", () => {
    const found = labels(complete('cluster.remote.west.mode: proxy\ncluster.remote.west.|'));
    assert.ok(found.includes('cluster.remote.west.signing.certificate'));
    assert.ok(found.includes('cluster.remote.west.signing.key'));
    assert.ok(!found.includes('cluster.remote.west.signing.secure_key_passphrase'), 'keystore-only keys are not offered');
    assert.ok(labels(complete('cluster.remote.|')).includes('cluster.remote.signing.certificate_authorities'));
  });

  test('offers only proxy-mode keys to a proxy-mode alias, inside a nested map', () => {
    const found = labels(complete('cluster:\n  remote:\n    west:\n      mode: proxy\n      |'));
    assert.ok(found.includes('proxy_address'));
    assert.ok(found.includes('server_name'));
    assert.ok(!found.includes('seeds'));
    assert.ok(!found.includes('mode'));
  });

  test('offers alias names already used, and an alias placeholder, under cluster.remote', () => {
    const items = complete('cluster.remote.east.seeds: ["e:9300"]\ncluster:\n  remote:\n    |');
    const found = labels(items);
    assert.ok(found.includes('east.skip_unavailable'));
    assert.ok(found.includes('<alias>.mode'));
    const placeholder = items.find((c) => c.label === '<alias>.seeds');
    assert.match(placeholder?.insertText ?? '', /^\$\{1:remote_alias\}\.seeds: /);
    assert.ok(placeholder?.isSnippet);
  });

  test('offers keys at the top level and one level down', () => {
    assert.ok(labels(complete('|')).includes('remote_cluster_server.enabled'));
    const underCluster = labels(complete('cluster:\n  |'));
    assert.ok(underCluster.includes('remote.<alias>.mode'));
    assert.ok(underCluster.includes('remote.connections_per_cluster'));
    const underServer = labels(complete('remote_cluster:\n  |'));
    assert.ok(underServer.includes('port'));
    assert.ok(underServer.includes('tcp.keep_idle'));
  });

  test('documents each key with type, default, scope and a docs link', () => {
    const item = complete('cluster.remote.a.seeds: [a:9300]\ncluster.remote.a.|').find((c) => c.label === 'skip_unavailable');
    assert.ok(item, 'the label is what is left to type after the alias');
    assert.equal(item.filterText, 'cluster.remote.a.skip_unavailable', 'matched against the whole typed key');
    assert.match(item.documentation ?? '', /Default/);
    assert.match(item.documentation ?? '', /dynamic/);
    assert.match(item.documentation ?? '', /\]\(https:\/\/www\.elastic\.co\//);
    assert.equal(item.detail, 'cluster.remote.a.skip_unavailable · boolean · dynamic');
    assert.match(item.insertText, /^cluster\.remote\.a\.skip_unavailable: \$\{1\|true,false\|\}$/);
  });

  test('completes enum values: modes, compression, booleans', () => {
    assert.deepEqual(labels(complete('cluster.remote.a.mode: |')), ['sniff', 'proxy']);
    assert.deepEqual(labels(complete('cluster:\n  remote:\n    a:\n      mode: pr|')), ['sniff', 'proxy']);
    const compress = complete('cluster.remote.a.transport.compress: |');
    assert.deepEqual(labels(compress), ['true', 'false', 'indexing_data']);
    assert.match(compress[2].documentation ?? '', /raw indexing data/);
    assert.deepEqual(labels(complete('cluster.remote.a.transport.compression_scheme: |')), ['deflate', 'lz4']);
    assert.deepEqual(labels(complete('remote_cluster_server.enabled: |')), ['true', 'false']);
    const mode = complete('cluster.remote.a.mode: pro|');
    assert.deepEqual(mode[1].replaceSpan, { start: 'cluster.remote.a.mode: '.length, end: 'cluster.remote.a.mode: pro'.length });
  });

  test('offers whole-block snippets for both security models at the top level', () => {
    const items = complete('cluster.name: prod\n|');
    const apiKey = items.find((c) => c.label === 'remote-cluster-api-key-proxy');
    const certificate = items.find((c) => c.label === 'remote-cluster-certificate');
    assert.equal(apiKey?.kind, 'snippet');
    assert.match(apiKey?.insertText ?? '', /\.mode: proxy\n/);
    assert.match(apiKey?.insertText ?? '', /proxy_address: \$\{2:remote\.example\.com\}:9443/);
    assert.match(apiKey?.insertText ?? '', /elasticsearch-keystore add cluster\.remote\.\$\{1:remote_alias\}\.credentials/);
    assert.match(certificate?.insertText ?? '', /seeds: \[ "\$\{2:remote-node-1\}:9300" \]/);
    assert.match(apiKey?.documentation ?? '', /```yaml/);
  });

  test('offers nested alias blocks inside cluster.remote and none deeper', () => {
    const nested = complete('cluster:\n  remote:\n    |').find((c) => c.label === 'remote-cluster-api-key-proxy');
    assert.equal(nested?.insertText.split('\n')[0], '${1:remote_alias}:');
    assert.match(nested?.insertText ?? '', /\n {2}proxy_address: /);
    assert.equal(
      complete('cluster:\n  remote:\n    |').find((c) => c.label === 'remote-cluster-server'),
      undefined,
    );
    assert.deepEqual(
      complete('cluster:\n  remote:\n    a:\n      |').filter((c) => c.kind === 'snippet'),
      [],
    );
  });

  test('stays focused in files with many remotes: the alias being typed is expanded', () => {
    const many = Array.from({ length: 40 }, (_, i) => `cluster.remote.r${i}.seeds: ["h${i}:9300"]`).join('\n');
    const found = labels(complete(`${many}\ncluster.remote.r27|`));
    assert.ok(found.includes('cluster.remote.r27.skip_unavailable'));
    assert.ok(!found.some((l) => l.startsWith('cluster.remote.r3.')));
    assert.ok(found.length < 100, `${found.length} items`);
  });

  test('offers nothing in comments, in sequences or in unrelated YAML', () => {
    assert.deepEqual(complete('# cluster.remote.|'), []);
    assert.deepEqual(complete('cluster.remote.a.seeds:\n  - |'), []);
    assert.deepEqual(complete('name: app\n|', 'file:///x/values.yaml'), []);
  });
});

describe('completion in _cluster/settings bodies', () => {
  const uri = 'file:///requests/remote.json';

  test('offers only dynamic settings as quoted keys, and API-key blocks as properties', () => {
    const text = '{"persistent": {"cluster.remote.a.seeds": ["a:9443"], |}}';
    const items = complete(text, uri);
    const found = labels(items);
    assert.ok(found.includes('cluster.remote.a.skip_unavailable'));
    assert.ok(!found.includes('remote_cluster.port'), 'static settings are refused by the API');
    const skip = items.find((c) => c.label === 'cluster.remote.a.skip_unavailable');
    assert.match(skip?.insertText ?? '', /^"cluster\.remote\.a\.skip_unavailable": \$\{1\|true,false\|\}$/);
    const block = items.find((c) => c.label === 'remote-cluster-api-key-proxy');
    assert.match(block?.insertText ?? '', /"cluster\.remote\.\$\{1:remote_alias\}\.mode": "proxy",/);
    assert.equal(
      items.find((c) => c.label === 'remote-cluster-server'),
      undefined,
    );
  });

  test('quotes enum values but not booleans', () => {
    const text = '{"persistent": {"cluster.remote.a.mode": "|", "cluster.remote.a.skip_unavailable": true}}';
    assert.deepEqual(
      complete(text, uri).map((c) => c.insertText),
      ['"sniff"', '"proxy"'],
    );
  });
});

describe('completion of the certificate-model trust settings and trust.yml', () => {
  test('offers the transport trust settings of the certificate model in elasticsearch.yml', () => {
    const found = labels(complete('xpack.security.transport.ssl.|'));
    assert.ok(found.includes('xpack.security.transport.ssl.trust_restrictions.path'), found.join(', '));
    assert.ok(found.includes('xpack.security.transport.ssl.certificate_authorities'));
  });

  test('offers only trust.subject_name in a trust.yml, flat or under trust:', () => {
    const flat = complete('tr|', 'file:///ece/trust.yml');
    assert.deepEqual(
      flat.map((c) => c.label),
      ['trust.subject_name'],
    );
    assert.match(flat[0].insertText, /^trust\.subject_name:\n {2}- /);
    assert.deepEqual(
      complete('trust:\n  s|', 'file:///ece/trust.yml').map((c) => c.label),
      ['subject_name'],
    );
    assert.deepEqual(complete('trust.subject_name:\n  - |', 'file:///ece/trust.yml'), []);
  });
});
