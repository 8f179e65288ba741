import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { remoteAliases, visibleSegmentSpan } from '../../model/remoteAliases';

export const aliasEmpty: ScopeRule = {
  id: 'alias-empty',
  severity: 'error',
  title: 'Empty remote cluster alias (`cluster.remote..seeds`)',
  reference: [3],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const remotes = remoteAliases(scope, { includeInvalid: true });
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (remote.alias !== '') continue;
      const reported = new Set<number>(); // nested keys share one (empty) alias key
      for (const { occurrence, suffix } of remote.settings) {
        const aliasSegment = occurrence.segments[2];
        if (reported.has(aliasSegment.span.start)) continue;
        reported.add(aliasSegment.span.start);
        report({
          message: `\`${occurrence.key}\` has an empty remote cluster alias. Put the alias between \`cluster.remote.\` and the setting name, for example \`cluster.remote.my_remote.${suffix || 'seeds'}\`.`,
          span: visibleSegmentSpan(aliasSegment, document.text),
        });
      }
    }
  },
};
