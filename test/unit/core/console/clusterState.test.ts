import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consoleDoc, ruleFindings } from '../json/support';

/** Console files as sequences: each `PUT _cluster/settings` sees what the earlier accepted ones stored. */
describe('Console cluster settings carried between requests', () => {
  const put = (persistent: string, transient?: string) =>
    `PUT _cluster/settings\n{ "persistent": { ${persistent} }${transient ? `, "transient": { ${transient} }` : ''} }\n`;
  const toProxy = put('"cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "west.example.com:9443"');
  const onlyAddress = put('"cluster.remote.west.proxy_address": "west-2.example.com:9443"');

  test('a later request that only changes proxy_address keeps the proxy mode an earlier request stored', () => {
    assert.deepEqual(ruleFindings('mode-setting-mismatch', consoleDoc(toProxy + onlyAddress)), []);
  });

  test('a single request that sets proxy_address without mode is still read as sniff mode', () => {
    const [finding] = ruleFindings('mode-setting-mismatch', consoleDoc(onlyAddress));
    assert.match(finding.message, /sniff mode \(the default/);
  });

  test('a request Elasticsearch rejects stores nothing', () => {
    const rejected = [
      // unknown setting in the same request
      put('"cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_adress": "w:9443"'),
      // invalid mode value
      put('"cluster.remote.west.mode": "proxyy", "cluster.remote.west.proxy_address": "w:9443"'),
      // JSON syntax error
      'PUT _cluster/settings\n{ "persistent": { "cluster.remote.west.mode": "proxy" "cluster.remote.west.proxy_address": "w:9443" } }\n',
    ];
    for (const first of rejected) {
      const [finding] = ruleFindings('mode-setting-mismatch', consoleDoc(first + onlyAddress));
      assert.ok(finding, first);
      assert.equal(finding.line, 4);
      assert.match(finding.message, /sniff mode \(the default/);
    }
  });

  test('a null reset of the mode or of the whole alias brings back the default', () => {
    for (const reset of [put('"cluster.remote.west.mode": null'), put('"cluster.remote.west.*": null')]) {
      const [finding] = ruleFindings('mode-setting-mismatch', consoleDoc(toProxy + reset + onlyAddress));
      assert.ok(finding, reset);
      assert.equal(finding.line, 6);
      assert.match(finding.message, /`proxy_address` only applies in proxy mode/);
    }
  });

  test('a transient mode wins over the persistent one, and the message names the request that stored it', () => {
    const stored = put(
      '"cluster.remote.west.mode": "sniff", "cluster.remote.west.seeds": ["w:9300"]',
      '"cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "w:9443"',
    );
    const seeds = put('"cluster.remote.west.seeds": ["w-2:9300"]');
    const [finding] = ruleFindings('mode-setting-mismatch', consoleDoc(stored + seeds));
    assert.equal(finding.line, 4);
    assert.match(
      finding.message,
      /`seeds` only applies in sniff mode, but alias `west` uses proxy mode \(stored by the request on line 2\)/,
    );
    assert.deepEqual(ruleFindings('mode-setting-mismatch', consoleDoc(stored + onlyAddress)), []);
  });

  test('a refused mode switch stores nothing either', () => {
    const sniff = put('"cluster.remote.west.seeds": ["w:9300"]');
    // Refused (seeds still stored): west stays in sniff mode, so the next proxy_address is rejected too.
    const document = consoleDoc(sniff + toProxy + onlyAddress);
    assert.equal(ruleFindings('cluster-settings-mode-switch', document).length, 1);
    assert.deepEqual(
      ruleFindings('mode-setting-mismatch', document).map((f) => f.line),
      [6],
    );
  });
});
