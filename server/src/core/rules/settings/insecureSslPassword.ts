import { SSL_PREFIX_CLIENT, SSL_PREFIX_SERVER, UNREGISTERED_SSL_PASSWORD_SUFFIXES } from '../../catalog/settingsCatalog';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { moveToKeystoreFix } from './edits';
import { occurrencesOf } from '../../model/remoteAliases';

/** Each plain-text password key under both TLS prefixes, with the keystore setting it should be. */
const PLAIN_PASSWORD_KEYS: ReadonlyArray<{ key: string; secureKey: string }> = [SSL_PREFIX_SERVER, SSL_PREFIX_CLIENT].flatMap(
  (prefix) =>
    Object.entries(UNREGISTERED_SSL_PASSWORD_SUFFIXES).map(([plain, secure]) => ({
      key: prefix + plain,
      secureKey: prefix + secure,
    })),
);

export const insecureSslPassword: ScopeRule = {
  id: 'insecure-ssl-password',
  severity: 'error',
  title: 'Plain-text password variant under `xpack.security.remote_cluster_*.ssl`',
  reference: [27],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (const { key, secureKey } of PLAIN_PASSWORD_KEYS) {
      for (const occurrence of occurrencesOf(scope, key)) {
        report({
          message: `\`${occurrence.key}\` does not exist for the remote cluster TLS settings (only the keystore variant is registered). Store the password with \`bin/elasticsearch-keystore add ${secureKey}\` and remove this entry.`,
          span: occurrence.keySpan,
          fixes: [moveToKeystoreFix(document, scope, occurrence, secureKey)],
        });
      }
    }
  },
};
