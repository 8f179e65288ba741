import { CREDENTIALS_KEY, looksLikeCredentialsKey, secureSettingsEntries } from '../../eck/keystore';
import type { Span } from '../../types';
import type { DocumentRule, FindingInput } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

/** The finding for one keystore key name, or undefined when the name is fine or unrelated. */
function keyProblem(name: string, span: Span, where: string): FindingInput | undefined {
  const valid = CREDENTIALS_KEY.exec(name);
  if (valid) {
    if (valid[1] === valid[1].toLowerCase()) return undefined;
    return {
      message: `Use a lowercase alias in \`${name}\`${where}: the docs require lowercase aliases for keystore credentials, and the alias must match the one in \`cluster.remote.*\` exactly.`,
      span,
    };
  }
  if (!looksLikeCredentialsKey(name)) return undefined;
  return {
    message: `ECK only loads remote cluster API keys from keys named \`cluster.remote.<alias>.credentials\` (alias of letters, digits, \`_\`, \`-\`); \`${name}\`${where} does not match and the key is not used. Rename it.`,
    span,
  };
}

export const eckSecureSettingsCredentialsKey: DocumentRule = {
  id: 'eck-secure-settings-credentials-key',
  severity: 'warning',
  title:
    'Keystore key (in a `spec.secureSettings` Secret or a Secret of remote credentials) shaped like remote credentials but not `cluster.remote.<alias>.credentials`',
  reference: [69, 2],
  kinds: ECK_KINDS,
  check({ document, options, report }) {
    const reported = new Set<number>();
    const check = (name: string, span: Span, where: string) => {
      const problem = reported.has(span.start) ? undefined : keyProblem(name, span, where);
      reported.add(span.start);
      if (problem) report(problem);
    };
    for (const es of elasticsearchesOf(document)) {
      for (const { name, span, secretName } of secureSettingsEntries(document, options, es).entries) {
        check(name, span, secretName ? ` in Secret \`${secretName}\`` : '');
      }
    }
    // Secrets of remote credentials are checked on their own too, referenced or not.
    for (const secret of document.eck?.secrets ?? []) {
      if (!secret.entries.some((entry) => CREDENTIALS_KEY.test(entry.key) || looksLikeCredentialsKey(entry.key))) continue;
      for (const entry of secret.entries) check(entry.key, entry.keySpan, '');
    }
  },
};
