import { apiKeyModel } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Cross-cluster API key bodies (`POST /_security/cross_cluster/api_key`, `PUT …/<id>`). */

export const apiKeyIndexAliasPrefix = bodyRule({
  id: 'api-key-index-alias-prefix',
  severity: 'warning',
  title: 'Index name in a cross-cluster API key written with a cluster alias (`west:logs-*`)',
  bodyKinds: ['cross-cluster-api-key'],
  check({ body, report }) {
    for (const entry of apiKeyModel(body)?.entries ?? []) {
      for (const name of entry.names) {
        const text = String(name.value);
        const colon = text.indexOf(':');
        if (colon <= 0) continue;
        const prefix = text.slice(0, colon);
        report({
          message: `The key is created on the remote cluster, so \`names\` are that cluster's own index names: \`${text}\` never matches because index names cannot contain \`:\`. Write \`${text.slice(colon + 1)}\`; the local cluster adds the alias (\`${prefix}:\`) when it searches.`,
          span: spanOf(name),
          fixes: [
            {
              title: `Remove the '${prefix}:' prefix`,
              edits: [{ span: { start: name.offset + 1, end: name.offset + 1 + colon + 1 }, newText: '' }],
              isPreferred: true,
            },
          ],
        });
      }
    }
  },
});
