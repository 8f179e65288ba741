import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, ECK, eckManifest, single } from './harness';

describe('rule remote-cluster-server-missing-certificate', () => {
  test('flags an enabled server with TLS on and no key material', () => {
    const finding = single(
      'remote-cluster-server-missing-certificate',
      'remote_cluster_server.enabled: true\nremote_cluster.host: _site_\n',
    );
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'remote_cluster_server.enabled');
  });

  test('names the missing half', () => {
    const finding = single(
      'remote-cluster-server-missing-certificate',
      'remote_cluster_server.enabled: true\nxpack.security.remote_cluster_server.ssl.key: k.pem\n',
    );
    assert.match(finding.message, /no `certificate`/);
  });

  test('accepts key + certificate, a keystore, TLS off, and ECK (which injects certificates)', () => {
    const P = 'xpack.security.remote_cluster_server.ssl.';
    assert.deepEqual(
      check(
        'remote-cluster-server-missing-certificate',
        `remote_cluster_server.enabled: true\n${P}key: k.pem\n${P}certificate: c.pem\n`,
      ),
      [],
    );
    assert.deepEqual(
      check('remote-cluster-server-missing-certificate', `remote_cluster_server.enabled: true\n${P}keystore.path: k.p12\n`),
      [],
    );
    assert.deepEqual(
      check('remote-cluster-server-missing-certificate', `remote_cluster_server.enabled: true\n${P}enabled: false\n`),
      [],
    );
    assert.deepEqual(
      check('remote-cluster-server-missing-certificate', eckManifest('remote_cluster_server.enabled: true\n'), { uri: ECK }),
      [],
    );
  });
});
