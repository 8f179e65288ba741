import type { ScopeRule } from '../rule';
import { fixes, removeSettingFix } from './edits';

export const staticSettingInClusterSettings: ScopeRule = {
  id: 'static-setting-in-cluster-settings',
  severity: 'error',
  title: 'Static node setting in a `_cluster/settings` body',
  reference: [29],
  origins: ['cluster-settings'],
  check({ scope, document, report }) {
    for (const occurrence of scope.occurrences) {
      const def = occurrence.resolved.def;
      // Legacy keys have their own rule (legacy-search-remote, cluster-remote-connect).
      if (!def || def.scope !== 'static' || def.group === 'legacy') continue;
      report({
        message: `\`${occurrence.key}\` is a static node setting: \`PUT _cluster/settings\` rejects it. Set it in elasticsearch.yml on each node (or in \`nodeSets[].config\` on ECK) and restart the nodes.`,
        span: occurrence.keySpan,
        fixes: fixes(removeSettingFix(document, scope, occurrence, `Remove '${occurrence.key}' from the request`)),
      });
    }
  },
};
