import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleFindings } from '../../json/support';
import { CLUSTER_ID, accounts } from './fixtures';

describe('rules trust-allowlist-ignored and trust-nothing-trusted', () => {
  test('warns when trust_all makes the allowlist pointless', () => {
    const [finding] = ruleFindings(
      'trust-allowlist-ignored',
      accounts(`{ "account_id": "1", "trust_all": true, "trust_allowlist": ["${CLUSTER_ID}"] }`),
    );
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, '"trust_allowlist"');
  });

  test('informs when an entry trusts nothing', () => {
    for (const entry of [
      '{ "account_id": "1", "trust_all": false }',
      '{ "account_id": "1", "trust_all": false, "trust_allowlist": [] }',
    ]) {
      const [finding] = ruleFindings('trust-nothing-trusted', accounts(entry));
      assert.equal(finding?.severity, 'info', entry);
      assert.equal(finding.text, 'false');
    }
  });

  test('is silent on consistent entries', () => {
    for (const entry of [
      '{ "account_id": "1", "trust_all": true }',
      `{ "account_id": "1", "trust_all": false, "trust_allowlist": ["${CLUSTER_ID}"] }`,
    ]) {
      assert.deepEqual(ruleFindings('trust-allowlist-ignored', accounts(entry)), [], entry);
      assert.deepEqual(ruleFindings('trust-nothing-trusted', accounts(entry)), [], entry);
    }
  });
});
