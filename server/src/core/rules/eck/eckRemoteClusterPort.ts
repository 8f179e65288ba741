import type { ScopeRule } from '../rule';
import { nodeSetOfScope, removeNodeSetSettingFixes } from './common';
import { PORTS } from '../../catalog/facts';

export const eckRemoteClusterPort: ScopeRule = {
  id: 'eck-remote-cluster-port',
  severity: 'error',
  title: '`remote_cluster.port` other than 9443 in `nodeSets[].config`',
  reference: [65],
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    for (const occurrence of scope.occurrences) {
      if (occurrence.key !== 'remote_cluster.port') continue;
      const text = occurrence.value.text?.trim() ?? '';
      if (!/^\d+$/.test(text) || Number(text) === PORTS.remoteClusterServer) continue; // malformed values have their own rule
      report({
        message: `ECK's Services, container ports and generated seeds all use 9443 for the remote cluster server; with port ${text} nothing reaches it. Remove the setting (9443 is the default) and change the port on a Service instead if you need another one outside.`,
        span: occurrence.value.span,
        fixes: removeNodeSetSettingFixes(document, owner.nodeSet, occurrence, 'Remove remote_cluster.port'),
      });
    }
  },
};
