import { SSL_PREFIX_CLIENT } from '../../catalog/settingsCatalog';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { fixes, removeSettingFix } from './edits';
import { occurrencesOf } from '../../model/remoteAliases';

const KEY = `${SSL_PREFIX_CLIENT}client_authentication`;

export const clientSslClientAuthentication: ScopeRule = {
  id: 'client-ssl-client-authentication',
  severity: 'error',
  title: '`client_authentication` under `xpack.security.remote_cluster_client.ssl`',
  reference: [40],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (const occurrence of occurrencesOf(scope, KEY)) {
      report({
        message:
          '`client_authentication` is a server-side setting; it is not registered for the remote cluster client and Elasticsearch rejects it. Remove it (on the remote, `xpack.security.remote_cluster_server.ssl.client_authentication` controls it).',
        span: occurrence.keySpan,
        fixes: fixes(removeSettingFix(document, scope, occurrence)),
      });
    }
  },
};
