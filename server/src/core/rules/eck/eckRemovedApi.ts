import { isMap } from 'yaml';
import { ECK_ES_API_GROUP } from '../../eck/manifest';
import { fieldValue, scalarText, textField } from '../../eck/yamlAst';
import type { DocumentRule } from '../rule';
import { ECK_KINDS } from './common';

/**
 * Resources that ECK stopped serving long ago and that still circulate in old blog posts:
 * the `RemoteCluster` kind (removed in ECK 0.9, July 2019, cloud-on-k8s #1164) and the whole
 * `v1alpha1` version of the group (removed in ECK 1.0, cloud-on-k8s #2119). The API server of a
 * cluster running any current operator has no such resource and refuses the manifest.
 */
const GROUP_PREFIX = `${ECK_ES_API_GROUP}/`;

export const eckRemovedApi: DocumentRule = {
  id: 'eck-removed-api',
  severity: 'error',
  title: '`kind: RemoteCluster` or `elasticsearch.k8s.elastic.co/v1alpha1`, both removed from ECK in 2019',
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const doc of document.yamlDocuments ?? []) {
      if (!isMap(doc.contents)) continue;
      // The group first, without building spans: most documents of a large file are of other groups.
      if (!scalarText(fieldValue(doc.contents, 'apiVersion'))?.startsWith(GROUP_PREFIX)) continue;
      const apiVersion = textField(doc.contents, 'apiVersion');
      const kind = textField(doc.contents, 'kind');
      if (!apiVersion?.value.startsWith(GROUP_PREFIX)) continue;
      if (kind?.value === 'RemoteCluster') {
        report({
          message:
            'The `RemoteCluster` resource was removed in ECK 0.9 (2019), so the API server refuses it. Declare the remote in the local Elasticsearch resource instead: `spec.remoteClusters[]` with `name` and `elasticsearchRef` (plus `apiKey` for the API-key model).',
          span: kind.span,
        });
      } else if (apiVersion.value === `${ECK_ES_API_GROUP}/v1alpha1`) {
        report({
          message: `\`${apiVersion.value}\` was removed in ECK 1.0 (2019), so the API server refuses it. Use \`${ECK_ES_API_GROUP}/v1\` (its spec differs: \`nodeSets\`, \`remoteClusters\`).`,
          span: apiVersion.span,
        });
      }
    }
  },
};
