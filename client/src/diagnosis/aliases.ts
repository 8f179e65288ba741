/**
 * Where the code lenses go: the remote aliases of a document, found with the language core's own
 * alias grouping (elasticsearch.yml flat or nested, ECK nodeSet config, `_cluster/settings`
 * bodies), and the connection they point at. Pure.
 */
import { parseConfigDocument, remoteAliases } from '#core';
import type { ConnectionProfile } from '../connections/profile';

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
