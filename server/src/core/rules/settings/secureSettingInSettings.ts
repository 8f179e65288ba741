import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { moveToKeystoreFix } from './edits';
import { occurrencesByDefinition } from '../../model/remoteAliases';

export const secureSettingInSettings: ScopeRule = {
  id: 'secure-setting-in-settings',
  severity: 'error',
  title: 'Keystore-only password or passphrase (`*.secure_*`) in a settings file or body',
  reference: [26],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      if (def.scope !== 'secure') continue;
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        const where =
          scope.origin === 'eck-config'
            ? 'a Secret listed under `spec.secureSettings`'
            : `the keystore (\`bin/elasticsearch-keystore add ${occurrence.key}\`)`;
        report({
          message: `\`${occurrence.key}\` is a secure setting: Elasticsearch only reads it from the keystore and refuses it here. Move it to ${where}.`,
          span: occurrence.keySpan,
          fixes: [moveToKeystoreFix(document, scope, occurrence, occurrence.key)],
        });
      }
    }
  },
};
