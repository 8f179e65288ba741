import type { RemoteClusterEntry } from '../../eck/manifest';
import type { Span } from '../../types';
import type { ScopeRule } from '../rule';
import { nodeSetOfScope } from './common';

export const eckAliasAlsoInRemoteClusters: ScopeRule = {
  id: 'eck-alias-also-in-remote-clusters',
  severity: 'warning',
  title: '`cluster.remote.<alias>.*` in `nodeSets[].config` for an alias `spec.remoteClusters` also declares',
  reference: [68],
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    const { remoteClusters } = owner.es;
    if (remoteClusters.length === 0) return;
    const reported = new Set<string>();
    for (const occurrence of scope.occurrences) {
      if (!occurrence.key.startsWith('cluster.remote.')) continue;
      const resolved = occurrence.resolved;
      if (resolved.alias === undefined || resolved.aliasIndex === undefined || reported.has(resolved.alias)) continue;
      const declared = declaredAt(remoteClusters, resolved.alias);
      if (!declared) continue;
      reported.add(resolved.alias);
      report({
        message: `\`${resolved.alias}\` is also declared in \`spec.remoteClusters\`: ECK writes its connection settings into the cluster settings, which override node configuration. Configure this remote in one place only.`,
        span: occurrence.segments[resolved.aliasIndex].span,
        related: [{ span: declared, message: 'Managed by ECK here' }],
      });
    }
  },
};

/** Where `spec.remoteClusters` names `alias` (its last entry of that name); a search, not a Map built per nodeSet. */
function declaredAt(entries: readonly RemoteClusterEntry[], alias: string): Span | undefined {
  for (let index = entries.length - 1; index >= 0; index--) {
    const name = entries[index].name;
    if (name?.value === alias) return name.span;
  }
  return undefined;
}
