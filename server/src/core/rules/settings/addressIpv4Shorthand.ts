import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { flaggedAddresses } from '../../model/remoteAliases';

/**
 * An IPv4 address of fewer than four parts. Java, which Elasticsearch resolves remote addresses
 * with, accepts it and fills the missing bytes (`10.0.12` is 10.0.0.12), so the node connects
 * without an error, possibly to another machine than meant: a likely typo, not a rejected value.
 */
export const addressIpv4Shorthand: ScopeRule = {
  id: 'address-ipv4-shorthand',
  severity: 'warning',
  title: 'IPv4 address of fewer than four parts, which Java reads as another address',
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const addresses = flaggedAddresses(scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      const parsed = address.parsed;
      if (!parsed.ok || parsed.ipv4Shorthand === undefined) continue;
      report({
        message: `Elasticsearch reads \`${parsed.host}\` as the IPv4 address \`${parsed.ipv4Shorthand}\` (Java fills in the missing parts) and connects there. If a number was left out, write all four parts of the address you mean.`,
        span: address.span,
      });
    }
  },
};
