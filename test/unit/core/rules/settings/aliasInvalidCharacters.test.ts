import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, fixed, single } from './harness';

describe('rule alias-invalid-characters', () => {
  test('flags an alias with a space and renames it everywhere it is written', () => {
    const text = 'cluster.remote:\n  "eu west":\n    mode: proxy\n    proxy_address: eu.example.com:9443\n';
    const finding = single('alias-invalid-characters', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, 'eu west');
    assert.match(finding.message, /`eu_west`/);
    assert.equal(fixed('alias-invalid-characters', text), text.replace('eu west', 'eu_west'));
  });

  test('renames each flat key of the alias', () => {
    const text = 'cluster.remote.eu@west.mode: proxy\ncluster.remote.eu@west.proxy_address: eu.example.com:9443\n';
    assert.equal(fixed('alias-invalid-characters', text), text.replaceAll('eu@west', 'eu_west'));
  });

  test('recognises a dotted alias by the known setting after it', () => {
    const text = 'cluster.remote.eu.west.seeds: ["eu:9300"]\n';
    const finding = single('alias-invalid-characters', text);
    assert.equal(finding.text, 'eu.west');
    assert.match(finding.message, /cannot contain dots/);
    assert.equal(fixed('alias-invalid-characters', text), 'cluster.remote.eu_west.seeds: ["eu:9300"]\n');
    // unknown-setting leaves the dotted alias to this rule
    assert.deepEqual(check('unknown-setting', text), []);
  });

  test('accepts letters, digits, underscores and hyphens in any case', () => {
    assert.deepEqual(
      check('alias-invalid-characters', 'cluster.remote.EU_west-2.seeds: ["eu:9300"]\ncluster.remote.node.attr: gateway\n'),
      [],
    );
  });
});
