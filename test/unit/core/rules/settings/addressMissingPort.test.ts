import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule address-missing-port', () => {
  test('flags a seed without a port and offers both model ports', () => {
    const text = 'cluster.remote.a.seeds: ["a.example.com:9300", "b.example.com"]\n';
    const finding = single('address-missing-port', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'b.example.com');
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      ['Add port 9443 (API-key model, remote cluster server port)', 'Add port 9300 (certificate model, transport port)'],
    );
    assert.equal(fixed('address-missing-port', text, {}, 1), text.replace('b.example.com"', 'b.example.com:9300"'));
  });

  test('prefers 9443 for an alias known to use the API-key model', () => {
    const finding = single(
      'address-missing-port',
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.example.com\n',
      {
        options: { keystoreCredentialAliases: ['a'] },
      },
    );
    assert.equal(finding.fixes?.[0].isPreferred, true);
    assert.equal(finding.fixes?.[1].isPreferred, false);
  });

  test('finds the part of a comma-separated seed string and JSON bodies', () => {
    assert.equal(single('address-missing-port', 'cluster.remote.a.seeds: a:9300, b\n').text, 'b');
    assert.equal(single('address-missing-port', '{"persistent": {"cluster.remote.a.seeds": ["x"]}}', { uri: BODY }).text, 'x');
  });

  test('accepts host:port, bracketed IPv6 with port and null', () => {
    assert.deepEqual(
      check('address-missing-port', 'cluster.remote.a.seeds: ["a:9300", "[::1]:9300", 10.0.0.1:9443]\ncluster.remote.b.seeds:\n'),
      [],
    );
  });
});
