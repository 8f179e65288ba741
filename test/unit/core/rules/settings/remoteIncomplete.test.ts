import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, ECK, eckManifest, single } from './harness';

describe('rule remote-incomplete', () => {
  test('warns about a proxy-mode alias without proxy_address', () => {
    const finding = single('remote-incomplete', 'cluster.remote.a.mode: proxy\n');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'cluster.remote.a.mode');
    assert.match(finding.message, /no `proxy_address`/);
  });

  test('is an error when other settings of the alias depend on it', () => {
    const finding = single('remote-incomplete', 'cluster.remote.a.node_connections: 3\ncluster.remote.a.seeds: []\n');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'cluster.remote.a.seeds');
    assert.match(finding.message, /sniff mode \(the default\)/);
  });

  test('checks ECK nodeSet config too', () => {
    const found = check('remote-incomplete', eckManifest('cluster.remote.a.mode: proxy\n'), { uri: ECK });
    assert.equal(found.length, 1);
  });

  test('does not judge _cluster/settings bodies, which may update a stored remote', () => {
    assert.deepEqual(
      check('remote-incomplete', '{"persistent": {"cluster.remote.a.skip_unavailable": true}}', { uri: BODY }),
      [],
    );
  });

  test('accepts enabled remotes', () => {
    assert.deepEqual(
      check(
        'remote-incomplete',
        'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a:9443\ncluster.remote.b.seeds: b:9300\n',
      ),
      [],
    );
  });
});
