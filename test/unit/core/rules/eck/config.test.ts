import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch, withConfig } from '../../eck/fixtures';
import { eckFindings, eckFindingsOf, fixed } from '../../eck/support';

describe('eck-remote-cluster-server-in-config (rule 64)', () => {
  test('warns and moves the switch to spec.remoteClusterServer.enabled', () => {
    const text = withConfig('remote_cluster_server.enabled: true\nnode.roles: [master, data]');
    const found = eckFindingsOf('eck-remote-cluster-server-in-config', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['warning', 'remote_cluster_server.enabled']],
    );
    const after = fixed(text, 'eck-remote-cluster-server-in-config');
    assert.equal(
      after,
      elasticsearch(
        'a',
        `
        version: 8.15.0
        remoteClusterServer:
          enabled: true
        nodeSets:
          - name: default
            count: 3
            config:
              node.roles: [master, data]
      `,
      ),
    );
    assert.deepEqual(
      eckFindings(after).filter((f) => f.ruleId.startsWith('eck-')),
      [],
    );
  });

  test('removes nested forms whole and turns on an existing remoteClusterServer block', () => {
    const text = withConfig('remote_cluster_server:\n  enabled: true', 'version: 8.15.0\nremoteClusterServer:\n  enabled: false');
    const after = fixed(text, 'eck-remote-cluster-server-in-config');
    assert.match(after, /remoteClusterServer:\n {4}enabled: true\n/);
    assert.doesNotMatch(after, /remote_cluster_server/);
  });

  test('flags `false` that switches off a server the spec enables, and a redundant `true`', () => {
    const spec = 'version: 8.15.0\nremoteClusterServer:\n  enabled: true';
    assert.deepEqual(
      eckFindingsOf('eck-remote-cluster-server-in-config', withConfig('remote_cluster_server.enabled: false', spec)).map(
        (f) => f.severity,
      ),
      ['warning'],
    );
    const redundant = eckFindingsOf(
      'eck-remote-cluster-server-in-config',
      withConfig('remote_cluster_server.enabled: true', spec),
    );
    assert.deepEqual(
      redundant.map((f) => [f.severity, f.tags]),
      [['info', ['unnecessary']]],
    );
  });

  test('is silent for `false` on a cluster without the server and for the spec field itself', () => {
    assert.deepEqual(
      eckFindingsOf('eck-remote-cluster-server-in-config', withConfig('remote_cluster_server.enabled: false')),
      [],
    );
    assert.deepEqual(
      eckFindingsOf(
        'eck-remote-cluster-server-in-config',
        elasticsearch('a', 'version: 8.15.0\nremoteClusterServer:\n  enabled: true'),
      ),
      [],
    );
  });
});

describe('eck-remote-cluster-port (rule 65)', () => {
  test('is an error for any port but 9443 and removes the setting', () => {
    const text = withConfig('remote_cluster:\n  port: 9444\nnode.roles: [master]');
    const found = eckFindingsOf('eck-remote-cluster-port', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', '9444']],
    );
    assert.equal(fixed(text, 'eck-remote-cluster-port'), withConfig('node.roles: [master]'));
  });
  test('is silent for 9443 and in elasticsearch.yml', () => {
    assert.deepEqual(eckFindingsOf('eck-remote-cluster-port', withConfig('remote_cluster.port: 9443')), []);
    assert.deepEqual(
      eckFindingsOf('eck-remote-cluster-port', 'remote_cluster.port: 9444\n', {}, 'file:///etc/elasticsearch/elasticsearch.yml'),
      [],
    );
  });
});

describe('eck-managed-setting (rule 66)', () => {
  const rcs = 'version: 8.15.0\nremoteClusterServer:\n  enabled: true';
  test('warns about server settings ECK writes when the remote cluster server is enabled', () => {
    const text = withConfig(
      'remote_cluster.publish_host: es.example.com\nxpack.security.remote_cluster_server.ssl.key: /x/key.pem\nremote_cluster.tcp.keep_alive: true',
      rcs,
    );
    const found = eckFindingsOf('eck-managed-setting', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['remote_cluster.publish_host', 'xpack.security.remote_cluster_server.ssl.key'],
    );
    assert.ok(found.every((f) => f.fixes?.[0].title.startsWith('Remove')));
  });

  test('warns about client TLS settings only when an ECK-managed remote uses an API key', () => {
    const client = 'xpack.security.remote_cluster_client.ssl.certificate_authorities: [remote-certs/ca.crt]';
    const apiKey =
      'version: 8.15.0\nremoteClusters:\n  - name: b\n    elasticsearchRef: {name: b}\n    apiKey:\n      access:\n        search:\n          names: ["*"]';
    assert.equal(eckFindingsOf('eck-managed-setting', withConfig(client, apiKey)).length, 1);
    assert.deepEqual(
      eckFindingsOf('eck-managed-setting', withConfig('xpack.security.remote_cluster_client.ssl.enabled: true', apiKey)),
      [],
    );
    assert.deepEqual(eckFindingsOf('eck-managed-setting', withConfig(client)), []);
    assert.deepEqual(eckFindingsOf('eck-managed-setting', withConfig('remote_cluster.publish_host: es.example.com')), []);
  });
});

describe('eck-reserved-setting (rule 67)', () => {
  test('warns about every key ECK reserves, in flat and nested form', () => {
    const text = withConfig(
      'cluster.name: mine\nnetwork:\n  host: 0.0.0.0\nxpack.security.transport.ssl.verification_mode: none',
    );
    const found = eckFindingsOf('eck-reserved-setting', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['cluster.name', 'host', 'xpack.security.transport.ssl.verification_mode'],
    );
    assert.equal(
      fixed(withConfig('cluster.name: mine\nnode.roles: [master]'), 'eck-reserved-setting'),
      withConfig('node.roles: [master]'),
    );
  });
  test('is silent for keys ECK leaves to you', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-reserved-setting',
        withConfig('node.roles: [master]\nxpack.security.transport.ssl.certificate_authorities: [a.crt]'),
      ),
      [],
    );
  });
});

describe('eck-alias-also-in-remote-clusters (rule 68)', () => {
  const spec = 'version: 8.15.0\nremoteClusters:\n  - name: west\n    elasticsearchRef: {name: west}';
  test('warns once per alias configured in both places, at the alias', () => {
    const found = eckFindingsOf(
      'eck-alias-also-in-remote-clusters',
      withConfig('cluster.remote.west.seeds: ["w:9300"]\ncluster.remote.west.skip_unavailable: true', spec),
    );
    assert.deepEqual(
      found.map((f) => [f.text, f.line]),
      [['west', 14]],
    );
    assert.equal(found[0].related?.length, 1);
  });
  test('is silent for other aliases', () => {
    assert.deepEqual(
      eckFindingsOf('eck-alias-also-in-remote-clusters', withConfig('cluster.remote.east.seeds: ["e:9300"]', spec)),
      [],
    );
  });
});

describe('eck-external-remote-ca (rule 72)', () => {
  test('explains where the CA of another ECK cluster comes from', () => {
    const found = eckFindingsOf(
      'eck-external-remote-ca',
      withConfig('cluster.remote.b.mode: proxy\ncluster.remote.b.proxy_address: b-es-remote-cluster.other.svc:9443'),
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /b-es-transport-certs-public/);
  });
  test('is silent once a client CA is configured, and for other hosts', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-external-remote-ca',
        withConfig(
          'cluster.remote.b.mode: proxy\ncluster.remote.b.proxy_address: b-es-remote-cluster.other.svc:9443\nxpack.security.remote_cluster_client.ssl.certificate_authorities: [b-ca/ca.crt]',
        ),
      ),
      [],
    );
    assert.deepEqual(
      eckFindingsOf('eck-external-remote-ca', withConfig('cluster.remote.b.seeds: ["remote.example.com:9443"]')),
      [],
    );
  });
});

describe('eck-trust-setting-not-in-every-nodeset', () => {
  const two = (dataConfig: string) =>
    elasticsearch(
      'a',
      dedent(`
      version: 8.15.0
      nodeSets:
        - name: masters
          count: 3
          config:
            xpack.security.remote_cluster_client.ssl.certificate_authorities: [remote-certs/ca.crt]
        - name: data
          count: 2
    `) + dataConfig,
    );
  test('warns about the nodeSet that lacks a remote-cluster trust setting', () => {
    const found = eckFindingsOf('eck-trust-setting-not-in-every-nodeset', two(''));
    assert.deepEqual(
      found.map((f) => f.text),
      ['data'],
    );
    assert.match(found[0].message, /nodeSet `masters`/);
  });
  test('is silent when every nodeSet has it', () => {
    const text = two(
      '    config:\n      xpack.security.remote_cluster_client.ssl.certificate_authorities: [remote-certs/ca.crt]\n',
    );
    assert.deepEqual(eckFindingsOf('eck-trust-setting-not-in-every-nodeset', text), []);
  });
});

describe('eck-trust-file-not-mounted', () => {
  const mounted = (mountPath: string) =>
    elasticsearch(
      'a',
      dedent(`
      version: 8.15.0
      nodeSets:
        - name: default
          count: 1
          config:
            xpack.security.remote_cluster_client.ssl.certificate_authorities: [ "remote-certs/ca.crt" ]
          podTemplate:
            spec:
              containers:
                - name: elasticsearch
                  volumeMounts:
                    - name: remote-ca
                      mountPath: ${mountPath}
              volumes:
                - name: remote-ca
                  secret:
                    secretName: remote-ca
    `),
    );
  test('notes a CA path no mount provides', () => {
    const found = eckFindingsOf('eck-trust-file-not-mounted', mounted('/usr/share/elasticsearch/config/other'));
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['info', '"remote-certs/ca.crt"']],
    );
  });
  test('accepts mounted paths and the directories ECK fills', () => {
    assert.deepEqual(eckFindingsOf('eck-trust-file-not-mounted', mounted('/usr/share/elasticsearch/config/remote-certs/')), []);
    assert.deepEqual(
      eckFindingsOf(
        'eck-trust-file-not-mounted',
        withConfig(
          'xpack.security.transport.ssl.certificate_authorities: [/usr/share/elasticsearch/config/transport-certs/ca.crt]',
        ),
      ),
      [],
    );
  });
});

describe('settings rules run inside nodeSets[].config at exact positions', () => {
  test('reports an unknown remote-cluster key where it is written in the manifest', () => {
    const found = eckFindingsOf('unknown-setting', withConfig('cluster.remote.west.seed: ["w:9300"]'));
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'seed');
    assert.equal(found[0].line, 11);
  });
});

describe('eck-remote-cluster-settings-without-server (rule 32 on ECK)', () => {
  test('warns that remote_cluster.* does nothing while the spec leaves the server off, and turns it on', () => {
    const text = withConfig('remote_cluster.publish_port: 30443\nremote_cluster.tcp.keep_alive: true');
    const found = eckFindingsOf('eck-remote-cluster-settings-without-server', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text, f.related?.length]),
      [['warning', 'remote_cluster.publish_port', 1]],
    );
    assert.match(
      fixed(text, 'eck-remote-cluster-settings-without-server'),
      /version: 8\.15\.0\n {2}remoteClusterServer:\n {4}enabled: true\n/,
    );
  });
  test('is silent when the spec enables the server, or when the config does (the other rule handles that)', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-remote-cluster-settings-without-server',
        withConfig('remote_cluster.publish_port: 30443', 'version: 8.15.0\nremoteClusterServer:\n  enabled: true'),
      ),
      [],
    );
    assert.deepEqual(
      eckFindingsOf(
        'eck-remote-cluster-settings-without-server',
        withConfig('remote_cluster_server.enabled: true\nremote_cluster.publish_port: 30443'),
      ),
      [],
    );
  });
});
