/**
 * The Remote Clusters view's ids, and its actions that hand over to commands of other features
 * (the set-up flows, the connection commands). VS Code passes the clicked node to a menu command,
 * so each action turns the node into the argument shape its target command documents. Pure.
 */
import type { TreeNode } from './nodes';

export const VIEW_ID = 'elasticRemoteClusters.remoteClustersView';

/** The view's own commands; each takes a tree node, or asks (selection, then a pick) without one. */
export const VIEW_COMMANDS = {
  refresh: 'elasticRemoteClusters.refreshRemoteClusters',
  copyClusterId: 'elasticRemoteClusters.copyClusterId',
  openItemJson: 'elasticRemoteClusters.openItemJson',
} as const;

export const ITEM_ACTIONS = {
  addConnection: { command: 'elasticRemoteClusters.view.addConnection', target: 'elasticRemoteClusters.addConnection', title: 'Add Connection' },
  addRemoteCluster: { command: 'elasticRemoteClusters.view.addRemoteCluster', target: 'elasticRemoteClusters.addRemoteCluster', title: 'Add Remote Cluster' },
  removeRemoteCluster: { command: 'elasticRemoteClusters.view.removeRemoteCluster', target: 'elasticRemoteClusters.removeRemoteCluster', title: 'Remove Remote Cluster' },
  editTrust: { command: 'elasticRemoteClusters.view.editTrust', target: 'elasticRemoteClusters.editTrust', title: 'Edit Trust' },
  addTrustedEnvironment: { command: 'elasticRemoteClusters.view.addTrustedEnvironment', target: 'elasticRemoteClusters.addTrustedEnvironment', title: 'Add Trusted Environment' },
  testConnection: { command: 'elasticRemoteClusters.view.testConnection', target: 'elasticRemoteClusters.testConnection', title: 'Test Connection' },
  removeConnection: { command: 'elasticRemoteClusters.view.removeConnection', target: 'elasticRemoteClusters.removeConnection', title: 'Remove Connection' },
  diagnoseRemoteCluster: { command: 'elasticRemoteClusters.view.diagnoseRemoteCluster', target: 'elasticRemoteClusters.diagnoseRemoteCluster', title: 'Diagnose Remote Cluster' },
} as const;

export type ItemAction = keyof typeof ITEM_ACTIONS;

/**
 * The argument for the action's target command, or undefined when the node does not carry what it
 * needs (the target is then run without one and asks).
 */
export function itemActionArgument(action: ItemAction, node: TreeNode | undefined): unknown {
  if (action === 'addConnection' || !node?.connectionId) return undefined;
  const { connectionId, deploymentId, alias } = node;
  switch (action) {
    case 'addRemoteCluster':
      // The flow then only asks for the remote side.
      return { localConnectionId: connectionId };
    case 'removeRemoteCluster':
    case 'diagnoseRemoteCluster':
      return alias ? { connectionId, alias } : undefined;
    case 'editTrust':
      return deploymentId ? { connectionId, deploymentId } : undefined;
    case 'addTrustedEnvironment':
      return deploymentId ? { connectionId, deploymentId } : { connectionId };
    case 'testConnection':
    case 'removeConnection':
      return connectionId;
  }
  return undefined;
}
