import { findLeniencies, targetOf } from '../../json/leniency';
import { JSON_BODY_KINDS } from '../../json/kinds';
import { bodyRule } from './bodyRule';

/**
 * Parts of a body that only our lenient parser accepts (see json/leniency.ts). Bodies of a JSON
 * editor document are left to VS Code's JSON language, which already reports both.
 */

export const jsonCommentCloud = bodyRule({
  id: 'json-comment-cloud',
  severity: 'warning',
  title:
    'A comment in an Elastic Cloud / ECE API body (Elasticsearch accepts comments; whether the Cloud API does is unverified)',
  bodyKinds: JSON_BODY_KINDS.filter((kind) => targetOf(kind) === 'cloud'),
  check({ body, report }) {
    if (body.syntaxFromEditor) return;
    // A warning, not an error: the Cloud API's parser is not public, so rejection is unverified.
    for (const span of findLeniencies(body.text, body.span.start).comments) {
      report({
        message: 'Comments are not part of JSON and the Cloud API may reject the request; remove the comment before sending.',
        span,
      });
    }
  },
});
