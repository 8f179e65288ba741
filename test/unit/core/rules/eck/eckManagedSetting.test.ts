import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withConfig } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

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
    const client = 'xpack.security.remote_cluster_client.ssl.certificate_authorities: remote-certs/ca.crt';
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

  test('near miss: a list of CAs, which ECK appends to its own list instead of replacing it', () => {
    const apiKey =
      'version: 8.15.0\nremoteClusterServer:\n  enabled: true\nremoteClusters:\n  - name: b\n    elasticsearchRef: {name: b}\n    apiKey:\n      access:\n        search:\n          names: ["*"]';
    const lists = [
      'xpack.security.remote_cluster_client.ssl.certificate_authorities: [remote-certs/ca.crt]',
      'xpack.security.remote_cluster_server.ssl.certificate_authorities: [remote-certs/ca.crt]',
    ].join('\n');
    assert.deepEqual(eckFindingsOf('eck-managed-setting', withConfig(lists, apiKey)), []);
  });
});
