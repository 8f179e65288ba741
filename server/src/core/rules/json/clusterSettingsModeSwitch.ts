import { refusedModeSwitches } from '../../console/clusterState';
import type { SettingOccurrence, StoredSetting } from '../../model/settingsScope';
import type { DocumentRule } from '../rule';
import { bodiesOf, lineOf } from './bodyRule';

/** `, "seeds": null` entries written like the `mode` key they follow (flat or nested). */
function nullEntries(text: string, mode: SettingOccurrence, leftovers: StoredSetting[]): string {
  const writtenKey = text.slice(mode.keySpan.start + 1, mode.keySpan.end - 1); // without quotes
  const prefix = writtenKey.slice(0, writtenKey.length - 'mode'.length);
  const lineStart = text.lastIndexOf('\n', mode.keySpan.start - 1) + 1;
  const indent = text.slice(lineStart, mode.keySpan.start);
  const onOwnLine = /^\s*$/.test(indent);
  return leftovers
    .map((s) => `${onOwnLine ? `,\n${indent}` : ', '}${JSON.stringify(prefix + s.occurrence.resolved.suffix)}: null`)
    .join('');
}

/**
 * Rule 12 across the requests of a Console file, in order: an earlier `PUT _cluster/settings`
 * stores e.g. `seeds` for an alias; a later one switches the alias to proxy mode without
 * nulling them. Elasticsearch validates the merged settings and refuses the switch. The stored
 * state (requests Elasticsearch rejects store nothing) comes from the Console document model.
 * (Within one body the settings rule `mode-setting-mismatch` already covers it.)
 */
export const clusterSettingsModeSwitch: DocumentRule = {
  id: 'cluster-settings-mode-switch',
  severity: 'error',
  quotesLineNumbers: true,
  title: "Console: switching a remote's `mode` while an earlier request stored settings of the old mode",
  reference: [12],
  kinds: ['console'],
  check({ document, report }) {
    for (const body of bodiesOf(document, ['cluster-settings'])) {
      if (!body.clusterStateBefore) continue;
      for (const { mode: occurrence, to: mode, alias, leftovers } of refusedModeSwitches(body, body.clusterStateBefore)) {
        const names = leftovers.map((s) => `\`${s.occurrence.resolved.suffix}\``).join(', ');
        const first = leftovers[0].occurrence;
        report({
          message: `The request on line ${lineOf(document, first.keySpan.start)} stored ${names} for alias \`${alias}\`, which only apply in ${leftovers[0].mode} mode. Elasticsearch refuses the switch to ${mode} mode while they are stored (\`Setting "${first.key}" cannot be used with the configured "cluster.remote.${alias}.mode"\`) and applies nothing from this request: set them to null in it.`,
          span: occurrence.value.span,
          related: leftovers.map((s) => ({
            span: s.occurrence.keySpan,
            message: `Stored by an earlier request (${s.mode} mode only)`,
          })),
          fixes: [
            {
              title: `Set ${leftovers.map((s) => `'${s.occurrence.resolved.suffix}'`).join(', ')} to null`,
              edits: [
                {
                  span: { start: occurrence.entrySpan.end, end: occurrence.entrySpan.end },
                  newText: nullEntries(document.text, occurrence, leftovers),
                },
              ],
              isPreferred: true,
            },
          ],
        });
      }
    }
  },
};
