import { isMap, type Pair } from 'yaml';
import { DOCS } from './catalog/settingsCatalog';
import { nodeSpan, scalarText } from './eck/yamlAst';
import type { ConfigDocument } from './model/configDocument';
import { describeSubjectName, SUBJECT_NAME_KEY, TRUST_FILE_NAME_PATTERN } from './model/trustRestrictions';
import { spanContains } from './text';
import type { HoverResult } from './types';

/** Hover in a trust.yml (on `trust.subject_name`) and on a ConfigMap's `trust.yml` key in an ECK manifest. */
export function trustHover(document: ConfigDocument, offset: number): HoverResult | undefined {
  if (document.kind === 'trust-restrictions') {
    for (const doc of document.yamlDocuments ?? []) {
      const span = subjectKeySpanAt(doc.contents, offset);
      if (span) return { markdown: describeSubjectName(), span };
    }
    return undefined;
  }
  for (const configMap of document.eck?.configMaps ?? []) {
    for (const entry of configMap.entries) {
      if (entry.section !== 'data' || !TRUST_FILE_NAME_PATTERN.test(entry.key) || !spanContains(entry.keySpan, offset)) continue;
      return {
        markdown: [
          `**\`${entry.key}\`** (trust restrictions of the certificate model)`,
          '',
          `The file \`xpack.security.transport.ssl.trust_restrictions.path\` points at: \`${SUBJECT_NAME_KEY}:\` followed by the subject names or patterns to trust. Mount this ConfigMap as a volume in every nodeSet, at the directory of that path; changing the Pod template restarts every Pod.`,
          '',
          `[Elastic documentation](${DOCS.eceEckCertificates})`,
        ].join('\n'),
        span: entry.keySpan,
      };
    }
  }
  return undefined;
}

/** The span of the key (flat `trust.subject_name`, or `trust` / `subject_name` nested) under the cursor. */
function subjectKeySpanAt(node: unknown, offset: number, prefix = ''): { start: number; end: number } | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items as Pair[]) {
    const name = scalarText(pair.key);
    const span = nodeSpan(pair.key);
    if (name === undefined || !span) continue;
    const key = prefix + name;
    if (spanContains(span, offset) && (key === SUBJECT_NAME_KEY || SUBJECT_NAME_KEY.startsWith(`${key}.`))) return span;
    if (key === 'trust') {
      const inner = subjectKeySpanAt(pair.value, offset, 'trust.');
      if (inner) return inner;
    }
  }
  return undefined;
}
