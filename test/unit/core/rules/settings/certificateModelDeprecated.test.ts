import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

const text = 'cluster.remote.a.seeds: ["a.example.com:9300"]\n';

describe('rule certificate-model-deprecated', () => {
  test('notes the deprecated certificate model on 9.0 and later', () => {
    const finding = single('certificate-model-deprecated', text, { options: { stackVersion: '9.0.0' } });
    assert.equal(finding.severity, 'info');
    assert.equal(finding.text, 'a.example.com:9300');
    assert.match(finding.message, /deprecated since Elasticsearch 9\.0/);
  });

  test('uses the keystore list when known', () => {
    const finding = single(
      'certificate-model-deprecated',
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: "lb.example.com:443"\n',
      {
        options: { stackVersion: '9.1.0', keystoreCredentialAliases: [] },
      },
    );
    assert.equal(finding.text, 'lb.example.com:443');
  });

  test('leaves port 9443 without credentials to certificate-model-port: that is a missing key, not a choice of model', () => {
    assert.deepEqual(
      check('certificate-model-deprecated', 'cluster.remote.a.seeds: ["a:9443"]\n', {
        options: { stackVersion: '9.1.0', keystoreCredentialAliases: [] },
      }),
      [],
    );
  });

  test('stays silent before 9.0, without a version, and for API-key aliases', () => {
    assert.deepEqual(check('certificate-model-deprecated', text, { options: { stackVersion: '8.17.0' } }), []);
    assert.deepEqual(check('certificate-model-deprecated', text), []);
    assert.deepEqual(
      check('certificate-model-deprecated', text, { options: { stackVersion: '9.0.0', keystoreCredentialAliases: ['a'] } }),
      [],
    );
    assert.deepEqual(
      check('certificate-model-deprecated', 'cluster.remote.a.seeds: ["a:9443"]\n', { options: { stackVersion: '9.0.0' } }),
      [],
    );
  });
});
