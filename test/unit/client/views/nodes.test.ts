/** Tree nodes: the last diagnosis shows on the remote node. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lastDiagnoses } from '../../../../client/src/diagnosis/lastDiagnosis';
import {
  cloudChildren,
  deploymentChildren,
  keyExpiry,
  keysToWarnAbout,
  remoteClusterNode,
} from '../../../../client/src/views/nodes';

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

describe('tree: trust inside an Elastic Cloud organization (seed 003)', () => {
  const profile = { id: 'ech', name: 'ech', kind: 'cloud' as const, url: 'https://api.example', auth: 'apiKey' as const };
  const deployment = (trust: Record<string, unknown>) =>
    ({
      id: 'dep',
      name: 'dep',
      healthy: true,
      resources: {
        elasticsearch: [{ ref_id: 'main-elasticsearch', id: 'c'.repeat(32), region: 'r', info: { settings: { trust } } }],
      },
    }) as unknown as Parameters<typeof deploymentChildren>[2];

  test('the organization default is shown above the deployments, with what it does and does not change', () => {
    const [node] = cloudChildren(profile, { deployments: [], organization: { id: '1053523734', trustAll: false } }, () => ({
      status: 'idle',
    }));
    assert.equal(node.label, 'Organization default: trust no other deployment');
    assert.equal(node.description, 'organization 1053523734');
    assert.match(node.tooltip, /New deployments trust no other deployment/);
    assert.match(node.tooltip, /does not change the trust of existing deployments/);
    assert.match(node.tooltip, /February 2021/);
    const unknown = cloudChildren(profile, { deployments: [] }, () => ({ status: 'idle' }));
    assert.deepEqual(
      unknown.map((child) => child.label),
      ['No deployments'],
      'without the organization, no default is claimed',
    );
  });

  test('its own entry is named as such; specific deployments mention the stricter version policy; a missing one is pointed out', () => {
    const own = deploymentChildren(
      profile,
      'dep',
      deployment({ accounts: [{ account_id: '42', trust_all: false, trust_allowlist: ['a'.repeat(32)] }] }),
      new Map(),
      0,
      '42',
    );
    assert.deepEqual(
      own.map((node) => [node.label, node.description]),
      [['This organization', 'own organization · trusts 1 listed cluster · stricter version policy']],
    );
    assert.match(own[0].tooltip, /stricter cross\\-cluster search version policy/);
    const all = deploymentChildren(
      profile,
      'dep',
      deployment({ accounts: [{ account_id: '42', trust_all: true }] }),
      new Map(),
      0,
      '42',
    );
    assert.deepEqual(
      all.map((node) => node.description),
      ['own organization · trusts all its deployments'],
    );
    const old = deploymentChildren(
      profile,
      'dep',
      deployment({ accounts: [{ account_id: 'other', trust_all: true }] }),
      new Map(),
      0,
      '42',
    );
    assert.deepEqual(
      old.map((node) => node.label),
      ['Trusts no other deployment of its organization', 'Account other'],
    );
    assert.match(old[0].tooltip, /created before the Elastic Cloud February 2021 release trust only themselves/);
    const unknownOrganization = deploymentChildren(profile, 'dep', deployment({ accounts: [] }), new Map(), 0);
    assert.deepEqual(
      unknownOrganization.map((node) => node.label),
      ['Trusts no other environment'],
    );
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
