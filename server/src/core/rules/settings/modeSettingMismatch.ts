import { isNullValue } from '../../model/settingsScope';
import type { Fix } from '../../types';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { insertSettingEdit, literal, nullValueEdits, removeSettingFix, replaceValueEdit } from './edits';
import { enablingSuffix, hasValue, remoteAliases, written } from '../../model/remoteAliases';

/**
 * Sniff-only settings under proxy mode and proxy-only settings under sniff mode (also when `mode`
 * is left out: sniff is the default). In a `_cluster/settings` body the same check covers a mode
 * switch that leaves the old mode's settings in place: they must be set to null in the request.
 * In a Console file a body without `mode` has the mode an earlier accepted request stored.
 */
export const modeSettingMismatch: ScopeRule = {
  id: 'mode-setting-mismatch',
  severity: 'error',
  quotesLineNumbers: true,
  title: 'Setting that belongs to the other connection mode (e.g. `seeds` with `mode: proxy`)',
  reference: [7, 8, 12],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const api = scope.origin === 'cluster-settings';
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      const mode = remote.mode;
      if (!mode) continue;
      const modeOccurrence = remote.bySuffix.get('mode');
      const explicit = modeOccurrence !== undefined && !isNullValue(modeOccurrence.value);
      for (const { occurrence, suffix, def } of remote.settings) {
        if (!def?.mode || def.mode === 'both' || def.mode === mode || isNullValue(occurrence.value)) continue;
        const other = def.mode;
        const modeText = explicit
          ? `\`${written(document, 'mode', mode)}\``
          : remote.storedMode
            ? `${mode} mode (stored by the request on line ${document.lines.positionAt(remote.storedMode.keySpan.start).line + 1})`
            : 'sniff mode (the default when `mode` is not set)';
        const action = api
          ? `set it to null in this request (that also clears a value stored before a mode switch)`
          : `remove it`;
        // Configured only for the other mode (nothing enables the current one): switching is the fix.
        const onlyOtherMode = !hasValue(remote.bySuffix.get(enablingSuffix(mode)));
        const switchHint = onlyOtherMode ? ` or switch the alias to \`${written(document, 'mode', other)}\`` : '';
        const fixList: Fix[] = [];
        if (api) {
          fixList.push({ title: `Set '${suffix}' to null`, edits: nullValueEdits(document, [occurrence]), isPreferred: true });
        } else {
          const removal = removeSettingFix(document, scope, occurrence, `Remove '${suffix}'`);
          if (removal) fixList.push({ ...removal, isPreferred: true });
        }
        if (onlyOtherMode) {
          const edit =
            explicit && modeOccurrence
              ? replaceValueEdit(document, modeOccurrence, literal(other, document.format))
              : insertSettingEdit(document, occurrence, `cluster.remote.${remote.alias}.mode`, other);
          if (edit) fixList.push({ title: `${explicit ? 'Change' : 'Set'} mode to '${other}'`, edits: [edit] });
        }
        report({
          message: `\`${suffix}\` only applies in ${other} mode, but alias \`${remote.alias}\` uses ${modeText}; Elasticsearch rejects the setting. To fix, ${action}${switchHint}.`,
          span: occurrence.keySpan,
          fixes: fixList.length > 0 ? fixList : undefined,
        });
      }
    }
  },
};
