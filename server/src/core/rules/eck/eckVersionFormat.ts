import { isScalar } from 'yaml';
import { fieldValue } from '../../eck/yamlAst';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf, resourceLabel } from './common';

/** ECK reads `spec.version` as a semantic version: three numbers and an optional `-label`. */
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export const eckVersionFormat: DocumentRule = {
  id: 'eck-version-format',
  severity: 'error',
  title: 'ECK `spec.version` that is not a full `major.minor.patch` version string',
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      const value = fieldValue(es.spec, 'version');
      if (!es.version || !isScalar(value)) continue;
      if (typeof value.value === 'number') {
        report({
          message: `\`${es.version.value}\` is a YAML number, but \`spec.version\` takes a string: write the full version in quotes (for example "8.15.3"), or Kubernetes rejects ${resourceLabel(es)}.`,
          span: es.version.span,
        });
      } else if (!SEMVER.test(es.version.value.trim())) {
        report({
          message: `ECK cannot parse \`${es.version.value}\` as an Elasticsearch version: write it as \`major.minor.patch\`, for example \`8.15.3\`.`,
          span: es.version.span,
        });
      }
    }
  },
};
