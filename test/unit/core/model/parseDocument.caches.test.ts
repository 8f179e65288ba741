import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { resolveKey } from '../../../../server/src/core/catalog/lookup';
import { completeAt } from '../../../../server/src/core/completion';
import type { EckWorkspaceSummary } from '../../../../server/src/core/eck/workspaceSummary';
import { hoverAt } from '../../../../server/src/core/hover';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import type { ConfigDocument } from '../../../../server/src/core/model/configDocument';
import { EckWorkspaceIndex } from '../../../../server/src/lsp/workspaceIndex';
import { elasticsearch } from '../eck/fixtures';
import { doc } from '../../helpers';

/**
 * The analysis remembers work per parse (aliases, addresses, indexes of an ECK manifest, what
 * completion knows about a file) and per analysis options (the workspace summary). These tests
 * edit a document or change the options between two requests and check that the answer follows.
 */

const ES_YML = 'file:///cfg/elasticsearch.yml';

/** Completion labels at the end of the last `needle` in the document. */
function labelsAt(document: ConfigDocument, needle: string): string[] {
  const offset = document.text.lastIndexOf(needle) + needle.length;
  // Keys by what they match (the whole key); labels show only what is left to type.
  return completeAt(document, offset).map((candidate) => candidate.filterText ?? candidate.label);
}

function ruleIds(document: ConfigDocument, options = {}): string[] {
  return analyze(document, options).findings.map((finding) => finding.ruleId);
}

describe('caches follow edits and options', () => {
  test('completion offers the keys of an alias added by an edit, and stops offering keys written since', () => {
    const before = doc('cluster.remote.west.mode: proxy\ncluster.remote.\n');
    assert.ok(labelsAt(before, 'cluster.remote.').includes('cluster.remote.west.proxy_address'));
    assert.ok(!labelsAt(before, 'cluster.remote.').some((label) => label.startsWith('cluster.remote.east.')));

    const after = doc(
      'cluster.remote.west.mode: proxy\ncluster.remote.west.proxy_address: w:9443\ncluster.remote.east.mode: sniff\ncluster.remote.\n',
    );
    const labels = labelsAt(after, 'cluster.remote.');
    assert.ok(labels.includes('cluster.remote.east.seeds'), labels.join(', '));
    assert.ok(!labels.includes('cluster.remote.west.proxy_address'), 'already written in the new version');
  });

  test('diagnostics and hover follow an edit of the addresses and the mode of an alias', () => {
    const missingPort = doc('cluster.remote.west.seeds: [west.example.com]\n');
    assert.ok(ruleIds(missingPort).includes('address-missing-port'));
    const fixed = doc('cluster.remote.west.seeds: [west.example.com:9300]\n');
    assert.ok(!ruleIds(fixed).includes('address-missing-port'));

    const sniff = doc('cluster.remote.west.mode: sniff\ncluster.remote.west.seeds: [w:9300]\n');
    assert.match(hoverAt(sniff, sniff.text.indexOf('west'))?.markdown ?? '', /sniff mode, enabled/);
    const proxy = doc('cluster.remote.west.mode: proxy\ncluster.remote.west.seeds: [w:9300]\n');
    assert.match(hoverAt(proxy, proxy.text.indexOf('west'))?.markdown ?? '', /proxy mode, not enabled/);
  });

  test('one parse analysed with another workspace summary answers for that summary', () => {
    const hub = parseConfigDocument({
      uri: 'file:///k8s/hub.yaml',
      text: elasticsearch(
        'hub',
        'version: 8.15.0\nremoteClusters:\n  - name: west\n    elasticsearchRef:\n      name: west\n    apiKey: {}',
      ),
    });
    const workspace = (enabled: boolean): { eckWorkspace: EckWorkspaceSummary } => ({
      eckWorkspace: {
        elasticsearches: [{ uri: 'file:///k8s/west.yaml', name: 'west', version: '8.15.0', remoteClusterServerEnabled: enabled }],
        secrets: [],
        operatorVersions: [],
      },
    });
    assert.ok(ruleIds(hub, workspace(false)).includes('eck-api-key-remote-without-server'));
    assert.ok(!ruleIds(hub, workspace(true)).includes('eck-api-key-remote-without-server'));
    assert.ok(!ruleIds(hub, {}).includes('eck-api-key-remote-without-server'), 'target unknown without a workspace');
    assert.ok(ruleIds(hub, workspace(false)).includes('eck-api-key-remote-without-server'), 'and back');
  });

  test('an ECK manifest edit that renames a Secret changes what the keystore is known to hold', () => {
    const secret = (name: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\nstringData:\n  cluster.remote.west.credentials: x\n`;
    const cluster = elasticsearch(
      'local',
      'version: 8.15.0\nsecureSettings:\n  - secretName: keys\nnodeSets:\n  - name: default\n    count: 1\n    config:\n      cluster.remote.west.mode: proxy\n      cluster.remote.west.proxy_address: west.example.com:9300',
    );
    const found = parseConfigDocument({ uri: 'file:///k8s/local.yaml', text: `${secret('keys')}---\n${cluster}` });
    assert.ok(ruleIds(found).includes('api-key-port-mismatch'), 'API-key model known from the Secret: 9300 is wrong');
    const renamed = parseConfigDocument({ uri: 'file:///k8s/local.yaml', text: `${secret('other')}---\n${cluster}` });
    assert.ok(!ruleIds(renamed).includes('api-key-port-mismatch'), 'the referenced Secret is gone: the model is unknown again');
  });

  test('resolves keys the same way however many other keys were resolved in between', () => {
    const before = resolveKey('cluster.remote.west.seeds');
    for (let i = 0; i < 60_000; i++) resolveKey(`cluster.remote.r${i}.mode`);
    const after = resolveKey('cluster.remote.west.seeds');
    assert.deepEqual(after, before);
    assert.equal(after.def?.key, 'cluster.remote.<alias>.seeds');
    assert.equal(after.alias, 'west');
  });
});

describe('one parse per document version', () => {
  test('the parse resolves every key once, and the rules see the same result', () => {
    const document = parseConfigDocument({ uri: ES_YML, text: 'cluster:\n  remote:\n    west.seeds: [w:9300]\n' });
    const [occurrence] = document.scopes[0].occurrences;
    assert.equal(occurrence.key, 'cluster.remote.west.seeds');
    assert.equal(occurrence.resolved.alias, 'west');
    assert.equal(occurrence.resolved.def?.type, 'address-list');
    assert.equal(document.scopes[0].byKey.get('cluster.remote.west.seeds'), occurrence);
    // Key segments are worked out on demand, from the nested keys and the dotted leaf key.
    assert.deepEqual(
      occurrence.segments.map((s) => document.text.slice(s.span.start, s.span.end)),
      ['cluster', 'remote', 'west', 'seeds'],
    );
    assert.equal(occurrence.keyStart, 0);
    assert.equal(occurrence.segments, occurrence.segments, 'worked out once');
  });

  test('the workspace index reads an open document from its parse, and follows its edits', () => {
    const secret = (name: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\nstringData:\n  cluster.remote.west.credentials: x\n`;
    const index = new EckWorkspaceIndex(() => undefined);
    const uri = 'file:///k8s/secrets.yaml';
    const parsed = parseConfigDocument({ uri, text: secret('remote-keys') });
    // Same parse, other text: what the index holds comes from the parse, not from parsing the text again.
    index.updateFromDocument({ ...parsed, text: secret('not-parsed-again') });
    assert.deepEqual(
      index.summaryExcluding('file:///k8s/other.yaml').secrets.map((s) => [s.name, s.keys]),
      [['remote-keys', ['cluster.remote.west.credentials']]],
    );
    index.updateFromDocument(parseConfigDocument({ uri, text: secret('renamed') }));
    assert.deepEqual(
      index.summaryExcluding('file:///k8s/other.yaml').secrets.map((s) => s.name),
      ['renamed'],
    );
  });
});
