import { isNullValue } from '../../model/settingsScope';
import type { ScopeRule } from '../rule';
import { enableRemoteClusterServerEdit, nodeSetOfScope } from './common';

export const eckRemoteClusterSettingsWithoutServer: ScopeRule = {
  id: 'eck-remote-cluster-settings-without-server',
  severity: 'warning',
  title: '`remote_cluster.*` in `nodeSets[].config` while `spec.remoteClusterServer.enabled` is not true',
  reference: [32],
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner || owner.es.remoteClusterServerEnabled) return;
    // Turned on in the config instead: eck-remote-cluster-server-in-config says what to do.
    if (scope.occurrences.some((o) => o.key === 'remote_cluster_server.enabled' && o.value.text?.toLowerCase() === 'true'))
      return;
    const serverKeys = scope.occurrences.filter((o) => o.key.startsWith('remote_cluster.') && !isNullValue(o.value));
    if (serverKeys.length === 0) return;
    const edit = enableRemoteClusterServerEdit(document, owner.es);
    report({
      message:
        'The remote cluster server of this resource is off (`spec.remoteClusterServer.enabled` is not true), so `remote_cluster.*` settings have no effect. Enable it in the spec if this cluster should accept API-key connections, or remove them.',
      span: serverKeys[0].keySpan,
      related: serverKeys.slice(1).map((o) => ({ span: o.keySpan, message: 'Also without effect' })),
      fixes: edit ? [{ title: 'Set spec.remoteClusterServer.enabled: true', edits: [edit], isPreferred: true }] : undefined,
    });
  },
};
