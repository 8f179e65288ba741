import { compareVersions } from '../../version';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';
import { VERSION_GATES } from '../../catalog/facts';

export const eckApiKeyVersion: DocumentRule = {
  id: 'eck-api-key-version',
  severity: 'error',
  title: '`spec.remoteClusters[].apiKey` on an Elasticsearch version before 8.10.0 (beta before 8.14)',
  reference: [56, 24],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      const version = es.stackVersion;
      if (!version) continue;
      for (const entry of es.remoteClusters) {
        if (!entry.apiKeyField) continue;
        const related = es.version ? [{ span: es.version.span, message: 'Elasticsearch version' }] : undefined;
        if (compareVersions(version, VERSION_GATES.apiKeyModel) < 0) {
          report({
            message: `API-key remote clusters need Elasticsearch ${VERSION_GATES.apiKeyModel} or later, and \`spec.version\` is ${version.text}: ECK rejects this resource. Upgrade, or remove \`apiKey\` to use the certificate model.`,
            span: entry.apiKeyField.keySpan,
            related,
          });
        } else if (compareVersions(version, VERSION_GATES.apiKeyModelGa) < 0) {
          report({
            severity: 'warning',
            message: `API-key remote clusters were a beta feature before Elasticsearch ${VERSION_GATES.apiKeyModelGa} (\`spec.version\` is ${version.text}); upgrade both clusters to ${VERSION_GATES.apiKeyModelGa} or later for the supported feature.`,
            span: entry.apiKeyField.keySpan,
            related,
          });
        }
      }
    }
  },
};
