import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { flaggedAddresses } from '../../model/remoteAliases';

export const addressInvalidPort: ScopeRule = {
  id: 'address-invalid-port',
  severity: 'error',
  title: 'Port that is not a number from 1 to 65535',
  reference: [14, 15],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const addresses = flaggedAddresses(scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      const parsed = address.parsed;
      if (parsed.ok || (parsed.kind !== 'bad-port' && parsed.kind !== 'port-out-of-range')) continue;
      // Elasticsearch itself only checks "> 0" when parsing; above 65535 is still no TCP port.
      report({
        message: `Invalid port in \`${address.text}\`: ${parsed.problem} Use a port from 1 to 65535 (9443 for the API-key model, 9300 for the certificate model).`,
        span: address.span,
      });
    }
  },
};
