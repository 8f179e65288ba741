/**
 * Where the code lenses go: the remote aliases of a document, found with the language core's own
 * alias grouping (elasticsearch.yml flat or nested, ECK nodeSet config, `_cluster/settings`
 * bodies) and its ECK manifest model (`spec.remoteClusters[].name`, which ECK turns into the
 * alias of a remote cluster), and the connection they point at. Pure.
 */
import { parseConfigDocument, remoteAliases, VALID_ALIAS } from '#core';
import type { ConnectionProfile } from '../connections/profile';

/** Files larger than this get no lenses: parsing them on every edit would slow typing. */
const MAX_TEXT = 512 * 1024;

/** The aliases of a document with the offset each is first written at. Pure; exported for tests. */
export function aliasAnchors(uri: string, text: string, languageId?: string): Array<{ alias: string; offset: number }> {
  if (text.length > MAX_TEXT) return [];
  const document = parseConfigDocument({ uri, text, languageId });
  const seen = new Set<string>();
  const anchors: Array<{ alias: string; offset: number }> = [];
  const add = (alias: string, offset: number) => {
    if (seen.has(alias)) return;
    seen.add(alias);
    anchors.push({ alias, offset });
  };
  for (const scope of document.scopes) {
    for (const remote of remoteAliases(scope)) add(remote.alias, remote.anchor.span.start);
  }
  for (const elasticsearch of document.eck?.elasticsearches ?? []) {
    for (const { name } of elasticsearch.remoteClusters) {
      // A name that cannot be an alias is the manifest checks' business; no lens for it.
      if (name && VALID_ALIAS.test(name.value)) add(name.value, name.span.start);
    }
  }
  return anchors.sort((a, b) => a.offset - b.offset);
}

/** The connection lenses point at: the only Elasticsearch connection, or none. */
export function lensConnection(profiles: ConnectionProfile[]): ConnectionProfile | undefined {
  const elasticsearch = profiles.filter((profile) => profile.kind === 'elasticsearch');
  return elasticsearch.length === 1 ? elasticsearch[0] : undefined;
}
