import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { elasticsearch } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

describe('eck-unknown-field', () => {
  test('moves an apiKey written under elasticsearchRef (older docs shape) to the remoteClusters entry', () => {
    const text = elasticsearch(
      'local',
      `
      version: 8.15.0
      remoteClusters:
        - name: west
          elasticsearchRef:
            name: west
            apiKey:
              access:
                search:
                  names: ["logs-*"]
            namespace: search
        - name: east
          elasticsearchRef:
            name: east
      `,
    );
    const found = eckFindingsOf('eck-unknown-field', text);
    assert.deepEqual(
      found.map((f) => [f.line, f.severity, f.text]),
      [[11, 'error', 'apiKey']],
    );
    assert.match(found[0].message, /certificate model/);
    const after = fixed(text, 'eck-unknown-field');
    assert.ok(
      after.includes(
        '      elasticsearchRef:\n        name: west\n        namespace: search\n      apiKey:\n        access:\n          search:\n            names: ["logs-*"]\n    - name: east',
      ),
      after,
    );
    assert.deepEqual(eckFindingsOf('eck-unknown-field', after), []);
  });

  test('suggests the closest field and renames it', () => {
    const text = elasticsearch(
      'local',
      `
      version: 8.15.0
      remoteClusterServer:
        enable: true
      remoteClusters:
        - name: west
          elasticsearch_ref:
            name: west
      transport:
        tls:
          certificateAuthority:
            configMapName: remote-cas
      `,
    );
    const found = eckFindingsOf('eck-unknown-field', text);
    assert.deepEqual(
      found.map((f) => [f.line, f.text]),
      [
        [8, 'enable'],
        [11, 'elasticsearch_ref'],
        [15, 'certificateAuthority'],
      ],
    );
    assert.match(found[0].message, /Did you mean `enabled`\?/);
    assert.match(found[1].message, /Did you mean `elasticsearchRef`\?/);
    assert.match(found[2].message, /Did you mean `certificateAuthorities`\?/);
    assert.deepEqual(found[0].fixes?.[0].edits[0].newText, 'enabled');
  });

  test('is silent on the shapes of ECK recipes: free-form query, Service templates, every known field', () => {
    const text = elasticsearch(
      'local',
      `
      version: 8.15.0
      remoteClusterServer:
        enabled: true
        service:
          metadata:
            annotations: {cloud.example.com/lb: internal}
          spec:
            type: LoadBalancer
            anythingKubernetesAccepts: true
      remoteClusters:
        - $patch: replace
        - name: west
          elasticsearchRef: {name: west, namespace: a, serviceName: s}
          apiKey:
            access:
              search:
                names: ["*"]
                query: {bool: {filter: [{term: {team: a}}]}}
                field_security: {grant: ["*"], except: []}
                allow_restricted_indices: false
              replication:
                names: ["x"]
      transport:
        service:
          spec: {type: LoadBalancer}
        tls:
          otherNameSuffix: example.com
          subjectAltNames: [{dns: es.example.com}, {ip: 10.0.0.1}]
          certificate: {secretName: ca}
          certificateAuthorities: {configMapName: cas}
          selfSignedCertificates: {disabled: true}
      `,
    );
    assert.deepEqual(eckFindingsOf('eck-unknown-field', text), []);
  });

  test('reports a misspelt top-level spec field and renames it', () => {
    const text = elasticsearch(
      'local',
      `
      version: 8.15.0
      nodesSets:
        - name: default
          count: 3
      `,
    );
    const found = eckFindingsOf('eck-unknown-field', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['nodesSets'],
    );
    assert.match(found[0].message, /not a field of `spec` .*Did you mean `nodeSets`\?/);
    assert.match(fixed(text, 'eck-unknown-field'), /^ {2}nodeSets:$/m);
  });

  test('reports a misspelt nodeSets[] field but leaves the free-form parts alone', () => {
    const text = elasticsearch(
      'local',
      `
      version: 8.15.0
      revisionHistoryLimit: 2
      http:
        tls:
          selfSignedCertificate:
            disabled: true
      nodeSets:
        - name: default
          cont: 3
          zoneAwareness: {}
          config:
            any.setting.at.all: 1
          podTemplate:
            spec:
              anything: [1]
          volumeClaimTemplates:
            - metadata:
                name: elasticsearch-data
              whatever: 1
      `,
    );
    const found = eckFindingsOf('eck-unknown-field', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['cont'],
    );
    assert.match(found[0].message, /not a field of `spec\.nodeSets\[\]` .*Did you mean `count`\?/);
  });

  test('does not judge spec keys a Helm template writes', () => {
    const text = elasticsearch(
      'local',
      `
      version: 8.15.0
      {{ .Values.extraField }}: 1
      nodeSets:
        - name: default
          count: 1
      `,
    );
    assert.deepEqual(eckFindingsOf('eck-unknown-field', text, {}, 'file:///chart/templates/elasticsearch.yaml'), []);
  });

  test('reports keys named like properties every JavaScript object has (constructor, toString) as unknown', () => {
    const text = elasticsearch(
      'local',
      `
      version: 8.15.0
      constructor: {}
      nodeSets:
        - name: default
          toString: x
      `,
    );
    assert.deepEqual(
      eckFindingsOf('eck-unknown-field', text).map((f) => f.text),
      ['constructor', 'toString'],
    );
  });
});
