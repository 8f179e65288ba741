import type { ScopeRule } from '../rule';
import { nodeSetOfScope, removeNodeSetSettingFixes } from './common';

/**
 * Settings ECK writes itself when the remote cluster server is enabled in the spec. A Map, as below:
 * keys read from a file are not interned strings, and V8 looks such a key up in an object literal
 * through its string table every time (about 10× slower than a Map, for every setting of every nodeSet).
 */
const SERVER_MANAGED: ReadonlyMap<string, string> = new Map([
  ['remote_cluster.host', 'binds the interface on every address'],
  [
    'remote_cluster.publish_host',
    "publishes each Pod's DNS name in the headless Service, which remote clusters in sniff mode connect to",
  ],
  ['xpack.security.remote_cluster_server.ssl.key', 'points it at the node certificates it issues and rotates'],
  ['xpack.security.remote_cluster_server.ssl.certificate', 'points it at the node certificates it issues and rotates'],
  [
    'xpack.security.remote_cluster_server.ssl.certificate_authorities',
    'lists its transport CA and the CAs of managed remote clusters',
  ],
]);

/**
 * Settings ECK writes when at least one `spec.remoteClusters[]` entry uses `apiKey`. The reference
 * derives this from ECK's config code; the end-to-end behaviour is unverified, so this stays a warning.
 */
const CLIENT_MANAGED: ReadonlyMap<string, string> = new Map([
  ['xpack.security.remote_cluster_client.ssl.enabled', 'turns client TLS on for API-key remote clusters'],
  ['xpack.security.remote_cluster_client.ssl.certificate_authorities', 'lists the CAs of the remote clusters it manages'],
]);

export const eckManagedSetting: ScopeRule = {
  id: 'eck-managed-setting',
  severity: 'warning',
  title: 'Remote-cluster setting in `nodeSets[].config` that ECK already manages for this resource',
  reference: [66],
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    const usesApiKeys = owner.es.remoteClusters.some((entry) => entry.apiKeyField);
    if (!owner.es.remoteClusterServerEnabled && !usesApiKeys) return;
    for (const occurrence of scope.occurrences) {
      // ECK merges the user's config into its own with ucfg.AppendValues (pkg/controller/common/settings/
      // canonical_config.go): a list of CAs is added to ECK's list, not put in its place. A single
      // string is not a list, so it stays reported.
      if (occurrence.key.endsWith('.ssl.certificate_authorities') && occurrence.value.kind === 'list') continue;
      const serverReason = owner.es.remoteClusterServerEnabled ? SERVER_MANAGED.get(occurrence.key) : undefined;
      // Repeating ECK's own `enabled: true` changes nothing; `false` has its own settings rule.
      const sameAsEck = occurrence.key.endsWith('.ssl.enabled') && occurrence.value.text?.toLowerCase() === 'true';
      const clientReason = usesApiKeys && !sameAsEck ? CLIENT_MANAGED.get(occurrence.key) : undefined;
      const reason = serverReason ?? clientReason;
      if (!reason) continue;
      const because = serverReason ? '`spec.remoteClusterServer.enabled` is true' : 'a `spec.remoteClusters` entry uses `apiKey`';
      report({
        message: `ECK sets \`${occurrence.key}\` itself here (${because}: it ${reason}). A value in \`config\` replaces ECK's, which easily breaks TLS trust or the published address; remove it unless you mean to take over.`,
        span: occurrence.keySpan,
        fixes: removeNodeSetSettingFixes(document, owner.nodeSet, occurrence, `Remove ${occurrence.key}`),
      });
    }
  },
};
