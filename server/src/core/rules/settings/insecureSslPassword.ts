import { SSL_PREFIX_CLIENT, SSL_PREFIX_SERVER, UNREGISTERED_SSL_PASSWORD_SUFFIXES } from '../../catalog/settingsCatalog';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { moveToKeystoreFix } from './edits';

export const insecureSslPassword: ScopeRule = {
  id: 'insecure-ssl-password',
  severity: 'error',
  title: 'Plain-text password variant under `xpack.security.remote_cluster_*.ssl`',
  reference: [27],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (const occurrence of scope.occurrences) {
      const prefix = [SSL_PREFIX_SERVER, SSL_PREFIX_CLIENT].find((p) => occurrence.key.startsWith(p));
      if (!prefix) continue;
      const secure = UNREGISTERED_SSL_PASSWORD_SUFFIXES[occurrence.key.slice(prefix.length)];
      if (!secure) continue;
      const secureKey = prefix + secure;
      report({
        message: `\`${occurrence.key}\` does not exist for the remote cluster TLS settings (only the keystore variant is registered). Store the password with \`bin/elasticsearch-keystore add ${secureKey}\` and remove this entry.`,
        span: occurrence.keySpan,
        fixes: [moveToKeystoreFix(document, scope, occurrence, secureKey)],
      });
    }
  },
};
