import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf, nodeSetLabel } from './common';

/**
 * Volumes ECK adds to every Elasticsearch Pod, which mounts in the Pod template may use without
 * declaring them. Not in the shared reference: read from ECK's volume name constants.
 */
const ECK_VOLUMES = new Set([
  'elasticsearch-data',
  'elasticsearch-logs',
  'downward-api',
  'file-settings',
  'user-provided-transport-trust',
]);
const ECK_INTERNAL_PREFIX = 'elastic-internal-';

export const eckVolumeMountWithoutVolume: DocumentRule = {
  id: 'eck-volume-mount-without-volume',
  severity: 'error',
  title: '`volumeMounts[].name` in a nodeSet Pod template that names no volume',
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      for (const nodeSet of es.nodeSets) {
        const declared = new Set([...nodeSet.volumes, ...nodeSet.claimTemplates].map((v) => v.value));
        for (const mount of nodeSet.volumeMounts) {
          const name = mount.name?.value;
          if (!name || declared.has(name) || ECK_VOLUMES.has(name) || name.startsWith(ECK_INTERNAL_PREFIX)) continue;
          const known = [...declared].map((v) => `\`${v}\``).join(', ');
          report({
            message: `No volume named \`${name}\` in ${nodeSetLabel(nodeSet)}: Kubernetes rejects Pods whose mounts name a missing volume. Add it under \`podTemplate.spec.volumes\` (for a CA, a \`secret\` or \`configMap\` volume)${known ? `, or use one of ${known}` : ''}.`,
            span: mount.name!.span,
          });
        }
      }
    }
  },
};
