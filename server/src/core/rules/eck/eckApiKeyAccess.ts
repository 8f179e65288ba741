import { isMap, isSeq, type YAMLSeq } from 'yaml';
import { fieldOf, nodeSpan, type Field } from '../../eck/yamlAst';
import type { ConfigDocument } from '../../model/configDocument';
import type { Fix } from '../../types';
import type { DocumentRule, FindingInput } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

const ACCESS_SECTIONS = ['search', 'replication'] as const;

/**
 * ECK's CRD types `access.search` and `access.replication` as single objects (Go `*Search`,
 * `*Replication` in pkg/apis/elasticsearch/v1/remote_cluster.go), unlike the Elasticsearch API
 * body, where both are arrays. The list form is what people copy from the API docs, and the API
 * server rejects it.
 */
export const eckApiKeyAccess: DocumentRule = {
  id: 'eck-api-key-access',
  severity: 'error',
  title: '`remoteClusters[].apiKey.access` missing, incomplete (required fields of the CRD) or written as a list',
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
              '`apiKey` needs `access`: say what the key may do on the remote under `access.search` (cross-cluster search) and/or `access.replication` (cross-cluster replication). Kubernetes rejects the resource without it.',
            span: access?.keySpan ?? entry.apiKeyField.keySpan,
          });
          continue;
        }
        const sections: Array<{ section: 'search' | 'replication'; field: Field }> = [];
        for (const section of ACCESS_SECTIONS) {
          const field = fieldOf(access.value, section);
          if (field) sections.push({ section, field });
        }
        if (sections.length === 0) {
          report({
            severity: 'warning',
            message:
              '`access` grants nothing: add `search` and/or `replication` with the index `names` this cluster may use on the remote.',
            span: access.keySpan,
          });
        }
        for (const { section, field } of sections) checkSection(document, section, field, report);
      }
    }
  },
};

function checkSection(
  document: ConfigDocument,
  section: 'search' | 'replication',
  field: Field,
  report: (finding: FindingInput) => void,
): void {
  if (isSeq(field.value)) {
    report({
      message: `In ECK, \`access.${section}\` is one object, not a list (the list form belongs to the Elasticsearch API body): write \`${section}:\` followed directly by \`names: [...]\`. The API server rejects a list here.`,
      span: field.keySpan,
      fixes: listToObjectFix(document.text, section, field.value),
    });
    return;
  }
  if (!isMap(field.value)) {
    report({ message: `\`access.${section}\` needs \`names\`: the index names or patterns it covers.`, span: field.keySpan });
    return;
  }
  const names = fieldOf(field.value, 'names');
  if (!names || !isSeq(names.value)) {
    report({
      message: `\`access.${section}\` needs \`names\`: a list of the index names or patterns it covers.`,
      span: names?.keySpan ?? field.keySpan,
    });
  }
  if (section !== 'search') return;
  const fieldSecurity = fieldOf(field.value, 'field_security');
  if (!fieldSecurity) return;
  const missing = ['grant', 'except'].filter((key) => !fieldOf(fieldSecurity.value, key)).map((key) => `\`${key}\``);
  if (missing.length > 0) {
    report({
      message: `\`field_security\` needs both \`grant\` and \`except\` (use \`except: []\` to exclude nothing); add ${missing.join(' and ')}.`,
      span: fieldSecurity.keySpan,
    });
  }
}

/**
 * A list of exactly one entry becomes that entry. In a block list, blanking the dash keeps every
 * key of the entry at the same column, still indented under the parent key; a flow list is
 * replaced by its only item. Several entries cannot be merged safely, so no fix is offered then.
 */
function listToObjectFix(text: string, section: string, list: YAMLSeq): Fix[] | undefined {
  if (list.items.length !== 1 || !isMap(list.items[0])) return undefined;
  const listSpan = nodeSpan(list);
  const itemSpan = nodeSpan(list.items[0]);
  if (!listSpan || !itemSpan) return undefined;
  const title = `Write \`${section}\` as one object`;
  if (list.flow) {
    return [
      { title, isPreferred: true, edits: [{ span: listSpan, newText: text.slice(itemSpan.start, itemSpan.end).trimEnd() }] },
    ];
  }
  if (text[listSpan.start] !== '-') return undefined;
  return [{ title, isPreferred: true, edits: [{ span: { start: listSpan.start, end: listSpan.start + 1 }, newText: ' ' }] }];
}
