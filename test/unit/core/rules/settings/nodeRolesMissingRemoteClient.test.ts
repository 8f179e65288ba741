import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule node-roles-missing-remote-client', () => {
  test('warns when node.roles omits remote_cluster_client on a node with remotes, and adds it to a flow list', () => {
    const text = 'node.roles: [ master, data ]\ncluster.remote.a.seeds: ["a:9300"]\n';
    const finding = single('node-roles-missing-remote-client', text);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'node.roles');
    assert.equal(
      fixed('node-roles-missing-remote-client', text),
      'node.roles: [ master, data, remote_cluster_client ]\ncluster.remote.a.seeds: ["a:9300"]\n',
    );
  });

  test('names every alias concerned', () => {
    const text =
      'node.roles: [data]\ncluster.remote.a.seeds: ["a:9300"]\ncluster.remote.b.seeds: ["b:9300"]\ncluster.remote.c.mode: proxy\ncluster.remote.c.proxy_address: c:9443\n';
    assert.match(single('node-roles-missing-remote-client', text).message, /\(`a`, `b` and `c`\)/);
  });

  test('adds it to a block list and to an empty list', () => {
    const block = 'node.roles:\n  - data # hot tier\ncluster.remote.a.seeds: ["a:9300"]\n';
    assert.equal(
      fixed('node-roles-missing-remote-client', block),
      'node.roles:\n  - data # hot tier\n  - remote_cluster_client\ncluster.remote.a.seeds: ["a:9300"]\n',
    );
    const empty = 'node.roles: []\ncluster.remote.a.seeds: ["a:9300"]\n';
    assert.equal(
      fixed('node-roles-missing-remote-client', empty),
      'node.roles: [remote_cluster_client]\ncluster.remote.a.seeds: ["a:9300"]\n',
    );
  });

  test('is silent with the role, with node.roles unset, or without remotes', () => {
    assert.deepEqual(
      check(
        'node-roles-missing-remote-client',
        'node.roles: [data, remote_cluster_client]\ncluster.remote.a.seeds: ["a:9300"]\n',
      ),
      [],
    );
    assert.deepEqual(check('node-roles-missing-remote-client', 'cluster.remote.a.seeds: ["a:9300"]\n'), []);
    assert.deepEqual(check('node-roles-missing-remote-client', 'node.roles: [data]\nremote_cluster_server.enabled: true\n'), []);
  });
});
