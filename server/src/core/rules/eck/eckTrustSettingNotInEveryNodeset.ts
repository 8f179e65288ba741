import type { NodeSet } from '../../eck/manifest';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf, nodeSetLabel } from './common';

/**
 * TLS trust for remote clusters is per node: the docs ask to repeat these settings in every nodeSet
 * (for the certificate model with ECE, both transport settings "are required for all nodeSets").
 */
const PER_NODE_TRUST =
  /^xpack\.security\.(remote_cluster_client\.ssl\.|transport\.ssl\.(certificate_authorities|trust_restrictions\.path)$)/;
const RESTRICTIONS = 'xpack.security.transport.ssl.trust_restrictions.path';

const NONE: ReadonlySet<string> = new Set();

/** The per-node trust settings a nodeSet's `config` sets (most set none: no Set is built then). */
function perNodeTrustKeys(nodeSet: NodeSet): ReadonlySet<string> {
  let keys: Set<string> | undefined;
  for (const occurrence of nodeSet.scope?.occurrences ?? []) {
    if (PER_NODE_TRUST.test(occurrence.key)) (keys ??= new Set()).add(occurrence.key);
  }
  return keys ?? NONE;
}

export const eckTrustSettingNotInEveryNodeset: DocumentRule = {
  id: 'eck-trust-setting-not-in-every-nodeset',
  severity: 'warning',
  title: 'Remote-cluster TLS trust setting present in some nodeSets but not all',
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      if (es.nodeSets.length < 2) continue;
      const keysBySet = es.nodeSets.map(perNodeTrustKeys);
      const allKeys = new Set<string>();
      for (const keys of keysBySet) for (const key of keys) allKeys.add(key);
      if (allKeys.size === 0) continue;
      es.nodeSets.forEach((nodeSet, index) => {
        const missing = [...allKeys].filter((key) => !keysBySet[index].has(key)).sort();
        if (missing.length === 0) return;
        const donor = es.nodeSets.find((_, other) => keysBySet[other].has(missing[0]));
        const effect =
          missing.length === 1 && missing[0] === RESTRICTIONS
            ? 'or these nodes accept every certificate their CAs signed, whatever the subject name'
            : 'or connections from these nodes to remote clusters can fail the TLS handshake';
        report({
          message: `${nodeSetLabel(nodeSet)} lacks ${missing.map((k) => `\`${k}\``).join(', ')}, which ${donor ? nodeSetLabel(donor) : 'another nodeSet'} sets. Remote-cluster TLS settings apply per node: repeat them in every nodeSet, ${effect}.`,
          span: nodeSet.name?.span ?? nodeSet.configField?.keySpan ?? es.headSpan,
        });
      });
    }
  },
};
