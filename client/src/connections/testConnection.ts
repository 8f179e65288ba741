/**
 * "Test Connection": one cheap round trip per kind of endpoint, summarised for a notification.
 * Elasticsearch: GET / (version, cluster name and UUID) and GET /_xpack (security enabled).
 * Cloud / ECE: list deployments; ECE also lists trust relationships, which checks the region.
 */
import { ApiError } from '../api/errors';
import type { ConnectionClients } from './clients';
import { eceRegion, KIND_LABELS } from './profile';

export type ConnectionTestResult =
  | {
      kind: 'elasticsearch';
      version: string;
      clusterName: string;
      clusterUuid: string;
      /** undefined when the cluster does not say (e.g. no X-Pack info endpoint). */
      securityEnabled: boolean | undefined;
    }
  | { kind: 'cloud'; deployments: number }
  | { kind: 'ece'; deployments: number; region: string; trustRelationships: number | undefined };

export async function testConnection(clients: ConnectionClients): Promise<ConnectionTestResult> {
  switch (clients.kind) {
    case 'elasticsearch': {
      const info = await clients.elasticsearch.info();
      let securityEnabled: boolean | undefined;
      try {
        const xpack = await clients.elasticsearch.xpackFeatures();
        securityEnabled = xpack.features?.security?.enabled;
      } catch (error) {
        // Being refused proves security is on; anything else leaves it unknown.
        if (error instanceof ApiError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) securityEnabled = true;
        else if (
          !(error instanceof ApiError) ||
          !['not-found', 'bad-request', 'unexpected-status', 'malformed-response'].includes(error.kind)
        )
          throw error;
      }
      return {
        kind: 'elasticsearch',
        version: info.version.number,
        clusterName: info.cluster_name,
        clusterUuid: info.cluster_uuid,
        securityEnabled,
      };
    }
    case 'cloud': {
      const list = await clients.cloud.listDeployments();
      return { kind: 'cloud', deployments: list.deployments.length };
    }
    case 'ece': {
      const list = await clients.ece.listDeployments();
      let trustRelationships: number | undefined;
      try {
        trustRelationships = (await clients.ece.listTrustRelationships()).length;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not-found') {
          throw new ApiError(
            'not-found',
            `The ECE coordinator answered, but not for region "${eceRegion(clients.profile)}". Check the connection's region (a default installation uses "ece-region").`,
            error.context,
            error.details,
          );
        }
        // Listing trust relationships needs platform privileges the key may not have; that is fine here.
        if (!(error instanceof ApiError && error.kind === 'forbidden')) throw error;
      }
      return { kind: 'ece', deployments: list.deployments.length, region: eceRegion(clients.profile), trustRelationships };
    }
  }
}

/** The notification text for a successful test. */
export function describeTestResult(name: string, result: ConnectionTestResult): string {
  switch (result.kind) {
    case 'elasticsearch': {
      const security =
        result.securityEnabled === undefined
          ? 'security: unknown'
          : result.securityEnabled
            ? 'security enabled'
            : 'security DISABLED';
      return `Connected to "${name}": Elasticsearch ${result.version}, cluster "${result.clusterName}" (UUID ${result.clusterUuid}), ${security}.`;
    }
    case 'cloud':
      return `Connected to "${name}" (${KIND_LABELS.cloud}): ${plural(result.deployments, 'deployment')} visible.`;
    case 'ece': {
      const trust = result.trustRelationships === undefined ? '' : `, ${plural(result.trustRelationships, 'trust relationship')}`;
      return `Connected to "${name}" (${KIND_LABELS.ece}, region ${result.region}): ${plural(result.deployments, 'deployment')}${trust}.`;
    }
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
