import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
