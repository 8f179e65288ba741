/**
 * What cross-document rules need to know about manifests in other files of the workspace: names,
 * namespaces and a few facts per object, never values of secrets. Plain data, so the analysis
 * options can carry it without depending on how it is built (eck/workspace.ts).
 */

export interface WorkspaceElasticsearch {
  uri: string;
  name: string;
  namespace?: string;
  version?: string;
  remoteClusterServerEnabled: boolean;
}

export interface WorkspaceSecret {
  uri: string;
  name: string;
  namespace?: string;
  /** Key names only. */
  keys: string[];
}

export interface EckWorkspaceSummary {
  elasticsearches: WorkspaceElasticsearch[];
  secrets: WorkspaceSecret[];
  /** ConfigMaps (`data` and `binaryData` key names only); optional so summaries built elsewhere stay valid. */
  configMaps?: WorkspaceSecret[];
  operatorVersions: string[];
}

export const EMPTY_SUMMARY: EckWorkspaceSummary = { elasticsearches: [], secrets: [], operatorVersions: [] };

export function mergeSummaries(summaries: Iterable<EckWorkspaceSummary>): EckWorkspaceSummary {
  const merged: EckWorkspaceSummary = { elasticsearches: [], secrets: [], configMaps: [], operatorVersions: [] };
  for (const summary of summaries) {
    merged.elasticsearches.push(...summary.elasticsearches);
    merged.secrets.push(...summary.secrets);
    merged.configMaps!.push(...(summary.configMaps ?? []));
    merged.operatorVersions.push(...summary.operatorVersions);
  }
  return merged;
}
