import { isMap } from 'yaml';
import { insertEntryEdit, pairChain, removeNestedEntryEdit, replaceNodeEdit } from '../../eck/edits';
import { manifestIndex, type EckElasticsearch, type NodeSet } from '../../eck/manifest';
import { fieldOf } from '../../eck/yamlAst';
import type { ConfigDocument, DocumentKind } from '../../model/configDocument';
import type { SettingOccurrence, SettingsScope } from '../../model/settingsScope';
import type { Fix, TextEdit } from '../../types';
import { compareVersions } from '../../version';
import { VERSION_GATES } from '../../catalog/facts';

/** Helpers shared by the ECK rules. */

export const ECK_KINDS: readonly DocumentKind[] = ['eck-manifest'];

export function elasticsearchesOf(document: ConfigDocument): EckElasticsearch[] {
  return document.eck?.elasticsearches ?? [];
}

/** The Elasticsearch resource and nodeSet a `nodeSets[].config` settings scope belongs to. */
export function nodeSetOfScope(
  document: ConfigDocument,
  scope: SettingsScope,
): { es: EckElasticsearch; nodeSet: NodeSet } | undefined {
  return document.eck ? manifestIndex(document.eck).ownerOfScope.get(scope) : undefined;
}

/** `Elasticsearch "quickstart"`, or a neutral phrase for a resource without a name yet. */
export function resourceLabel(es: EckElasticsearch): string {
  return es.name ? `Elasticsearch \`${es.name.value}\`` : 'this Elasticsearch resource';
}

/** Label of a nodeSet for messages: its name, else its position. */
export function nodeSetLabel(nodeSet: NodeSet): string {
  return nodeSet.name ? `nodeSet \`${nodeSet.name.value}\`` : `nodeSet #${nodeSet.index + 1}`;
}

/** Edit deleting a setting from a nodeSet `config` (and parent keys it leaves empty). */
export function removeSettingEdit(
  document: ConfigDocument,
  nodeSet: NodeSet,
  occurrence: SettingOccurrence,
): TextEdit | undefined {
  const config = nodeSet.configField?.value;
  return isMap(config)
    ? removeNestedEntryEdit(document.text, document.lines, pairChain(config, occurrence.keySpan.start))
    : undefined;
}

export function removeNodeSetSettingFixes(
  document: ConfigDocument,
  nodeSet: NodeSet,
  occurrence: SettingOccurrence,
  title: string,
): Fix[] | undefined {
  const edit = removeSettingEdit(document, nodeSet, occurrence);
  return edit ? [{ title, edits: [edit], isPreferred: true }] : undefined;
}

/**
 * Edit that makes `spec.remoteClusterServer.enabled` true: flips an existing value, adds `enabled`
 * to an existing block, or adds the block after `spec.version` (never inside `nodeSets`, so it
 * cannot collide with an edit in a nodeSet config).
 */
export function enableRemoteClusterServerEdit(document: ConfigDocument, es: EckElasticsearch): TextEdit | undefined {
  if (!es.spec || es.remoteClusterServerEnabled) return undefined;
  // Not offered where it would only trade this finding for the version error.
  if (es.stackVersion && compareVersions(es.stackVersion, VERSION_GATES.apiKeyModel) < 0) return undefined;
  if (es.remoteClusterServerEnabledField) return replaceNodeEdit(es.remoteClusterServerEnabledField.value, 'true');
  const block = es.remoteClusterServerField?.value;
  if (isMap(block)) return insertEntryEdit(document.text, document.lines, block, 'enabled', 'true');
  if (es.remoteClusterServerField) return undefined;
  const anchor = fieldOf(es.spec, 'version')?.pair;
  return anchor
    ? insertEntryEdit(document.text, document.lines, es.spec, 'remoteClusterServer', ['enabled: true'], anchor)
    : undefined;
}
