import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleFindings } from '../../json/support';
import { direct } from './fixtures';

describe('rule trust-nothing-trusted on direct entries', () => {
  test('counts the nodes of additional_node_names as trusted', () => {
    const named = direct(
      '{ "name": "dc2", "type": "generic", "trust_all": false, "additional_node_names": ["node-1.dc2.example.com"], "certificates": [] }',
    );
    assert.deepEqual(ruleFindings('trust-nothing-trusted', named), []);
    const none = direct('{ "name": "dc2", "type": "generic", "scope_id": "dc2", "trust_all": false, "certificates": [] }');
    assert.equal(ruleFindings('trust-nothing-trusted', none).length, 1);
  });
});
