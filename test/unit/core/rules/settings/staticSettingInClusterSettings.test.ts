import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule static-setting-in-cluster-settings', () => {
  test('flags a static setting in a _cluster/settings body and removes it', () => {
    const text =
      '{\n  "persistent": {\n    "cluster.remote.a.seeds": ["a:9300"],\n    "cluster.remote.initial_connect_timeout": "60s"\n  }\n}';
    const finding = single('static-setting-in-cluster-settings', text, { uri: BODY });
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '"cluster.remote.initial_connect_timeout"');
    assert.match(finding.message, /elasticsearch\.yml/);
    assert.equal(
      fixed('static-setting-in-cluster-settings', text, { uri: BODY }),
      '{\n  "persistent": {\n    "cluster.remote.a.seeds": ["a:9300"]\n  }\n}',
    );
  });

  test('flags nested server and TLS settings', () => {
    const found = check(
      'static-setting-in-cluster-settings',
      '{"persistent": {"remote_cluster": {"port": 9443}, "xpack.security.remote_cluster_client.ssl.enabled": true, "cluster.remote.a.seeds": ["a:9443"]}}',
      { uri: BODY },
    );
    assert.deepEqual(
      found.map((f) => f.text),
      ['"port"', '"xpack.security.remote_cluster_client.ssl.enabled"'],
    );
  });

  test('accepts dynamic settings in bodies and static ones in elasticsearch.yml', () => {
    assert.deepEqual(
      check(
        'static-setting-in-cluster-settings',
        '{"persistent": {"cluster.remote.a.seeds": ["a:9300"], "cluster.remote.a.skip_unavailable": true}}',
        { uri: BODY },
      ),
      [],
    );
    assert.deepEqual(
      check('static-setting-in-cluster-settings', 'remote_cluster.port: 9443\nremote_cluster_server.enabled: true\n'),
      [],
    );
  });

  test('refuses static search.remote settings in the API before 8.0, but not the dynamic per-alias ones', () => {
    const body =
      '{"persistent": {"search.remote.a.seeds": ["a:9300"], "search.remote.a.skip_unavailable": true, "search.remote.connections_per_cluster": 5}}';
    for (const stackVersion of ['5.6.0', '6.8.0', '7.17.0']) {
      const found = check('static-setting-in-cluster-settings', body, { uri: BODY, options: { stackVersion } });
      assert.deepEqual(
        found.map((f) => f.text),
        ['"search.remote.connections_per_cluster"'],
        stackVersion,
      );
    }
    // Removed in 8.0: legacy-search-remote reports it as an error instead.
    assert.deepEqual(check('static-setting-in-cluster-settings', body, { uri: BODY, options: { stackVersion: '8.0.0' } }), []);
  });
});
