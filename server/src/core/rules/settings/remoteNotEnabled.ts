import { isNullValue } from '../../model/settingsScope';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { fixes, nullValueEdits, removeSettingFix } from './edits';
import { enablingSuffix, hasValue, remoteAliases } from '../../model/remoteAliases';

/** Settings Elasticsearch only accepts once the remote is enabled (seeds or proxy_address set). */
const NEED_ENABLED_REMOTE = new Set([
  'skip_unavailable',
  'transport.ping_schedule',
  'transport.compress',
  'transport.compression_scheme',
]);

export const remoteNotEnabled: ScopeRule = {
  id: 'remote-not-enabled',
  severity: 'error',
  title: '`skip_unavailable` / `transport.*` on a remote that is not enabled (also a delete that keeps them)',
  reference: [11],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const api = scope.origin === 'cluster-settings';
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (!remote.mode) continue;
      const needed = enablingSuffix(remote.mode);
      const enabling = remote.bySuffix.get(needed);
      // A request body that does not mention seeds/proxy_address may target a remote stored earlier.
      if (api && !enabling) continue;
      if (hasValue(enabling)) continue;
      const removing = api && enabling !== undefined;
      const nullAll = removing
        ? {
            title: `Set every setting of '${remote.alias}' to null (remove the remote)`,
            edits: nullValueEdits(
              document,
              remote.settings.map((s) => s.occurrence),
            ),
            isPreferred: true,
          }
        : undefined;
      for (const { occurrence, suffix } of remote.settings) {
        if (!NEED_ENABLED_REMOTE.has(suffix) || isNullValue(occurrence.value)) continue;
        report({
          message: removing
            ? `This request clears \`${needed}\` of \`${remote.alias}\` but still sets \`${suffix}\`; Elasticsearch rejects that ("Cannot configure setting … if remote cluster is not enabled"). To remove the remote, set every \`cluster.remote.${remote.alias}.*\` setting to null.`
            : `\`${suffix}\` is only accepted on an enabled remote, and \`${remote.alias}\` has no \`${needed}\` (${remote.mode} mode); Elasticsearch fails with "Cannot configure setting … if remote cluster is not enabled". Add \`${needed}\` or remove \`${suffix}\`.`,
          span: occurrence.keySpan,
          fixes: removing ? fixes(nullAll) : () => fixes(removeSettingFix(document, scope, occurrence, `Remove '${suffix}'`)),
        });
      }
    }
  },
};
