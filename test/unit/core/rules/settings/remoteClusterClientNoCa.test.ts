import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

const apiKey = { options: { keystoreCredentialAliases: ['a'] } };

describe('rule remote-cluster-client-no-ca', () => {
  test('notes an API-key remote without a trusted CA', () => {
    const finding = single('remote-cluster-client-no-ca', 'cluster.remote.a.seeds: ["a.internal:9443"]\n', apiKey);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.text, 'a');
  });

  test('stays silent with a CA, for Cloud endpoints, and for unknown or certificate models', () => {
    assert.deepEqual(
      check(
        'remote-cluster-client-no-ca',
        'cluster.remote.a.seeds: ["a.internal:9443"]\nxpack.security.remote_cluster_client.ssl.certificate_authorities: [ca.crt]\n',
        apiKey,
      ),
      [],
    );
    assert.deepEqual(
      check(
        'remote-cluster-client-no-ca',
        'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: x.es.io:9443\n',
        apiKey,
      ),
      [],
    );
    assert.deepEqual(check('remote-cluster-client-no-ca', 'cluster.remote.a.seeds: ["a.internal:9443"]\n'), []);
  });

  test('does not ask for a CA when remote-cluster client TLS is switched off in the same file', () => {
    const text = 'cluster.remote.a.seeds: ["a.internal:9443"]\nxpack.security.remote_cluster_client.ssl.enabled: false\n';
    assert.deepEqual(check('remote-cluster-client-no-ca', text, apiKey), []);
  });
});
