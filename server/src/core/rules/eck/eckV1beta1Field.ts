import { replaceNodeEdit } from '../../eck/edits';
import { ECK_ES_API_GROUP } from '../../eck/manifest';
import { fieldOf, fieldValue } from '../../eck/yamlAst';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

/**
 * Remote-cluster fields missing from the `v1beta1` Elasticsearch schema. Not in the shared
 * reference: read from ECK's v1beta1 API types, which stop at version, image, http, nodeSets,
 * updateStrategy, podDisruptionBudget and secureSettings. Kept a warning for that reason.
 */
const V1_ONLY = ['remoteClusterServer', 'remoteClusters', 'transport', 'serviceAccountName'] as const;

export const eckV1beta1Field: DocumentRule = {
  id: 'eck-v1beta1-field',
  severity: 'warning',
  title: 'Remote-cluster field used with `apiVersion: elasticsearch.k8s.elastic.co/v1beta1`, whose schema lacks it',
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      if (es.crdVersion !== 'v1beta1') continue;
      const apiVersionNode = fieldValue(es.root, 'apiVersion');
      const edit = replaceNodeEdit(apiVersionNode, `${ECK_ES_API_GROUP}/v1`);
      for (const name of V1_ONLY) {
        const field = fieldOf(es.spec, name);
        if (!field) continue;
        report({
          message: `\`${name}\` is not part of the \`v1beta1\` Elasticsearch schema, so the API server drops it and ECK never sees it. Use \`apiVersion: ${ECK_ES_API_GROUP}/v1\`.`,
          span: field.keySpan,
          fixes: edit ? [{ title: 'Change apiVersion to v1', edits: [edit], isPreferred: true }] : undefined,
        });
      }
    }
  },
};
