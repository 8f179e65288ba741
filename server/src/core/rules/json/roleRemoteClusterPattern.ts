import { roleModels } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Role bodies (`PUT /_security/role/<name>`, bulk `POST /_security/role`). */

// A remote cluster alias is `[-\w]+`; role patterns may add `*` and `?` wildcards.
const CLUSTER_PATTERN = /^[-\w*?]+$/;

export const roleRemoteClusterPattern = bodyRule({
  id: 'role-remote-cluster-pattern',
  severity: 'warning',
  title: '`clusters` entry of `remote_indices`/`remote_cluster` that can never match a remote cluster alias',
  reference: [1],
  bodyKinds: ['security-role'],
  check({ body, report }) {
    for (const role of roleModels(body)) {
      for (const entry of role.remote) {
        for (const cluster of entry.clusters) {
          const text = String(cluster.value);
          if (text === '' || CLUSTER_PATTERN.test(text)) continue;
          const suggestion = text.replace(/[:/].*$/, '').replace(/[^-\w*?]/g, '');
          report({
            message: `\`${text}\` can never match a remote cluster alias: aliases use only letters, digits, \`_\` and \`-\` (patterns may add \`*\`). Use the alias from \`cluster.remote.<alias>\` on this cluster${suggestion ? `, e.g. \`${suggestion}\`` : ''}.`,
            span: spanOf(cluster),
            fixes:
              suggestion && suggestion !== text
                ? [
                    {
                      title: `Change to '${suggestion}'`,
                      edits: [
                        { span: { start: cluster.offset + 1, end: cluster.offset + cluster.length - 1 }, newText: suggestion },
                      ],
                    },
                  ]
                : undefined,
          });
        }
      }
    }
  },
});
