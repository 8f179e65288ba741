import { findNodeAtOffset } from 'jsonc-parser';
import { JSON_BODY_KINDS } from '../../json/kinds';
import { pathOf, property } from '../../json/jsonAst';
import { propertyNamesAt } from '../../json/schemaPaths';
import { schemaFor } from '../../json/schemas';
import { schemaProblems } from '../../json/service';
import { closestMatch } from '../../suggest';
import type { Fix } from '../../types';
import { bodyRule } from './bodyRule';

const NOT_ALLOWED = /^Property (.+) is not allowed\.$/;

/**
 * Structure, types, required fields and allowed values, checked against the body's JSON schema
 * by vscode-json-languageservice. Documents VS Code already validates with the same schema
 * (named `*.trust.json`, …, open in a JSON editor) are skipped, so nothing is reported twice.
 * Unknown fields get a "did you mean" and a rename fix.
 */
export const jsonSchema = bodyRule({
  id: 'json-schema',
  severity: 'error',
  title: 'Request body does not match the API: unknown field, wrong type, missing required field, value not allowed',
  reference: [76, 77],
  bodyKinds: JSON_BODY_KINDS,
  check({ body, report }) {
    if (body.schemaFromEditor || !body.root) return;
    for (const problem of schemaProblems(body)) {
      if (problem.kind !== 'schema') continue;
      const unknown = NOT_ALLOWED.exec(problem.message);
      const keyNode = unknown && body.root ? findNodeAtOffset(body.root, problem.span.start + 1) : undefined;
      const object = keyNode?.parent?.parent;
      if (unknown && keyNode?.type === 'string' && object?.type === 'object') {
        const key = String(keyNode.value);
        const allowed = propertyNamesAt(schemaFor(body.kind, body.variant), pathOf(object)).filter(
          (name) => !property(object, name),
        );
        const suggestion = closestMatch(key, allowed);
        const fixes: Fix[] | undefined = suggestion
          ? [
              {
                title: `Change to '${suggestion}'`,
                edits: [{ span: { start: keyNode.offset + 1, end: keyNode.offset + keyNode.length - 1 }, newText: suggestion }],
                isPreferred: true,
              },
            ]
          : undefined;
        report({
          message:
            `\`${key}\` is not a field of this object.` +
            (suggestion
              ? ` Did you mean \`${suggestion}\`?`
              : allowed.length
                ? ` Expected one of: ${allowed.map((a) => `\`${a}\``).join(', ')}.`
                : ''),
          span: problem.span,
          severity: problem.severity,
          fixes,
        });
        continue;
      }
      report({ message: problem.message, span: problem.span, severity: problem.severity });
    }
  },
});
