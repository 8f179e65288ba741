import { atLeast } from '../../version';
import type { ScopeRule } from '../rule';
import { fixes, removeSettingFix } from './edits';

export const staticSettingInClusterSettings: ScopeRule = {
  id: 'static-setting-in-cluster-settings',
  severity: 'error',
  title: 'Static node setting in a `_cluster/settings` body',
  reference: [29],
  origins: ['cluster-settings'],
  check({ scope, document, report, stackVersion }) {
    for (let i = 0; i < scope.occurrences.length; i++) {
      const occurrence = scope.occurrences[i];
      const def = occurrence.resolved.def;
      if (!def || def.scope !== 'static') continue;
      // `search.remote.*` static keys were refused the same way while they existed; once removed
      // (8.0), legacy-search-remote reports them. Other legacy keys have their own rules.
      if (def.group === 'legacy') {
        if (!def.key.startsWith('search.remote.') || (def.removedIn && atLeast(stackVersion, def.removedIn))) continue;
      }
      report({
        message: `\`${occurrence.key}\` is a static node setting: \`PUT _cluster/settings\` rejects it. Set it in elasticsearch.yml on each node (or in \`nodeSets[].config\` on ECK) and restart the nodes.`,
        span: occurrence.keySpan,
        fixes: fixes(removeSettingFix(document, scope, occurrence, `Remove '${occurrence.key}' from the request`)),
      });
    }
  },
};
