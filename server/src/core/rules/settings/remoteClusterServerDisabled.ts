import { isNullValue, type SettingOccurrence } from '../../model/settingsScope';
import type { Fix } from '../../types';
import type { ScopeRule } from '../rule';
import { insertSettingEdit, literal, replaceValueEdit } from './edits';
import { booleanValue, occurrenceOf } from '../../model/remoteAliases';

/**
 * `remote_cluster.*` keys do nothing unless the server is on. Only for elasticsearch.yml: on ECK
 * the operator turns the server on from `spec.remoteClusterServer.enabled`, outside the config.
 */
export const remoteClusterServerDisabled: ScopeRule = {
  id: 'remote-cluster-server-disabled',
  severity: 'warning',
  title: '`remote_cluster.*` settings while `remote_cluster_server.enabled` is not `true`',
  reference: [32],
  origins: ['elasticsearch-yml'],
  check({ scope, document, report }) {
    const enabled = occurrenceOf(scope, 'remote_cluster_server.enabled');
    if (booleanValue(enabled) === true) return;
    const serverKeys: SettingOccurrence[] = [];
    for (let i = 0; i < scope.occurrences.length; i++) {
      const occurrence = scope.occurrences[i];
      if (occurrence.key.startsWith('remote_cluster.') && !isNullValue(occurrence.value)) serverKeys.push(occurrence);
    }
    if (serverKeys.length === 0) return;
    let fix: Fix | undefined;
    if (enabled) {
      fix = {
        title: "Set 'remote_cluster_server.enabled' to true",
        edits: [replaceValueEdit(document, enabled, literal(true, document.format))],
        isPreferred: true,
      };
    } else {
      const edit = insertSettingEdit(document, serverKeys[0], 'remote_cluster_server.enabled', true);
      if (edit) fix = { title: "Add 'remote_cluster_server.enabled: true'", edits: [edit], isPreferred: true };
    }
    report({
      message: `The remote cluster server is ${enabled ? 'turned off' : 'off by default'}, so the \`remote_cluster.*\` settings have no effect. Set \`remote_cluster_server.enabled: true\` if this cluster should accept API-key connections, or remove them.`,
      span: serverKeys[0].keySpan,
      related: serverKeys.slice(1).map((o) => ({ span: o.keySpan, message: 'Also ignored' })),
      fixes: fix ? [fix] : undefined,
    });
  },
};
