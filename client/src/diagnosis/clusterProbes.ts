/**
 * The diagnosis' view of the clusters through the existing API client. resolve-cluster, GET _nodes
 * and GET _ssl/certificates are called here through HttpClient.request until the shared client
 * has methods for them.
 */
import type { ElasticsearchClient } from '../api/elasticsearch';
import { encodePath } from '../api/http';
import { expectDictionaryOfObjects, expectFields, flattenSettings, isRecord } from '../api/shape';
import type { LocalClusterProbe, NodeRoles, RemoteClusterProbe, ResolvedCluster } from './checkContext';

export function localProbe(client: ElasticsearchClient): LocalClusterProbe {
  return {
    async info() {
      const info = await client.info();
      return { clusterName: info.cluster_name, clusterUuid: info.cluster_uuid, version: info.version.number };
    },
    remoteInfo: () => client.remoteInfo(),
    async remoteSettings() {
      const settings = await client.getClusterSettings({ flatSettings: true, includeDefaults: true });
      // Lowest precedence first, so transient wins.
      const layers = [settings.defaults, settings.persistent, settings.transient].map((layer) => flattenSettings(layer));
      return Object.assign({}, ...layers) as Record<string, unknown>;
    },
    async resolveCluster(alias) {
      const response = await client.http.request<Record<string, unknown>>({
        method: 'GET',
        path: encodePath`/_resolve/cluster/${`${alias}:*`}`,
        check: expectDictionaryOfObjects,
      });
      const entry = response.body[alias];
      return isRecord(entry) ? (entry as unknown as ResolvedCluster) : undefined;
    },
    async nodes() {
      const response = await client.http.request<{ nodes: Record<string, { name?: string; roles?: unknown }> }>({
        method: 'GET',
        path: '/_nodes',
        // Node info is large on big clusters; only the names and roles are needed.
        query: { filter_path: 'nodes.*.name,nodes.*.roles' },
        check: expectFields({ nodes: 'object' }),
      });
      return Object.entries(response.body.nodes).map(([id, node]): NodeRoles => ({
        name: typeof node.name === 'string' ? node.name : id,
        roles: Array.isArray(node.roles) ? node.roles.filter((role): role is string => typeof role === 'string') : [],
      }));
    },
    roles: () => client.getRoles(),
    async sslCertificates() {
      const response = await client.http.request<unknown>({ method: 'GET', path: '/_ssl/certificates' });
      return Array.isArray(response.body)
        ? response.body.filter((item): item is { subject_dn: string } => isRecord(item) && typeof item.subject_dn === 'string')
        : [];
    },
  };
}

export function remoteProbe(connectionName: string, client: ElasticsearchClient): RemoteClusterProbe {
  return {
    connectionName,
    async info() {
      const info = await client.info();
      return { clusterName: info.cluster_name, version: info.version.number };
    },
    async apiKeys(filter) {
      const response = await client.getApiKeys(filter);
      return response.api_keys;
    },
  };
}
