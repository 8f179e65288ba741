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

  test('checks search.remote aliases the same way while the name exists (5.x, 6.x, 7.x)', () => {
    const text = 'search.remote.a.skip_unavailable: true\n';
    for (const stackVersion of ['5.6.0', '6.2.0', '7.10.0']) {
      const finding = single('remote-incomplete', text, { options: { stackVersion } });
      assert.equal(finding.severity, 'error', stackVersion);
      assert.match(finding.message, /has no `seeds`.*Add `search\.remote\.a\.seeds: \["<host>:<port>"\]`\.$/, stackVersion);
      assert.doesNotMatch(finding.message, /mode/, 'search.remote had no proxy mode');
    }
    // From 8.0 the key is gone: legacy-search-remote says so, nothing else.
    assert.deepEqual(check('remote-incomplete', text, { options: { stackVersion: '8.1.0' } }), []);
  });

  test('takes seeds under either name as enabling the alias (7.x falls back between them)', () => {
    const options = { stackVersion: '7.10.0' };
    assert.deepEqual(
      check('remote-incomplete', 'search.remote.a.seeds: ["a:9300"]\ncluster.remote.a.skip_unavailable: true\n', { options }),
      [],
    );
    assert.deepEqual(
      check('remote-incomplete', 'cluster.remote.a.seeds: ["a:9300"]\nsearch.remote.a.skip_unavailable: true\n', { options }),
      [],
    );
  });
});
