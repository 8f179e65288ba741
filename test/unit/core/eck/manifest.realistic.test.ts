import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { applyFix } from '../../helpers';
import { eckFindings, manifest, summary } from './support';

/**
 * A realistic platform manifest: a hub cluster that searches two ECK clusters and an Elastic Cloud
 * deployment, a Secret with its keystore credentials, and a hand-made LoadBalancer Service. Every
 * finding below is a real problem (or a deliberate hint); everything else in the file is correct
 * and must stay silent.
 */
export const PLATFORM = `# Search platform: a hub cluster that searches two others, plus an external Elastic Cloud deployment.
apiVersion: v1
kind: Secret
metadata:
  name: hub-remote-keys
  namespace: search
stringData:
  cluster.remote.cloud.credentials: VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==
---
apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: hub
  namespace: search
spec:
  version: 9.1.0
  secureSettings:
    - secretName: hub-remote-keys
  remoteClusterServer:
    enabled: true
    service:
      spec:
        type: LoadBalancer
        ports:
          - name: rcs
            port: 443
  remoteClusters:
    - name: logs-west
      elasticsearchRef:
        name: west
      apiKey:
        access:
          search:
            names: ["logs-*"]
    - name: metrics-east
      elasticsearchRef:
        name: east
        namespace: monitoring
  nodeSets:
    - name: masters
      count: 3
      config:
        node.roles: [master, remote_cluster_client]
        cluster.remote.cloud.mode: proxy
        cluster.remote.cloud.proxy_address: my-deployment.es.us-east-1.aws.elastic-cloud.com:9443
        cluster.remote.cloud.server_name: my-deployment.es.us-east-1.aws.elastic-cloud.com
        xpack.security.remote_cluster_client.ssl.certificate_authorities: [ "remote-certs/cloud-ca.crt" ]
      podTemplate:
        spec:
          containers:
            - name: elasticsearch
              volumeMounts:
                - name: cloud-ca
                  mountPath: /usr/share/elasticsearch/config/remote-certs
          volumes:
            - name: cloud-ca
              secret:
                secretName: cloud-ca
    - name: data
      count: 4
      config:
        node.roles: [data, ingest, remote_cluster_client]
        remote_cluster_server.enabled: true
---
apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: west
  namespace: search
spec:
  version: 8.15.3
  nodeSets:
    - name: default
      count: 3
      config:
        remote_cluster:
          port: 9400
---
apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: east
  namespace: monitoring
spec:
  version: 9.1.0
  remoteClusterServer:
    enabled: true
  nodeSets:
    - name: default
      count: 3
      config:
        cluster.name: east-monitoring
---
apiVersion: v1
kind: Service
metadata:
  name: west-transport-lb
  namespace: search
spec:
  type: LoadBalancer
  selector:
    elasticsearch.k8s.elastic.co/cluster-name: west
  ports:
    - name: transport
      port: 9300
      targetPort: 9300
`;

describe('realistic multi-document manifest', () => {
  test('produces exactly the expected findings, from ECK and elasticsearch.yml rules alike', () => {
    assert.deepEqual(summary(eckFindings(PLATFORM)), [
      // hub: the LoadBalancer listens on 443 without targetPort 9443
      '26:19 error eck-service-target-port [443]',
      // hub → west with an API key, but west has no remote cluster server
      '30:15 warning eck-api-key-remote-without-server [west]',
      // hub → east: certificate model on 9.x, across namespaces without a service account
      '35:13 info eck-certificate-model-deprecated [metrics-east]',
      '38:20 info eck-cross-namespace-remote [monitoring]',
      // hub, masters: Cloud remote without skip_unavailable (default changed in 8.15)
      '44:24 info skip-unavailable-default [cloud]',
      // (hub, masters: the client CA list is appended to the one ECK writes for the API-key remote: nothing to say)
      // hub, data: no client CA although masters have one; redundant server switch
      '59:13 warning eck-trust-setting-not-in-every-nodeset [data]',
      '63:9 info eck-remote-cluster-server-in-config [remote_cluster_server.enabled]',
      // west: remote_cluster.port without a server, and not 9443
      '77:11 warning eck-remote-cluster-settings-without-server [port]',
      '77:17 error eck-remote-cluster-port [9400]',
      // east: overrides a setting ECK reserves
      '92:9 warning eck-reserved-setting [cluster.name]',
    ]);
  });

  test('leaves only the hints once every preferred quick fix is applied', () => {
    let text = PLATFORM;
    // Apply every preferred fix, one at a time (spans move after each edit).
    for (let round = 0; round < 20; round++) {
      const document = manifest(text);
      const next = analyze(document).findings.find((f) => f.fixes?.some((fix) => fix.isPreferred));
      if (!next) break;
      text = applyFix(
        document,
        next,
        next.fixes!.findIndex((fix) => fix.isPreferred),
      );
    }
    const remaining = summary(eckFindings(text)).map((line) => line.replace(/^\d+:\d+ /, ''));
    // Enabling west's remote cluster server (the fix for its stray remote_cluster.port) also
    // satisfies hub's API-key connection to it. The data nodeSet still lacks the client CA the
    // masters have: that has no automatic fix.
    assert.deepEqual(remaining, [
      'info eck-certificate-model-deprecated [metrics-east]',
      'info eck-cross-namespace-remote [monitoring]',
      'info skip-unavailable-default [cloud]',
      'warning eck-trust-setting-not-in-every-nodeset [data]',
    ]);
  });

  test('reports every finding at a position inside the document it concerns', () => {
    const document = manifest(PLATFORM);
    for (const finding of analyze(document).findings) {
      const text = document.text.slice(finding.span.start, finding.span.end);
      assert.ok(text.trim().length > 0, `${finding.ruleId} points at blank text`);
    }
  });
});
