import { isNullValue } from '../../model/settingsScope';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { remoteAliases, written } from '../../model/remoteAliases';

export const legacySniffProxy: ScopeRule = {
  id: 'legacy-sniff-proxy',
  severity: 'warning',
  title: 'Undocumented sniff-mode `cluster.remote.<alias>.proxy`',
  reference: [51],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      const occurrence = remote.bySuffix.get('proxy');
      if (!occurrence || isNullValue(occurrence.value)) continue;
      report({
        message: `\`cluster.remote.${remote.alias}.proxy\` is a legacy, undocumented sniff-mode setting that Elasticsearch does not recommend. To connect through a proxy, use \`${written(document, 'mode', 'proxy')}\` with \`proxy_address\` (and \`server_name\` if the proxy routes on TLS SNI).`,
        span: occurrence.keySpan,
        tags: ['deprecated'],
      });
    }
  },
};
