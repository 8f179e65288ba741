import { isNullValue } from '../../model/settingsScope';
import { compareVersions } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { valueContentSpan, occurrencesByDefinition } from '../../model/remoteAliases';

/**
 * Settings (and values) newer than the configured stack version, from the catalog's `since` and
 * `valueSince`. Where the reference marks the version as unverified the finding is a warning.
 * Signing settings have their own rule (signing-version); secure settings are errors anyway.
 */
export const settingNewerThanVersion: ScopeRule = {
  id: 'setting-newer-than-version',
  severity: 'error',
  title: 'Setting or value introduced after the configured stack version (e.g. `indexing_data` before 7.14)',
  reference: [24, 52],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, stackVersion, report }) {
    if (!stackVersion) return; // unknown version: never guess
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      if (def.group === 'signing' || def.scope === 'secure' || def.scope === 'secure-reloadable') continue;
      if (!def.since && !def.valueSince) continue;
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        if (def.since && compareVersions(stackVersion, def.since) < 0) {
          const uncertain = def.uncertain?.includes('since');
          report({
            severity: uncertain ? 'warning' : 'error',
            message: `\`${occurrence.key}\` arrived in Elasticsearch ${def.since}${uncertain ? ' (approximately)' : ''}; ${stackVersion.text} does not know it${uncertain ? ' and probably rejects it' : ' and rejects it'}. Remove it or target a newer version.`,
            span: occurrence.keySpan,
          });
          continue;
        }
        if (!def.valueSince || occurrence.value.kind !== 'scalar' || isNullValue(occurrence.value)) continue;
        const value = (occurrence.value.text ?? '').trim().toLowerCase();
        // Own keys only: a value such as `constructor` is no key of the table.
        const since = Object.hasOwn(def.valueSince, value) ? def.valueSince[value] : undefined;
        if (!since || compareVersions(stackVersion, since) >= 0) continue;
        const uncertain = def.uncertain?.includes('valueSince');
        report({
          severity: uncertain ? 'warning' : 'error',
          message: `\`${value}\` for \`${occurrence.key}\` needs Elasticsearch ${since}${uncertain ? ' (believed)' : ''}; on ${stackVersion.text} use \`true\` or \`false\`.`,
          span: valueContentSpan(occurrence.value),
        });
      }
    }
  },
};
