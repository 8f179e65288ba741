import { findLeniencies, targetOf } from '../../json/leniency';
import { JSON_BODY_KINDS } from '../../json/kinds';
import { bodyRule } from './bodyRule';

/**
 * Parts of a body that only our lenient parser accepts (see json/leniency.ts). Bodies of a JSON
 * editor document are left to VS Code's JSON language, which already reports both.
 */

export const jsonTrailingComma = bodyRule({
  id: 'json-trailing-comma',
  severity: 'error',
  title: 'A comma before `}` or `]`, which Elasticsearch and the Cloud API refuse',
  bodyKinds: JSON_BODY_KINDS,
  check({ body, report }) {
    if (body.syntaxFromEditor) return;
    const target = targetOf(body.kind) === 'cloud' ? 'The Cloud API' : 'Elasticsearch';
    for (const span of findLeniencies(body.text, body.span.start).trailingCommas) {
      report({
        message: `Trailing comma: ${target} rejects the request as invalid JSON. Remove the comma.`,
        span,
        fixes: [{ title: 'Remove the trailing comma', isPreferred: true, edits: [{ span, newText: '' }] }],
      });
    }
  },
});
