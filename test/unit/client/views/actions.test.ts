import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ITEM_ACTIONS, itemActionArgument } from '../../../../client/src/views/actions';
import { remoteClusterNode, deploymentNode, connectionNode } from '../../../../client/src/views/nodes';
import type { ConnectionProfile } from '../../../../client/src/connections/profile';

const es: ConnectionProfile = { id: 'local', name: 'Local', kind: 'elasticsearch', url: 'http://127.0.0.1:9200', auth: 'none' };
const cloud: ConnectionProfile = { id: 'org', name: 'Org', kind: 'cloud', auth: 'apiKey' };

test('item actions open the flows with the ids of the clicked node, in the shapes the flows take', () => {
  const connection = connectionNode(es, { status: 'idle' });
  const remote = remoteClusterNode('local', {
    alias: 'west',
    mode: 'proxy',
    addresses: ['w:9443'],
    securityModel: 'api-key',
    definedIn: ['persistent'],
    settings: {},
    connected: true,
  });
  const deployment = deploymentNode(cloud, { id: 'dep1', name: 'prod', clusterId: 'c'.repeat(32) }, { status: 'idle' });

  assert.deepEqual(itemActionArgument('addRemoteCluster', connection), { localConnectionId: 'local' });
  assert.deepEqual(itemActionArgument('removeRemoteCluster', remote), { connectionId: 'local', alias: 'west' });
  assert.deepEqual(itemActionArgument('diagnoseRemoteCluster', remote), { connectionId: 'local', alias: 'west' });
  assert.deepEqual(itemActionArgument('editTrust', deployment), { connectionId: 'org', deploymentId: 'dep1' });
  assert.deepEqual(itemActionArgument('addTrustedEnvironment', deployment), { connectionId: 'org', deploymentId: 'dep1' });
  assert.deepEqual(itemActionArgument('addTrustedEnvironment', connectionNode(cloud, { status: 'idle' })), {
    connectionId: 'org',
  });
  assert.equal(itemActionArgument('testConnection', remote), 'local');
  const ece: ConnectionProfile = { id: 'ece', name: 'ECE', kind: 'ece', auth: 'apiKey' };
  const relationship = { ...connectionNode(ece, { status: 'idle' }), relationshipId: 'rel-1' };
  assert.deepEqual(itemActionArgument('removeEceTrustRelationship', relationship), {
    connectionId: 'ece',
    relationshipId: 'rel-1',
  });
  assert.deepEqual(itemActionArgument('exportEceTrustParameters', relationship), { connectionId: 'ece' });
  assert.deepEqual(itemActionArgument('createEceTrustRelationship', relationship), { connectionId: 'ece' });
  assert.equal(itemActionArgument('removeConnection', connection), 'local');
});

test('without a node, or without what the target needs, the target runs without an argument and asks', () => {
  const connection = connectionNode(es, { status: 'idle' });
  assert.equal(itemActionArgument('removeRemoteCluster', connection), undefined);
  assert.equal(itemActionArgument('editTrust', connection), undefined);
  assert.equal(itemActionArgument('testConnection', undefined), undefined);
  assert.equal(itemActionArgument('addConnection', connection), undefined);
});

test('every action targets the command id agreed with the flows and connections features', () => {
  assert.deepEqual(
    Object.values(ITEM_ACTIONS)
      .map((action) => action.target)
      .sort(),
    [
      'elasticRemoteClusters.addConnection',
      'elasticRemoteClusters.addRemoteCluster',
      'elasticRemoteClusters.addTrustedEnvironment',
      'elasticRemoteClusters.createEceTrustRelationship',
      'elasticRemoteClusters.diagnoseRemoteCluster',
      'elasticRemoteClusters.editTrust',
      'elasticRemoteClusters.exportEceTrustParameters',
      'elasticRemoteClusters.removeConnection',
      'elasticRemoteClusters.removeEceTrustRelationship',
      'elasticRemoteClusters.removeRemoteCluster',
      'elasticRemoteClusters.testConnection',
    ],
  );
});
