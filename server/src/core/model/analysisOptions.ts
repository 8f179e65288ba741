import type { EckWorkspaceSummary } from '../eck/workspaceSummary';

/** What the host (editor, CLI) tells the analysis beyond the document itself. */
export interface AnalysisOptions {
  /** Stack version from the editor setting; a version found in the document itself wins. */
  stackVersion?: string;
  /**
   * Aliases whose `cluster.remote.<alias>.credentials` is in the keystore, when known. Settings files
   * never hold credentials, so this is what tells the rules an alias uses the API-key model;
   * undefined means unknown and the model-dependent rules stay silent.
   */
  keystoreCredentialAliases?: readonly string[];
  /** ECK objects defined in other files of the workspace, for cross-document checks (filled by the language server). */
  eckWorkspace?: EckWorkspaceSummary;
}
