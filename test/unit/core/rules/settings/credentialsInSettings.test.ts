import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, ECK, eckManifest, fixed, fixOf, single } from './harness';

const SECRET = 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==';

describe('rule credentials-in-settings', () => {
  test('flags credentials in elasticsearch.yml without echoing the secret, and moves it to the keystore', () => {
    const text = `cluster.remote.a.seeds: ["a:9443"]\ncluster.remote.a.credentials: ${SECRET}\ncluster.remote.a.skip_unavailable: true\n`;
    const finding = single('credentials-in-settings', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'cluster.remote.a.credentials');
    assert.ok(!finding.message.includes(SECRET));
    const fix = fixOf('credentials-in-settings', text);
    assert.equal(fix?.clipboard, 'bin/elasticsearch-keystore add cluster.remote.a.credentials');
    assert.ok(!fix?.title.includes(SECRET));
    assert.equal(
      fixed('credentials-in-settings', text),
      'cluster.remote.a.seeds: ["a:9443"]\ncluster.remote.a.skip_unavailable: true\n',
    );
  });

  test('removes a nested credentials key and its emptied parents', () => {
    const text = `cluster:\n  remote:\n    a:\n      seeds: ["a:9443"]\n    b:\n      credentials: ${SECRET}\n`;
    assert.equal(fixed('credentials-in-settings', text), 'cluster:\n  remote:\n    a:\n      seeds: ["a:9443"]\n');
  });

  test('flags credentials in a _cluster/settings body and in ECK config', () => {
    const body = single('credentials-in-settings', `{"persistent": {"cluster.remote.a.credentials": "${SECRET}"}}`, {
      uri: BODY,
    });
    assert.match(body.message, /_cluster\/settings` rejects it/);
    const eck = eckManifest(`cluster.remote.a.credentials: ${SECRET}\n`);
    const finding = single('credentials-in-settings', eck, { uri: ECK });
    assert.match(finding.message, /spec\.secureSettings/);
    assert.match(
      fixOf('credentials-in-settings', eck, { uri: ECK })?.clipboard ?? '',
      /^kubectl create secret generic .*cluster\.remote\.a\.credentials=/,
    );
  });

  test('removes the nested key and its emptied parents inside an ECK nodeSet config', () => {
    const eck = eckManifest(`cluster.remote.a.seeds: ["a:9443"]\ncluster:\n  remote:\n    b:\n      credentials: ${SECRET}\n`);
    assert.equal(fixed('credentials-in-settings', eck, { uri: ECK }), eckManifest('cluster.remote.a.seeds: ["a:9443"]\n'));
  });

  test('does not flag other settings of the alias', () => {
    assert.deepEqual(check('credentials-in-settings', 'cluster.remote.a.seeds: ["a:9443"]\n'), []);
  });
});
