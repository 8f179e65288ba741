import { SSL_PREFIX_SERVER } from '../../catalog/settingsCatalog';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { fixes, removeSettingFix } from './edits';
import { occurrencesOf } from '../../model/remoteAliases';

const KEY = `${SSL_PREFIX_SERVER}verification_mode`;

/**
 * The security-settings reference lists this key, but Elasticsearch's own settings test asserts it
 * is not registered for the server prefix. Unverified at run time, so a warning, not an error.
 */
export const serverSslVerificationMode: ScopeRule = {
  id: 'server-ssl-verification-mode',
  severity: 'warning',
  title: '`verification_mode` under `xpack.security.remote_cluster_server.ssl` (probably not registered)',
  reference: [40],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (const occurrence of occurrencesOf(scope, KEY)) {
      report({
        message:
          "`verification_mode` is probably not accepted for the remote cluster server: Elasticsearch's code does not register it there (the documentation lists it). The server does not verify clients by certificate in the API-key model; remove it if the node rejects it.",
        span: occurrence.keySpan,
        fixes: fixes(removeSettingFix(document, scope, occurrence)),
      });
    }
  },
};
