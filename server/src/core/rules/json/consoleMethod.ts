import { routeFor } from '../../console/routes';
import type { DocumentRule } from '../rule';

/** Request lines of Console files. */

export const consoleMethod: DocumentRule = {
  id: 'console-method',
  severity: 'warning',
  title: 'Console: a known API called with a method it does not accept for a body',
  kinds: ['console'],
  check({ document, report }) {
    for (const request of document.console?.requests ?? []) {
      const match = routeFor(request.route);
      if (!match || !request.body || match.methods.includes(request.method)) continue;
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE') {
        report({
          message: `\`${request.method}\` does not send this body. ${match.title} uses \`${match.methods[0]}\`.`,
          span: request.methodSpan,
          fixes: [
            {
              title: `Change to '${match.methods[0]}'`,
              edits: [{ span: request.methodSpan, newText: match.methods[0] }],
              isPreferred: true,
            },
          ],
        });
        continue;
      }
      report({
        message: `${match.title} is called with ${match.methods.map((m) => `\`${m}\``).join(' or ')}, not \`${request.method}\`.`,
        span: request.methodSpan,
        fixes: [
          {
            title: `Change to '${match.methods[0]}'`,
            edits: [{ span: request.methodSpan, newText: match.methods[0] }],
            isPreferred: true,
          },
        ],
      });
    }
  },
};
