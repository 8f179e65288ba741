import { compareVersions } from '../../version';
import { VERSION_GATES } from '../../catalog/facts';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

export const eckRemoteClusterServerVersion: DocumentRule = {
  id: 'eck-remote-cluster-server-version',
  severity: 'error',
  title: '`spec.remoteClusterServer.enabled: true` on an Elasticsearch version before 8.10.0',
  reference: [55],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      if (!es.remoteClusterServerEnabled || !es.stackVersion || !es.remoteClusterServerEnabledField) continue;
      if (compareVersions(es.stackVersion, VERSION_GATES.apiKeyModel) >= 0) continue;
      report({
        message: `The remote cluster server needs Elasticsearch ${VERSION_GATES.apiKeyModel} or later, and \`spec.version\` is ${es.stackVersion.text}: ECK rejects this resource. Upgrade the version or remove \`remoteClusterServer\`.`,
        span: es.remoteClusterServerEnabledField.keySpan,
        related: es.version ? [{ span: es.version.span, message: 'Elasticsearch version' }] : undefined,
      });
    }
  },
};
