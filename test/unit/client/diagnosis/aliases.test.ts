/** Where the Diagnose code lens goes, and which connection it names. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aliasAnchors, lensConnection } from '../../../../client/src/diagnosis/aliases';
import type { ConnectionProfile } from '../../../../client/src/connections/profile';

describe('code lens anchors', () => {
  test('aliases in elasticsearch.yml (flat and nested) and in a _cluster/settings body, each once', () => {
    const yml = 'cluster.remote.west.seeds: ["a:9300"]\ncluster:\n  remote:\n    east:\n      mode: proxy\n      proxy_address: b:9443\ncluster.remote.west.skip_unavailable: true\n';
    const anchors = aliasAnchors('file:///x/elasticsearch.yml', yml);
    assert.deepEqual(anchors.map((anchor) => anchor.alias), ['west', 'east']);
    assert.equal(yml.slice(anchors[0].offset, anchors[0].offset + 4), 'west');
    const body = JSON.stringify({ persistent: { cluster: { remote: { north: { seeds: ['c:9300'] } } } } }, null, 2);
    assert.deepEqual(aliasAnchors('file:///x/settings.json', body).map((anchor) => anchor.alias), ['north']);
    assert.deepEqual(aliasAnchors('file:///x/other.yml', 'foo: bar\n'), []);
  });

  test('lenses point at the only Elasticsearch connection, and at none when it is ambiguous', () => {
    const profile = (id: string, kind: ConnectionProfile['kind']): ConnectionProfile => ({ id, name: id, kind, auth: 'apiKey', url: 'https://x:9200' });
    assert.equal(lensConnection([profile('a', 'elasticsearch'), profile('c', 'cloud')])?.id, 'a');
    assert.equal(lensConnection([profile('a', 'elasticsearch'), profile('b', 'elasticsearch')]), undefined);
    assert.equal(lensConnection([]), undefined);
  });
});
