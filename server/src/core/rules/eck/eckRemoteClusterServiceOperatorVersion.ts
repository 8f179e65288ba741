import { knownOperatorVersions } from '../../eck/workspace';
import { compareVersions, parseVersion, type Version } from '../../version';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

const SERVICE_TEMPLATE_SINCE = '3.3.0';

export const eckRemoteClusterServiceOperatorVersion: DocumentRule = {
  id: 'eck-remote-cluster-service-operator-version',
  severity: 'warning',
  title: '`spec.remoteClusterServer.service` with an ECK operator older than 3.3 (operator version found in the workspace)',
  reference: [63],
  kinds: ECK_KINDS,
  check({ document, options, report }) {
    const versions = knownOperatorVersions(document, options)
      .map((text) => parseVersion(text))
      .filter((version): version is Version => version !== undefined);
    if (versions.length === 0) return;
    const oldest = versions.reduce((a, b) => (compareVersions(a, b) <= 0 ? a : b));
    if (compareVersions(oldest, SERVICE_TEMPLATE_SINCE) >= 0) return;
    for (const es of elasticsearchesOf(document)) {
      const field = es.remoteClusterServerService?.field;
      if (!field) continue;
      report({
        message: `The ECK operator here is ${oldest.text}; \`remoteClusterServer.service\` needs ECK ${SERVICE_TEMPLATE_SINCE} or later and older operators ignore it. Upgrade the operator, or expose \`<name>-es-remote-cluster\` with a Service of your own (port 9443, \`targetPort: 9443\`).`,
        span: field.keySpan,
      });
    }
  },
};
