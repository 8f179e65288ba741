import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule address-scheme-or-path', () => {
  test('flags a URL and rewrites it as host:port', () => {
    const text = 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: "https://a.example.com:9443/"\n';
    const finding = single('address-scheme-or-path', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'https://a.example.com:9443/');
    assert.equal(fixed('address-scheme-or-path', text), text.replace('https://a.example.com:9443/', 'a.example.com:9443'));
  });

  test('flags a trailing path', () => {
    assert.equal(single('address-scheme-or-path', 'cluster.remote.a.seeds: [a.example.com:9243/]\n').text, 'a.example.com:9243/');
  });

  test('offers no fix when the rest has no port', () => {
    assert.equal(single('address-scheme-or-path', 'cluster.remote.a.seeds: ["https://a.example.com"]\n').fixes, undefined);
  });

  test('accepts plain host:port', () => {
    assert.deepEqual(check('address-scheme-or-path', 'cluster.remote.a.seeds: ["a.example.com:9443"]\n'), []);
  });
});
