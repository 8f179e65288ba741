import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { ruleFindings } from '../../json/support';
import { CLUSTER_ID, accounts } from './fixtures';

describe('rule trust-allowlist-format', () => {
  test('flags entries that do not look like cluster IDs (heuristic: a warning)', () => {
    const findings = ruleFindings(
      'trust-allowlist-format',
      accounts(`{ "account_id": "1", "trust_all": false, "trust_allowlist": ["prod-cluster", "${CLUSTER_ID}"] }`),
    );
    assert.deepEqual(
      findings.map((f) => [f.severity, f.text]),
      [['warning', '"prod-cluster"']],
    );
  });

  test('offers lowercase for an upper-case ID', () => {
    const document = accounts(`{ "account_id": "1", "trust_all": false, "trust_allowlist": ["${CLUSTER_ID.toUpperCase()}"] }`);
    const finding = analyze(document).findings.find((f) => f.ruleId === 'trust-allowlist-format')!;
    assert.ok(applyFix(document, finding).includes(`"${CLUSTER_ID}"`));
  });
});
