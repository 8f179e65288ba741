import { resolveKey } from '../../catalog/lookup';
import { SETTINGS } from '../../catalog/settingsCatalog';
import { keystoreEntries } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { closestMatch } from '../../suggest';
import { bodyRule } from './bodyRule';
import { CREDENTIALS_NAME, renameFix } from './cloudHelpers';

/** Elastic Cloud Hosted / ECE remote-clusters and keystore payloads. */

// Keystore entries that belong to one remote alias: `cluster.remote.<alias>.<secure suffix>`.
const ALIAS_PREFIX = 'cluster.remote.<alias>.';

const SECURE_SUFFIXES = SETTINGS.filter((def) => def.key.startsWith(ALIAS_PREFIX) && def.scope.startsWith('secure')).map((def) =>
  def.key.slice(ALIAS_PREFIX.length),
);

function looksLikeRemoteCredentials(name: string): boolean {
  return /^cluster\.remote\./i.test(name) || /credential/i.test(name);
}

export const keystoreCredentialsName = bodyRule({
  id: 'keystore-credentials-name',
  severity: 'warning',
  title: 'Keystore entry meant for remote cluster credentials not named `cluster.remote.<lowercase alias>.credentials`',
  reference: [78, 2],
  bodyKinds: ['cloud-keystore'],
  check({ body, report }) {
    for (const entry of keystoreEntries(body)) {
      const name = entry.name;
      if (!looksLikeRemoteCredentials(name) || CREDENTIALS_NAME.test(name)) continue;
      const resolved = resolveKey(name);
      const key = entry.keyNode;
      const span = spanOf(key);
      if (resolved.alias !== undefined && resolved.namespace === 'cluster.remote.' && resolved.suffix) {
        if (resolved.def?.scope.startsWith('secure')) {
          if (resolved.suffix === 'credentials' && /[A-Z]/.test(resolved.alias)) {
            const lower = name.replace(`.${resolved.alias}.`, `.${resolved.alias.toLowerCase()}.`);
            report({
              message: `Elastic Cloud and ECE need a lowercase alias in keystore credentials: use \`${lower}\`, and the same lowercase alias in \`_cluster/settings\`.`,
              span,
              fixes: [renameFix(key.offset, key.length, lower, `Change to '${lower}'`)],
            });
          }
          continue; // other secure per-alias settings (signing passwords) are fine here
        }
        if (resolved.def) {
          report({
            message: `\`${name}\` is a regular cluster setting, not a keystore one: set it with \`PUT _cluster/settings\`. Only \`cluster.remote.<alias>.credentials\` (and signing passwords) go to the keystore.`,
            span,
          });
          continue;
        }
        const suggestion = closestMatch(resolved.suffix, SECURE_SUFFIXES);
        const fixed = suggestion ? `cluster.remote.${resolved.alias}.${suggestion}` : undefined;
        report({
          message:
            `Unknown keystore setting \`${name}\`.` +
            (fixed ? ` Did you mean \`${fixed}\`?` : ' API key credentials go in `cluster.remote.<alias>.credentials`.'),
          span,
          fixes: fixed ? [renameFix(key.offset, key.length, fixed, `Change to '${fixed}'`)] : undefined,
        });
        continue;
      }
      report({
        message: `\`${name}\` is not a remote cluster credentials setting: the name must be \`cluster.remote.<alias>.credentials\`, with the lowercase alias you use in \`_cluster/settings\`.`,
        span,
      });
    }
  },
});
