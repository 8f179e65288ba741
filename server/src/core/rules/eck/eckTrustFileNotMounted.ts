import { valueTexts } from '../../model/settingsScope';
import type { ScopeRule } from '../rule';
import { nodeSetLabel, nodeSetOfScope } from './common';

const CONFIG_DIR = '/usr/share/elasticsearch/config';
/** Directories under the config directory that ECK fills itself (its own certificates and trust). */
const ECK_CONFIG_DIRS = ['transport-certs', 'transport-trust', 'transport-remote-certs', 'http-certs', 'operator'].map(
  (d) => `${CONFIG_DIR}/${d}`,
);
const TRUST_FILE_KEYS =
  /^xpack\.security\.(remote_cluster_client|remote_cluster_server|transport)\.ssl\.(certificate_authorities|truststore\.path)$/;

export const eckTrustFileNotMounted: ScopeRule = {
  id: 'eck-trust-file-not-mounted',
  severity: 'info',
  title: 'CA or truststore path in `nodeSets[].config` that no volume mount of the Pod template provides',
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    const mountPaths = owner.nodeSet.volumeMounts
      .filter((mount) => mount.container === 'elasticsearch' && mount.mountPath)
      .map((mount) => mount.mountPath!.value.replace(/\/+$/, ''));
    for (const occurrence of scope.occurrences) {
      if (!TRUST_FILE_KEYS.test(occurrence.key)) continue;
      const items = occurrence.value.kind === 'list' ? (occurrence.value.items ?? []) : [occurrence.value];
      for (const item of items) {
        const path = valueTexts(item)[0]?.trim();
        if (!path) continue;
        const absolute = path.startsWith('/') ? path : `${CONFIG_DIR}/${path.replace(/^\.\//, '')}`;
        const covered = [...mountPaths, ...ECK_CONFIG_DIRS].some((dir) => absolute === dir || absolute.startsWith(`${dir}/`));
        if (covered) continue;
        report({
          message: `No volume mount of the \`elasticsearch\` container in ${nodeSetLabel(owner.nodeSet)} provides \`${absolute}\`. Unless your image contains the file, mount the CA from a Secret or ConfigMap (\`podTemplate.spec.volumes\` and \`volumeMounts\`) at its directory.`,
          span: item.span,
        });
      }
    }
  },
};
