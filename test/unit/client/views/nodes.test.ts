/** Tree nodes: the last diagnosis shows on the remote node. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lastDiagnoses } from '../../../../client/src/diagnosis/lastDiagnosis';
import { remoteClusterNode } from '../../../../client/src/views/nodes';

describe('tree: the last diagnosis shows on the remote node', () => {
  test('icon and tooltip follow the last verdict', () => {
    const summary = {
      alias: 'west',
      mode: 'sniff' as const,
      addresses: ['h:9443'],
      connected: true,
      securityModel: 'api-key' as const,
      definedIn: ['persistent' as const],
      settings: {},
    };
    lastDiagnoses.clear();
    assert.equal(remoteClusterNode('c1', summary).icon.id, 'pass-filled');
    lastDiagnoses.set('c1', 'west', {
      verdict: 'failed',
      summary: '1 failed check: The certificate is within its validity dates',
      at: 'now',
    });
    const node = remoteClusterNode('c1', summary);
    assert.equal(node.icon.id, 'bug');
    assert.match(node.tooltip, /Last diagnosis \(now\): 1 failed check/);
    lastDiagnoses.clear();
  });
});
