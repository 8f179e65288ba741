import type { ScopeRule } from '../rule';
import { booleanValue, hasValue, occurrenceOf } from '../../model/remoteAliases';

/** Any of these gives the remote cluster interface an address other clusters can reach. */
const BIND_ADDRESS_KEYS = [
  'remote_cluster.host',
  'remote_cluster.bind_host',
  'transport.host',
  'transport.bind_host',
  'network.host',
  'network.bind_host',
];

export const remoteClusterServerNoBindAddress: ScopeRule = {
  id: 'remote-cluster-server-no-bind-address',
  severity: 'info',
  title: 'Remote cluster server enabled without any bind address',
  reference: [37],
  origins: ['elasticsearch-yml'],
  check({ scope, report }) {
    const enabled = occurrenceOf(scope, 'remote_cluster_server.enabled');
    if (!enabled || booleanValue(enabled) !== true) return;
    if (BIND_ADDRESS_KEYS.some((key) => hasValue(occurrenceOf(scope, key)))) return;
    report({
      message:
        'No address is configured for the remote cluster interface (`remote_cluster.host`, `transport.host` or `network.host`), so it may listen on loopback only, where other clusters cannot connect. Set `remote_cluster.host` (for example `_site_`) or `network.host`.',
      span: enabled.keySpan,
    });
  },
};
