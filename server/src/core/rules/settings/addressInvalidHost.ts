import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { flaggedAddresses } from '../../model/remoteAliases';

export const addressInvalidHost: ScopeRule = {
  id: 'address-invalid-host',
  severity: 'error',
  title: 'Host that is no valid host name (RFC 1123), IPv4 or IPv6 address',
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const addresses = flaggedAddresses(scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      const parsed = address.parsed;
      if (parsed.ok || parsed.kind !== 'bad-host') continue;
      report({
        message: `Invalid host in \`${address.text}\`: ${parsed.problem} The connection cannot be resolved.`,
        span: address.span,
      });
    }
  },
};
