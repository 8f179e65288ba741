import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule remote-not-enabled', () => {
  test('flags skip_unavailable on an alias without seeds and removes it', () => {
    const text = 'cluster.remote.a.skip_unavailable: true\ncluster.remote.b.seeds: ["b:9300"]\n';
    const finding = single('remote-not-enabled', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'cluster.remote.a.skip_unavailable');
    assert.match(finding.message, /Cannot configure setting/);
    assert.equal(fixed('remote-not-enabled', text), 'cluster.remote.b.seeds: ["b:9300"]\n');
  });

  test('catches a delete request that keeps other keys and nulls the whole alias', () => {
    const text =
      '{\n  "persistent": {\n    "cluster.remote.a.seeds": null,\n    "cluster.remote.a.skip_unavailable": true,\n    "cluster.remote.a.transport.compress": "indexing_data"\n  }\n}';
    const found = check('remote-not-enabled', text, { uri: BODY });
    assert.deepEqual(
      found.map((f) => f.text),
      ['"cluster.remote.a.skip_unavailable"', '"cluster.remote.a.transport.compress"'],
    );
    assert.match(found[0].message, /set every `cluster\.remote\.a\.\*` setting to null/);
    assert.equal(
      fixed('remote-not-enabled', text, { uri: BODY }),
      '{\n  "persistent": {\n    "cluster.remote.a.seeds": null,\n    "cluster.remote.a.skip_unavailable": null,\n    "cluster.remote.a.transport.compress": null\n  }\n}',
    );
  });

  test('does not flag a body that only updates a stored remote, nor enabled or nulled aliases', () => {
    assert.deepEqual(
      check('remote-not-enabled', '{"persistent": {"cluster.remote.a.skip_unavailable": true}}', { uri: BODY }),
      [],
    );
    assert.deepEqual(
      check('remote-not-enabled', '{"persistent": {"cluster.remote.a.seeds": null, "cluster.remote.a.skip_unavailable": null}}', {
        uri: BODY,
      }),
      [],
    );
    assert.deepEqual(
      check(
        'remote-not-enabled',
        'cluster.remote.a.mode: proxy\ncluster.remote.a.proxy_address: a:9443\ncluster.remote.a.skip_unavailable: false\n',
      ),
      [],
    );
  });
});
