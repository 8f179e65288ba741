import { findNodeAtOffset } from 'jsonc-parser';
import { JSON_BODY_KINDS } from '../../json/kinds';
import { schemaProblems } from '../../json/service';
import { bodyRule } from './bodyRule';

/** Elasticsearch refuses a body that repeats a field; VS Code's JSON editor reports this itself. */
export const jsonDuplicateKey = bodyRule({
  id: 'json-duplicate-key',
  severity: 'error',
  title: 'A field written twice in the same object',
  // `_cluster/settings` bodies have duplicate-setting, which also catches flat/nested repeats.
  bodyKinds: JSON_BODY_KINDS.filter((kind) => kind !== 'cluster-settings'),
  check({ body, report }) {
    if (body.syntaxFromEditor || !body.root) return;
    for (const problem of schemaProblems(body)) {
      if (problem.kind !== 'duplicate-key' || !body.root) continue;
      // The service flags every copy; report the later ones, pointing back at the first.
      const keyNode = findNodeAtOffset(body.root, problem.span.start + 1);
      const object = keyNode?.parent?.parent;
      const first = object?.children?.map((p) => p.children?.[0]).find((k) => k?.value === keyNode?.value);
      if (!keyNode || !first || first === keyNode) continue;
      report({
        message: `\`${keyNode.value}\` is already set in this object. Elasticsearch and the Cloud API refuse duplicate fields; keep one.`,
        span: problem.span,
        related: [{ span: { start: first.offset, end: first.offset + first.length }, message: 'First definition' }],
      });
    }
  },
});
