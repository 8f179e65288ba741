import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrangementText, ITEM_ACTIONS, itemActionArgument } from '../../../../client/src/views/actions';
import { remoteClusterNode, deploymentNode, connectionNode, crossClusterKeyNode } from '../../../../client/src/views/nodes';
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
  // Migration runs on the local cluster's remote; a key is changed on the cluster that issued it.
  assert.deepEqual(itemActionArgument('migrateToApiKeyModel', remote), { connectionId: 'local', alias: 'west' });
  const key = crossClusterKeyNode('local', { id: 'k1', name: 'for-west' }, Date.now());
  assert.deepEqual(itemActionArgument('changeCrossClusterApiKey', key), { connectionId: 'local', keyId: 'k1' });
  assert.equal(itemActionArgument('editConnection', connection), 'local');
  assert.deepEqual(itemActionArgument('editRemoteCluster', remote), { connectionId: 'local', alias: 'west' });
});

test('Remove Remote Cluster on a multi-selection removes every selected alias of the clicked cluster at once', () => {
  const remote = (connectionId: string, alias: string) =>
    remoteClusterNode(connectionId, {
      alias,
      mode: 'sniff',
      addresses: [`${alias}:9300`],
      securityModel: 'certificate',
      definedIn: ['persistent'],
      settings: {},
      connected: true,
    });
  const west = remote('local', 'west');
  const selection = [west, remote('local', 'east'), remote('other', 'north'), connectionNode(es, { status: 'idle' })];
  assert.deepEqual(itemActionArgument('removeRemoteCluster', west, selection), {
    connectionId: 'local',
    aliases: ['west', 'east'],
  });
  assert.deepEqual(
    itemActionArgument('removeRemoteCluster', west, [west]),
    { connectionId: 'local', alias: 'west' },
    'a single selection stays a single alias',
  );
  assert.deepEqual(
    itemActionArgument('removeRemoteCluster', remote('local', 'south'), selection),
    { connectionId: 'local', alias: 'south' },
    'a click outside the selection acts on the clicked item only',
  );
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
      'elasticRemoteClusters.changeCrossClusterApiKey',
      'elasticRemoteClusters.createEceTrustRelationship',
      'elasticRemoteClusters.diagnoseRemoteCluster',
      'elasticRemoteClusters.editConnection',
      'elasticRemoteClusters.editRemoteCluster',
      'elasticRemoteClusters.editTrust',
      'elasticRemoteClusters.exportEceTrustParameters',
      'elasticRemoteClusters.migrateToApiKeyModel',
      'elasticRemoteClusters.removeConnection',
      'elasticRemoteClusters.removeEceTrustRelationship',
      'elasticRemoteClusters.removeRemoteCluster',
      'elasticRemoteClusters.testConnection',
    ],
  );
});

test('the view names its filter and sort order beside the title, and explains a filter above the tree', () => {
  assert.deepEqual(arrangementText('', 'name'), {});
  assert.deepEqual(arrangementText('', 'status'), { description: 'sorted by status' });
  const filtered = arrangementText('prod', 'status');
  assert.equal(filtered.description, 'filter: "prod" · sorted by status');
  assert.match(filtered.message ?? '', /contain "prod"\. Clear the filter to see everything\./);
});
