import { atLeast } from '../../version';
import type { ScopeRule } from '../rule';
import { fixes, removeSettingFix } from './edits';
import { occurrencesByDefinition } from '../../model/remoteAliases';

export const staticSettingInClusterSettings: ScopeRule = {
  id: 'static-setting-in-cluster-settings',
  severity: 'error',
  title: 'Static node setting in a `_cluster/settings` body',
  reference: [29],
  origins: ['cluster-settings'],
  check({ scope, document, report, stackVersion }) {
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      if (def.scope !== 'static') continue;
      // `search.remote.*` static keys were refused the same way while they existed; once removed
      // (8.0), legacy-search-remote reports them. Other legacy keys have their own rules.
      if (def.group === 'legacy') {
        if (!def.key.startsWith('search.remote.') || (def.removedIn && atLeast(stackVersion, def.removedIn))) continue;
      }
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        report({
          message: `\`${occurrence.key}\` is a static node setting: \`PUT _cluster/settings\` rejects it. Set it in elasticsearch.yml on each node (or in \`nodeSets[].config\` on ECK) and restart the nodes.`,
          span: occurrence.keySpan,
          fixes: fixes(removeSettingFix(document, scope, occurrence, `Remove '${occurrence.key}' from the request`)),
        });
      }
    }
  },
};
