import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { connectionAddresses, remoteAliases, securityModelOf } from '../../model/remoteAliases';
import { PORTS } from '../../catalog/facts';

export const certificateModelPort: ScopeRule = {
  id: 'certificate-model-port',
  severity: 'warning',
  title: 'Port 9443 on a remote without API-key credentials',
  reference: [21],
  origins: ALL_SETTINGS_ORIGINS,
  check(context) {
    const remotes = remoteAliases(context.scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (securityModelOf(remote.alias, context) !== 'certificate') continue;
      for (const address of connectionAddresses(remote)) {
        if (!address.parsed.ok || address.parsed.port !== PORTS.remoteClusterServer) continue;
        const setting = `cluster.remote.${remote.alias}.credentials`;
        const portSpan = { start: address.span.end - 4, end: address.span.end };
        context.report({
          message: `Port 9443 is the remote cluster server port of the API-key model, but \`${remote.alias}\` has no \`${setting}\` in the keystore, so Elasticsearch uses the certificate model and the connection fails. Add the cross-cluster API key to the keystore, or connect to the transport port (9300).`,
          span: address.span,
          fixes: [
            {
              title: `Copy 'bin/elasticsearch-keystore add ${setting}'`,
              edits: [],
              clipboard: `bin/elasticsearch-keystore add ${setting}`,
              isPreferred: true,
            },
            {
              title: 'Use the transport port 9300 (certificate model)',
              edits: [{ span: portSpan, newText: String(PORTS.transport) }],
            },
          ],
        });
      }
    }
  },
};
