import { resolveKey, VALID_ALIAS } from '../../catalog/lookup';
import type { SettingOccurrence } from '../../model/settingsScope';
import type { TextEdit } from '../../types';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { REMOTE_PREFIX, remoteAliases, spanOfSegments, unknownOccurrences } from '../../model/remoteAliases';

/** `cluster.remote.my.alias.seeds`: a dot inside the alias, recognisable because the rest is a known setting. */
export function dottedAliasOf(occurrence: SettingOccurrence): { alias: string; segmentCount: number } | undefined {
  const resolved = occurrence.resolved;
  if (resolved.def || resolved.namespace !== REMOTE_PREFIX || resolved.alias === undefined || !resolved.suffix) return undefined;
  const parts = resolved.suffix.split('.');
  for (let extra = 1; extra < parts.length; extra++) {
    const candidate = `${REMOTE_PREFIX}x.${parts.slice(extra).join('.')}`;
    if (resolveKey(candidate).def)
      return { alias: [resolved.alias, ...parts.slice(0, extra)].join('.'), segmentCount: extra + 1 };
  }
  return undefined;
}

function cleanAlias(alias: string): string {
  return alias.replace(/[^-\w]+/g, '_').replace(/^_+|_+$/g, '') || 'remote';
}

export const aliasInvalidCharacters: ScopeRule = {
  id: 'alias-invalid-characters',
  severity: 'error',
  title: 'Remote cluster alias with characters other than letters, digits, `_` and `-`',
  reference: [1],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const remotes = remoteAliases(scope, { includeInvalid: true });
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (remote.alias === '' || VALID_ALIAS.test(remote.alias)) continue;
      const replacement = cleanAlias(remote.alias);
      // Rename every place the alias is written; nested keys share one alias segment.
      const edits = new Map<number, TextEdit>();
      for (const { occurrence } of remote.settings) {
        const segment = occurrence.segments[REMOTE_PREFIX.split('.').length - 1];
        edits.set(segment.span.start, { span: segment.span, newText: replacement });
      }
      report({
        message: `Remote cluster alias \`${remote.alias}\` contains characters Elasticsearch does not accept in an alias (only letters, digits, \`_\` and \`-\`), so these keys are not read as remote cluster settings. Rename it, for example to \`${replacement}\`.`,
        span: remote.anchor.span,
        fixes: [{ title: `Rename alias to '${replacement}'`, edits: [...edits.values()], isPreferred: true }],
      });
    }
    // A dot splits the alias: Elasticsearch sees alias `my` and an unknown setting `alias.seeds`.
    const seen = new Set<string>();
    const unknown = unknownOccurrences(scope);
    for (let i = 0; i < unknown.length; i++) {
      const occurrence = unknown[i];
      const dotted = dottedAliasOf(occurrence);
      if (!dotted) continue;
      const aliasSegments = occurrence.segments.slice(2, 2 + dotted.segmentCount);
      const contiguous = aliasSegments.every((s, i) => i === 0 || s.span.start === aliasSegments[i - 1].span.end + 1);
      const replacement = cleanAlias(dotted.alias);
      const first = !seen.has(dotted.alias);
      seen.add(dotted.alias);
      report({
        message: `\`${dotted.alias}\` looks like a remote cluster alias, but aliases cannot contain dots: Elasticsearch reads \`${occurrence.key}\` as an unknown setting of alias \`${aliasSegments[0].text}\`. Use an alias such as \`${replacement}\`.`,
        span: spanOfSegments(aliasSegments),
        fixes: contiguous
          ? [
              {
                title: `Rename alias to '${replacement}'`,
                edits: [{ span: spanOfSegments(aliasSegments), newText: replacement }],
                isPreferred: first,
              },
            ]
          : undefined,
      });
    }
  },
};
