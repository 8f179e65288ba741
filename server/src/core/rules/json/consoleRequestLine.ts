import { HTTP_METHODS } from '../../console/parse';
import { closestMatch } from '../../suggest';
import type { DocumentRule } from '../rule';

/** Request lines of Console files. */

export const consoleRequestLine: DocumentRule = {
  id: 'console-request-line',
  severity: 'error',
  title: 'Console: a line that is neither a request (`METHOD path`), a JSON body nor a comment',
  kinds: ['console'],
  check({ document, report }) {
    for (const problem of document.console?.problems ?? []) {
      if (problem.kind === 'unknown-method') {
        const word = problem.word ?? '';
        const suggestion = closestMatch(word.toUpperCase(), HTTP_METHODS);
        report({
          message: `\`${word}\` is not an HTTP method. Use ${suggestion ? `\`${suggestion}\`` : HTTP_METHODS.map((m) => `\`${m}\``).join(', ')}.`,
          span: problem.span,
          fixes: suggestion
            ? [{ title: `Change to '${suggestion}'`, edits: [{ span: problem.span, newText: suggestion }], isPreferred: true }]
            : undefined,
        });
      } else if (problem.kind === 'space-in-path') {
        const path = problem.path ?? '';
        report({
          message: `A request path cannot contain spaces: this line does not reach \`${path}\`. Remove the spaces (the body below is checked as a request to \`${path}\`).`,
          span: problem.span,
          fixes: [{ title: `Change to '${path}'`, edits: [{ span: problem.span, newText: path }], isPreferred: true }],
        });
      } else if (problem.kind === 'body-without-request') {
        report({
          message: 'This body has no request line above it. Start the request with `METHOD path`, e.g. `PUT _cluster/settings`.',
          span: problem.span,
        });
      } else {
        report({
          message:
            'Console expects a request line (`METHOD path`), a JSON body on the lines after it, or a comment starting with `#` or `//`.',
          span: problem.span,
        });
      }
    }
  },
};
