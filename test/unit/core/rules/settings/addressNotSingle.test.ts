import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule address-not-single', () => {
  test('flags proxy_address given as a list and unwraps a single item', () => {
    const text = 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: ["a.example.com:9443"]\n';
    const finding = single('address-not-single', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '["a.example.com:9443"]');
    assert.equal(
      fixed('address-not-single', text),
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.example.com:9443\n',
    );
  });

  test('unwraps a block list', () => {
    const text =
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address:\n  - a.example.com:9443\ncluster.remote.a.server_name: a.example.com\n';
    assert.equal(
      fixed('address-not-single', text),
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.example.com:9443\ncluster.remote.a.server_name: a.example.com\n',
    );
  });

  test('flags comma-separated addresses in proxy_address (no fix) and in a JSON body', () => {
    const finding = single('address-not-single', 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a:9443,b:9443\n');
    assert.equal(finding.text, 'a:9443,b:9443');
    assert.equal(finding.fixes, undefined);
    assert.equal(
      single('address-not-single', '{"persistent": {"cluster.remote.a.proxy_address": "a:9443, b:9443"}}', { uri: BODY }).text,
      'a:9443, b:9443',
    );
  });

  test('flags a seed entry holding two space-separated addresses', () => {
    assert.equal(single('address-not-single', 'cluster.remote.a.seeds: ["a:9300 b:9300"]\n').text, 'a:9300 b:9300');
  });

  test('accepts one proxy address and several seeds', () => {
    assert.deepEqual(
      check(
        'address-not-single',
        'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a:9443\ncluster.remote.b.seeds: [b:9300, c:9300]\ncluster.remote.c.seeds: d:9300,e:9300\n',
      ),
      [],
    );
  });
});
