import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { certificateTrustChange, type CertificateTrustPlan } from '../../../../server/src/core/eck/certificateTrust';
import { dedent } from '../../helpers';
import { manifest, MANIFEST_URI } from './support';

const PLAN: CertificateTrustPlan = {
  resourceIndex: 0,
  caSecretName: 'ece-ca',
  caFileName: 'ece-ca.crt',
  caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  trustConfigMapName: 'quickstart-trust',
  subjectNames: ['*.default.es.local', '*.node.quickstart.prod.es.local'],
};

const TWO_NODE_SETS = dedent(`
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: quickstart
    namespace: prod
  spec:
    version: 8.15.0
    nodeSets:
      - name: masters
        count: 3
        config:
          node.roles: [master]
          xpack.security.transport.ssl.certificate_authorities:
            - /usr/share/elasticsearch/config/other-ca/ca.crt
        podTemplate:
          spec:
            containers:
              - name: elasticsearch
                resources: {}
                volumeMounts:
                  - name: other-ca
                    mountPath: /usr/share/elasticsearch/config/other-ca
            volumes:
              - name: other-ca
                secret:
                  secretName: other-ca
      - name: data
        count: 2
`);

const EXPECTED = dedent(`
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: quickstart
    namespace: prod
  spec:
    version: 8.15.0
    nodeSets:
      - name: masters
        count: 3
        config:
          node.roles: [master]
          xpack.security.transport.ssl.certificate_authorities:
            - /usr/share/elasticsearch/config/other-ca/ca.crt
            - /usr/share/elasticsearch/config/other/ece-ca.crt
          xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust-filter/trust.yml
        podTemplate:
          spec:
            containers:
              - name: elasticsearch
                resources: {}
                volumeMounts:
                  - name: other-ca
                    mountPath: /usr/share/elasticsearch/config/other-ca
                  - name: ece-ca
                    mountPath: /usr/share/elasticsearch/config/other
                  - name: quickstart-trust
                    mountPath: /usr/share/elasticsearch/config/trust-filter
            volumes:
              - name: other-ca
                secret:
                  secretName: other-ca
              - name: ece-ca
                secret:
                  secretName: ece-ca
              - name: quickstart-trust
                configMap:
                  name: quickstart-trust
      - name: data
        count: 2
        config:
          xpack.security.transport.ssl.certificate_authorities:
            - /usr/share/elasticsearch/config/other/ece-ca.crt
          xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust-filter/trust.yml
        podTemplate:
          spec:
            containers:
            - name: elasticsearch
              volumeMounts:
                - name: ece-ca
                  mountPath: /usr/share/elasticsearch/config/other
                - name: quickstart-trust
                  mountPath: /usr/share/elasticsearch/config/trust-filter
            volumes:
              - name: ece-ca
                secret:
                  secretName: ece-ca
              - name: quickstart-trust
                configMap:
                  name: quickstart-trust
  ---
  apiVersion: v1
  kind: Secret
  metadata:
    name: ece-ca
    namespace: prod
  type: Opaque
  stringData:
    ece-ca.crt: |
      -----BEGIN CERTIFICATE-----
      MIIB
      -----END CERTIFICATE-----
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: quickstart-trust
    namespace: prod
  data:
    trust.yml: |
      trust.subject_name:
        - "*.default.es.local"
        - "*.node.quickstart.prod.es.local"
`);

describe('certificate-model trust edit (seed 004)', () => {
  test('adds settings, volumes and mounts to every nodeSet and appends the Secret and ConfigMap', () => {
    const result = certificateTrustChange(MANIFEST_URI, TWO_NODE_SETS, PLAN);
    assert.ok(result.ok, result.ok ? '' : result.problem);
    const { text, edit, nodeSets, added } = result.value;
    assert.deepEqual(nodeSets, ['masters', 'data']);
    assert.deepEqual(added, ['Secret ece-ca', 'ConfigMap quickstart-trust']);
    assert.equal(TWO_NODE_SETS.slice(0, edit.span.start) + edit.newText + TWO_NODE_SETS.slice(edit.span.end), text);
    assert.equal(text, EXPECTED);
    const document = manifest(text);
    assert.deepEqual(
      analyze(document).findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  test('changes nothing more when run again, and keeps other CAs of a scalar setting', () => {
    const once = certificateTrustChange(MANIFEST_URI, TWO_NODE_SETS, PLAN);
    assert.ok(once.ok);
    const twice = certificateTrustChange(MANIFEST_URI, once.value.text, PLAN);
    assert.ok(twice.ok);
    assert.equal(twice.value.text, once.value.text);
    assert.deepEqual(twice.value.added, []);
    const scalar = TWO_NODE_SETS.replace(
      'xpack.security.transport.ssl.certificate_authorities:\n          - /usr/share/elasticsearch/config/other-ca/ca.crt',
      'xpack.security.transport.ssl.certificate_authorities: /usr/share/elasticsearch/config/other-ca/ca.crt',
    );
    const result = certificateTrustChange(MANIFEST_URI, scalar, PLAN);
    assert.ok(result.ok);
    assert.match(
      result.value.text,
      /certificate_authorities: \["\/usr\/share\/elasticsearch\/config\/other-ca\/ca\.crt", "\/usr\/share\/elasticsearch\/config\/other\/ece-ca\.crt"\]/,
    );
  });

  test('refuses layouts it cannot edit safely, saying where', () => {
    const otherRestrictions = TWO_NODE_SETS.replace(
      'node.roles: [master]',
      'node.roles: [master]\n          xpack.security.transport.ssl.trust_restrictions.path: other.yml',
    );
    const result = certificateTrustChange(MANIFEST_URI, otherRestrictions, PLAN);
    assert.ok(!result.ok);
    assert.match(result.problem, /config of nodeSet "masters"/);
    const flow = certificateTrustChange(MANIFEST_URI, TWO_NODE_SETS.replace('count: 2', 'count: 2\n      config: {a: 1}'), PLAN);
    assert.ok(!flow.ok);
    assert.match(flow.problem, /config of nodeSet "data"/);
    const none = certificateTrustChange(MANIFEST_URI, 'apiVersion: v1\nkind: Secret\n', PLAN);
    assert.ok(!none.ok);
  });
});
