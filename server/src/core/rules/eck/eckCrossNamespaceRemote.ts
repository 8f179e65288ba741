import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

export const eckCrossNamespaceRemote: DocumentRule = {
  id: 'eck-cross-namespace-remote',
  severity: 'info',
  title: 'Remote cluster in another namespace without `spec.serviceAccountName`',
  reference: [70],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      if (es.serviceAccountName) continue;
      for (const entry of es.remoteClusters) {
        const target = entry.refNamespace;
        if (!target || target.value === es.namespace?.value) continue;
        report({
          message: `The remote is in namespace \`${target.value}\`${es.namespace ? `, this cluster in \`${es.namespace.value}\`` : ''}. If the operator restricts cross-namespace associations, set \`spec.serviceAccountName\` on both clusters and allow access in both directions, or ECK refuses the connection.`,
          span: target.span,
        });
      }
    }
  },
};
