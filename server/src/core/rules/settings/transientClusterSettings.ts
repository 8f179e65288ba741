import { findNodeAtOffset } from 'jsonc-parser';
import { namespaceOf } from '../../catalog/lookup';
import type { ScopeRule } from '../rule';
import { jsonRootAt } from './edits';

export const transientClusterSettings: ScopeRule = {
  id: 'transient-cluster-settings',
  severity: 'warning',
  title: 'Remote cluster defined under `transient`',
  reference: [30],
  origins: ['cluster-settings'],
  check({ scope, document, report }) {
    if (scope.persistence !== 'transient' || !scope.occurrences.some((o) => namespaceOf(o.key))) return;
    const root = jsonRootAt(document, scope.span.start);
    const object = root ? findNodeAtOffset(root, scope.span.start) : undefined;
    const property = object?.parent?.type === 'property' ? object.parent : undefined;
    const keyNode = property?.children?.[0];
    if (!keyNode) return;
    const hasPersistent = property?.parent?.children?.some((p) => p.children?.[0]?.value === 'persistent') ?? false;
    const span = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
    // The deprecation release (7.16) is not confirmed in our sources; the advice holds either way.
    report({
      message:
        'Transient cluster settings are deprecated and are lost on a full cluster restart, which silently drops these remote clusters. Use `persistent`' +
        (hasPersistent ? ': move these settings into the `persistent` object.' : '.'),
      span,
      tags: ['deprecated'],
      fixes: hasPersistent
        ? undefined
        : [{ title: "Change 'transient' to 'persistent'", edits: [{ span, newText: '"persistent"' }], isPreferred: true }],
    });
  },
};
