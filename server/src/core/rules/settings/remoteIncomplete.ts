import { isNullValue } from '../../model/settingsScope';
import type { ScopeRule } from '../rule';
import {
  enablingSuffix,
  hasValue,
  isEnabled,
  legacyRemoteAliases,
  remoteAliases,
  type RemoteAlias,
} from '../../model/remoteAliases';
import { atLeast } from '../../version';

/**
 * An alias in a settings file that never gets its `seeds` (sniff) or `proxy_address` (proxy):
 * the remote stays disabled. Not checked in `_cluster/settings` bodies, which may only change part
 * of a remote already stored in the cluster.
 */
export const remoteIncomplete: ScopeRule = {
  id: 'remote-incomplete',
  severity: 'warning',
  title: 'Remote alias without `seeds` (sniff mode) or `proxy_address` (proxy mode)',
  reference: [9, 10],
  origins: ['elasticsearch-yml', 'eck-config'],
  check({ scope, report, stackVersion }) {
    // `search.remote.*` is checked the same way while it exists (before 8.0); in 7.x each name
    // falls back to the other, so seeds under either name enable the alias.
    const legacy = atLeast(stackVersion, '8.0.0') ? [] : legacyRemoteAliases(scope);
    const current = remoteAliases(scope);
    const seededElsewhere = (remote: RemoteAlias) =>
      (remote.prefix === 'cluster.remote.' ? legacy : current).some(
        (other) => other.alias === remote.alias && hasValue(other.bySuffix.get('seeds')),
      );
    for (const remote of [...current, ...legacy]) {
      if (!remote.known || !remote.mode || isEnabled(remote) !== false || seededElsewhere(remote)) continue;
      const needed = enablingSuffix(remote.mode);
      const others = remote.settings.filter(
        (s) => s.def && s.suffix !== 'mode' && s.suffix !== needed && !isNullValue(s.occurrence.value),
      );
      const modeOccurrence = remote.bySuffix.get('mode');
      const enablingOccurrence = remote.bySuffix.get(needed);
      report({
        // Other settings on a disabled remote are rejected or ignored, so the file is broken: error.
        severity: others.length > 0 ? 'error' : 'warning',
        message:
          remote.mode === 'proxy'
            ? `Remote cluster \`${remote.alias}\` uses proxy mode but has no \`proxy_address\`, so it is not enabled${others.length ? ' and its other settings are rejected' : ''}. Add \`${remote.prefix}${remote.alias}.proxy_address: <host>:<port>\`.`
            : `Remote cluster \`${remote.alias}\` ${remote.prefix === 'cluster.remote.' ? ` uses sniff mode${modeOccurrence ? '' : ' (the default)'} but` : ''} has no \`seeds\`, so it is not enabled${others.length ? ' and its other settings are rejected' : ''}. Add \`${remote.prefix}${remote.alias}.seeds: ["<host>:<port>"]\`${remote.prefix === 'cluster.remote.' ? ', or set `mode: proxy` with a `proxy_address`' : ''}.`,
        span: (enablingOccurrence ?? modeOccurrence)?.keySpan ?? remote.anchor.span,
      });
    }
  },
};
