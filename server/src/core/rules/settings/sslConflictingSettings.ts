import { SSL_PREFIX_CLIENT, SSL_PREFIX_SERVER } from '../../catalog/settingsCatalog';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { hasValue, occurrenceOf } from '../../model/remoteAliases';

/** Pairs under one TLS prefix that cannot be combined. */
const EXCLUSIVE: Array<[string, string, string]> = [
  ['key', 'keystore.path', 'a PEM key and a keystore'],
  ['certificate_authorities', 'truststore.path', 'PEM CA files and a truststore'],
];

export const sslConflictingSettings: ScopeRule = {
  id: 'ssl-conflicting-settings',
  severity: 'error',
  title: 'Conflicting TLS settings (`key` with `keystore.path`, CAs with `truststore.path`, `certificate` without `key`)',
  reference: [41],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    for (const prefix of [SSL_PREFIX_SERVER, SSL_PREFIX_CLIENT]) {
      const get = (suffix: string) => {
        const occurrence = occurrenceOf(scope, prefix + suffix);
        return hasValue(occurrence) ? occurrence : undefined;
      };
      for (const [a, b, what] of EXCLUSIVE) {
        const first = get(a);
        const second = get(b);
        if (!first || !second) continue;
        report({
          message: `\`${prefix}${a}\` and \`${prefix}${b}\` cannot be used together (${what}); Elasticsearch refuses the TLS configuration. Keep one of them.`,
          span: second.keySpan,
          related: [{ span: first.keySpan, message: `\`${a}\` is set here` }],
        });
      }
      const certificate = get('certificate');
      if (certificate && !get('key')) {
        report({
          message: `\`${prefix}certificate\` needs the matching private key in \`${prefix}key\`.`,
          span: certificate.keySpan,
        });
      }
    }
  },
};
