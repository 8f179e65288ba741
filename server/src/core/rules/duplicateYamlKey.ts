import { type ScopeRule } from './rule';

/**
 * A block key written twice in one YAML map. Elasticsearch reads YAML with strict duplicate-key
 * detection, so the node would refuse the file even though no single setting repeats. That
 * behaviour is not in our reference notes (unverified), hence a warning, not an error.
 */
export const duplicateYamlKey: ScopeRule = {
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
