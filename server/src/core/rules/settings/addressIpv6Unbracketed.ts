import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { flaggedAddresses } from '../../model/remoteAliases';

export const addressIpv6Unbracketed: ScopeRule = {
  id: 'address-ipv6-unbracketed',
  severity: 'error',
  title: 'IPv6 address without brackets: an error when the split at the last colon gives no address and port, else a hint',
  reference: [16],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const addresses = flaggedAddresses(scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      const parsed = address.parsed;
      if (parsed.ok && parsed.ipv6Unbracketed) {
        // It works: Elasticsearch splits at the last colon and Java reads the address. Brackets only make that plain.
        const bracketed = `[${parsed.host}]:${parsed.port}`;
        report({
          severity: 'info',
          message: `Elasticsearch reads \`${address.text}\` as the IPv6 address \`${parsed.host}\` and the port ${parsed.port} (it splits at the last colon). Brackets say so for every reader and tool: \`${bracketed}\`.`,
          span: address.span,
          fixes: [{ title: `Change to '${bracketed}'`, edits: [{ span: address.span, newText: bracketed }], isPreferred: true }],
        });
      } else if (!parsed.ok && parsed.kind === 'ipv6-unbracketed') {
        report({
          message: `\`${address.text}\` looks like an IPv6 address without brackets. ${parsed.problem}`,
          span: address.span,
        });
      }
    }
  },
};
