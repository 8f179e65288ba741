import { trustEntries } from '../../json/models';
import { bodyRule } from './bodyRule';
import { keySpanOf } from './trustHelpers';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

export const trustDirectScope = bodyRule({
  id: 'trust-direct-scope',
  severity: 'error',
  title: '`direct[]` trust without the `scope_id` or `additional_node_names` it needs',
  reference: [76],
  bodyKinds: ['cloud-trust'],
  check({ body, report }) {
    for (const entry of trustEntries(body)) {
      if (entry.section !== 'direct') continue;
      // DirectTrustRelationship: with type proxy, scope_id and additional_node_names are omitted.
      if (entry.type?.value === 'proxy') continue;
      const hasScope = entry.scopeId?.type === 'string' && String(entry.scopeId.value) !== '';
      if (hasScope) continue;
      const trustsClusters = entry.trustAll?.value === true || entry.allowlistItems.length > 0;
      if (trustsClusters) {
        report({
          message: `A \`direct\` entry that trusts clusters by ${entry.trustAll?.value === true ? '`trust_all`' : '`trust_allowlist`'} needs \`scope_id\`: node certificates are matched as \`*.node.<cluster_id>.cluster.<scope_id>\`. Add the remote environment's \`scope_id\`.`,
          span: keySpanOf(entry, entry.trustAll?.value === true ? 'trust_all' : 'trust_allowlist'),
        });
      } else if (entry.additionalNodeNames.length === 0) {
        report({
          message:
            'A `direct` entry must say which nodes it trusts: give `scope_id`, or list the node certificate names in `additional_node_names`.',
          span: { start: entry.node.offset, end: entry.node.offset + 1 },
        });
      }
    }
  },
});
