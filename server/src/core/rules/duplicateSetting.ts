import { ALL_SETTINGS_ORIGINS, type ScopeRule } from './rule';
import { fixes, removeSettingFix } from './settings/edits';

export const duplicateSetting: ScopeRule = {
  id: 'duplicate-setting',
  severity: 'error',
  quotesLineNumbers: true,
  title: 'The same setting written twice (in any mix of flat and nested form)',
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (const { first, again } of scope.duplicates) {
      const where = document.lines.positionAt(first.keySpan.start);
      report({
        message: `\`${again.key}\` is already set on line ${where.line + 1}. Elasticsearch refuses settings files with duplicate keys; keep one.`,
        span: again.keySpan,
        related: [{ span: first.keySpan, message: 'First definition' }],
        fixes: () => fixes(removeSettingFix(document, scope, again, 'Remove this duplicate')),
      });
    }
  },
};
