import { compareVersions } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { occurrencesOf } from '../../model/remoteAliases';

/**
 * Deprecated in 7.7 (remote_cluster_client role). Its removal in 8.0 is inferred from the 8.x
 * code, not confirmed in breaking-change notes, so even on 8.x this stays a warning.
 */
export const clusterRemoteConnect: ScopeRule = {
  id: 'cluster-remote-connect',
  severity: 'warning',
  title: 'Deprecated `cluster.remote.connect` (use `node.roles`)',
  reference: [48],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, stackVersion, report }) {
    if (stackVersion && compareVersions(stackVersion, '7.7.0') < 0) return;
    for (const occurrence of occurrencesOf(scope, 'cluster.remote.connect')) {
      const removed = stackVersion && compareVersions(stackVersion, '8.0.0') >= 0;
      report({
        message: removed
          ? `\`cluster.remote.connect\` no longer exists in Elasticsearch 8 (removal believed to be in 8.0), so ${stackVersion.text} likely refuses it. Control remote connections with \`node.roles\`: include or leave out \`remote_cluster_client\`.`
          : '`cluster.remote.connect` is deprecated since 7.7 and gone in 8.x. Control remote connections with `node.roles`: include or leave out `remote_cluster_client`.',
        span: occurrence.keySpan,
        tags: ['deprecated'],
      });
    }
  },
};
