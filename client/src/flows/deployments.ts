/**
 * Elastic Cloud Hosted / ECE deployments as the flows see them: every Elasticsearch resource of
 * every deployment of the saved Cloud and ECE connections, its cluster ID (what trust allowlists
 * hold) and endpoint (what proxy addresses and server names are made of), and the read-merge-write
 * of trust settings and the remote-clusters list (both PUTs replace the whole thing, so existing
 * entries are read and sent back).
 */
import { findElasticsearchResource, isVersionConflict, type CloudClient } from '../api/cloud';
import { ApiError } from '../api/errors';
import type {
  AccountTrust,
  DirectTrust,
  ElasticsearchResourceInfo,
  ExternalTrust,
  RemoteResourceRef,
  TrustSettings,
} from '../api/types/cloud';
import { isRecord } from '../api/shape';
import type { ConnectionProfile } from '../connections/profile';
import { describeError } from '../errorText';
import { type ClientPool, type FlowContext } from './context';
import { PORTS } from './platforms';

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
export async function listDeploymentTargets(
  pool: ClientPool,
  connections: ConnectionProfile[],
): Promise<{ targets: DeploymentTarget[]; problems: string[] }> {
  const targets: DeploymentTarget[] = [];
  const problems: string[] = [];
  for (const connection of connections) {
    try {
      const cloud = await pool.cloud(connection);
      const list = await cloud.listDeployments();
      for (const deployment of list.deployments) {
        const resources = (Array.isArray(deployment.resources) ? deployment.resources : []).filter(
          (resource) => isRecord(resource) && resource.kind === 'elasticsearch',
        );
        for (const resource of resources) {
          targets.push({
            connection,
            deploymentId: deployment.id,
            deploymentName: deployment.name,
            refId: resource.ref_id,
            clusterId: resource.id,
          });
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

export async function deploymentDetails(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId'>,
): Promise<DeploymentDetails> {
  const deployment = await cloud.getDeployment(target.deploymentId, { showSettings: true, showPlans: true });
  const resource = findElasticsearchResource(deployment, target.refId);
  const trust = isRecord(resource.info?.settings?.trust) ? (resource.info.settings?.trust as TrustSettings) : {};
  const version = resource.info?.plan_info?.current?.plan?.elasticsearch?.version;
  return {
    endpoint: resource.info?.metadata?.endpoint,
    proxyPorts: proxyPortsOf(resource),
    trust,
    clusterId: resource.id,
    version: typeof version === 'string' ? version : undefined,
  };
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
  { kind: 'accounts'; entry: AccountTrust } | { kind: 'external'; entry: ExternalTrust } | { kind: 'direct'; entry: DirectTrust };

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
    return {
      kind: 'direct',
      entry: { ...entry.entry, certificates: (entry.entry.certificates ?? []).map((certificate) => ({ pem: certificate.pem })) },
    };
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
      (entry.kind === 'external' &&
        cluster.trustRelationshipId !== undefined &&
        entry.entry.trust_relationship_id === cluster.trustRelationshipId),
  );
}

/**
 * Whether `trust` lets in `cluster`: the entry about its organization or environment trusts all
 * of it or lists its cluster ID. An entry about some other organization does not count, whatever
 * its `trust_all`. Direct (CA) entries are not judged here.
 */
export function trustsCluster(trust: TrustSettings, cluster: TrustedCluster): boolean {
  const entry = trustEntryFor(trust, cluster);
  return (
    entry !== undefined &&
    entry.kind !== 'direct' &&
    (entry.entry.trust_all || (entry.entry.trust_allowlist ?? []).includes(cluster.clusterId))
  );
}

/**
 * Asked when what is about to be overwritten differs from what the user reviewed: `differences`
 * in words; true to apply the change on top of the current state, false to write nothing.
 */
export type ConfirmOnTop = (subject: string, differences: string[]) => Promise<boolean>;

export interface WriteGuard {
  /** What the user's summary was built from; when omitted only the version check guards the write. */
  seen?: TrustSettings;
  confirm: ConfirmOnTop;
  /** Told what the write is based on before it is sent (the undo needs it even when the answer is lost). */
  onBefore?(before: TrustSettings): void;
}

/** The question for ConfirmOnTop: the differences, then whether to write on top of them. */
export function confirmOnTop(context: FlowContext, question: string): ConfirmOnTop {
  return (subject, differences) =>
    context.ui.confirm(
      `${subject} changed since you reviewed it. ${question}`,
      [
        'Changed meanwhile (probably by someone else):',
        ...differences.map((line) => `• ${line}`),
        '',
        'Applying keeps these changes and makes yours on top of them.',
      ].join('\n'),
      'Apply on Top',
    );
}

/** The user declined to write over a change made by someone else; nothing was written. */
export class ChangedMeanwhileError extends ApiError {
  constructor(subject: string) {
    super(
      'conflict',
      `${subject} changed since you reviewed it, and you chose not to apply your change on top of it. Nothing was written.`,
      undefined,
      { type: 'changed_meanwhile' },
    );
  }
}

/** A deployment update refused because the deployment moved on is re-read and retried this many times at most. */
const VERSION_ATTEMPTS = 3;

/**
 * Writes one trust entry: reads the trust with the deployment's version right before writing,
 * replaces only this entry, and sends the update with that version. When the trust differs from
 * what the user reviewed, or the update is refused because someone changed the deployment in
 * between, the differences are shown and the user decides. Returns the trust before and after.
 */
export async function writeTrustEntry(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId' | 'deploymentName'>,
  change: { set: TrustEntry } | { remove: string },
  guard: WriteGuard,
): Promise<{ before: TrustSettings; after: TrustSettings }> {
  const subject = `The trust of deployment "${target.deploymentName}"`;
  let seen = guard.seen;
  for (let attempt = 1; ; attempt++) {
    const snapshot = await cloud.readForUpdate(target.deploymentId, target.refId);
    const before = trustOf(snapshot.resource.info?.settings?.trust);
    const differences = seen ? trustDifferences(seen, before) : [];
    if (differences.length && !(await guard.confirm(subject, differences))) throw new ChangedMeanwhileError(subject);
    const after = 'set' in change ? withTrustEntry(before, change.set) : withoutTrustEntry(before, change.remove);
    guard.onBefore?.(before);
    try {
      await cloud.updateDeploymentTrust(snapshot, withEmptyLists(after, before));
      return { before, after };
    } catch (error) {
      if (!isVersionConflict(error) || attempt >= VERSION_ATTEMPTS) throw error;
      // Someone changed the deployment since the read: read again and compare with what this write was based on.
      seen = before;
    }
  }
}

/** Whether the trust now holds the change (an entry set exactly so, or no entry with that identity). */
export function trustChangeApplied(trust: TrustSettings, change: { set: TrustEntry } | { remove: string }): boolean {
  const key = 'set' in change ? trustEntryKey(change.set) : change.remove;
  const found = trustEntries(trust).find((entry) => trustEntryKey(entry) === key);
  if ('remove' in change) return found === undefined;
  return found !== undefined && sameEntry(writable(found), writable(change.set));
}

/** Entries added, removed or changed between two readings of a trust, in words. */
export function trustDifferences(seen: TrustSettings, now: TrustSettings): string[] {
  const before = new Map(trustEntries(seen).map((entry) => [trustEntryKey(entry), entry]));
  const after = new Map(trustEntries(now).map((entry) => [trustEntryKey(entry), entry]));
  const lines: string[] = [];
  for (const [key, entry] of after) {
    const earlier = before.get(key);
    if (!earlier) lines.push(`Added: ${describeTrustEntry(entry)}`);
    else if (!sameEntry(writable(earlier), writable(entry)))
      lines.push(`Changed: ${describeTrustEntry(earlier)} → ${describeTrustEntry(entry)}`);
  }
  for (const [key, entry] of before) if (!after.has(key)) lines.push(`Removed: ${describeTrustEntry(entry)}`);
  return lines;
}

function sameEntry(a: TrustEntry, b: TrustEntry): boolean {
  // Key order and empty lists (e.g. an allowlist next to trust_all) carry no meaning.
  const normal = (entry: TrustEntry) =>
    JSON.stringify(entry.entry, (_key, value: unknown) =>
      Array.isArray(value) && value.length === 0
        ? undefined
        : isRecord(value)
          ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
          : value,
    );
  return a.kind === b.kind && normal(a) === normal(b);
}

function trustOf(value: unknown): TrustSettings {
  return isRecord(value) ? (value as TrustSettings) : {};
}

/** The change that puts the entry `key` back as `before` had it (or removes it). */
export function restoringChange(key: string, before: TrustSettings): { set: TrustEntry } | { remove: string } {
  const previous = trustEntries(before).find((entry) => trustEntryKey(entry) === key);
  return previous ? { set: previous } : { remove: key };
}

/** Puts one entry back the way it was (or removes it when it did not exist), leaving the others. */
export async function restoreTrustEntry(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId' | 'deploymentName'>,
  key: string,
  before: TrustSettings,
  confirm: ConfirmOnTop,
): Promise<void> {
  await writeTrustEntry(cloud, target, restoringChange(key, before), { confirm });
}

/** How to put a trust entry back without the extension, for when its undo fails. */
export function restoreTrustByHand(
  target: Pick<DeploymentTarget, 'deploymentName'>,
  key: string,
  before: TrustSettings,
  entry: TrustEntry,
): string {
  const restoring = restoringChange(key, before);
  const what =
    'set' in restoring
      ? `set the entry back to: ${describeTrustEntry(restoring.set)}`
      : `remove the entry: ${describeTrustEntry(entry)}`;
  return `in the trust settings of deployment "${target.deploymentName}" (the console's Security page, or "Elastic: Edit Trust"), ${what}`;
}

/** Sends an empty list for a kind that had entries, so that removing the last one of it is not read as "unchanged". */
function withEmptyLists(after: TrustSettings, before: TrustSettings): TrustSettings {
  return {
    ...(before.accounts?.length || after.accounts ? { accounts: after.accounts ?? [] } : {}),
    ...(before.external?.length || after.external ? { external: after.external ?? [] } : {}),
    ...(before.direct?.length || after.direct ? { direct: after.direct ?? [] } : {}),
  };
}

export interface ListGuard {
  /** The list the user's summary was built from; when omitted it is not compared. */
  seen?: RemoteResourceRef[];
  confirm: ConfirmOnTop;
  /** Told what the write is based on before it is sent (the undo needs it even when the answer is lost). */
  onBefore?(before: RemoteResourceRef[]): void;
}

/**
 * Adds or replaces one alias in a deployment's remote-clusters list (certificate model, same
 * organization). The PUT replaces the whole list and takes no version, so the list is read right
 * before writing; when it differs from what the user reviewed, the differences are shown and the
 * user decides.
 */
export async function writeRemoteClusterRef(
  cloud: CloudClient,
  target: Pick<DeploymentTarget, 'deploymentId' | 'refId' | 'deploymentName'>,
  change: { set: RemoteResourceRef } | { remove: string },
  guard: ListGuard,
): Promise<{ before: RemoteResourceRef[] }> {
  const before = (await cloud.getRemoteClusters(target.deploymentId, target.refId)).resources.filter(isRecord);
  const differences = guard.seen ? remoteClusterDifferences(guard.seen, before) : [];
  if (differences.length && !(await guard.confirm(`The remote clusters of deployment "${target.deploymentName}"`, differences))) {
    throw new ChangedMeanwhileError(`The remote clusters of deployment "${target.deploymentName}"`);
  }
  const alias = 'set' in change ? change.set.alias : change.remove;
  const kept = before.filter((ref) => ref.alias !== alias);
  guard.onBefore?.(before);
  await cloud.putRemoteClusters(target.deploymentId, target.refId, 'set' in change ? [...kept, change.set] : kept);
  return { before };
}

/** Whether the list now holds the change: the alias pointing where it should, or gone. */
export function remoteClusterChangeApplied(
  list: RemoteResourceRef[],
  change: { set: RemoteResourceRef } | { remove: string },
): boolean {
  if ('remove' in change) return !list.some((ref) => ref.alias === change.remove);
  return list.some(
    (ref) =>
      ref.alias === change.set.alias &&
      ref.deployment_id === change.set.deployment_id &&
      ref.elasticsearch_ref_id === change.set.elasticsearch_ref_id,
  );
}

/** Aliases added, removed or pointed elsewhere between two readings of a remote-clusters list, in words. */
export function remoteClusterDifferences(seen: RemoteResourceRef[], now: RemoteResourceRef[]): string[] {
  const describe = (ref: RemoteResourceRef) => `"${ref.alias}" → deployment ${ref.deployment_id} (${ref.elasticsearch_ref_id})`;
  const target = (ref: RemoteResourceRef) => `${ref.deployment_id}/${ref.elasticsearch_ref_id}/${ref.skip_unavailable ?? ''}`;
  const lines: string[] = [];
  for (const ref of now) {
    const earlier = seen.find((candidate) => candidate.alias === ref.alias);
    if (!earlier) lines.push(`Added: ${describe(ref)}`);
    else if (target(earlier) !== target(ref)) lines.push(`Changed: ${describe(earlier)} → ${describe(ref)}`);
  }
  for (const ref of seen) if (!now.some((candidate) => candidate.alias === ref.alias)) lines.push(`Removed: ${describe(ref)}`);
  return lines;
}
