import { atLeast } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { connectionAddresses, remoteAliases, securityModelOf } from '../../model/remoteAliases';
import { PORTS, VERSION_GATES } from '../../catalog/facts';

export const certificateModelDeprecated: ScopeRule = {
  id: 'certificate-model-deprecated',
  severity: 'info',
  title: 'TLS-certificate remote on Elasticsearch 9.0 or later (deprecated model)',
  reference: [22],
  origins: ALL_SETTINGS_ORIGINS,
  check(context) {
    if (!atLeast(context.stackVersion, VERSION_GATES.certificateModelDeprecated)) return;
    const remotes = remoteAliases(context.scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      const model = securityModelOf(remote.alias, context);
      if (model === 'api-key') continue;
      const addresses = connectionAddresses(remote);
      // Without the keystore list, a connection to the transport port is the certificate model.
      const transportPort = addresses.find(
        (a) => a.parsed.ok && (a.parsed.port === PORTS.transport || a.parsed.port === PORTS.cloudCertificateProxy),
      );
      if (model === 'unknown' && !transportPort) continue;
      if (model === 'certificate' && addresses.length === 0) continue;
      // Port 9443 without credentials is an API-key remote missing its key (certificate-model-port), not a choice of model.
      if (!transportPort && addresses.some((a) => a.parsed.ok && a.parsed.port === PORTS.remoteClusterServer)) continue;
      context.report({
        message: `\`${remote.alias}\` uses the TLS certificate security model, deprecated since Elasticsearch 9.0. Consider the API-key model: a cross-cluster API key in the keystore and the remote cluster server port 9443.`,
        span: (transportPort ?? addresses[0]).span,
      });
    }
  },
};
