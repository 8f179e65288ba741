import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

export const eckRemoteClusterWithoutRef: DocumentRule = {
  id: 'eck-remote-cluster-without-ref',
  severity: 'warning',
  title: '`spec.remoteClusters[]` entry without `elasticsearchRef.name` (ECK ignores it)',
  reference: [59],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      for (const entry of es.remoteClusters) {
        if (entry.refName?.value.trim()) continue;
        report({
          message:
            'ECK silently skips remote clusters without `elasticsearchRef.name`. Name the remote `Elasticsearch` resource; for clusters ECK does not manage, configure `cluster.remote.*` in `nodeSets[].config` or through the cluster settings API instead.',
          span: entry.refField?.keySpan ?? entry.name?.span ?? entry.span,
        });
      }
    }
  },
};
