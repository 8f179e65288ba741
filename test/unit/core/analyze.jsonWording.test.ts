import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consoleDoc, jsonDoc, ruleFindings } from './json/support';

describe('findings in JSON bodies speak JSON', () => {
  test('writes settings as "key": value in a _cluster/settings body and in a Console request', () => {
    const body =
      '{ "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "w:9443", "cluster.remote.west.seeds": ["w:9300"] } }';
    const [mismatch] = ruleFindings('mode-setting-mismatch', jsonDoc(body));
    assert.match(mismatch.message, /`"mode": "proxy"`/);
    assert.doesNotMatch(mismatch.message, /`mode: proxy`/);
    const cloud = consoleDoc(
      'PUT _cluster/settings\n{ "persistent": { "cluster.remote.ec.seeds": ["abc.eu-west-1.aws.found.io:9400"] } }\n',
    );
    const [endpoint] = ruleFindings('cloud-endpoint-mode', cloud);
    assert.match(
      endpoint.message,
      /`"mode": "proxy"`, `"proxy_address": "abc\.eu-west-1\.aws\.found\.io:9400"` and `"server_name": "abc\.eu-west-1\.aws\.found\.io"`/,
    );
  });
});
