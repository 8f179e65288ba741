import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { flaggedAddresses } from '../../model/remoteAliases';

export const addressIpv6Unbracketed: ScopeRule = {
  id: 'address-ipv6-unbracketed',
  severity: 'error',
  title: 'IPv6 address without brackets',
  reference: [16],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const addresses = flaggedAddresses(scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      if (address.parsed.ok || address.parsed.kind !== 'ipv6-unbracketed') continue;
      // Elasticsearch splits on the last colon, so that is the port it would use.
      const colon = address.text.lastIndexOf(':');
      const host = address.text.slice(0, colon);
      const port = address.text.slice(colon + 1);
      const bracketed = /^\d+$/.test(port) && host !== '' ? `[${host}]:${port}` : undefined;
      report({
        message: `\`${address.text}\` is an IPv6 address without brackets. Elasticsearch splits the address at its last colon, so write it as \`[address]:port\`${bracketed ? `, e.g. \`${bracketed}\`` : ''}.`,
        span: address.span,
        fixes: bracketed
          ? [{ title: `Change to '${bracketed}'`, edits: [{ span: address.span, newText: bracketed }], isPreferred: true }]
          : undefined,
      });
    }
  },
};
