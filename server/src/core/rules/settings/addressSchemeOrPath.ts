import { parseAddress } from '../../address';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { flaggedAddresses } from '../../model/remoteAliases';

export const addressSchemeOrPath: ScopeRule = {
  id: 'address-scheme-or-path',
  severity: 'error',
  title: 'URL scheme or path in a remote address (`https://host:9443`)',
  reference: [17],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const addresses = flaggedAddresses(scope);
    for (let i = 0; i < addresses.length; i++) {
      const address = addresses[i];
      if (address.parsed.ok || (address.parsed.kind !== 'scheme' && address.parsed.kind !== 'path')) continue;
      const stripped = address.text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '');
      const usable = parseAddress(stripped).ok;
      report({
        message: `\`${address.text}\` is written like a URL. Remote cluster addresses are plain \`host:port\` on the transport protocol, not HTTP: ${usable ? `use \`${stripped}\`` : 'remove the scheme and path'}.`,
        span: address.span,
        fixes: usable
          ? [{ title: `Change to '${stripped}'`, edits: [{ span: address.span, newText: stripped }], isPreferred: true }]
          : undefined,
      });
    }
  },
};
