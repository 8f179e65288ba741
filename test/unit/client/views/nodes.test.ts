/** Tree nodes: the last diagnosis shows on the remote node. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lastDiagnoses } from '../../../../client/src/diagnosis/lastDiagnosis';
import { keyExpiry, keysToWarnAbout, remoteClusterNode } from '../../../../client/src/views/nodes';

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

describe('cross-cluster key expiry', () => {
  const DAY = 86_400_000;
  const NOW = Date.parse('2026-11-30T08:00:00Z');

  test('30 days before the expiration the key needs attention; after it, it is expired', () => {
    assert.deepEqual(keyExpiry(undefined, NOW), { state: 'none' });
    assert.equal(keyExpiry(NOW + 31 * DAY, NOW).state, 'ok');
    assert.deepEqual(keyExpiry(NOW + 30 * DAY, NOW), { state: 'soon', days: 30, at: '2026-12-30' });
    assert.equal(keyExpiry(NOW - 1, NOW).state, 'expired');
  });

  test('each expiring key is announced once per session, however often the keys are loaded', () => {
    const warned = new Set<string>();
    const keys = [
      { id: 'a', name: 'soon', expiration: NOW + 3 * DAY },
      { id: 'b', name: 'later', expiration: NOW + 90 * DAY },
      { id: 'c', name: 'gone', expiration: NOW - DAY },
      { id: 'd', name: 'forever' },
    ];
    assert.deepEqual(
      keysToWarnAbout('es1', keys, warned, NOW).map((key) => key.name),
      ['soon', 'gone'],
    );
    assert.deepEqual(keysToWarnAbout('es1', keys, warned, NOW), [], 'a refresh does not announce them again');
    assert.deepEqual(
      keysToWarnAbout('es2', keys, warned, NOW).map((key) => key.name),
      ['soon', 'gone'],
      'the same key ids on another connection are other keys',
    );
    // Sixty days later the key that was fine is due, and only it is announced.
    assert.deepEqual(
      keysToWarnAbout('es1', keys, warned, NOW + 65 * DAY).map((key) => key.name),
      ['later'],
    );
  });
});
