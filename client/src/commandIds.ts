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

  addRemoteCluster: 'elasticRemoteClusters.addRemoteCluster',
  removeRemoteCluster: 'elasticRemoteClusters.removeRemoteCluster',
  createCrossClusterApiKey: 'elasticRemoteClusters.createCrossClusterApiKey',
  addTrustedEnvironment: 'elasticRemoteClusters.addTrustedEnvironment',
  editTrust: 'elasticRemoteClusters.editTrust',
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
  // The view's item actions: they take the clicked tree node and are hidden from the Command Palette.
  viewAddConnection: 'elasticRemoteClusters.view.addConnection',
  viewAddRemoteCluster: 'elasticRemoteClusters.view.addRemoteCluster',
  viewRemoveRemoteCluster: 'elasticRemoteClusters.view.removeRemoteCluster',
  viewEditTrust: 'elasticRemoteClusters.view.editTrust',
  viewAddTrustedEnvironment: 'elasticRemoteClusters.view.addTrustedEnvironment',
  viewTestConnection: 'elasticRemoteClusters.view.testConnection',
  viewRemoveConnection: 'elasticRemoteClusters.view.removeConnection',
  viewDiagnoseRemoteCluster: 'elasticRemoteClusters.view.diagnoseRemoteCluster',
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
