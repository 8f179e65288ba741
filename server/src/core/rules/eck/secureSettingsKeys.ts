import { CREDENTIALS_KEY, secureSettingsEntries } from '../../eck/keystore';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

/** Looks like an attempt at a credentials key (`cluster.remote.x.credential`, `remote-west-credentials`, …). */
function looksLikeCredentialsKey(key: string): boolean {
  return /credential/i.test(key) && /remote/i.test(key);
}

export const eckSecureSettingsKeys: DocumentRule = {
  id: 'eck-secure-settings-credentials-key',
  severity: 'warning',
  title: 'Keystore key in a `spec.secureSettings` Secret shaped like remote credentials but not `cluster.remote.<alias>.credentials`',
  reference: [69, 2],
  kinds: ECK_KINDS,
  check({ document, options, report }) {
    for (const es of elasticsearchesOf(document)) {
      for (const { name, span, secretName } of secureSettingsEntries(document, options, es).entries) {
        const where = secretName ? ` in Secret \`${secretName}\`` : '';
        const valid = CREDENTIALS_KEY.exec(name);
        if (valid) {
          if (valid[1] !== valid[1].toLowerCase()) {
            report({
              message: `Use a lowercase alias in \`${name}\`${where}: the docs require lowercase aliases for keystore credentials, and the alias must match the one in \`cluster.remote.*\` exactly.`,
              span,
            });
          }
          continue;
        }
        if (!looksLikeCredentialsKey(name)) continue;
        report({
          message: `ECK only loads remote cluster API keys from keys named \`cluster.remote.<alias>.credentials\` (alias of letters, digits, \`_\`, \`-\`); \`${name}\`${where} does not match and the key is not used. Rename it.`,
          span,
        });
      }
    }
  },
};
