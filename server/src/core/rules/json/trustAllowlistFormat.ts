import { knownDeploymentIds, trustEntries } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

const CLUSTER_ID = /^[a-f0-9]{32}$/;

export const trustAllowlistFormat = bodyRule({
  id: 'trust-allowlist-format',
  severity: 'warning',
  title: '`trust_allowlist` entry that does not look like an Elasticsearch cluster ID',
  reference: [73],
  bodyKinds: ['cloud-trust'],
  check({ body, document, report }) {
    const deploymentIds = knownDeploymentIds(document.bodies ?? [body]);
    for (const entry of trustEntries(body)) {
      for (const item of entry.allowlistItems) {
        const id = String(item.value);
        // A known deployment ID has its own, certain rule.
        if (CLUSTER_ID.test(id) || deploymentIds.has(id)) continue;
        const lower = id.toLowerCase();
        // Heuristic: every cluster ID seen in the docs and in real payloads is 32 lowercase hex digits.
        report({
          message: CLUSTER_ID.test(lower)
            ? `Cluster IDs are written in lowercase: \`${lower}\`.`
            : `\`${id}\` does not look like an Elasticsearch cluster ID (32 lowercase hexadecimal characters). \`trust_allowlist\` takes cluster IDs, not deployment names or aliases.`,
          span: spanOf(item),
          fixes: CLUSTER_ID.test(lower)
            ? [
                {
                  title: 'Change to lowercase',
                  edits: [{ span: { start: item.offset + 1, end: item.offset + item.length - 1 }, newText: lower }],
                  isPreferred: true,
                },
              ]
            : undefined,
        });
      }
    }
  },
});
