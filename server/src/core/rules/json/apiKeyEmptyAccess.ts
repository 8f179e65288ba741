import { apiKeyModel } from '../../json/models';
import { items, keyNode, spanOf, valueNode } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Cross-cluster API key bodies (`POST /_security/cross_cluster/api_key`, `PUT …/<id>`). */

export const apiKeyEmptyAccess = bodyRule({
  id: 'api-key-empty-access',
  severity: 'error',
  title: 'Cross-cluster API key `access` with no `search` and no `replication` entry',
  reference: [61],
  bodyKinds: ['cross-cluster-api-key'],
  check({ body, report }) {
    const model = apiKeyModel(body);
    const access = model?.access;
    if (!access || valueNode(access)?.type !== 'object') return;
    if (items(model.search).length > 0 || items(model.replication).length > 0) return;
    report({
      message:
        'This key grants nothing: Elasticsearch refuses `access` without a non-empty `search` or `replication` list. Add `"search": [{ "names": ["<index pattern>"] }]` for cross-cluster search or a `replication` entry for cross-cluster replication.',
      span: spanOf(keyNode(access) ?? access),
    });
  },
});
