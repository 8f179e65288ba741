import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

const apiKey = { options: { keystoreCredentialAliases: ['a'] } };

describe('rule api-key-port-mismatch', () => {
  test('warns when an API-key alias targets the transport port and switches it to 9443', () => {
    const text = 'cluster.remote.a.seeds: ["a1.example.com:9300", "a2.example.com:9443"]\n';
    const finding = single('api-key-port-mismatch', text, apiKey);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'a1.example.com:9300');
    assert.equal(fixed('api-key-port-mismatch', text, apiKey), text.replace(':9300', ':9443'));
  });

  test('also catches the Cloud certificate proxy port 9400', () => {
    const text =
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.es.io:9400\ncluster.remote.a.server_name: a.es.io\n';
    assert.equal(single('api-key-port-mismatch', text, apiKey).text, 'a.es.io:9400');
  });

  test('stays silent for certificate-model aliases, unknown keystores and port 9443', () => {
    assert.deepEqual(check('api-key-port-mismatch', 'cluster.remote.a.seeds: ["a:9300"]\n'), []);
    assert.deepEqual(
      check('api-key-port-mismatch', 'cluster.remote.a.seeds: ["a:9300"]\n', { options: { keystoreCredentialAliases: ['b'] } }),
      [],
    );
    assert.deepEqual(check('api-key-port-mismatch', 'cluster.remote.a.seeds: ["a:9443"]\n', apiKey), []);
  });
});
