import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

export const eckCertificateModelDeprecated: DocumentRule = {
  id: 'eck-certificate-model-deprecated',
  severity: 'info',
  title: 'ECK-managed remote cluster without `apiKey` (TLS-certificate model) on Elasticsearch 9.0 or later',
  reference: [22],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      if (!es.stackVersion || es.stackVersion.major < 9) continue;
      for (const entry of es.remoteClusters) {
        if (entry.apiKeyField || !entry.refName) continue;
        report({
          message: `Without \`apiKey\` this remote cluster uses the TLS-certificate model, deprecated since Elasticsearch 9.0. Add \`apiKey.access\` (and enable \`spec.remoteClusterServer\` on \`${entry.refName.value}\`) to switch to the API-key model.`,
          span: entry.name?.span ?? entry.span,
        });
      }
    }
  },
};
