import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eckServerNameSuggestion } from '../../../../client/src/flows/eckServerName';

const MANIFEST = {
  uri: 'file:///es.yaml',
  label: 'es.yaml',
  text: 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: quickstart\n  namespace: search\nspec:\n  version: 9.1.0\n  remoteClusterServer:\n    enabled: true\n  nodeSets:\n  - name: default\n    count: 1\n',
};

test("an ECK remote reached from outside gets <name>-es-remote-cluster.<namespace>.svc, from the connection's Service name or the open manifest", () => {
  assert.equal(
    eckServerNameSuggestion('lb.example.com:9443', 'https://quickstart-es-http.default.svc:9200', []),
    'quickstart-es-remote-cluster.default.svc',
  );
  assert.equal(
    eckServerNameSuggestion('203.0.113.7:9443', 'https://127.0.0.1:9200', [MANIFEST]),
    'quickstart-es-remote-cluster.search.svc',
  );
});

test('no suggestion inside Kubernetes, or when nothing says which ECK cluster the remote is', () => {
  assert.equal(eckServerNameSuggestion('quickstart-es-remote-cluster.default.svc:9443', undefined, [MANIFEST]), undefined);
  assert.equal(eckServerNameSuggestion('lb.example.com:9443', 'https://es.example.com:9200', []), undefined);
  assert.equal(
    eckServerNameSuggestion('lb.example.com:9443', undefined, [MANIFEST, { ...MANIFEST, uri: 'file:///b.yaml' }]),
    undefined,
  );
});
