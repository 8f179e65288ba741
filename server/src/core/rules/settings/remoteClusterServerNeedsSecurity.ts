import type { ScopeRule } from '../rule';
import { literal, replaceValueEdit } from './edits';
import { booleanValue, occurrenceOf } from '../../model/remoteAliases';

export const remoteClusterServerNeedsSecurity: ScopeRule = {
  id: 'remote-cluster-server-needs-security',
  severity: 'error',
  title: 'Remote cluster server enabled with `xpack.security.enabled: false`',
  reference: [33],
  origins: ['elasticsearch-yml'],
  check({ scope, document, report }) {
    const enabled = occurrenceOf(scope, 'remote_cluster_server.enabled');
    const security = occurrenceOf(scope, 'xpack.security.enabled');
    if (booleanValue(enabled) !== true || booleanValue(security) !== false || !enabled || !security) return;
    report({
      message:
        'The remote cluster server needs Elasticsearch security: with `xpack.security.enabled: false` the node refuses to start. Turn security on, or turn the remote cluster server off.',
      span: enabled.keySpan,
      related: [{ span: security.keySpan, message: 'Security is turned off here' }],
      fixes: [
        {
          title: "Set 'xpack.security.enabled' to true",
          edits: [replaceValueEdit(document, security, literal(true, document.format))],
        },
      ],
    });
  },
};
