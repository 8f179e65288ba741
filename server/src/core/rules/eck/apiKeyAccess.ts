import { isMap, isSeq } from 'yaml';
import { fieldOf, headSpan, itemsOf } from '../../eck/yaml';
import type { DocumentRule } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

export const eckApiKeyAccess: DocumentRule = {
  id: 'eck-api-key-access',
  severity: 'error',
  title: '`remoteClusters[].apiKey.access` missing or incomplete (required fields of the CRD)',
  reference: [61],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      for (const entry of es.remoteClusters) {
        if (!entry.apiKeyField) continue;
        const access = entry.accessField;
        if (!access || !isMap(access.value)) {
          report({
            message:
              '`apiKey` needs `access`: list what the key may do on the remote under `access.search` (cross-cluster search) and/or `access.replication` (cross-cluster replication). Kubernetes rejects the resource without it.',
            span: access?.keySpan ?? entry.apiKeyField.keySpan,
          });
          continue;
        }
        const search = fieldOf(access.value, 'search');
        const replication = fieldOf(access.value, 'replication');
        if (itemsOf(search?.value).length === 0 && itemsOf(replication?.value).length === 0) {
          report({
            severity: 'warning',
            message: '`access` grants nothing: add `search` and/or `replication` entries with the index `names` this cluster may use on the remote.',
            span: access.keySpan,
          });
        }
        for (const [section, field] of [['search', search], ['replication', replication]] as const) {
          for (const item of itemsOf(field?.value)) {
            const span = headSpan(item);
            if (!span) continue;
            const names = fieldOf(item, 'names');
            if (!names || !isSeq(names.value)) {
              report({
                message: `Every \`access.${section}\` entry needs \`names\`: the list of index names or patterns it covers.`,
                span: names?.keySpan ?? span,
              });
            }
            if (section !== 'search') continue;
            const fieldSecurity = fieldOf(item, 'field_security');
            if (!fieldSecurity) continue;
            const grant = fieldOf(fieldSecurity.value, 'grant');
            const except = fieldOf(fieldSecurity.value, 'except');
            const missing = [grant ? '' : '`grant`', except ? '' : '`except`'].filter(Boolean);
            if (missing.length > 0) {
              report({
                message: `\`field_security\` needs both \`grant\` and \`except\` (use \`except: []\` to exclude nothing); add ${missing.join(' and ')}.`,
                span: fieldSecurity.keySpan,
              });
            }
          }
        }
      }
    }
  },
};
