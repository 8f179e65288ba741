import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule cloud-endpoint-mode', () => {
  test('warns about sniffing an Elastic Cloud endpoint and rewrites the alias for proxy mode', () => {
    const text =
      'cluster.remote.cloud.seeds: ["abc123.us-east-1.aws.found.io:9443"]\ncluster.remote.cloud.skip_unavailable: true\n';
    const finding = single('cloud-endpoint-mode', text);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'abc123.us-east-1.aws.found.io:9443');
    const result = fixed('cloud-endpoint-mode', text);
    assert.equal(
      result,
      'cluster.remote.cloud.mode: proxy\ncluster.remote.cloud.server_name: abc123.us-east-1.aws.found.io\ncluster.remote.cloud.proxy_address: abc123.us-east-1.aws.found.io:9443\ncluster.remote.cloud.skip_unavailable: true\n',
    );
    assert.deepEqual(check('cloud-endpoint-mode', result), []);
    assert.deepEqual(check('mode-setting-mismatch', result), []);
  });

  test('rewrites a nested alias with an explicit sniff mode', () => {
    const text = 'cluster:\n  remote:\n    cloud:\n      mode: sniff\n      seeds:\n        - x.es.io:9443\n';
    assert.equal(
      fixed('cloud-endpoint-mode', text),
      'cluster:\n  remote:\n    cloud:\n      mode: proxy\n      server_name: x.es.io\n      proxy_address: x.es.io:9443\n',
    );
  });

  test('asks for server_name in proxy mode and adds it', () => {
    const text = 'cluster.remote.cloud.mode: proxy\ncluster.remote.cloud.proxy_address: x.elastic-cloud.com:9443\n';
    const finding = single('cloud-endpoint-mode', text);
    assert.match(finding.message, /server_name: x\.elastic-cloud\.com/);
    assert.equal(
      fixed('cloud-endpoint-mode', text),
      'cluster.remote.cloud.mode: proxy\ncluster.remote.cloud.server_name: x.elastic-cloud.com\ncluster.remote.cloud.proxy_address: x.elastic-cloud.com:9443\n',
    );
  });

  test('accepts a complete proxy set-up and non-Cloud hosts', () => {
    assert.deepEqual(
      check(
        'cloud-endpoint-mode',
        'cluster.remote.c.mode: proxy\ncluster.remote.c.proxy_address: x.es.io:9443\ncluster.remote.c.server_name: x.es.io\ncluster.remote.d.seeds: [es.internal:9300]\n',
      ),
      [],
    );
  });
});
