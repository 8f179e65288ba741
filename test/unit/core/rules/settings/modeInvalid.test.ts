import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule mode-invalid', () => {
  test('flags an unknown mode and fixes a near miss', () => {
    const text = 'cluster.remote.a.mode: proxi\ncluster.remote.a.proxy_address: a.example.com:9443\n';
    const finding = single('mode-invalid', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'proxi');
    assert.match(finding.message, /Did you mean `proxy`\?/);
    assert.equal(fixed('mode-invalid', text), text.replace('proxi\n', 'proxy\n'));
  });

  test('keeps JSON strings quoted when fixing', () => {
    const text = '{"persistent": {"cluster.remote.a.mode": "snif", "cluster.remote.a.seeds": ["a:9300"]}}';
    assert.equal(fixed('mode-invalid', text, { uri: BODY }), text.replace('"snif"', '"sniff"'));
  });

  test('offers no fix for a value far from both modes', () => {
    const finding = single('mode-invalid', 'cluster.remote.a.mode: simple\n');
    assert.equal(finding.fixes, undefined);
  });

  test('accepts sniff and proxy in any case, and null', () => {
    assert.deepEqual(
      check('mode-invalid', 'cluster.remote.a.mode: PROXY\ncluster.remote.b.mode: sniff\ncluster.remote.c.mode:\n'),
      [],
    );
  });
});
