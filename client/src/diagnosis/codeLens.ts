/**
 * "Diagnose Remote Cluster" code lenses over each remote alias in elasticsearch.yml, ECK manifests
 * (nodeSet config) and `_cluster/settings` bodies, found with the language core's own alias
 * grouping. Which cluster a file belongs to is not written in it, so the lens appears only when the
 * answer is unambiguous: exactly one Elasticsearch connection is configured. The lens' argument
 * names that connection; the command asks nothing more.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { ConnectionProfile } from '../connections/profile';
import { aliasAnchors, lensConnection } from './aliases';

export class DiagnoseCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly profiles: () => ConnectionProfile[]) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const connection = lensConnection(this.profiles());
    if (!connection) return [];
    return aliasAnchors(document.uri.toString(), document.getText(), document.languageId).map(({ alias, offset }) => {
      const position = document.positionAt(offset);
      return new vscode.CodeLens(new vscode.Range(position, position), {
        title: `Diagnose "${alias}" on ${connection.name}`,
        command: COMMANDS.diagnoseRemoteCluster,
        arguments: [{ connectionId: connection.id, alias }],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
