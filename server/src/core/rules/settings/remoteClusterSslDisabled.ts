import { SSL_PREFIX_CLIENT, SSL_PREFIX_SERVER } from '../../catalog/settingsCatalog';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { literal, replaceValueEdit } from './edits';
import { booleanValue, occurrenceOf } from '../../model/remoteAliases';

export const remoteClusterSslDisabled: ScopeRule = {
  id: 'remote-cluster-ssl-disabled',
  severity: 'warning',
  title: 'TLS turned off on the remote cluster interface',
  reference: [38],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (const [prefix, side] of [
      [SSL_PREFIX_SERVER, 'remote cluster server (incoming connections)'],
      [SSL_PREFIX_CLIENT, 'connections to API-key remotes'],
    ] as const) {
      const occurrence = occurrenceOf(scope, `${prefix}enabled`);
      if (!occurrence || booleanValue(occurrence) !== false) continue;
      report({
        message: `TLS is off for the ${side}: cross-cluster traffic, including the API keys that authenticate it, would travel in plain text. Leave \`${prefix}enabled\` at its default, \`true\`.`,
        span: occurrence.value.span,
        fixes: [
          {
            title: 'Set to true',
            edits: [replaceValueEdit(document, occurrence, literal(true, document.format))],
            isPreferred: true,
          },
        ],
      });
    }
  },
};
