import { dedent } from '../../helpers';

/**
 * The manifest the certificate-model page for ECK and ECE ends with: the ECE CA in a Secret, the
 * trust.yml in a ConfigMap, both mounted in every nodeSet and named by the two transport settings.
 * https://www.elastic.co/docs/deploy-manage/remote-clusters/ece-enable-ccs-for-eck
 */
export const SEED_004_MANIFEST = dedent(`
  apiVersion: v1
  kind: Secret
  metadata:
    name: ce-aws-cert
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
  data:
    trust.yml: |
      trust.subject_name:
        - "*.default.es.local"
        - "*.ece.local"
  ---
  apiVersion: elasticsearch.k8s.elastic.co/v1
  kind: Elasticsearch
  metadata:
    name: quickstart
  spec:
    version: 8.15.0
    transport:
      service:
        spec:
          type: LoadBalancer
    nodeSets:
      - name: masters
        count: 3
        config:
          node.roles: [master, remote_cluster_client]
          xpack.security.transport.ssl.certificate_authorities:
            - /usr/share/elasticsearch/config/other/ece-ca.crt
          xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust-filter/trust.yml
        podTemplate:
          spec:
            containers:
              - name: elasticsearch
                volumeMounts:
                  - mountPath: /usr/share/elasticsearch/config/other
                    name: ce-aws-cert
                  - mountPath: /usr/share/elasticsearch/config/trust-filter
                    name: quickstart-trust
            volumes:
              - name: ce-aws-cert
                secret:
                  secretName: ce-aws-cert
              - configMap:
                  name: quickstart-trust
                name: quickstart-trust
      - name: data
        count: 2
        config:
          node.roles: [data, remote_cluster_client]
          xpack.security.transport.ssl.certificate_authorities:
            - /usr/share/elasticsearch/config/other/ece-ca.crt
          xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust-filter/trust.yml
        podTemplate:
          spec:
            containers:
              - name: elasticsearch
                volumeMounts:
                  - mountPath: /usr/share/elasticsearch/config/other
                    name: ce-aws-cert
                  - mountPath: /usr/share/elasticsearch/config/trust-filter
                    name: quickstart-trust
            volumes:
              - name: ce-aws-cert
                secret:
                  secretName: ce-aws-cert
              - configMap:
                  name: quickstart-trust
                name: quickstart-trust
`);
