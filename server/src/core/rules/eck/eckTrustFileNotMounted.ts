import { mountProviding, providedByEck, trustFileReferences } from '../../eck/trustFiles';
import type { ScopeRule } from '../rule';
import { nodeSetLabel, nodeSetOfScope } from './common';

/**
 * A CA, truststore or trust restrictions file named in a nodeSet's `config` that no mount of the
 * `elasticsearch` container provides. Alone that is only a note (a custom image may contain the
 * file); when another nodeSet of the same resource mounts the path, the file clearly comes from a
 * volume this nodeSet lacks, and the nodes of this nodeSet fail to start: a warning.
 */
export const eckTrustFileNotMounted: ScopeRule = {
  id: 'eck-trust-file-not-mounted',
  severity: 'info',
  title: 'CA, truststore or `trust.yml` path in `nodeSets[].config` that no volume mount of the Pod template provides',
  origins: ['eck-config'],
  check({ document, scope, report }) {
    const owner = nodeSetOfScope(document, scope);
    if (!owner) return;
    const { es, nodeSet } = owner;
    for (const reference of trustFileReferences(nodeSet)) {
      const { absolute } = reference;
      if (providedByEck(absolute) || mountProviding(nodeSet, absolute)) continue;
      const donor = es.nodeSets.find((other) => other !== nodeSet && mountProviding(other, absolute));
      const donorMount = donor && mountProviding(donor, absolute);
      if (donor && donorMount) {
        const volume = donorMount.name ? ` from the volume \`${donorMount.name.value}\`` : '';
        report({
          severity: 'warning',
          message: `${nodeSetLabel(nodeSet)} does not mount \`${absolute}\`, which ${nodeSetLabel(donor)} mounts${volume} at \`${donorMount.mountPath!.value}\`. Pod templates are per nodeSet: copy the volume and its \`volumeMounts\` entry into this nodeSet, or its nodes cannot read the file and fail to start.`,
          span: reference.span,
        });
        continue;
      }
      report({
        message: `No volume mount of the \`elasticsearch\` container in ${nodeSetLabel(nodeSet)} provides \`${absolute}\`. Unless your image contains the file, mount it from a Secret or ConfigMap (\`podTemplate.spec.volumes\` and \`volumeMounts\`) at its directory.`,
        span: reference.span,
      });
    }
  },
};
