import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { moveToKeystoreFix } from './edits';
import { remoteAliases } from '../../model/remoteAliases';

/** The reference documentation spells it `signing.key.secure_passphrase`; the code registers `signing.secure_key_passphrase`. */
export const signingPassphraseKeyName: ScopeRule = {
  id: 'signing-passphrase-key-name',
  severity: 'warning',
  title: '`signing.key.secure_passphrase` instead of the registered `signing.secure_key_passphrase`',
  reference: [46],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      for (const { occurrence, suffix } of remote.settings) {
        if (suffix !== 'signing.key.secure_passphrase') continue;
        const registered = `cluster.remote.${remote.alias}.signing.secure_key_passphrase`;
        report({
          message: `Elasticsearch registers the passphrase of the signing key as \`${registered}\` (the documentation's \`signing.key.secure_passphrase\` is not read), and it is a keystore-only setting: add it with \`bin/elasticsearch-keystore add ${registered}\` and remove this entry.`,
          span: occurrence.keySpan,
          fixes: [moveToKeystoreFix(document, scope, occurrence, registered)],
        });
      }
    }
  },
};
