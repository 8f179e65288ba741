import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { remoteAliases, securityModelOf } from '../../model/remoteAliases';

const UPPERCASE = /[A-Z]/;

export const aliasUppercase: ScopeRule = {
  id: 'alias-uppercase',
  severity: 'warning',
  title: 'Uppercase letters in the alias of an API-key (keystore) remote',
  reference: [2],
  origins: ALL_SETTINGS_ORIGINS,
  check(context) {
    const remotes = remoteAliases(context.scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (!UPPERCASE.test(remote.alias) || securityModelOf(remote.alias, context) !== 'api-key') continue;
      const lower = remote.alias.toLowerCase();
      context.report({
        message: `Alias \`${remote.alias}\` has uppercase letters. Elastic Cloud, ECE and ECK only accept lowercase letters, digits, \`_\` and \`-\` for aliases whose API key lives in the keystore: rename it to \`${lower}\` here and in the keystore entry (\`cluster.remote.${lower}.credentials\`).`,
        span: remote.anchor.span,
      });
    }
  },
};
