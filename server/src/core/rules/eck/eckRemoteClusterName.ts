import { isScalar } from 'yaml';
import { VALID_ALIAS } from '../../catalog/lookup';
import type { Span } from '../../types';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

export const eckRemoteClusterName: DocumentRule = {
  id: 'eck-remote-cluster-name',
  severity: 'error',
  title: '`spec.remoteClusters[].name` missing, empty, duplicated or not a valid alias',
  reference: [58, 1, 2],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      const seen = new Map<string, Span>();
      for (const entry of es.remoteClusters) {
        const name = entry.name?.value.trim();
        if (!name) {
          report({
            message: 'Give this remote cluster a `name`: it is required and becomes the alias searches use (`<name>:index`).',
            span: entry.nameField && isScalar(entry.nameField.value) ? entry.nameField.keySpan : entry.span,
          });
          continue;
        }
        const span = entry.name!.span;
        const first = seen.get(name);
        if (first) {
          report({
            message: `Another remote cluster is already named \`${name}\`. Names must be unique: ECK keeps only one of them.`,
            span,
            related: [{ span: first, message: 'First use of the name' }],
          });
          continue;
        }
        seen.set(name, span);
        if (!VALID_ALIAS.test(name)) {
          report({
            message: `\`${name}\` cannot be a remote cluster alias: use only letters, digits, \`_\` and \`-\` (Elasticsearch reads \`cluster.remote.<alias>.*\` keys with that pattern).`,
            span,
          });
        } else if (entry.apiKeyField && name !== name.toLowerCase()) {
          report({
            severity: 'warning',
            message: `Use a lowercase name: with \`apiKey\` the alias ends up in a keystore setting (\`cluster.remote.${name}.credentials\`), and the docs require lowercase there.`,
            span,
          });
        }
      }
    }
  },
};
