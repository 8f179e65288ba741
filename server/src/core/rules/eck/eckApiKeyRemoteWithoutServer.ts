import { manifestIndex } from '../../eck/manifest';
import { findElasticsearch, sameNamespace } from '../../eck/workspace';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf, enableRemoteClusterServerEdit } from './common';

export const eckApiKeyRemoteWithoutServer: DocumentRule = {
  id: 'eck-api-key-remote-without-server',
  severity: 'warning',
  title:
    'API-key remote cluster whose target Elasticsearch (in this file or the workspace) does not enable the remote cluster server',
  reference: [57],
  kinds: ECK_KINDS,
  check({ document, options, report }) {
    for (const es of elasticsearchesOf(document)) {
      for (const entry of es.remoteClusters) {
        if (!entry.apiKeyField || !entry.refName) continue;
        const namespace = entry.refNamespace?.value ?? es.namespace?.value;
        const targets = findElasticsearch(document, options, entry.refName.value, namespace);
        // Unknown target (defined elsewhere): nothing to say. Any definition that enables it (a
        // kustomize patch, say) is enough.
        if (targets.length === 0 || targets.some((target) => target.remoteClusterServerEnabled)) continue;
        const where = targets.every((target) => target.uri === undefined) ? 'in this file' : 'in the workspace';
        // When the remote is defined in this file, the fix can enable it there.
        // Looked up among every resource of the file, also when the analysis checks only some (incrementalAnalysis.ts).
        const remoteHere = (
          document.eck ? (manifestIndex(document.eck).elasticsearchesByName.get(entry.refName.value) ?? []) : []
        ).find((other) => other !== es && sameNamespace(other.namespace?.value, namespace));
        const edit = remoteHere ? enableRemoteClusterServerEdit(document, remoteHere) : undefined;
        report({
          message: `\`${entry.refName.value}\` (${where}) does not set \`spec.remoteClusterServer.enabled: true\`. API-key connections go to its \`${entry.refName.value}-es-remote-cluster\` Service on port 9443, which ECK only creates when the remote cluster server is enabled: enable it on \`${entry.refName.value}\`.`,
          span: entry.refName.span,
          fixes: edit
            ? [{ title: `Enable the remote cluster server on ${entry.refName.value}`, edits: [edit], isPreferred: true }]
            : undefined,
        });
      }
    }
  },
};
