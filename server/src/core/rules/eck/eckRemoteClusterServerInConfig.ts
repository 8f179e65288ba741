import type { EckElasticsearch, NodeSet } from '../../eck/manifest';
import type { ConfigDocument } from '../../model/configDocument';
import type { SettingOccurrence } from '../../model/settingsScope';
import type { Fix } from '../../types';
import type { ScopeRule } from '../rule';
import { enableRemoteClusterServerEdit, nodeSetOfScope, removeSettingEdit, removeNodeSetSettingFixes } from './common';

const KEY = 'remote_cluster_server.enabled';

export const eckRemoteClusterServerInConfig: ScopeRule = {
  id: 'eck-remote-cluster-server-in-config',
  severity: 'warning',
  title: '`remote_cluster_server.enabled` in `nodeSets[].config` instead of `spec.remoteClusterServer.enabled`',
  reference: [64],
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    for (const occurrence of scope.occurrences) {
      if (occurrence.key !== KEY) continue;
      const enabled = occurrence.value.text?.toLowerCase() === 'true';
      if (!enabled && !owner.es.remoteClusterServerEnabled) continue; // `false` on a cluster that does not use it: harmless
      if (enabled && owner.es.remoteClusterServerEnabled) {
        report({
          severity: 'info',
          message: '`spec.remoteClusterServer.enabled: true` already turns the remote cluster server on; this line is redundant.',
          span: occurrence.keySpan,
          tags: ['unnecessary'],
          fixes: removeNodeSetSettingFixes(document, owner.nodeSet, occurrence, `Remove ${KEY}`),
        });
        continue;
      }
      report({
        message: enabled
          ? 'Enable the remote cluster server with `spec.remoteClusterServer.enabled: true` instead: set only here, ECK creates no `-es-remote-cluster` Service, no 9443 port on its Services and no TLS certificates for the interface.'
          : '`spec.remoteClusterServer.enabled` is true, but this line turns the server off again on these nodes (node config wins over what ECK generates). Remove it.',
        span: occurrence.keySpan,
        fixes: enabled
          ? moveToSpecFix(document, owner.es, owner.nodeSet, occurrence)
          : removeNodeSetSettingFixes(document, owner.nodeSet, occurrence, `Remove ${KEY}`),
      });
    }
  },
};

function moveToSpecFix(
  document: ConfigDocument,
  es: EckElasticsearch,
  nodeSet: NodeSet,
  occurrence: SettingOccurrence,
): Fix[] | undefined {
  const remove = removeSettingEdit(document, nodeSet, occurrence);
  const enable = enableRemoteClusterServerEdit(document, es);
  return remove && enable
    ? [{ title: 'Move to spec.remoteClusterServer.enabled', edits: [remove, enable], isPreferred: true }]
    : undefined;
}
