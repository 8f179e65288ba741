import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { fixes, removeSettingFix } from './edits';
import { occurrencesByDefinition } from '../../model/remoteAliases';

export const unregisteredSetting: ScopeRule = {
  id: 'unregistered-setting',
  severity: 'error',
  title: 'Internal remote-cluster value that is not a registered setting',
  reference: [5],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      if (def.scope !== 'unregistered') continue;
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        report({
          message: `\`${occurrence.key}\` exists only inside Elasticsearch's own tests; it is not a registered setting and Elasticsearch rejects it as unknown. Remove it.`,
          span: occurrence.keySpan,
          fixes: () => fixes(removeSettingFix(document, scope, occurrence)),
        });
      }
    }
  },
};
