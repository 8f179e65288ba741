import {
  looksLikeTrustRestrictions,
  trustRestrictionsProblems,
  trustRestrictionsTextProblems,
  TRUST_FILE_NAME_PATTERN,
} from '../../model/trustRestrictions';
import { nodeSpan, scalarText } from '../../eck/yamlAst';
import type { Span } from '../../types';
import type { DocumentRule } from '../rule';

/**
 * A trust restrictions file (`trust.yml`, or a ConfigMap's `trust.yml` key in an ECK manifest)
 * that Elasticsearch refuses or that trusts nobody: not a map, no `trust.subject_name`, an empty
 * list, or entries that are not plain names. See model/trustRestrictions.ts for the format.
 */
export const trustFileInvalid: DocumentRule = {
  id: 'trust-file-invalid',
  severity: 'error',
  title: '`trust.yml` (trust restrictions of the certificate model) that Elasticsearch refuses or that trusts no subject name',
  kinds: ['trust-restrictions', 'eck-manifest'],
  check({ document, report }) {
    if (document.kind === 'trust-restrictions') {
      const { text } = document;
      // A span without the line break and blanks after a block node.
      const trimmed = (span: Span): Span => {
        let end = span.end;
        while (end > span.start && /\s/.test(text[end - 1])) end--;
        return { start: span.start, end };
      };
      // An empty file (or comments only) is a file being started: nothing to say yet.
      for (const { contents: root, range } of document.yamlDocuments ?? []) {
        if (root === null || root === undefined) continue;
        const span = nodeSpan(root) ?? { start: range[0], end: Math.max(range[0], range[1]) };
        for (const problem of trustRestrictionsProblems(root, span))
          report({ severity: problem.severity, message: problem.message, span: trimmed(problem.span ?? span) });
      }
      return;
    }
    for (const configMap of document.eck?.configMaps ?? []) {
      for (const entry of configMap.entries) {
        if (entry.section !== 'data' || !TRUST_FILE_NAME_PATTERN.test(entry.key)) continue;
        const text = scalarText(entry.value);
        // Another application's trust.yml in a ConfigMap is not ours to judge.
        if (text === undefined || !looksLikeTrustRestrictions(text)) continue;
        for (const problem of trustRestrictionsTextProblems(text)) {
          report({
            severity: problem.severity,
            message: `In the ConfigMap \`${configMap.name?.value ?? ''}\`, \`${entry.key}\`: ${problem.message}`,
            span: entry.keySpan,
          });
        }
      }
    }
  },
};
