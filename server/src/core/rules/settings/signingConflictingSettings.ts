import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { hasValue, occurrenceOf, remoteAliases, type RemoteAlias } from '../../model/remoteAliases';

/** The alias's setting with that suffix, when it sets a value. */
function setting(remote: RemoteAlias, suffix: string) {
  const occurrence = remote.bySuffix.get(suffix);
  return hasValue(occurrence) ? occurrence : undefined;
}

export const signingConflictingSettings: ScopeRule = {
  id: 'signing-conflicting-settings',
  severity: 'error',
  title: 'Signing key without certificate (or the reverse), key with keystore, CAs with truststore',
  reference: [45],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      const key = setting(remote, 'signing.key');
      const certificate = setting(remote, 'signing.certificate');
      const keystore = setting(remote, 'signing.keystore.path');
      if (!key && !certificate) continue;
      const prefix = `cluster.remote.${remote.alias}.`;
      if (key && !certificate) {
        report({
          message: `\`${prefix}signing.key\` needs its certificate in \`${prefix}signing.certificate\`.`,
          span: key.keySpan,
        });
      }
      if (certificate && !key) {
        report({
          message: `\`${prefix}signing.certificate\` needs its private key in \`${prefix}signing.key\`.`,
          span: certificate.keySpan,
        });
      }
      if (key && keystore) {
        report({
          message: `Use either \`signing.key\` + \`signing.certificate\` or \`signing.keystore.path\` for \`${remote.alias}\`, not both.`,
          span: keystore.keySpan,
          related: [{ span: key.keySpan, message: '`signing.key` is set here' }],
        });
      }
    }
    const authorities = occurrenceOf(scope, 'cluster.remote.signing.certificate_authorities');
    const truststore = occurrenceOf(scope, 'cluster.remote.signing.truststore.path');
    if (hasValue(authorities) && hasValue(truststore) && authorities && truststore) {
      report({
        message:
          'Use either `cluster.remote.signing.certificate_authorities` or `cluster.remote.signing.truststore.path` to verify signed requests, not both.',
        span: truststore.keySpan,
        related: [{ span: authorities.keySpan, message: '`certificate_authorities` is set here' }],
      });
    }
  },
};
