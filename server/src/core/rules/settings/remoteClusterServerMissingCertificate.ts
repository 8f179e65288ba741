import { SSL_PREFIX_SERVER } from '../../catalog/settingsCatalog';
import type { ScopeRule } from '../rule';
import { booleanValue, hasValue, occurrenceOf } from '../../model/remoteAliases';

/**
 * A TLS server needs a key and certificate. Only elasticsearch.yml: ECK injects its own. The exact
 * start-up failure text is not confirmed in our sources; the need for a key is.
 */
export const remoteClusterServerMissingCertificate: ScopeRule = {
  id: 'remote-cluster-server-missing-certificate',
  severity: 'error',
  title: 'Remote cluster server with TLS on but no key/certificate or keystore',
  reference: [42],
  origins: ['elasticsearch-yml'],
  check({ scope, report }) {
    const enabled = occurrenceOf(scope, 'remote_cluster_server.enabled');
    if (!enabled || booleanValue(enabled) !== true) return;
    if (booleanValue(occurrenceOf(scope, `${SSL_PREFIX_SERVER}enabled`)) === false) return; // reported by remote-cluster-ssl-disabled
    const has = (suffix: string) => hasValue(occurrenceOf(scope, SSL_PREFIX_SERVER + suffix));
    if (has('keystore.path') || (has('key') && has('certificate'))) return;
    const missing = has('key') ? '`certificate`' : has('certificate') ? '`key`' : 'a key and certificate';
    report({
      message: `The remote cluster server uses TLS (on by default) but has no ${missing}: set \`${SSL_PREFIX_SERVER}key\` and \`${SSL_PREFIX_SERVER}certificate\`, or \`${SSL_PREFIX_SERVER}keystore.path\`. Without them the node cannot start the interface.`,
      span: enabled.keySpan,
    });
  },
};
