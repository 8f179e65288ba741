/**
 * The texts of the language status items, from the server's document status. Pure, so unit
 * tests cover every case; languageStatus.ts puts them on the editor's status items. All of them
 * are informational: an unset version or alias list only means fewer checks, and a warning icon
 * on every such file would nag.
 */
import type { DocumentStatus } from '../../server/src/lsp/protocol';

export interface StatusEntry {
  /** Stable id of the item (one per idea, so an item keeps its place while the status changes). */
  id: 'document' | 'stackVersion' | 'keystoreAliases';
  /** Shown in the language status hover when the item is pinned. */
  name: string;
  text: string;
  detail: string;
  /** The setting the item's link opens. */
  setting?: { id: string; title: string };
}

const STACK_VERSION_SETTING = { id: 'elasticRemoteClusters.stackVersion', title: 'Set Version' };
const KEYSTORE_SETTING = { id: 'elasticRemoteClusters.keystoreCredentialAliases', title: 'Set Aliases' };

/** The items for a document, or undefined when the server says it is not about remote clusters. */
export function presentDocumentStatus(status: DocumentStatus): StatusEntry[] | undefined {
  if (status.kind === 'unrelated') return undefined;
  const entries: StatusEntry[] = [
    {
      id: 'document',
      name: 'Elastic Remote Clusters: document',
      text: `Remote clusters: ${status.recognizedAs}`,
      detail: 'How the remote-cluster checks read this file',
    },
    stackVersionEntry(status),
  ];
  if (status.keystoreCredentialAliases !== undefined) entries.push(keystoreEntry(status.keystoreCredentialAliases));
  return entries;
}

function stackVersionEntry(status: DocumentStatus): StatusEntry {
  const base = {
    id: 'stackVersion',
    name: 'Elastic Remote Clusters: Elasticsearch version',
    setting: STACK_VERSION_SETTING,
  } as const;
  if (!status.stackVersion) {
    return { ...base, text: 'Elasticsearch version: unknown', detail: 'Version-dependent checks are off until it is set' };
  }
  const detail =
    status.stackVersionSource === 'document' ? 'From this file (it wins over the setting)' : 'From the stackVersion setting';
  return { ...base, text: `Elasticsearch ${status.stackVersion}`, detail };
}

function keystoreEntry(aliases: string[] | null): StatusEntry {
  const base = {
    id: 'keystoreAliases',
    name: 'Elastic Remote Clusters: keystore credentials',
    setting: KEYSTORE_SETTING,
  } as const;
  if (aliases === null)
    return { ...base, text: 'Keystore aliases: unknown', detail: 'Checks that depend on the security model stay silent' };
  if (aliases.length === 0)
    return { ...base, text: 'Keystore aliases: none', detail: 'No alias has cluster.remote.<alias>.credentials' };
  return {
    ...base,
    text: `Keystore aliases: ${aliases.join(', ')}`,
    detail: 'Aliases with cluster.remote.<alias>.credentials (API-key model)',
  };
}
