import { knownDeploymentIds, trustEntries } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { bodyRule, lineOf } from './bodyRule';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

export const trustAllowlistDeploymentId = bodyRule({
  id: 'trust-allowlist-deployment-id',
  severity: 'error',
  quotesLineNumbers: true,
  title: '`trust_allowlist` entry that is a deployment ID (allowlists take Elasticsearch cluster IDs)',
  reference: [74],
  bodyKinds: ['cloud-trust'],
  check({ body, document, report }) {
    const deploymentIds = knownDeploymentIds(document.bodies ?? [body]);
    for (const entry of trustEntries(body)) {
      for (const item of entry.allowlistItems) {
        const known = deploymentIds.get(String(item.value));
        if (!known) continue;
        const where =
          known.source === 'path'
            ? `the request path on line ${lineOf(document, known.where)}`
            : `line ${lineOf(document, known.where)}`;
        report({
          message: `\`${known.id}\` is a deployment ID (see ${where}), but \`trust_allowlist\` takes Elasticsearch cluster IDs, so this trusts nothing. Use the Elasticsearch cluster ID of that deployment (shown on its page, or \`resources.elasticsearch[].id\` in its API response).`,
          span: spanOf(item),
          related: [{ span: { start: known.where, end: known.where + known.id.length }, message: 'Deployment ID' }],
        });
      }
    }
  },
});
