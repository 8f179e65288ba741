import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { remoteAliases, securityModelOf } from '../../model/remoteAliases';

export const signingWithoutCredentials: ScopeRule = {
  id: 'signing-without-credentials',
  severity: 'warning',
  title: 'Request signing for a remote that has no API-key credentials',
  reference: [47],
  origins: ALL_SETTINGS_ORIGINS,
  check(context) {
    const remotes = remoteAliases(context.scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      const signing = remote.settings.find((s) => s.suffix.startsWith('signing.'));
      if (!signing || securityModelOf(remote.alias, context) !== 'certificate') continue;
      context.report({
        message: `\`${remote.alias}\` signs its requests, but signing only applies to cross-cluster API-key connections and this alias has no \`cluster.remote.${remote.alias}.credentials\` in the keystore. Add the API key, or remove the signing settings.`,
        span: signing.occurrence.keySpan,
      });
    }
  },
};
