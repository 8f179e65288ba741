import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { summarizeYamlText } from '../../../../server/src/core/eck/workspace';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { SEED_004_MANIFEST } from './seed004';
import { manifest } from './support';

const MULTI = `
  # kustomize base: no namespaces, several kinds
  apiVersion: v1
  kind: Secret
  metadata:
    name: remote-api-keys
  stringData:
    cluster.remote.west.credentials: c29tZS1rZXk=
  ---
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: east
  spec:
    version: 8.15.3
    remoteClusterServer:
      enabled: true
    secureSettings:
      - secretName: remote-api-keys
    remoteClusters:
      - name: west
        elasticsearchRef:
          name: west
          namespace: other
        apiKey:
          access:
            search:
              names: ["logs-*"]
    nodeSets:
      - name: masters
        count: 3
        config:
          node.roles: [master]
      - name: data
        count: 2
        podTemplate:
          spec:
            containers:
              - name: elasticsearch
                volumeMounts:
                  - name: remote-ca
                    mountPath: /usr/share/elasticsearch/config/remote-certs
            volumes:
              - name: remote-ca
                secret:
                  secretName: remote-ca
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: east-rcs-lb
  spec:
    type: LoadBalancer
    selector:
      elasticsearch.k8s.elastic.co/cluster-name: east
    ports:
      - port: 443
        targetPort: 9443
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: elastic-operator
  spec:
    template:
      spec:
        containers:
          - name: manager
            image: docker.elastic.co/eck/eck-operator:3.2.0
`;

describe('ECK manifest model', () => {
  test('finds an operator image whose name is spelt with an escape, and none in a text that cannot name one', () => {
    // The walk for images is skipped only where the text can hold no image value: neither the name
    // nor a backslash (a double-quoted escape such as \u002d spells the hyphen).
    const escaped = MULTI.replace(
      'image: docker.elastic.co/eck/eck-operator:3.2.0',
      'image: "docker.elastic.co/eck/eck\\u002doperator:3.2.1"',
    );
    assert.ok(!escaped.includes('eck-operator'));
    assert.deepEqual(
      manifest(escaped).eck!.operatorVersions.map((v) => v.value),
      ['3.2.1'],
    );
    const withoutImage = MULTI.replace(
      'image: docker.elastic.co/eck/eck-operator:3.2.0',
      'image: docker.elastic.co/eck/other:3.2.0',
    );
    assert.deepEqual(manifest(withoutImage).eck!.operatorVersions, []);
  });

  test('finds Elasticsearch, Secret and Service objects and the operator version in a multi-document file', () => {
    const document = manifest(MULTI);
    assert.equal(document.kind, 'eck-manifest');
    const eck = document.eck!;
    assert.deepEqual(
      eck.elasticsearches.map((es) => es.name?.value),
      ['east'],
    );
    assert.deepEqual(
      eck.secrets.map((s) => [s.name?.value, s.entries.map((e) => e.key)]),
      [['remote-api-keys', ['cluster.remote.west.credentials']]],
    );
    assert.deepEqual(
      eck.services.map((s) => s.selector['elasticsearch.k8s.elastic.co/cluster-name']),
      ['east'],
    );
    assert.deepEqual(
      eck.operatorVersions.map((v) => v.value),
      ['3.2.0'],
    );

    const es = eck.elasticsearches[0];
    assert.equal(es.crdVersion, 'v1');
    assert.equal(es.stackVersion?.minor, 15);
    assert.equal(es.remoteClusterServerEnabled, true);
    assert.equal(es.namespace, undefined);
    const [west] = es.remoteClusters;
    assert.equal(west.name?.value, 'west');
    assert.equal(west.refNamespace?.value, 'other');
    assert.ok(west.apiKeyField && west.accessField);
    assert.deepEqual(
      es.secureSettings.map((s) => s.secretName?.value),
      ['remote-api-keys'],
    );
    // Spans point into the file.
    assert.equal(document.text.slice(west.refName!.span.start, west.refName!.span.end), 'west');
    assert.equal(document.text.slice(es.version!.span.start, es.version!.span.end), '8.15.3');
  });

  test('links each nodeSet config to the settings scope the analysis runs on, with stack version', () => {
    const es = manifest(MULTI).eck!.elasticsearches[0];
    const [masters, data] = es.nodeSets;
    assert.equal(masters.scope?.origin, 'eck-config');
    assert.equal(masters.scope?.stackVersion, '8.15.3');
    assert.deepEqual(
      masters.scope?.occurrences.map((o) => o.key),
      ['node.roles'],
    );
    assert.equal(data.scope, undefined);
    assert.deepEqual(
      data.volumes.map((v) => v.value),
      ['remote-ca'],
    );
    assert.deepEqual(
      data.volumeMounts.map((m) => [m.container, m.name?.value, m.mountPath?.value]),
      [['elasticsearch', 'remote-ca', '/usr/share/elasticsearch/config/remote-certs']],
    );
  });

  test('reads v1beta1 resources and partial documents such as kustomize patches', () => {
    const document = manifest(`
      apiVersion: elasticsearch.k8s.elastic.co/v1beta1
      kind: Elasticsearch
      metadata: { name: legacy }
      spec:
        version: 7.17.0
      ---
      apiVersion: elasticsearch.k8s.elastic.co/v1
      kind: Elasticsearch
      metadata:
        name: east
      spec:
        remoteClusterServer:
          enabled: true
    `);
    const [legacy, patch] = document.eck!.elasticsearches;
    assert.equal(legacy.crdVersion, 'v1beta1');
    assert.equal(legacy.name?.value, 'legacy');
    assert.equal(patch.version, undefined);
    assert.equal(patch.nodeSets.length, 0);
    assert.equal(patch.remoteClusterServerEnabled, true);
  });

  test('treats only the YAML boolean true as enabled', () => {
    const es = manifest(`
      apiVersion: elasticsearch.k8s.elastic.co/v1
      kind: Elasticsearch
      metadata: { name: a }
      spec:
        remoteClusterServer:
          enabled: "true"
    `).eck!.elasticsearches[0];
    assert.equal(es.remoteClusterServerEnabled, false);
  });

  test('never throws on wrong types or broken YAML, and the analysis still runs', () => {
    const odd = [
      'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec: 5\n',
      'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  remoteClusters: {a: 1}\n  nodeSets: "x"\n  secureSettings: [1, null, [2]]\n',
      'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  remoteClusters:\n    - 7\n    - [a]\n    - name: [x]\n      elasticsearchRef: 3\n      apiKey: true\n',
      'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  transport:\n    service:\n      spec:\n        ports: [1, {port: [x]}]\n  nodeSets:\n    - podTemplate: {spec: {containers: [{volumeMounts: [3, {name: 4}]}]}}\n',
      'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  nodeSets: [\n',
      '---\n---\napiVersion: elasticsearch.k8s.elastic.co/v1\n---\nkind: Secret\napiVersion: v1\ndata: [1]\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: [x]\n  ports: {a: b}\n---\napiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\n',
    ];
    for (const text of odd) {
      const document = parseConfigDocument({ uri: 'file:///k8s/odd.yaml', text });
      assert.equal(document.kind, 'eck-manifest', text);
      const result = analyze(document);
      assert.deepEqual(result.ruleErrors, [], text);
      assert.doesNotThrow(() => summarizeYamlText('file:///k8s/odd.yaml', text));
    }
  });

  test('summarises other workspace files by name and key, never by secret value', () => {
    const summary = summarizeYamlText('file:///k8s/base.yaml', MULTI.replace(/^ {2}/gm, ''));
    assert.deepEqual(summary.elasticsearches, [
      { uri: 'file:///k8s/base.yaml', name: 'east', namespace: undefined, version: '8.15.3', remoteClusterServerEnabled: true },
    ]);
    assert.deepEqual(summary.secrets, [
      { uri: 'file:///k8s/base.yaml', name: 'remote-api-keys', namespace: undefined, keys: ['cluster.remote.west.credentials'] },
    ]);
    assert.deepEqual(summary.operatorVersions, ['3.2.0']);
    assert.ok(!JSON.stringify(summary).includes('c29tZS1rZXk='));
    assert.deepEqual(summarizeYamlText('file:///x/values.yaml', 'replicaCount: 2\n'), {
      elasticsearches: [],
      secrets: [],
      operatorVersions: [],
    });
  });

  test('reads ConfigMaps, and Secret and ConfigMap volumes with their items', () => {
    const document = manifest(SEED_004_MANIFEST);
    const eck = document.eck!;
    assert.deepEqual(
      eck.configMaps.map((c) => [c.name?.value, c.entries.map((e) => e.key)]),
      [['quickstart-trust', ['trust.yml']]],
    );
    const nodeSet = eck.elasticsearches[0].nodeSets[0];
    assert.deepEqual(
      nodeSet.volumeSources.map((v) => [v.name.value, v.kind, v.objectName?.value, v.items]),
      [
        ['ce-aws-cert', 'Secret', 'ce-aws-cert', undefined],
        ['quickstart-trust', 'ConfigMap', 'quickstart-trust', undefined],
      ],
    );
    const withItems = manifest(
      SEED_004_MANIFEST.replace(
        'secretName: ce-aws-cert',
        'secretName: ce-aws-cert\n                items: [{key: ca.crt, path: ece-ca.crt}]',
      ),
    );
    const first = withItems.eck!.elasticsearches[0].nodeSets[0];
    assert.deepEqual(first.volumeSources[0].items, [{ key: 'ca.crt', path: 'ece-ca.crt' }]);
    const summary = summarizeYamlText('file:///k8s/trust.yaml', SEED_004_MANIFEST);
    assert.deepEqual(
      summary.configMaps?.map((c) => [c.name, c.keys]),
      [['quickstart-trust', ['trust.yml']]],
    );
  });
});
