/**
 * Elastic Cloud Hosted / ECE deployments as the flows see them: every Elasticsearch resource of
 * every deployment of the saved Cloud and ECE connections, its cluster ID (what trust allowlists
 * hold) and endpoint (what proxy addresses and server names are made of), and the read-merge-write
 * of trust settings and the remote-clusters list (both PUTs replace the whole thing, so existing
 * entries are read and sent back).
 */
import { findElasticsearchResource, type CloudClient } from '../api/cloud';
import type { AccountTrust, DirectTrust, ElasticsearchResourceInfo, ExternalTrust, RemoteResourceRef, TrustSettings } from '../api/types/cloud';
import { isRecord } from '../api/shape';
import type { ConnectionProfile } from '../connections/profile';
import { describeError, type ClientPool } from './context';
import { PORTS } from './model';

export interface DeploymentTarget {
  connection: ConnectionProfile;
  deploymentId: string;
  deploymentName: string;
  /** Elasticsearch resource ref_id, e.g. `main-elasticsearch`. */
  refId: string;
  /** Elasticsearch cluster ID (32 hex characters on Cloud): what trust allowlists name. */
  clusterId: string;
}

/** Every Elasticsearch resource visible through the given Cloud / ECE connections. */
export async function listDeploymentTargets(pool: ClientPool, connections: ConnectionProfile[]): Promise<{ targets: DeploymentTarget[]; problems: string[] }> {
  const targets: DeploymentTarget[] = [];
  const problems: string[] = [];
  for (const connection of connections) {
    try {
      const cloud = await pool.cloud(connection);
      const list = await cloud.listDeployments();
      for (const deployment of list.deployments) {
        const resources = (Array.isArray(deployment.resources) ? deployment.resources : []).filter((resource) => isRecord(resource) && resource.kind === 'elasticsearch');
        for (const resource of resources) {
          targets.push({ connection, deploymentId: deployment.id, deploymentName: deployment.name, refId: resource.ref_id, clusterId: resource.id });
        }
      }
    } catch (error) {
      problems.push(`Deployments of "${connection.name}" could not be listed: ${describeError(error)}`);
    }
  }
  return { targets, problems };
}

export interface DeploymentDetails {
  /** DNS name of the Elasticsearch endpoint; the remote-cluster proxy is `<endpoint>:<port>`, see `proxyPorts`. */
  endpoint?: string;
  /** The proxy ports other clusters connect to: certificate model (transport) and API-key model (remote cluster server). */
  proxyPorts: { certificate: number; apiKey: number };
  /** Elasticsearch version of the current plan. */
  version?: string;
  trust: TrustSettings;
  clusterId: string;
}

export async function deploymentDetails(cloud: CloudClient, target: Pick<DeploymentTarget, 'deploymentId' | 'refId'>): Promise<DeploymentDetails> {
  const deployment = await cloud.getDeployment(target.deploymentId, { showSettings: true, showPlans: true });
  const resource = findElasticsearchResource(deployment, target.refId);
  const trust = isRecord(resource.info?.settings?.trust) ? (resource.info.settings?.trust as TrustSettings) : {};
  const version = resource.info?.plan_info?.current?.plan?.elasticsearch?.version;
  return { endpoint: resource.info?.metadata?.endpoint, proxyPorts: proxyPortsOf(resource), trust, clusterId: resource.id, version: typeof version === 'string' ? version : undefined };
}

/**
 * The certificate model's proxy port is the resource's `metadata.ports.transport_passthrough`
 * (ClusterMetadataPortInfo: "Port where the cluster listens for transport traffic using TLS"), which
 * an ECE installation may set to something other than 9400. The API exposes no port for the
 * API-key model's remote cluster server, so the documented 9443 (seeds 002, 004) stays a constant.
 */
function proxyPortsOf(resource: ElasticsearchResourceInfo): DeploymentDetails['proxyPorts'] {
  const transport = resource.info?.metadata?.ports?.transport_passthrough;
  const valid = typeof transport === 'number' && Number.isInteger(transport) && transport > 0 && transport < 65536;
  return { certificate: valid ? transport : PORTS.cloudCertificateProxy, apiKey: PORTS.remoteClusterServer };
}

export type TrustKind = 'accounts' | 'external' | 'direct';

export type TrustEntry =
  | { kind: 'accounts'; entry: AccountTrust }
  | { kind: 'external'; entry: ExternalTrust }
  | { kind: 'direct'; entry: DirectTrust };

/** The identity of an entry: the account, trust relationship, or the name of a direct entry. */
export function trustEntryKey(entry: TrustEntry): string {
  switch (entry.kind) {
    case 'accounts':
      return `accounts:${entry.entry.account_id}`;
    case 'external':
      return `external:${entry.entry.trust_relationship_id}`;
    case 'direct':
      return `direct:${entry.entry.name}`;
  }
}

export function trustEntries(trust: TrustSettings): TrustEntry[] {
  return [
    ...(trust.accounts ?? []).filter(isRecord).map((entry) => ({ kind: 'accounts' as const, entry })),
    ...(trust.external ?? []).filter(isRecord).map((entry) => ({ kind: 'external' as const, entry })),
    ...(trust.direct ?? []).filter(isRecord).map((entry) => ({ kind: 'direct' as const, entry })),
  ];
}

/** One line about an entry, e.g. `Organization 1a2b… — all deployments`. */
export function describeTrustEntry(entry: TrustEntry): string {
  const scope = entry.entry.trust_all
    ? 'all deployments'
    : (entry.entry.trust_allowlist ?? []).length
      ? `clusters ${(entry.entry.trust_allowlist ?? []).join(', ')}`
      : 'no clusters';
  switch (entry.kind) {
    case 'accounts':
      return `Organization ${entry.entry.account_id}${entry.entry.name ? ` (${entry.entry.name})` : ''} — ${scope}`;
    case 'external':
      return `Environment ${entry.entry.name ?? entry.entry.trust_relationship_id} — ${scope}`;
    case 'direct':
      return entry.entry.type === 'ESS'
        ? `Elastic Cloud organization "${entry.entry.name}"${entry.entry.scope_id ? ` (${entry.entry.scope_id})` : ''} — ${scope}`
        : `Self-managed / other "${entry.entry.name}" — ${scope}`;
  }
}

/** The entry as it is sent: read-only fields dropped (they are filled in by the service). */
function writable(entry: TrustEntry): TrustEntry {
  if (entry.kind === 'external') {
    const rest: ExternalTrust = { ...entry.entry };
    delete rest.name;
    return { kind: 'external', entry: rest };
  }
  if (entry.kind === 'direct') {
    return { kind: 'direct', entry: { ...entry.entry, certificates: (entry.entry.certificates ?? []).map((certificate) => ({ pem: certificate.pem })) } };
  }
  return entry;
}

/** `trust` with `entry` added, or replacing the entry with the same identity; every other entry is kept as it is. */
export function withTrustEntry(trust: TrustSettings, entry: TrustEntry): TrustSettings {
  const key = trustEntryKey(entry);
  const entries = trustEntries(trust);
  const index = entries.findIndex((existing) => trustEntryKey(existing) === key);
  if (index >= 0) entries[index] = entry;
  else entries.push(entry);
  return fromEntries(entries);
}

/** `trust` without the entry of that identity. */
export function withoutTrustEntry(trust: TrustSettings, key: string): TrustSettings {
  return fromEntries(trustEntries(trust).filter((entry) => trustEntryKey(entry) !== key));
}

function fromEntries(entries: TrustEntry[]): TrustSettings {
  const result: TrustSettings = {};
  for (const entry of entries.map(writable)) {
    if (entry.kind === 'accounts') (result.accounts ??= []).push(entry.entry);
    else if (entry.kind === 'external') (result.external ??= []).push(entry.entry);
    else (result.direct ??= []).push(entry.entry);
  }
  return result;
}

/** Who a cluster belongs to, as trust entries name it. */
export interface TrustedCluster {
  clusterId: string;
  /** Its organization (ECE: the environment's account): matched against `accounts[].account_id`. */
  accountId?: string;
  /** ECE: the trust relationship of its environment, matched against `external[].trust_relationship_id`. */
  trustRelationshipId?: string;
}

/** The organization or environment entry of `trust` that is about `cluster`'s owner, if any. */
export function trustEntryFor(trust: TrustSettings, cluster: TrustedCluster): TrustEntry | undefined {
  return trustEntries(trust).find(
    (entry) =>
      (entry.kind === 'accounts' && cluster.accountId !== undefined && entry.entry.account_id === cluster.accountId) ||
      (entry.kind === 'external' && cluster.trustRelationshipId !== undefined && entry.entry.trust_relationship_id === cluster.trustRelationshipId),
  );
}

/**
 * Whether `trust` lets in `cluster`: the entry about its organization or environment trusts all
 * of it or lists its cluster ID. An entry about some other organization does not count, whatever
 * its `trust_all`. Direct (CA) entries are not judged here.
 */
export function trustsCluster(trust: TrustSettings, cluster: TrustedCluster): boolean {
  const entry = trustEntryFor(trust, cluster);
  return entry !== undefined && entry.kind !== 'direct' && (entry.entry.trust_all || (entry.entry.trust_allowlist ?? []).includes(cluster.clusterId));
}

/**
 * Writes one trust entry: reads the deployment's current trust right before writing, so entries
 * added meanwhile by someone else survive, then replaces only this entry. Returns the trust before
 * and after, for the undo.
 */
export async function writeTrustEntry(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId'>,
  change: { set: TrustEntry } | { remove: string },
): Promise<{ before: TrustSettings; after: TrustSettings }> {
  const before = (await deploymentDetails(cloud, target)).trust;
  const after = 'set' in change ? withTrustEntry(before, change.set) : withoutTrustEntry(before, change.remove);
  await cloud.updateDeploymentTrust(target.deploymentId, target.refId, withEmptyLists(after, before));
  return { before, after };
}

/** Puts one entry back the way it was (or removes it when it did not exist), leaving the others. */
export async function restoreTrustEntry(cloud: CloudClient, target: Pick<DeploymentTarget, 'deploymentId' | 'refId'>, key: string, before: TrustSettings): Promise<void> {
  const previous = trustEntries(before).find((entry) => trustEntryKey(entry) === key);
  await writeTrustEntry(cloud, target, previous ? { set: previous } : { remove: key });
}

/** Sends an empty list for a kind that had entries, so that removing the last one of it is not read as "unchanged". */
function withEmptyLists(after: TrustSettings, before: TrustSettings): TrustSettings {
  return {
    ...(before.accounts?.length || after.accounts ? { accounts: after.accounts ?? [] } : {}),
    ...(before.external?.length || after.external ? { external: after.external ?? [] } : {}),
    ...(before.direct?.length || after.direct ? { direct: after.direct ?? [] } : {}),
  };
}

/**
 * Adds or replaces one alias in a deployment's remote-clusters list (certificate model, same
 * organization). The list is read and written back whole, because the PUT replaces it.
 */
export async function writeRemoteClusterRef(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId'>,
  change: { set: RemoteResourceRef } | { remove: string },
): Promise<{ before: RemoteResourceRef[] }> {
  const before = (await cloud.getRemoteClusters(target.deploymentId, target.refId)).resources.filter(isRecord);
  const alias = 'set' in change ? change.set.alias : change.remove;
  const kept = before.filter((ref) => ref.alias !== alias);
  await cloud.putRemoteClusters(target.deploymentId, target.refId, 'set' in change ? [...kept, change.set] : kept);
  return { before };
}
