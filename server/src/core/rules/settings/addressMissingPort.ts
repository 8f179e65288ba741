import type { Fix } from '../../types';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { flaggedAddresses, securityModelOf } from '../../model/remoteAliases';
import { PORTS } from '../../catalog/facts';

export const addressMissingPort: ScopeRule = {
  id: 'address-missing-port',
  severity: 'error',
  title: 'Remote address without `:port`',
  reference: [13],
  origins: ALL_SETTINGS_ORIGINS,
  check(context) {
    const addresses = flaggedAddresses(context.scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      if (address.parsed.ok || address.parsed.kind !== 'missing-port') continue;
      const model = securityModelOf(address.occurrence.resolved.alias ?? '', context);
      const withPort = (port: number, why: string, preferred: boolean): Fix => ({
        title: `Add port ${port} (${why})`,
        edits: [{ span: { start: address.span.end, end: address.span.end }, newText: `:${port}` }],
        isPreferred: preferred,
      });
      context.report({
        message: `\`${address.text}\` has no port. Elasticsearch needs \`host:port\` here ("remote hosts need to be configured as [host:port]"): 9443 for the API-key model, 9300 (the transport port) for the certificate model.`,
        span: address.span,
        fixes: [
          withPort(PORTS.remoteClusterServer, 'API-key model, remote cluster server port', model === 'api-key'),
          withPort(PORTS.transport, 'certificate model, transport port', model === 'certificate'),
        ],
      });
    }
  },
};
