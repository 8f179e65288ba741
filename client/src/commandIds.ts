/**
 * Every command id the extension registers, in one place: package.json contributes exactly the
 * ids of COMMANDS (a unit test checks both ways), and no other client module spells an id out.
 */
export const COMMANDS = {
  showServerStatus: 'elasticRemoteClusters.showServerStatus',
  restartServer: 'elasticRemoteClusters.restartServer',

  addConnection: 'elasticRemoteClusters.addConnection',
  testConnection: 'elasticRemoteClusters.testConnection',
  removeConnection: 'elasticRemoteClusters.removeConnection',
  editConnection: 'elasticRemoteClusters.editConnection',

  addRemoteCluster: 'elasticRemoteClusters.addRemoteCluster',
  removeRemoteCluster: 'elasticRemoteClusters.removeRemoteCluster',
  editRemoteCluster: 'elasticRemoteClusters.editRemoteCluster',
  createCrossClusterApiKey: 'elasticRemoteClusters.createCrossClusterApiKey',
  changeCrossClusterApiKey: 'elasticRemoteClusters.changeCrossClusterApiKey',
  migrateToApiKeyModel: 'elasticRemoteClusters.migrateToApiKeyModel',
  addTrustedEnvironment: 'elasticRemoteClusters.addTrustedEnvironment',
  editTrust: 'elasticRemoteClusters.editTrust',
  trustEceFromEck: 'elasticRemoteClusters.trustEceFromEck',
  exportEceTrustParameters: 'elasticRemoteClusters.exportEceTrustParameters',
  createEceTrustRelationship: 'elasticRemoteClusters.createEceTrustRelationship',
  removeEceTrustRelationship: 'elasticRemoteClusters.removeEceTrustRelationship',

  diagnoseRemoteCluster: 'elasticRemoteClusters.diagnoseRemoteCluster',
  explainError: 'elasticRemoteClusters.explainError',

  sendConsoleRequest: 'elasticRemoteClusters.sendConsoleRequest',
  chooseConsoleConnection: 'elasticRemoteClusters.chooseConsoleConnection',
  newConsoleFile: 'elasticRemoteClusters.newConsoleFile',

  refreshRemoteClusters: 'elasticRemoteClusters.refreshRemoteClusters',
  copyClusterId: 'elasticRemoteClusters.copyClusterId',
  openItemJson: 'elasticRemoteClusters.openItemJson',
  filterRemoteClusters: 'elasticRemoteClusters.filterRemoteClusters',
  clearRemoteClustersFilter: 'elasticRemoteClusters.clearRemoteClustersFilter',
  sortRemoteClusters: 'elasticRemoteClusters.sortRemoteClusters',
  // The view's item actions: they take the clicked tree node and are hidden from the Command Palette.
  viewAddConnection: 'elasticRemoteClusters.view.addConnection',
  viewAddRemoteCluster: 'elasticRemoteClusters.view.addRemoteCluster',
  viewRemoveRemoteCluster: 'elasticRemoteClusters.view.removeRemoteCluster',
  viewEditTrust: 'elasticRemoteClusters.view.editTrust',
  viewAddTrustedEnvironment: 'elasticRemoteClusters.view.addTrustedEnvironment',
  viewTestConnection: 'elasticRemoteClusters.view.testConnection',
  viewRemoveConnection: 'elasticRemoteClusters.view.removeConnection',
  viewDiagnoseRemoteCluster: 'elasticRemoteClusters.view.diagnoseRemoteCluster',
  viewLoadMore: 'elasticRemoteClusters.view.loadMore',
  viewChangeCrossClusterApiKey: 'elasticRemoteClusters.view.changeCrossClusterApiKey',
  viewMigrateToApiKeyModel: 'elasticRemoteClusters.view.migrateToApiKeyModel',
  viewEditConnection: 'elasticRemoteClusters.view.editConnection',
  viewEditRemoteCluster: 'elasticRemoteClusters.view.editRemoteCluster',
  viewExportEceTrustParameters: 'elasticRemoteClusters.view.exportEceTrustParameters',
  viewCreateEceTrustRelationship: 'elasticRemoteClusters.view.createEceTrustRelationship',
  viewRemoveEceTrustRelationship: 'elasticRemoteClusters.view.removeEceTrustRelationship',
} as const;

/**
 * Commands that only other parts of the extension run, never contributed: the language server's
 * quick fixes use copyToClipboard (server/src/lsp/server.ts spells it out; the server cannot
 * import client code).
 */
export const INTERNAL_COMMANDS = {
  copyToClipboard: 'elasticRemoteClusters.copyToClipboard',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
