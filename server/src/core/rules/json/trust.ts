import { knownDeploymentIds, trustEntries, type TrustEntry } from '../../json/models';
import { keyNode, spanOf } from '../../json/nodes';
import { inspectPem, type PemProblem } from '../../json/pem';
import type { Span } from '../../types';
import { bodyRule, lineOf } from './bodyRule';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

const CLUSTER_ID = /^[a-f0-9]{32}$/;

function keySpanOf(entry: TrustEntry, field: string): Span {
  const property = entry.node.children?.find((p) => p.children?.[0]?.value === field);
  const key = property ? keyNode(property) : undefined;
  return key ? spanOf(key) : { start: entry.node.offset, end: entry.node.offset + 1 };
}

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
            ? [{ title: 'Change to lowercase', edits: [{ span: { start: item.offset + 1, end: item.offset + item.length - 1 }, newText: lower }], isPreferred: true }]
            : undefined,
        });
      }
    }
  },
});

export const trustAllowlistDeploymentId = bodyRule({
  id: 'trust-allowlist-deployment-id',
  severity: 'error',
  title: '`trust_allowlist` entry that is a deployment ID (allowlists take Elasticsearch cluster IDs)',
  reference: [74],
  bodyKinds: ['cloud-trust'],
  check({ body, document, report }) {
    const deploymentIds = knownDeploymentIds(document.bodies ?? [body]);
    for (const entry of trustEntries(body)) {
      for (const item of entry.allowlistItems) {
        const known = deploymentIds.get(String(item.value));
        if (!known) continue;
        const where = known.source === 'path' ? `the request path on line ${lineOf(document, known.where)}` : `line ${lineOf(document, known.where)}`;
        report({
          message: `\`${known.id}\` is a deployment ID (see ${where}), but \`trust_allowlist\` takes Elasticsearch cluster IDs, so this trusts nothing. Use the Elasticsearch cluster ID of that deployment (shown on its page, or \`resources.elasticsearch[].id\` in its API response).`,
          span: spanOf(item),
          related: [{ span: { start: known.where, end: known.where + known.id.length }, message: 'Deployment ID' }],
        });
      }
    }
  },
});

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
        message: '`trust_all` is `true`, so every cluster is trusted and this `trust_allowlist` is ignored. Set `trust_all` to `false` to trust only the listed clusters, or remove the list.',
        span: keySpanOf(entry, 'trust_allowlist'),
        tags: ['unnecessary'],
      });
    }
  },
});

export const trustNothingTrusted = bodyRule({
  id: 'trust-nothing-trusted',
  severity: 'info',
  title: '`trust_all: false` with an empty or missing `trust_allowlist` (trusts no cluster), unless a `direct` entry names nodes in `additional_node_names`',
  reference: [75],
  bodyKinds: ['cloud-trust'],
  check({ body, report }) {
    for (const entry of trustEntries(body)) {
      if (entry.trustAll?.type !== 'boolean' || entry.trustAll.value !== false || entry.allowlistItems.length > 0) continue;
      // A `direct` entry also trusts the nodes named in `additional_node_names`.
      if (entry.section === 'direct' && entry.additionalNodeNames.length > 0) continue;
      report({
        message: 'With `trust_all: false` and no `trust_allowlist` entries, this entry trusts no cluster. Add the Elasticsearch cluster IDs to trust, or set `trust_all: true`.',
        span: spanOf(entry.trustAll),
      });
    }
  },
});

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
          message: 'A `direct` entry must say which nodes it trusts: give `scope_id`, or list the node certificate names in `additional_node_names`.',
          span: { start: entry.node.offset, end: entry.node.offset + 1 },
        });
      }
    }
  },
});

const PEM_MESSAGES: Record<PemProblem, string> = {
  'private-key': 'This is a private key, not a certificate. Never share a private key: remove it and paste the CA certificate (`-----BEGIN CERTIFICATE-----`).',
  'not-pem': '`pem` must hold a certificate in PEM form: `-----BEGIN CERTIFICATE-----`, the base64 body, `-----END CERTIFICATE-----`, lines joined with `\\n`.',
  unparsable: 'This PEM block does not parse as an X.509 certificate. Copy the whole CA certificate again, including its BEGIN and END lines.',
  'escaped-newlines': 'The line breaks of this certificate are escaped twice (`\\\\n`), so it is one long line that does not parse. Use `\\n` in JSON.',
};

export const trustCertificatePem = bodyRule({
  id: 'trust-certificate-pem',
  severity: 'error',
  title: '`direct[].certificates[].pem` that is not a parseable X.509 certificate',
  reference: [76],
  bodyKinds: ['cloud-trust'],
  check({ body, report }) {
    const now = Date.now();
    for (const entry of trustEntries(body)) {
      for (const pem of entry.pems) {
        const inspection = inspectPem(String(pem.value));
        if (!inspection.ok) {
          report({ message: PEM_MESSAGES[inspection.problem], span: spanOf(pem) });
          continue;
        }
        const expired = inspection.certificates.find((c) => c.validTo.getTime() < now);
        if (expired) {
          report({
            message: `This certificate (${expired.subject}) expired on ${expired.validTo.toISOString().slice(0, 10)}; connections signed under it fail. Paste the remote's current CA certificate.`,
            span: spanOf(pem),
            severity: 'warning',
          });
        }
      }
    }
  },
});
