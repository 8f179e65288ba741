import { compareVersions } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { renameSegmentsFix } from './edits';
import { occurrenceOf } from '../../model/remoteAliases';

export const legacySearchRemote: ScopeRule = {
  id: 'legacy-search-remote',
  severity: 'warning',
  title: 'Old `search.remote.*` names (use `cluster.remote.*`; correct before 6.5, so silent there)',
  reference: [49],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, stackVersion, report }) {
    // Before 6.5 `search.remote.*` is the only name there is: nothing to rename to yet.
    if (stackVersion !== undefined && compareVersions(stackVersion, '6.5.0') < 0) return;
    const removed = stackVersion !== undefined && compareVersions(stackVersion, '8.0.0') >= 0;
    for (const occurrence of scope.occurrences) {
      // A key that never existed under either name is unknown-setting's to report: no rename to suggest.
      if (!occurrence.key.startsWith('search.remote.') || !occurrence.resolved.def) continue;
      const target = `cluster.${occurrence.key.slice('search.'.length)}`;
      const connect = occurrence.key === 'search.remote.connect';
      const replacement = connect
        ? '`cluster.remote.connect` up to 7.x, `node.roles` (with or without `remote_cluster_client`) from 7.9 on'
        : `\`${target}\``;
      // Renaming a nested `search:` key would also rename unrelated search settings under it.
      const first = occurrence.segments[0];
      const sharedParent = scope.occurrences.some(
        (o) => o !== occurrence && o.segments[0].span.start === first.span.start && !o.key.startsWith('search.remote.'),
      );
      const fix =
        connect || occurrenceOf(scope, target) || sharedParent
          ? undefined
          : renameSegmentsFix([first], 'cluster', `Change to '${target}'`);
      report({
        severity: removed ? 'error' : 'warning',
        message: removed
          ? `\`${occurrence.key}\` was removed in Elasticsearch 8.0; ${stackVersion?.text} rejects it. Use ${replacement}.`
          : `\`${occurrence.key}\` is the old 6.x name, only read as a deprecated fallback in 7.x and removed in 8.0. Use ${replacement}.`,
        span: occurrence.keySpan,
        tags: ['deprecated'],
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
