import { trustEntries } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

export const trustNothingTrusted = bodyRule({
  id: 'trust-nothing-trusted',
  severity: 'info',
  title:
    '`trust_all: false` with an empty or missing `trust_allowlist` (trusts no cluster), unless a `direct` entry names nodes in `additional_node_names`',
  reference: [75],
  bodyKinds: ['cloud-trust'],
  check({ body, report }) {
    for (const entry of trustEntries(body)) {
      if (entry.trustAll?.type !== 'boolean' || entry.trustAll.value !== false || entry.allowlistItems.length > 0) continue;
      // A `direct` entry also trusts the nodes named in `additional_node_names`.
      if (entry.section === 'direct' && entry.additionalNodeNames.length > 0) continue;
      report({
        message:
          'With `trust_all: false` and no `trust_allowlist` entries, this entry trusts no cluster. Add the Elasticsearch cluster IDs to trust, or set `trust_all: true`.',
        span: spanOf(entry.trustAll),
      });
    }
  },
});
