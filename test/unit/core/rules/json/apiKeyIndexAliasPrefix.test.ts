import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { ruleFindings } from '../../json/support';
import { key } from './fixtures';

describe('rule api-key-index-alias-prefix', () => {
  test('flags a cluster alias in front of index names and removes it', () => {
    const document = key('{ "search": [ { "names": ["west:logs-*", "metrics-*"] } ] }');
    const [finding] = ruleFindings('api-key-index-alias-prefix', document);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, '"west:logs-*"');
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'api-key-index-alias-prefix')!,
    );
    assert.match(fixed, /"names": \["logs-\*", "metrics-\*"\]/);
  });

  test('accepts plain names and patterns', () => {
    assert.deepEqual(
      ruleFindings(
        'api-key-index-alias-prefix',
        key('{ "search": [ { "names": "logs-*" } ], "replication": [ { "names": [".ds-x"] } ] }'),
      ),
      [],
    );
  });
});
