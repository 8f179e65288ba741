import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule mode-setting-mismatch', () => {
  test('flags seeds in proxy mode and removes them', () => {
    const text =
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.example.com:9443\ncluster.remote.a.seeds: ["a:9300"]\n';
    const finding = single('mode-setting-mismatch', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'cluster.remote.a.seeds');
    assert.match(finding.message, /only applies in sniff mode/);
    assert.equal(
      fixed('mode-setting-mismatch', text),
      'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a.example.com:9443\n',
    );
  });

  test('removes a nested sniff key with its block list', () => {
    const text =
      'cluster:\n  remote:\n    a:\n      mode: proxy\n      node_connections: 3\n      seeds:\n        - a:9300\n        - b:9300\n      proxy_address: a.example.com:9443\n';
    const found = check('mode-setting-mismatch', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['node_connections', 'seeds'],
    );
    assert.equal(
      fixed('mode-setting-mismatch', text, {}, 0, 1),
      'cluster:\n  remote:\n    a:\n      mode: proxy\n      node_connections: 3\n      proxy_address: a.example.com:9443\n',
    );
  });

  test('flags proxy settings when mode is left at its sniff default and offers to set mode: proxy', () => {
    const text = 'cluster.remote.a.proxy_address: a.example.com:9443\ncluster.remote.a.server_name: a.example.com\n';
    const found = check('mode-setting-mismatch', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['cluster.remote.a.proxy_address', 'cluster.remote.a.server_name'],
    );
    assert.match(found[0].message, /sniff mode \(the default/);
    assert.equal(found[0].fixes?.[1].title, "Set mode to 'proxy'");
    const result = fixed('mode-setting-mismatch', text, {}, 1);
    assert.equal(result, `cluster.remote.a.mode: proxy\n${text}`);
    assert.deepEqual(check('mode-setting-mismatch', result), []);
  });

  test('in a _cluster/settings body sets the stale key to null (covers a mode switch)', () => {
    const text =
      '{"persistent": {"cluster.remote.a.mode": "proxy", "cluster.remote.a.proxy_address": "a:9443", "cluster.remote.a.seeds": ["a:9300"]}}';
    const finding = single('mode-setting-mismatch', text, { uri: BODY });
    assert.match(finding.message, /set it to null/);
    assert.equal(fixed('mode-setting-mismatch', text, { uri: BODY }), text.replace('["a:9300"]', 'null'));
  });

  test('accepts a null seeds in proxy mode (that is how a switch clears it) and matching modes', () => {
    assert.deepEqual(
      check(
        'mode-setting-mismatch',
        '{"persistent": {"cluster.remote.a.mode": "proxy", "cluster.remote.a.proxy_address": "a:9443", "cluster.remote.a.seeds": null}}',
        { uri: BODY },
      ),
      [],
    );
    assert.deepEqual(
      check(
        'mode-setting-mismatch',
        'cluster.remote.a.seeds: ["a:9300"]\ncluster.remote.a.node_connections: 3\ncluster.remote.a.skip_unavailable: true\n',
      ),
      [],
    );
  });
});
