import { checkJavaRegex } from '../../json/javaRegex';
import { apiKeyModel } from '../../json/models';
import { items, keyNode, spanOf, valueNode } from '../../json/nodes';
import { atLeast } from '../../version';
import { bodyRule } from './bodyRule';
import { VERSION_GATES } from '../../catalog/facts';

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

export const apiKeyReplicationSecurity = bodyRule({
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

export const apiKeyIndexAlias = bodyRule({
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

export const apiKeyCertificateIdentityRegex = bodyRule({
  id: 'api-key-certificate-identity-regex',
  severity: 'error',
  title: '`certificate_identity` is not a valid regular expression',
  bodyKinds: ['cross-cluster-api-key'],
  check({ body, report }) {
    const value = valueNode(apiKeyModel(body)?.certificateIdentity);
    if (value?.type !== 'string') return;
    const verdict = checkJavaRegex(String(value.value));
    if (verdict.ok) return;
    // Elasticsearch compiles it as a Java regex and we check with JavaScript's engine: only
    // mistakes both refuse are errors; anything else may be a dialect difference.
    report({
      message: verdict.certain
        ? `\`certificate_identity\` must be a valid regular expression (${verdict.reason}); Elasticsearch refuses the request.`
        : `\`certificate_identity\` does not look like a valid regular expression (${verdict.reason}). Elasticsearch checks it with Java's regex syntax, which differs in places; verify it before sending.`,
      span: spanOf(value),
      severity: verdict.certain ? 'error' : 'warning',
    });
  },
});

export const apiKeyCertificateIdentityVersion = bodyRule({
  id: 'api-key-certificate-identity-version',
  severity: 'error',
  title: '`certificate_identity` on an Elasticsearch version before 9.3',
  reference: [44],
  bodyKinds: ['cross-cluster-api-key'],
  check({ body, stackVersion, report }) {
    const property = apiKeyModel(body)?.certificateIdentity;
    if (!property || atLeast(stackVersion, VERSION_GATES.certificateIdentity) !== false) return;
    report({
      message: `\`certificate_identity\` (strong identity verification) needs Elasticsearch 9.3 or later; the configured version is ${stackVersion!.text}, which refuses the field. Remove it, or upgrade both clusters first.`,
      span: spanOf(keyNode(property) ?? property),
    });
  },
});
