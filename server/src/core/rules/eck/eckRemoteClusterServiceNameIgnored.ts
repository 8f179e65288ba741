import { removeEntryEdit } from '../../eck/edits';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

export const eckRemoteClusterServiceNameIgnored: DocumentRule = {
  id: 'eck-remote-cluster-service-name-ignored',
  severity: 'info',
  title: '`remoteClusters[].elasticsearchRef.serviceName` has no effect',
  reference: [60],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      for (const entry of es.remoteClusters) {
        const field = entry.refServiceNameField;
        if (!field) continue;
        const edit = removeEntryEdit(document.text, document.lines, field.pair);
        report({
          message:
            "ECK ignores `serviceName` for remote clusters: it always connects to the remote's `-es-transport` (certificate model) or `-es-remote-cluster` (API key) Service. Remove it.",
          span: field.keySpan,
          tags: ['unnecessary'],
          fixes: edit ? [{ title: 'Remove serviceName', edits: [edit], isPreferred: true }] : undefined,
        });
      }
    }
  },
};
