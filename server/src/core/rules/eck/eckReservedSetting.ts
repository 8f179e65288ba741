import type { ScopeRule } from '../rule';
import { nodeSetOfScope, removeNodeSetSettingFixes } from './common';

/** Keys ECK reserves for itself; its admission webhook warns when a nodeSet sets one. */
export const ECK_RESERVED_SETTINGS: ReadonlySet<string> = new Set([
  'cluster.name',
  'discovery.seed_hosts',
  'discovery.seed_providers',
  'cluster.initial_master_nodes',
  'network.host',
  'network.publish_host',
  'node.name',
  'path.data',
  'path.logs',
  'xpack.security.authc.reserved_realm.enabled',
  'xpack.security.enabled',
  'xpack.security.http.ssl.certificate',
  'xpack.security.http.ssl.enabled',
  'xpack.security.http.ssl.key',
  'xpack.security.transport.ssl.enabled',
  'xpack.security.transport.ssl.verification_mode',
]);

export const eckReservedSetting: ScopeRule = {
  id: 'eck-reserved-setting',
  severity: 'warning',
  title: 'Setting ECK reserves for itself in `nodeSets[].config` (ECK admission warning)',
  reference: [67],
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    for (const occurrence of scope.occurrences) {
      if (!ECK_RESERVED_SETTINGS.has(occurrence.key)) continue;
      report({
        message: `ECK manages \`${occurrence.key}\` and warns when a nodeSet overrides it; your value replaces ECK's and can break discovery, TLS or remote connections. Remove it.`,
        span: occurrence.keySpan,
        fixes: removeNodeSetSettingFixes(document, owner.nodeSet, occurrence, `Remove ${occurrence.key}`),
      });
    }
  },
};
