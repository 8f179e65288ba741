/**
 * "Diagnose Remote Cluster" code lenses over each remote alias in elasticsearch.yml, ECK manifests
 * (nodeSet config) and `_cluster/settings` bodies, found with the language core's own alias
 * grouping. Which cluster a file belongs to is not written in it, so the lens appears only when the
 * answer is unambiguous: exactly one Elasticsearch connection is configured. The lens' argument
 * names that connection; the command asks nothing more.
 */
import * as vscode from 'vscode';
import { parseConfigDocument } from '../../../server/src/core/model/document';
import { remoteAliases } from '../../../server/src/core/rules/settings/support';
import type { ConnectionProfile } from '../connections/profile';

export const DIAGNOSE_COMMAND = 'elasticRemoteClusters.diagnoseRemoteCluster';
/** Files larger than this get no lenses: parsing them on every edit would slow typing. */
const MAX_TEXT = 512 * 1024;

/** The aliases of a document with the offset each is first written at. Pure; exported for tests. */
export function aliasAnchors(uri: string, text: string, languageId?: string): Array<{ alias: string; offset: number }> {
  if (text.length > MAX_TEXT) return [];
  const document = parseConfigDocument({ uri, text, languageId });
  const seen = new Set<string>();
  const anchors: Array<{ alias: string; offset: number }> = [];
  for (const scope of document.scopes) {
    for (const remote of remoteAliases(scope)) {
      if (seen.has(remote.alias)) continue;
      seen.add(remote.alias);
      anchors.push({ alias: remote.alias, offset: remote.anchor.span.start });
    }
  }
  return anchors;
}

/** The connection lenses point at: the only Elasticsearch connection, or none. */
export function lensConnection(profiles: ConnectionProfile[]): ConnectionProfile | undefined {
  const elasticsearch = profiles.filter((profile) => profile.kind === 'elasticsearch');
  return elasticsearch.length === 1 ? elasticsearch[0] : undefined;
}

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
        command: DIAGNOSE_COMMAND,
        arguments: [{ connectionId: connection.id, alias }],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
