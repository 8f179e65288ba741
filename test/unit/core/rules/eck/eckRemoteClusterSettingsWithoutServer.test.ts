import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withConfig } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

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
