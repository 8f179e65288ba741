import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TrafficFilterRuleset } from '../../../../client/src/api/types/cloud';
import { ClientPool } from '../../../../client/src/flows/context';
import {
  allowsRemoteClusterFrom,
  networkSecurityNote,
  networkSecurityReminder,
} from '../../../../client/src/flows/networkSecurity';
import { startEmulator } from '../../../emulator';
import { cloudConnection, ScriptedFlowUi, testContext } from './support';

const ruleset = (type: string, rules: TrafficFilterRuleset['rules']): TrafficFilterRuleset => ({
  id: 'r',
  name: 'r',
  type,
  region: 'us-east-1',
  include_by_default: false,
  rules,
});

test('a remote-cluster policy lets the local side in by organization ID or Elasticsearch cluster ID', () => {
  const local = { organizationId: '123', clusterId: 'c'.repeat(32) };
  assert.equal(allowsRemoteClusterFrom(ruleset('remote_cluster', [{ remote_cluster_org_id: '123' }]), local), true);
  assert.equal(allowsRemoteClusterFrom(ruleset('remote_cluster', [{ remote_cluster_id: 'c'.repeat(32) }]), local), true);
});

test('an IP policy, or a remote-cluster policy for someone else, does not', () => {
  const local = { organizationId: '123' };
  assert.equal(allowsRemoteClusterFrom(ruleset('ip', [{ source: '0.0.0.0/0' }]), local), false);
  assert.equal(allowsRemoteClusterFrom(ruleset('remote_cluster', [{ remote_cluster_org_id: '456' }]), local), false);
  assert.equal(allowsRemoteClusterFrom(ruleset('remote_cluster', [{ remote_cluster_id: 'x' }]), {}), false);
});

test('against the emulator: an ECE remote with IP filters, and a Hosted remote seen from ECE, ask for the local allocator hosts; no policy, no note', async () => {
  const ece = await startEmulator({
    clusters: [{ name: 'e1' }, { name: 'e2' }],
    cloud: {
      flavor: 'ece',
      apiKeys: ['k'],
      deployments: [
        { id: 'dep-f', name: 'filtered', cluster: 'e1' },
        { id: 'dep-o', name: 'open', cluster: 'e2' },
      ],
      trafficFilterRulesets: [
        { id: 'ip1', name: 'allocators', type: 'ip', rules: [{ source: '10.0.0.0/8' }], deploymentIds: ['dep-f'] },
      ],
    },
  });
  const hosted = await startEmulator({
    clusters: [{ name: 'h1' }],
    cloud: {
      apiKeys: ['h'],
      deployments: [{ id: 'dep-h', name: 'hosted', cluster: 'h1' }],
      trafficFilterRulesets: [
        { id: 'rc', name: 'org 42', type: 'remote_cluster', rules: [{ remote_cluster_org_id: '42' }], deploymentIds: ['dep-h'] },
      ],
    },
  });
  try {
    const saved = [
      cloudConnection('ece', ece.cloudUrl as string, 'k', 'ece'),
      cloudConnection('hosted', hosted.cloudUrl as string, 'h'),
    ];
    const pool = new ClientPool(testContext(new ScriptedFlowUi([]), saved).connections);
    const target = (index: number, deploymentId: string, deploymentName: string) => ({
      connection: saved[index].profile,
      deploymentId,
      deploymentName,
      refId: 'main-elasticsearch',
      clusterId: 'c'.repeat(32),
    });
    assert.match(
      (await networkSecurityNote(pool, target(0, 'dep-f', 'filtered'), undefined)) ?? '',
      /"filtered" has IP filters \("allocators"\).*allocator hosts/,
    );
    assert.equal(await networkSecurityNote(pool, target(0, 'dep-o', 'open'), undefined), undefined);
    assert.match(
      (await networkSecurityNote(pool, target(1, 'dep-h', 'hosted'), target(0, 'dep-o', 'open'))) ?? '',
      /"hosted" has network security policies \("org 42"\)\. Unless one of them allows the IP addresses .* allocator hosts/,
    );
    await pool.close();
  } finally {
    await Promise.all([ece.stop(), hosted.stop()]);
  }
});

test('a remote given only by an Elastic Cloud address gets a reminder of what its network security must allow; other addresses none', () => {
  const hosted = networkSecurityReminder('my-deployment.es.us-east-1.aws.found.io:9443', false);
  assert.match(hosted ?? '', /"my-deployment\.es\.us-east-1\.aws\.found\.io" is an Elastic Cloud endpoint/);
  assert.match(hosted ?? '', /private connection policy of type remote cluster/);
  assert.match(
    networkSecurityReminder('remote.eu-west-1.aws.elastic-cloud.com:9400', true) ?? '',
    /allows the local ECE allocator hosts/,
  );
  assert.equal(networkSecurityReminder('es-remote.internal.example:9443', false), undefined);
  assert.equal(networkSecurityReminder('not an address', false), undefined);
  assert.equal(networkSecurityReminder(undefined, false), undefined);
});
