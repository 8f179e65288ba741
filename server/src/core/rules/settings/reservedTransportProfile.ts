import { resolveKey } from '../../catalog/lookup';
import type { ScopeRule } from '../rule';
import { renameSegmentsFix } from './edits';
import { booleanValue, occurrenceOf } from '../../model/remoteAliases';

const RESERVED = 'transport.profiles._remote_cluster.';

export const reservedTransportProfile: ScopeRule = {
  id: 'reserved-transport-profile',
  severity: 'error',
  title: '`transport.profiles._remote_cluster.*` while the remote cluster server is enabled',
  reference: [34],
  origins: ['elasticsearch-yml', 'eck-config'],
  check({ scope, report }) {
    if (booleanValue(occurrenceOf(scope, 'remote_cluster_server.enabled')) !== true) return;
    for (let i = 0; i < scope.occurrences.length; i++) {
      const occurrence = scope.occurrences[i];
      if (!occurrence.key.startsWith(RESERVED)) continue;
      const target = `remote_cluster.${occurrence.key.slice(RESERVED.length)}`;
      const known = resolveKey(target).def !== undefined;
      const fix = known
        ? renameSegmentsFix(occurrence.segments.slice(0, 3), 'remote_cluster', `Change to '${target}'`)
        : undefined;
      report({
        message: `\`_remote_cluster\` is a reserved transport profile name: with the remote cluster server enabled the node refuses to start. Configure the interface with \`remote_cluster.*\` settings${known ? ` (here \`${target}\`)` : ''}.`,
        span: occurrence.keySpan,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
