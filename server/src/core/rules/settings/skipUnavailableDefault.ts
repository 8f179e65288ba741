import { atLeast } from '../../version';
import type { Fix } from '../../types';
import type { ScopeRule } from '../rule';
import { insertSettingEdit } from './edits';
import { isEnabled, remoteAliases } from '../../model/remoteAliases';
import { VERSION_GATES } from '../../catalog/facts';

export const skipUnavailableDefault: ScopeRule = {
  id: 'skip-unavailable-default',
  severity: 'info',
  title: '`skip_unavailable` left out on 8.15 or later, where its default became `true`',
  reference: [53],
  // A `_cluster/settings` body may leave out keys stored earlier, so only settings files.
  origins: ['elasticsearch-yml', 'eck-config'],
  check({ scope, stackVersion, document, report }) {
    if (!atLeast(stackVersion, VERSION_GATES.skipUnavailableDefaultTrue)) return;
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (!remote.known || isEnabled(remote) !== true || remote.bySuffix.has('skip_unavailable')) continue;
      const anchor = remote.settings[0].occurrence;
      const key = `cluster.remote.${remote.alias}.skip_unavailable`;
      // Built when the editor asks for fixes here: this finding comes once per remote.
      const fixList = (): Fix[] | undefined => {
        const list: Fix[] = [];
        for (const value of [false, true]) {
          const edit = insertSettingEdit(document, anchor, key, value);
          if (edit)
            list.push({
              title: `Add 'skip_unavailable: ${value}'${value ? ' (keep the default)' : ' (remote is required)'}`,
              edits: [edit],
            });
        }
        return list.length > 0 ? list : undefined;
      };
      report({
        message: `\`${remote.alias}\` does not set \`skip_unavailable\`; since 8.15 it defaults to \`true\` (before: \`false\`), so searches silently leave this remote out when it cannot be reached. Set \`skip_unavailable: false\` if results must include it.`,
        span: remote.anchor.span,
        fixes: fixList,
      });
    }
  },
};
