import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isTrustYmlName,
  looksLikeTrustRestrictions,
  trustRestrictionsTextProblems,
} from '../../../../server/src/core/model/trustRestrictions';

describe('trust.yml format', () => {
  test('is recognised by file name and by a top-level trust key', () => {
    assert.ok(isTrustYmlName('file:///a/trust.yml'));
    assert.ok(isTrustYmlName('file:///a/TRUST.YAML'));
    assert.ok(!isTrustYmlName('file:///a/my-trust.yml'));
    assert.ok(looksLikeTrustRestrictions('trust.subject_name: [a]\n'));
    assert.ok(looksLikeTrustRestrictions('# ECE\ntrust:\n  subject_name: [a]\n'));
    assert.ok(looksLikeTrustRestrictions(''));
    assert.ok(!looksLikeTrustRestrictions('rules:\n  - trust: all\n'));
  });

  test('explains text Elasticsearch cannot use, and accepts the forms it reads', () => {
    assert.match(trustRestrictionsTextProblems('trust.subject_name: [')[0].message, /not valid YAML/);
    assert.match(trustRestrictionsTextProblems('')[0].message, /The file is empty/);
    assert.match(trustRestrictionsTextProblems('trust.subject_name: {a: 1}')[0].message, /is a map, not a list/);
    assert.deepEqual(trustRestrictionsTextProblems('trust.subject_name: ["*.ece.local", "/node-[0-9]+/"]'), []);
  });
});
