import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { valueContentSpan, remoteAliases } from '../../model/remoteAliases';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[?[0-9a-f:]*:[0-9a-f:.]*\]?$/i;
const WITH_PORT = /^([^:\s]+):(\d+)$/;

export const serverNameNotHostname: ScopeRule = {
  id: 'server-name-not-hostname',
  severity: 'warning',
  title: '`server_name` that is an IP address or carries a port',
  reference: [19],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      const occurrence = remote.bySuffix.get('server_name');
      if (!occurrence || occurrence.value.kind !== 'scalar' || occurrence.value.value === null) continue;
      const text = (occurrence.value.text ?? '').trim();
      if (IPV4.test(text) || IPV6.test(text)) {
        const span = valueContentSpan(occurrence.value);
        report({
          message: `\`server_name\` is sent as the TLS server name (SNI), which must be a host name; \`${text}\` is an IP address and the connection will fail. Use the remote's host name (for Elastic Cloud, the deployment endpoint).`,
          span,
        });
        continue;
      }
      const withPort = WITH_PORT.exec(text);
      if (withPort) {
        const span = valueContentSpan(occurrence.value);
        report({
          message: `\`server_name\` is a host name only (sent as TLS SNI); remove the port \`:${withPort[2]}\` (the port belongs in \`proxy_address\`).`,
          span,
          fixes: [{ title: `Change to '${withPort[1]}'`, edits: [{ span, newText: withPort[1] }], isPreferred: true }],
        });
      }
    }
  },
};
