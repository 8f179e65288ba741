import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { fixes, removeSettingFix } from './edits';

export const unregisteredSetting: ScopeRule = {
  id: 'unregistered-setting',
  severity: 'error',
  title: 'Internal remote-cluster value that is not a registered setting',
  reference: [5],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (let i = 0; i < scope.occurrences.length; i++) {
      const occurrence = scope.occurrences[i];
      if (occurrence.resolved.def?.scope !== 'unregistered') continue;
      report({
        message: `\`${occurrence.key}\` exists only inside Elasticsearch's own tests; it is not a registered setting and Elasticsearch rejects it as unknown. Remove it.`,
        span: occurrence.keySpan,
        fixes: () => fixes(removeSettingFix(document, scope, occurrence)),
      });
    }
  },
};
