import { ALIAS_SUFFIXES, SETTINGS, UNREGISTERED_SSL_PASSWORD_SUFFIXES } from '../catalog/settings';
import { resolveKey, VALID_ALIAS } from '../catalog/lookup';
import type { KeySegment } from '../model/settings';
import { closestMatch } from '../suggest';
import type { Fix, Span } from '../types';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from './rule';

/** Keys that have their own, more specific rule; reporting them as unknown too would be noise. */
const DEDICATED_RULE_KEYS: RegExp[] = [
  /^xpack\.security\.remote_cluster_client\.ssl\.client_authentication$/,
  /^xpack\.security\.remote_cluster_server\.ssl\.verification_mode$/,
  /^cluster\.remote\.[^.]+\.signing\.key\.secure_passphrase$/,
  new RegExp(
    `^xpack\\.security\\.remote_cluster_(server|client)\\.ssl\\.(${Object.keys(UNREGISTERED_SSL_PASSWORD_SUFFIXES)
      .map((s) => s.replace('.', '\\.'))
      .join('|')})$`,
  ),
];

export const unknownSetting: ScopeRule = {
  id: 'unknown-setting',
  severity: 'error',
  title: 'Unknown key under a remote-cluster namespace (with "did you mean")',
  reference: [4],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    for (const occurrence of scope.occurrences) {
      const resolved = resolveKey(occurrence.key);
      if (!resolved.namespace || resolved.def) continue;
      if (DEDICATED_RULE_KEYS.some((re) => re.test(occurrence.key))) continue;

      if (resolved.alias !== undefined && resolved.aliasIndex !== undefined) {
        // Bad aliases have their own rules; only judge the suffix of a well-formed alias.
        if (!VALID_ALIAS.test(resolved.alias)) continue;
        const suffixSegments = occurrence.segments.slice(resolved.aliasIndex + 1);
        const prefix = resolved.namespace;
        if (suffixSegments.length === 0) {
          report({
            message: `\`${occurrence.key}\` names a remote cluster but no setting: add one after the alias, for example \`${occurrence.key}.mode\` or \`${occurrence.key}.seeds\`.`,
            span: occurrence.keySpan,
          });
          continue;
        }
        const candidates = prefix === 'cluster.remote.' ? ALIAS_SUFFIXES : ['seeds', 'skip_unavailable'];
        const suggestion = closestMatch(resolved.suffix ?? '', candidates);
        const span = spanOfSegments(suffixSegments);
        report({
          message:
            `Unknown remote cluster setting \`${resolved.suffix}\` for alias \`${resolved.alias}\`.` +
            (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Known settings: ${candidates.filter((c) => !c.includes('secure')).join(', ')}.`),
          span,
          fixes: suggestion ? renameFix(suffixSegments, suggestion) : undefined,
        });
        continue;
      }

      const namespace = resolved.namespace;
      const known = SETTINGS.filter((s) => s.key.startsWith(namespace)).map((s) => s.key.slice(namespace.length));
      const rest = occurrence.key.slice(namespace.length);
      const suggestion = closestMatch(rest, known);
      const nsDepth = namespace.split('.').length - 1;
      const restSegments = occurrence.segments.slice(nsDepth);
      report({
        message:
          `Unknown setting \`${occurrence.key}\`.` + (suggestion ? ` Did you mean \`${namespace}${suggestion}\`?` : ''),
        span: restSegments.length > 0 ? spanOfSegments(restSegments) : occurrence.keySpan,
        fixes: suggestion && restSegments.length > 0 ? renameFix(restSegments, suggestion) : undefined,
      });
    }
  },
};

function spanOfSegments(segments: KeySegment[]): Span {
  return { start: segments[0].span.start, end: segments[segments.length - 1].span.end };
}

/** Renames key segments in place, whether they sit in one flat key or across nested keys. */
function renameFix(segments: KeySegment[], replacement: string): Fix[] | undefined {
  const parts = replacement.split('.');
  const contiguous = segments.every((s, i) => i === 0 || s.span.start === segments[i - 1].span.end + 1);
  if (contiguous) {
    return [{ title: `Change to '${replacement}'`, edits: [{ span: spanOfSegments(segments), newText: replacement }], isPreferred: true }];
  }
  if (parts.length === segments.length) {
    return [
      {
        title: `Change to '${replacement}'`,
        edits: segments.map((s, i) => ({ span: s.span, newText: parts[i] })),
        isPreferred: true,
      },
    ];
  }
  return undefined;
}
