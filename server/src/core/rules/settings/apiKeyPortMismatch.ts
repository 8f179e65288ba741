import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { connectionAddresses, remoteAliases, securityModelOf } from '../../model/remoteAliases';
import { PORTS } from '../../catalog/facts';

const CERTIFICATE_MODEL_PORTS: Record<number, string> = {
  [PORTS.transport]: 'the transport port (certificate model)',
  [PORTS.cloudCertificateProxy]: 'the Elastic Cloud / ECE proxy port of the certificate model',
};

export const apiKeyPortMismatch: ScopeRule = {
  id: 'api-key-port-mismatch',
  severity: 'warning',
  title: 'API-key remote addressed on the transport port (9300/9400) instead of 9443',
  reference: [20],
  origins: ALL_SETTINGS_ORIGINS,
  check(context) {
    const remotes = remoteAliases(context.scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (securityModelOf(remote.alias, context) !== 'api-key') continue;
      for (const address of connectionAddresses(remote)) {
        if (!address.parsed.ok) continue;
        const port = address.parsed.port;
        const what = CERTIFICATE_MODEL_PORTS[port];
        if (!what) continue;
        const portSpan = { start: address.span.end - String(port).length, end: address.span.end };
        context.report({
          message: `\`${remote.alias}\` has a cross-cluster API key in the keystore (API-key model), but port ${port} is ${what}. API-key connections go to the remote cluster server port, 9443 by default; on ${port} they fail with TLS or "missing authentication" errors.`,
          span: address.span,
          fixes: [
            {
              title: 'Use port 9443 (remote cluster server)',
              edits: [{ span: portSpan, newText: String(PORTS.remoteClusterServer) }],
              isPreferred: true,
            },
          ],
        });
      }
    }
  },
};
