import { apiKeyModel } from '../../json/models';
import { keyNode, spanOf } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Cross-cluster API key bodies (`POST /_security/cross_cluster/api_key`, `PUT …/<id>`). */

export const apiKeyReplicationDlsFls = bodyRule({
  id: 'api-key-replication-dls-fls',
  severity: 'error',
  title: 'Document or field level security (`query`, `field_security`) on replication access',
  bodyKinds: ['cross-cluster-api-key'],
  check({ body, report }) {
    for (const entry of apiKeyModel(body)?.entries ?? []) {
      if (entry.section !== 'replication') continue;
      for (const property of [entry.query, entry.fieldSecurity]) {
        if (!property) continue;
        const key = keyNode(property);
        report({
          message: `\`${key?.value}\` is not supported for replication: Elasticsearch refuses document and field level security on \`replication\` access. Remove it, or move the indices to a \`search\` entry if they are only searched.`,
          span: spanOf(key ?? property),
        });
      }
    }
  },
});
