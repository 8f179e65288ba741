/**
 * The seeds' network warning, checked where the Cloud API allows it: a remote deployment with
 * network security policies (Elastic Cloud Hosted: ec-remote-cluster-other-ess / -same-ess) only
 * accepts remote-cluster connections through a private connection policy of type remote cluster
 * that names the local organization ID or Elasticsearch cluster ID; a remote ECE deployment with IP
 * filters (ece-remote-cluster-ece-ess / -other-ece) must allow the local ECE allocator hosts.
 *
 * Read through get-traffic-filter-deployment-ruleset-associations and get-traffic-filter-ruleset
 * (cloud-sdk-go api/apidocs-user.json and apidocs.json: TrafficFilterSettings,
 * TrafficFilterRulesetInfo, TrafficFilterRule). The description leaves the ruleset `type` open;
 * `remote_cluster` is inferred from the rule fields remote_cluster_org_id / remote_cluster_id
 * (unverified), so the outcome is only ever a note in the summary, never a refusal.
 */
import { isCloudEndpoint, parseAddress } from '#core';
import type { TrafficFilterRuleset } from '../api/types/cloud';
import { describeError } from '../errorText';
import type { ClientPool } from './context';
import type { DeploymentTarget } from './deployments';

/** The ruleset type of a private connection policy of type remote cluster (unverified, see above). */
export const REMOTE_CLUSTER_RULESET_TYPE = 'remote_cluster';

export interface LocalIdentity {
  /** The local deployment's organization (Elastic Cloud) or environment account (ECE). */
  organizationId?: string;
  /** The local deployment's Elasticsearch cluster ID. */
  clusterId?: string;
}

/** Whether a ruleset lets the local side in as a remote-cluster client. */
export function allowsRemoteClusterFrom(ruleset: TrafficFilterRuleset, local: LocalIdentity): boolean {
  if (ruleset.type !== REMOTE_CLUSTER_RULESET_TYPE) return false;
  return (ruleset.rules ?? []).some(
    (rule) =>
      (local.organizationId !== undefined && rule.remote_cluster_org_id === local.organizationId) ||
      (local.clusterId !== undefined && rule.remote_cluster_id === local.clusterId),
  );
}

/**
 * One summary line about the remote deployment's network security, or undefined when it has none
 * (then nothing filters the connection).
 */
export async function networkSecurityNote(
  pool: ClientPool,
  remote: DeploymentTarget,
  localDeployment: DeploymentTarget | undefined,
): Promise<string | undefined> {
  const ece = remote.connection.kind === 'ece';
  try {
    const cloud = await pool.cloud(remote.connection);
    const { rulesets: ids } = await cloud.getDeploymentTrafficFilters(remote.deploymentId);
    if (ids.length === 0) return undefined;
    const rulesets = await Promise.all(ids.map((id) => cloud.getTrafficFilterRuleset(id)));
    const names = rulesets.map((ruleset) => `"${ruleset.name}"`).join(', ');
    if (ece) {
      return `Network security: "${remote.deploymentName}" has IP filters (${names}). They must allow the IP addresses or CIDR ranges of the local side (for an ECE deployment: its allocator hosts), or the connection is refused.`;
    }
    // Seed ece-remote-cluster-ece-ess: an ECE (or other non-Hosted) local side is let in by an IP filter
    // on the Hosted remote, naming its allocator hosts; organization and cluster IDs only name Hosted deployments.
    if (localDeployment?.connection.kind !== 'cloud') {
      return `Network security: "${remote.deploymentName}" has network security policies (${names}). Unless one of them allows the IP addresses or CIDR ranges of the local side (for an ECE deployment: its allocator hosts), the connection is refused.`;
    }
    const local: LocalIdentity = {
      clusterId: localDeployment?.clusterId,
      organizationId: localDeployment
        ? await pool
            .cloud(localDeployment.connection)
            .then((client) => client.getAccount())
            .then((account) => account.id)
            .catch(() => undefined)
        : undefined,
    };
    const allowing = rulesets.find((ruleset) => allowsRemoteClusterFrom(ruleset, local));
    if (allowing) return `Network security: the policy "${allowing.name}" of "${remote.deploymentName}" lets this side in.`;
    const who = [
      local.organizationId ? `organization ${local.organizationId}` : undefined,
      local.clusterId ? `cluster ${local.clusterId}` : undefined,
    ]
      .filter(Boolean)
      .join(' or ');
    return `Network security: "${remote.deploymentName}" has network security policies (${names}) and none is a private connection policy of type remote cluster for ${who || 'the local side'}. Its administrator must add one (by organization ID or Elasticsearch cluster ID of the local side), or the connection is refused.`;
  } catch (error) {
    return `Network security: the policies of "${remote.deploymentName}" could not be read (${describeError(error)}). If it has any, it needs ${ece ? 'an IP filter allowing the local side' : 'a private connection policy of type remote cluster naming the local organization or cluster ID'}.`;
  }
}

/**
 * The reminder for a remote given only by its address: when that address is an Elastic Cloud / ECE
 * endpoint, its deployment may have network security that this flow cannot read (no saved
 * connection for it), and the seeds say what it must allow.
 */
export function networkSecurityReminder(address: string | undefined, localIsEce: boolean): string | undefined {
  const parsed = address ? parseAddress(address) : undefined;
  if (!parsed?.ok || !isCloudEndpoint(parsed.host)) return undefined;
  const allow = localIsEce
    ? 'an IP filter that allows the local ECE allocator hosts'
    : 'a private connection policy of type remote cluster that names the local organization ID or Elasticsearch cluster ID';
  return `Network security: "${parsed.host}" is an Elastic Cloud endpoint. If its deployment has network security policies, one of them must be ${allow}, or the connection is refused. Save a connection for its organization to have this checked.`;
}
