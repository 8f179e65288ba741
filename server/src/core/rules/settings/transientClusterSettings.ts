import { findNodeAtOffset } from 'jsonc-parser';
import { VERSION_GATES } from '../../catalog/facts';
import { namespaceOf } from '../../catalog/lookup';
import { atLeast } from '../../version';
import type { ScopeRule } from '../rule';
import { jsonRootAt } from './edits';

export const transientClusterSettings: ScopeRule = {
  id: 'transient-cluster-settings',
  severity: 'warning',
  title: 'Remote cluster defined under `transient`',
  reference: [30],
  origins: ['cluster-settings'],
  check({ scope, document, report, stackVersion }) {
    if (scope.persistence !== 'transient' || !scope.occurrences.some((o) => namespaceOf(o.key))) return;
    const root = jsonRootAt(document, scope.span.start);
    const object = root ? findNodeAtOffset(root, scope.span.start) : undefined;
    const property = object?.parent?.type === 'property' ? object.parent : undefined;
    const keyNode = property?.children?.[0];
    if (!keyNode) return;
    const hasPersistent = property?.parent?.children?.some((p) => p.children?.[0]?.value === 'persistent') ?? false;
    const span = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
    // Before 7.16 transient settings are not deprecated, only volatile; unknown version: name the release.
    const deprecated = atLeast(stackVersion, VERSION_GATES.transientSettingsDeprecated);
    const lead =
      deprecated === true
        ? 'Transient cluster settings are deprecated and are lost'
        : deprecated === false
          ? 'Transient cluster settings are lost'
          : 'Transient cluster settings (deprecated from 7.16) are lost';
    report({
      message:
        `${lead} on a full cluster restart, which silently drops these remote clusters. Use \`persistent\`` +
        (hasPersistent ? ': move these settings into the `persistent` object.' : '.'),
      span,
      tags: deprecated === false ? undefined : ['deprecated'],
      fixes: hasPersistent
        ? undefined
        : [{ title: "Change 'transient' to 'persistent'", edits: [{ span, newText: '"persistent"' }], isPreferred: true }],
    });
  },
};
