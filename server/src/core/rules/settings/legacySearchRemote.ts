import { compareVersions } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { renameSegmentsFix } from './edits';
import { occurrenceOf, occurrencesByDefinition } from '../../model/remoteAliases';
import type { KeySegment } from '../../model/settingsScope';

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
    // Where the first key segment of each other setting starts, collected once when first needed.
    let otherFirstSegments: Set<number> | undefined;
    const sharesFirstSegment = (first: KeySegment) => {
      if (!otherFirstSegments) {
        otherFirstSegments = new Set();
        for (let i = 0; i < scope.occurrences.length; i++) {
          const other = scope.occurrences[i];
          if (!other.key.startsWith('search.remote.')) otherFirstSegments.add(other.segments[0].span.start);
        }
      }
      return otherFirstSegments.has(first.span.start);
    };
    // A key that never existed under either name is unknown-setting's to report: no rename to suggest.
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      // The catalog entry of a `search.remote.*` key is a `search.remote.*` one, and only of those.
      if (!def.key.startsWith('search.remote.')) continue;
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        const target = `cluster.${occurrence.key.slice('search.'.length)}`;
        const connect = occurrence.key === 'search.remote.connect';
        const replacement = connect
          ? '`cluster.remote.connect` up to 7.x, `node.roles` (with or without `remote_cluster_client`) from 7.9 on'
          : `\`${target}\``;
        // Renaming a nested `search:` key would also rename unrelated search settings under it.
        const first = occurrence.segments[0];
        const fix =
          connect || occurrenceOf(scope, target) || sharesFirstSegment(first)
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
    }
  },
};
