/** Where the Diagnose code lens goes, and which connection it names. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aliasAnchors, lensConnection } from '../../../../client/src/diagnosis/aliases';
import type { ConnectionProfile } from '../../../../client/src/connections/profile';

describe('code lens anchors', () => {
  test('aliases in elasticsearch.yml (flat and nested) and in a _cluster/settings body, each once', () => {
    const yml =
      'cluster.remote.west.seeds: ["a:9300"]\ncluster:\n  remote:\n    east:\n      mode: proxy\n      proxy_address: b:9443\ncluster.remote.west.skip_unavailable: true\n';
    const anchors = aliasAnchors('file:///x/elasticsearch.yml', yml);
    assert.deepEqual(
      anchors.map((anchor) => anchor.alias),
      ['west', 'east'],
    );
    assert.equal(yml.slice(anchors[0].offset, anchors[0].offset + 4), 'west');
    const body = JSON.stringify({ persistent: { cluster: { remote: { north: { seeds: ['c:9300'] } } } } }, null, 2);
    assert.deepEqual(
      aliasAnchors('file:///x/settings.json', body).map((anchor) => anchor.alias),
      ['north'],
    );
    assert.deepEqual(aliasAnchors('file:///x/other.yml', 'foo: bar\n'), []);
  });

  test('ECK manifests: each spec.remoteClusters[].name gets a lens at the name, beside the aliases of the nodeSet config', () => {
    const manifest = [
      'apiVersion: elasticsearch.k8s.elastic.co/v1',
      'kind: Elasticsearch',
      'metadata:',
      '  name: local',
      'spec:',
      '  version: 8.15.0',
      '  remoteClusters:',
      '    - name: cluster-two',
      '      elasticsearchRef:',
      '        name: cluster-two',
      '    - elasticsearchRef: { name: unnamed }',
      '    - name: "bad.alias"',
      '      elasticsearchRef: { name: x }',
      '  nodeSets:',
      '    - name: default',
      '      count: 1',
      '      config:',
      '        cluster.remote.legacy.seeds: ["a:9300"]',
      '---',
      'apiVersion: elasticsearch.k8s.elastic.co/v1',
      'kind: Elasticsearch',
      'metadata: { name: other }',
      'spec:',
      '  version: 8.15.0',
      '  remoteClusters: [{ name: cluster-three, elasticsearchRef: { name: three } }, { name: cluster-two, elasticsearchRef: { name: two } }]',
      '',
    ].join('\n');
    const anchors = aliasAnchors('file:///k8s/es.yaml', manifest);
    assert.deepEqual(
      anchors.map((anchor) => anchor.alias),
      ['cluster-two', 'legacy', 'cluster-three'],
    );
    for (const anchor of anchors) assert.equal(manifest.slice(anchor.offset, anchor.offset + anchor.alias.length), anchor.alias);
    assert.equal(manifest.slice(0, anchors[0].offset).split('\n').length, 8, 'the lens sits on the line of the name');
  });

  test('lenses point at the only Elasticsearch connection, and at none when it is ambiguous', () => {
    const profile = (id: string, kind: ConnectionProfile['kind']): ConnectionProfile => ({
      id,
      name: id,
      kind,
      auth: 'apiKey',
      url: 'https://x:9200',
    });
    assert.equal(lensConnection([profile('a', 'elasticsearch'), profile('c', 'cloud')])?.id, 'a');
    assert.equal(lensConnection([profile('a', 'elasticsearch'), profile('b', 'elasticsearch')]), undefined);
    assert.equal(lensConnection([]), undefined);
  });
});
