import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TrafficFilterRuleset } from '../../../../client/src/api/types/cloud';
import { allowsRemoteClusterFrom } from '../../../../client/src/flows/networkSecurity';

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
