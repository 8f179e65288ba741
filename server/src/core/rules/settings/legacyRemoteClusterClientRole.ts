import { compareVersions } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { occurrenceOf } from '../../model/remoteAliases';

export const legacyRemoteClusterClientRole: ScopeRule = {
  id: 'legacy-remote-cluster-client-role',
  severity: 'warning',
  title: 'Legacy `node.remote_cluster_client` role flag (use `node.roles`)',
  reference: [50],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, stackVersion, report }) {
    const legacy = occurrenceOf(scope, 'node.remote_cluster_client');
    if (!legacy) return;
    const roles = occurrenceOf(scope, 'node.roles');
    if (scope.origin === 'eck-config' && roles) {
      report({
        severity: 'error',
        message:
          'ECK refuses a nodeSet config that mixes `node.roles` with the legacy `node.remote_cluster_client` flag. Remove the flag and list `remote_cluster_client` in `node.roles` if the nodes need it.',
        span: legacy.keySpan,
        related: [{ span: roles.keySpan, message: '`node.roles` is set here' }],
        tags: ['deprecated'],
      });
      return;
    }
    // Before 7.9 there is no `node.roles`: the flag is the only way to say it.
    if (stackVersion && compareVersions(stackVersion, '7.9.0') < 0) return;
    report({
      message:
        '`node.remote_cluster_client` is the legacy role flag, replaced by `node.roles` in 7.9 (and believed removed in 8.0). List `remote_cluster_client` in `node.roles` instead.',
      span: legacy.keySpan,
      tags: ['deprecated'],
    });
  },
};
