/**
 * The Remote Clusters view's ids, and its actions that hand over to commands of other features
 * (the set-up flows, the connection commands). VS Code passes the clicked node to a menu command,
 * so each action turns the node into the argument shape its target command documents. Pure.
 */
import { COMMANDS } from '../commandIds';
import type { TreeNode } from './nodes';

export const VIEW_ID = 'elasticRemoteClusters.remoteClustersView';

export const ITEM_ACTIONS = {
  addConnection: { command: COMMANDS.viewAddConnection, target: COMMANDS.addConnection, title: 'Add Connection' },
  addRemoteCluster: { command: COMMANDS.viewAddRemoteCluster, target: COMMANDS.addRemoteCluster, title: 'Add Remote Cluster' },
  removeRemoteCluster: {
    command: COMMANDS.viewRemoveRemoteCluster,
    target: COMMANDS.removeRemoteCluster,
    title: 'Remove Remote Cluster',
  },
  editTrust: { command: COMMANDS.viewEditTrust, target: COMMANDS.editTrust, title: 'Edit Trust' },
  addTrustedEnvironment: {
    command: COMMANDS.viewAddTrustedEnvironment,
    target: COMMANDS.addTrustedEnvironment,
    title: 'Add Trusted Environment',
  },
  testConnection: { command: COMMANDS.viewTestConnection, target: COMMANDS.testConnection, title: 'Test Connection' },
  removeConnection: { command: COMMANDS.viewRemoveConnection, target: COMMANDS.removeConnection, title: 'Remove Connection' },
  editConnection: { command: COMMANDS.viewEditConnection, target: COMMANDS.editConnection, title: 'Edit Connection' },
  editRemoteCluster: {
    command: COMMANDS.viewEditRemoteCluster,
    target: COMMANDS.editRemoteCluster,
    title: 'Edit Remote Cluster',
  },
  diagnoseRemoteCluster: {
    command: COMMANDS.viewDiagnoseRemoteCluster,
    target: COMMANDS.diagnoseRemoteCluster,
    title: 'Diagnose Remote Cluster',
  },
  changeCrossClusterApiKey: {
    command: COMMANDS.viewChangeCrossClusterApiKey,
    target: COMMANDS.changeCrossClusterApiKey,
    title: 'Change Cross-Cluster API Key',
  },
  migrateToApiKeyModel: {
    command: COMMANDS.viewMigrateToApiKeyModel,
    target: COMMANDS.migrateToApiKeyModel,
    title: 'Migrate to the API-Key Model',
  },
  exportEceTrustParameters: {
    command: COMMANDS.viewExportEceTrustParameters,
    target: COMMANDS.exportEceTrustParameters,
    title: 'Export ECE Trust Parameters',
  },
  createEceTrustRelationship: {
    command: COMMANDS.viewCreateEceTrustRelationship,
    target: COMMANDS.createEceTrustRelationship,
    title: 'Create ECE Trust Relationship',
  },
  removeEceTrustRelationship: {
    command: COMMANDS.viewRemoveEceTrustRelationship,
    target: COMMANDS.removeEceTrustRelationship,
    title: 'Remove ECE Trust Relationship',
  },
} as const;

export type ItemAction = keyof typeof ITEM_ACTIONS;

/**
 * The argument for the action's target command, or undefined when the node does not carry what it
 * needs (the target is then run without one and asks).
 */
export function itemActionArgument(action: ItemAction, node: TreeNode | undefined, selection: TreeNode[] = []): unknown {
  if (action === 'addConnection' || !node?.connectionId) return undefined;
  const { connectionId, deploymentId, alias, keyId, relationshipId } = node;
  switch (action) {
    case 'addRemoteCluster':
      // The flow then only asks for the remote side.
      return { localConnectionId: connectionId };
    case 'removeRemoteCluster': {
      // A multi-selection of remote clusters of the same cluster is removed in one go.
      const aliases = selection
        .filter((other) => other.kind === 'remoteCluster' && other.connectionId === connectionId && other.alias)
        .map((other) => other.alias as string);
      if (alias && aliases.length > 1 && aliases.includes(alias)) return { connectionId, aliases };
      return alias ? { connectionId, alias } : undefined;
    }
    case 'editRemoteCluster':
    case 'diagnoseRemoteCluster':
    case 'migrateToApiKeyModel':
      // Migration: the node's connection is the local cluster.
      return alias ? { connectionId, alias } : undefined;
    case 'changeCrossClusterApiKey':
      // The node's connection is the cluster that issued the key.
      return keyId ? { connectionId, keyId } : undefined;
    case 'editTrust':
      return deploymentId ? { connectionId, deploymentId } : undefined;
    case 'addTrustedEnvironment':
      return deploymentId ? { connectionId, deploymentId } : { connectionId };
    case 'testConnection':
    case 'removeConnection':
    case 'editConnection':
      return connectionId;
    case 'exportEceTrustParameters':
      return { connectionId };
    case 'createEceTrustRelationship':
      return node.createTrustArgs ?? { connectionId };
    case 'removeEceTrustRelationship':
      return relationshipId ? { connectionId, relationshipId } : { connectionId };
  }
  return undefined;
}

/**
 * What the view shows about its filter and sort order: a description beside its title (undefined:
 * nothing special) and a message above the tree while a filter hides items.
 */
export function arrangementText(filter: string, sort: 'name' | 'status'): { description?: string; message?: string } {
  const parts = [...(filter ? [`filter: "${filter}"`] : []), ...(sort === 'status' ? ['sorted by status'] : [])];
  return {
    ...(parts.length ? { description: parts.join(' · ') } : {}),
    ...(filter
      ? {
          message: `Showing remote clusters, deployments and keys whose name or details contain "${filter}". Clear the filter to see everything.`,
        }
      : {}),
  };
}
