import { isNullValue, type SettingOccurrence } from '../../model/settingsScope';
import type { DocumentRule } from '../rule';
import { bodiesOf, lineOf } from './bodyRule';

interface Stored {
  occurrence: SettingOccurrence;
  mode: 'sniff' | 'proxy';
}

/** `, "seeds": null` entries written like the `mode` key they follow (flat or nested). */
function nullEntries(text: string, mode: SettingOccurrence, leftovers: Stored[]): string {
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
 * nulling them. Elasticsearch validates the merged settings and refuses the switch. (Within one
 * body the settings rule `mode-setting-mismatch` already covers it.)
 */
export const clusterSettingsModeSwitch: DocumentRule = {
  id: 'cluster-settings-mode-switch',
  severity: 'error',
  title: "Console: switching a remote's `mode` while an earlier request stored settings of the old mode",
  reference: [12],
  kinds: ['console'],
  check({ document, report }) {
    // alias → suffix → the stored setting that belongs to one mode only
    const stored = new Map<string, Map<string, Stored>>();
    for (const body of bodiesOf(document, ['cluster-settings'])) {
      const occurrences = body.scopes.flatMap((scope) => scope.occurrences);
      const mentioned = new Set(occurrences.map((o) => o.key));
      for (const occurrence of occurrences) {
        const resolved = occurrence.resolved;
        if (
          resolved.suffix !== 'mode' ||
          !resolved.alias ||
          isNullValue(occurrence.value) ||
          !occurrence.key.startsWith('cluster.remote.')
        )
          continue;
        const mode = occurrence.value.text?.toLowerCase();
        if (mode !== 'sniff' && mode !== 'proxy') continue;
        if (mentioned.has(`cluster.remote.${resolved.alias}.*`)) continue; // the request resets the alias
        const leftovers = [...(stored.get(resolved.alias)?.values() ?? [])].filter(
          (s) => s.mode !== mode && !mentioned.has(s.occurrence.key),
        );
        if (leftovers.length === 0) continue;
        const names = leftovers.map((s) => `\`${s.occurrence.resolved.suffix}\``).join(', ');
        const first = leftovers[0].occurrence;
        report({
          message: `The request on line ${lineOf(document, first.keySpan.start)} stored ${names} for alias \`${resolved.alias}\`, which only apply in ${leftovers[0].mode} mode. Switching to ${mode} mode fails while they are stored: set them to null in this request.`,
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
      // What the cluster holds after this request.
      for (const occurrence of occurrences) {
        const resolved = occurrence.resolved;
        if (!resolved.alias || !occurrence.key.startsWith('cluster.remote.')) continue;
        const perAlias = stored.get(resolved.alias) ?? new Map<string, Stored>();
        stored.set(resolved.alias, perAlias);
        if (resolved.suffix === '*' && isNullValue(occurrence.value))
          perAlias.clear(); // `cluster.remote.a.*: null`
        else if (isNullValue(occurrence.value)) perAlias.delete(occurrence.key);
        else if (resolved.def?.mode === 'sniff' || resolved.def?.mode === 'proxy')
          perAlias.set(occurrence.key, { occurrence, mode: resolved.def.mode });
      }
    }
  },
};
