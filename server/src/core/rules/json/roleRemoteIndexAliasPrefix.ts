import { roleModels } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Role bodies (`PUT /_security/role/<name>`, bulk `POST /_security/role`). */

export const roleRemoteIndexAliasPrefix = bodyRule({
  id: 'role-remote-index-alias-prefix',
  severity: 'warning',
  title: 'Index name in `remote_indices` written with a cluster alias (`west:logs-*`), or a remote index in local `indices`',
  bodyKinds: ['security-role'],
  check({ body, report }) {
    for (const role of roleModels(body)) {
      for (const entry of role.remote) {
        if (entry.section !== 'remote_indices') continue;
        for (const name of entry.names) {
          const text = String(name.value);
          const colon = text.indexOf(':');
          if (colon <= 0) continue;
          const alias = text.slice(0, colon);
          const inClusters = entry.clusters.some((c) => c.value === alias);
          report({
            message: `\`names\` in \`remote_indices\` are plain index names; the remote is chosen by \`clusters\`. \`${text}\` never matches: write \`${text.slice(colon + 1)}\`${inClusters ? '' : ` and list \`${alias}\` in \`clusters\``}.`,
            span: spanOf(name),
            fixes: [
              {
                title: `Remove the '${alias}:' prefix`,
                edits: [{ span: { start: name.offset + 1, end: name.offset + 1 + colon + 1 }, newText: '' }],
                isPreferred: inClusters,
              },
            ],
          });
        }
      }
      for (const name of role.localIndexNames) {
        const text = String(name.value);
        const colon = text.indexOf(':');
        if (colon <= 0) continue;
        // Only a hint: the certificate-model guide has local roles name remote indices this way
        // (Kibana checks them), so this is not wrong in itself; it only grants nothing under the API-key model.
        report({
          severity: 'info',
          message: `\`${text}\` names an index on remote cluster \`${text.slice(0, colon)}\`. With the API key model that access comes from \`remote_indices\` (\`"clusters": ["${text.slice(0, colon)}"]\`, \`"names": ["${text.slice(colon + 1)}"]\`), not from \`indices\`; with the certificate model the role of the same name on the remote cluster decides what is read.`,
          span: spanOf(name),
        });
      }
    }
  },
});
