import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withConfig } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

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
