import { trustEntries } from '../../json/models';
import { bodyRule } from './bodyRule';
import { keySpanOf } from './trustHelpers';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

export const trustAllowlistIgnored = bodyRule({
  id: 'trust-allowlist-ignored',
  severity: 'warning',
  title: '`trust_all: true` together with a non-empty `trust_allowlist` (the list is ignored)',
  reference: [75],
  bodyKinds: ['cloud-trust'],
  check({ body, report }) {
    for (const entry of trustEntries(body)) {
      if (entry.trustAll?.type !== 'boolean' || entry.trustAll.value !== true || entry.allowlistItems.length === 0) continue;
      report({
        message:
          '`trust_all` is `true`, so every cluster is trusted and this `trust_allowlist` is ignored. Set `trust_all` to `false` to trust only the listed clusters, or remove the list.',
        span: keySpanOf(entry, 'trust_allowlist'),
        tags: ['unnecessary'],
      });
    }
  },
});
