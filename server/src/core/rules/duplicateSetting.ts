import { ALL_SETTINGS_ORIGINS, type ScopeRule } from './rule';
import { fixes, removeSettingFix } from './settings/edits';

export const duplicateSetting: ScopeRule = {
  id: 'duplicate-setting',
  severity: 'error',
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

/**
 * A block key written twice in one YAML map. Elasticsearch reads YAML with strict duplicate-key
 * detection, so the node would refuse the file even though no single setting repeats. That
 * behaviour is not in our reference notes (unverified), hence a warning, not an error.
 */
export const repeatedYamlBlock: ScopeRule = {
  id: 'duplicate-yaml-key',
  severity: 'warning',
  title: 'A YAML map key (such as `cluster:`) written twice in the same map',
  origins: ['elasticsearch-yml', 'eck-config'],
  check({ scope, document, report }) {
    for (const { key, first, again } of scope.repeatedMapKeys ?? []) {
      const where = document.lines.positionAt(first.start);
      const name = document.text.slice(again.start, again.end);
      report({
        message: `\`${name}\` (\`${key}\`) already starts a block on line ${where.line + 1}. Elasticsearch reads YAML with strict duplicate-key checks and may refuse the file; merge the two blocks into one.`,
        span: again,
        related: [{ span: first, message: 'First block' }],
      });
    }
  },
};
