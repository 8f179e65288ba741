import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, single } from './harness';

describe('rule legacy-sniff-proxy', () => {
  test('warns about the undocumented sniff-mode proxy setting', () => {
    const finding = single(
      'legacy-sniff-proxy',
      'cluster.remote.a.seeds: [a:9300]\ncluster.remote.a.proxy: lb.example.com:9300\n',
    );
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, 'cluster.remote.a.proxy');
    assert.match(finding.message, /mode: proxy/);
  });

  test('does not flag proxy_address in proxy mode', () => {
    assert.deepEqual(check('legacy-sniff-proxy', 'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: lb:9443\n'), []);
  });
});
