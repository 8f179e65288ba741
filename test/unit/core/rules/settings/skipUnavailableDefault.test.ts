import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

const v815 = { options: { stackVersion: '8.15.0' } };

describe('rule skip-unavailable-default', () => {
  test('notes the changed default on 8.15+ and adds an explicit value', () => {
    const text = 'cluster:\n  remote:\n    a:\n      seeds: ["a:9300"]\n';
    const finding = single('skip-unavailable-default', text, v815);
    assert.equal(finding.severity, 'info');
    assert.equal(finding.text, 'a');
    assert.equal(
      fixed('skip-unavailable-default', text, v815),
      'cluster:\n  remote:\n    a:\n      skip_unavailable: false\n      seeds: ["a:9300"]\n',
    );
  });

  test('is silent before 8.15, without a version, when set, for disabled remotes and for API bodies', () => {
    const text = 'cluster.remote.a.seeds: ["a:9300"]\n';
    assert.deepEqual(check('skip-unavailable-default', text, { options: { stackVersion: '8.14.3' } }), []);
    assert.deepEqual(check('skip-unavailable-default', text), []);
    assert.deepEqual(check('skip-unavailable-default', `${text}cluster.remote.a.skip_unavailable: true\n`, v815), []);
    assert.deepEqual(check('skip-unavailable-default', 'cluster.remote.a.mode: proxy\n', v815), []);
    assert.deepEqual(
      check('skip-unavailable-default', '{"persistent": {"cluster.remote.a.seeds": ["a:9300"]}}', { uri: BODY, ...v815 }),
      [],
    );
  });
});
