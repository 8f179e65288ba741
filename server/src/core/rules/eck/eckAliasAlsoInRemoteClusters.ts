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
    const managed = new Map(
      owner.es.remoteClusters.flatMap((entry) => (entry.name ? [[entry.name.value, entry.name.span] as const] : [])),
    );
    const reported = new Set<string>();
    for (const occurrence of scope.occurrences) {
      if (!occurrence.key.startsWith('cluster.remote.')) continue;
      const resolved = occurrence.resolved;
      if (resolved.alias === undefined || resolved.aliasIndex === undefined || reported.has(resolved.alias)) continue;
      const declared = managed.get(resolved.alias);
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
