import { SSL_PREFIX_CLIENT } from '../../catalog/settingsCatalog';
import type { ScopeRule } from '../rule';
import {
  booleanValue,
  connectionAddresses,
  hasValue,
  isCloudEndpoint,
  occurrenceOf,
  remoteAliases,
  securityModelOf,
} from '../../model/remoteAliases';

export const remoteClusterClientNoCa: ScopeRule = {
  id: 'remote-cluster-client-no-ca',
  severity: 'info',
  title: 'API-key remote without a CA for the remote cluster server certificate',
  reference: [43],
  origins: ['elasticsearch-yml'],
  check(context) {
    const { scope } = context;
    if (['certificate_authorities', 'truststore.path'].some((s) => hasValue(occurrenceOf(scope, SSL_PREFIX_CLIENT + s)))) return;
    // With client TLS switched off there is no certificate to verify (remote-cluster-ssl-disabled says what that costs).
    if (booleanValue(occurrenceOf(scope, `${SSL_PREFIX_CLIENT}enabled`)) === false) return;
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (securityModelOf(remote.alias, context) !== 'api-key') continue;
      const addresses = connectionAddresses(remote);
      // Elastic Cloud endpoints present publicly trusted certificates.
      if (addresses.length > 0 && addresses.every((a) => a.parsed.ok && isCloudEndpoint(a.parsed.host))) continue;
      context.report({
        message: `\`${remote.alias}\` uses the API-key model, and this node has no \`${SSL_PREFIX_CLIENT}certificate_authorities\` (or \`truststore.path\`). Unless the remote's remote cluster server certificate is publicly trusted, add the CA that signed it.`,
        span: remote.anchor.span,
      });
    }
  },
};
