import { ALIAS_SUFFIXES, SETTINGS, UNREGISTERED_SSL_PASSWORD_SUFFIXES } from '../catalog/settingsCatalog';
import { isAffix, VALID_ALIAS } from '../catalog/lookup';
import { isNullValue, type ValueNode } from '../model/settingsScope';
import { closestMatch } from '../suggest';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from './rule';
import { dottedAliasOf } from './settings/aliasInvalidCharacters';
import { renameSegmentsFix } from './settings/edits';
import { spanOfSegments, unknownOccurrences } from '../model/remoteAliases';

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

/** Keys directly under `cluster.remote.` / `search.remote.` that are not per-alias (`node.attr`, `signing.…`), by prefix. */
const GLOBAL_REMOTE_KEYS = new Map(
  ['cluster.remote.', 'search.remote.'].map((prefix) => [
    prefix,
    SETTINGS.filter((s) => s.key.startsWith(prefix) && !isAffix(s)).map((s) => s.key.slice(prefix.length)),
  ]),
);
const GLOBAL_HEADS = new Map(
  [...GLOBAL_REMOTE_KEYS].map(([prefix, keys]) => [prefix, new Set(keys.map((k) => k.split('.')[0]))]),
);

function isWildcardReset(key: string, value: ValueNode): boolean {
  return key.endsWith('*') && isNullValue(value);
}

export const unknownSetting: ScopeRule = {
  id: 'unknown-setting',
  severity: 'error',
  title: 'Unknown key under a remote-cluster namespace (with "did you mean")',
  reference: [4],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, report }) {
    const unknown = unknownOccurrences(scope);
    for (let i = 0; i < unknown.length; i++) {
      const occurrence = unknown[i];
      const resolved = occurrence.resolved;
      if (!resolved.namespace) continue;
      if (DEDICATED_RULE_KEYS.some((re) => re.test(occurrence.key))) continue;
      // `"cluster.remote.west.*": null` resets every matching setting through the cluster settings API.
      if (scope.origin === 'cluster-settings' && isWildcardReset(occurrence.key, occurrence.value)) continue;

      if (resolved.alias !== undefined && resolved.aliasIndex !== undefined) {
        // Bad aliases (also dotted ones) have their own rules; only judge the suffix of a well-formed alias.
        if (!VALID_ALIAS.test(resolved.alias) || dottedAliasOf(occurrence)) continue;
        const suffixSegments = occurrence.segments.slice(resolved.aliasIndex + 1);
        const prefix = resolved.namespace;
        const rest = occurrence.key.slice(prefix.length);
        // `cluster.remote.signing.truststore.pth` or `cluster.remote.conect` is a misspelt global
        // key, not a setting of alias `signing` / `conect`.
        const globalKeys = GLOBAL_REMOTE_KEYS.get(prefix);
        const globalLike =
          globalKeys !== undefined && (suffixSegments.length === 0 || (GLOBAL_HEADS.get(prefix)?.has(resolved.alias) ?? false));
        const global = globalLike && globalKeys ? closestMatch(rest, globalKeys) : undefined;
        if (global) {
          const restSegments = occurrence.segments.slice(resolved.aliasIndex);
          const fix = renameSegmentsFix(restSegments, global);
          report({
            message: `Unknown setting \`${occurrence.key}\`. Did you mean \`${prefix}${global}\`?`,
            span: spanOfSegments(restSegments),
            fixes: fix ? [fix] : undefined,
          });
          continue;
        }
        if (suffixSegments.length === 0) {
          report({
            message:
              prefix === 'search.remote.'
                ? `\`${occurrence.key}\` names a remote cluster but no setting: add one after the alias, for example \`${occurrence.key}.seeds\`.`
                : `\`${occurrence.key}\` names a remote cluster but no setting: add one after the alias, for example \`${occurrence.key}.mode\` or \`${occurrence.key}.seeds\`.`,
            span: occurrence.keySpan,
          });
          continue;
        }
        const candidates = prefix === 'cluster.remote.' ? ALIAS_SUFFIXES : ['seeds', 'skip_unavailable'];
        const suggestion = closestMatch(resolved.suffix ?? '', candidates);
        const fix = suggestion ? renameSegmentsFix(suffixSegments, suggestion) : undefined;
        report({
          message:
            `Unknown remote cluster setting \`${resolved.suffix}\` for alias \`${resolved.alias}\`.` +
            (suggestion
              ? ` Did you mean \`${suggestion}\`?`
              : ` Known settings: ${candidates.filter((c) => !c.includes('secure')).join(', ')}.`),
          span: spanOfSegments(suffixSegments),
          fixes: fix ? [fix] : undefined,
        });
        continue;
      }

      const namespace = resolved.namespace;
      const known = SETTINGS.filter((s) => s.key.startsWith(namespace)).map((s) => s.key.slice(namespace.length));
      const rest = occurrence.key.slice(namespace.length);
      const suggestion = closestMatch(rest, known);
      const nsDepth = namespace.split('.').length - 1;
      const restSegments = occurrence.segments.slice(nsDepth);
      const fix = suggestion && restSegments.length > 0 ? renameSegmentsFix(restSegments, suggestion) : undefined;
      report({
        message: `Unknown setting \`${occurrence.key}\`.` + (suggestion ? ` Did you mean \`${namespace}${suggestion}\`?` : ''),
        span: restSegments.length > 0 ? spanOfSegments(restSegments) : occurrence.keySpan,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
