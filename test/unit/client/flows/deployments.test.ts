import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { trustsCluster } from '../../../../client/src/flows/deployments';

describe('which trust entry concerns a cluster', () => {
  const cluster = { clusterId: 'c'.repeat(32), accountId: 'org-1' };

  test('an entry for another organization does not let the cluster in, whatever its trust_all', () => {
    assert.equal(trustsCluster({ accounts: [{ account_id: 'org-2', trust_all: true }] }, cluster), false);
    assert.equal(
      trustsCluster(
        {
          accounts: [
            { account_id: 'org-2', trust_all: true },
            { account_id: 'org-1', trust_all: false, trust_allowlist: [] },
          ],
        },
        cluster,
      ),
      false,
    );
  });

  test('the entry of its own organization does, by trust_all or by its cluster ID', () => {
    assert.equal(trustsCluster({ accounts: [{ account_id: 'org-1', trust_all: true }] }, cluster), true);
    assert.equal(
      trustsCluster({ accounts: [{ account_id: 'org-1', trust_all: false, trust_allowlist: [cluster.clusterId] }] }, cluster),
      true,
    );
  });

  test('an environment entry counts only for its trust relationship', () => {
    const trust = { external: [{ trust_relationship_id: 'env-1', trust_all: true }] };
    assert.equal(trustsCluster(trust, { clusterId: cluster.clusterId, trustRelationshipId: 'env-1' }), true);
    assert.equal(trustsCluster(trust, { clusterId: cluster.clusterId, trustRelationshipId: 'env-2' }), false);
  });
});
