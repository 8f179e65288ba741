/**
 * The nodes of the Remote Clusters view, built from what the APIs returned: labels, descriptions,
 * Markdown tooltips, icons (codicon + theme colour ids), the context value menus match on, and the
 * data "Open JSON" shows. Pure (no VS Code imports) so the shapes are tested without an editor;
 * client/src/views/view.ts turns them into TreeItems.
 */
import { redactJson } from '../api/redact';
import { isRecord } from '../api/shape';
import type { AccountTrust, DeploymentGetResponse, DirectTrust, ExternalTrust, TrustRelationship } from '../api/types/cloud';
import type {
  ApiKeyInfo,
  ClusterSettingsResponse,
  CrossClusterAccess,
  RemoteInfoResponse,
  RootInfo,
} from '../api/types/elasticsearch';
import { describeProfile, eceRegion, KIND_LABELS, type ConnectionProfile } from '../connections/profile';
import { plaintextCredentialsHost } from '../connections/transport';
import { lastDiagnoses } from '../diagnosis/lastDiagnosis';
import { describeTwoWay, type TwoWayTrust } from '../flows/environmentTrust';
import { compareText, disconnectedHint, type RemoteClusterSummary } from './remoteClusters';
import { BEFORE_FEBRUARY_2021_NOTE, ORGANIZATION_DEFAULT_NOTE, SPECIFIC_DEPLOYMENTS_NOTE } from '../flows/organizationTrust';

export type NodeKind =
  | 'connection'
  | 'remoteCluster'
  | 'deployment'
  | 'accountTrust'
  | 'directTrust'
  | 'externalTrust'
  | 'allowedCluster'
  | 'platformTrust'
  | 'trustRelationship'
  | 'crossClusterKeys'
  | 'crossClusterKey'
  | 'loadMore'
  | 'twoWayTrust'
  | 'loading'
  | 'error'
  | 'notice';

/** A codicon id and an optional theme colour id (e.g. `testing.iconPassed`). */
export interface NodeIcon {
  id: string;
  color?: string;
}

export interface TreeNode {
  /** Unique in the tree and stable across refreshes (VS Code keeps expansion state by it). */
  key: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip: string;
  icon: NodeIcon;
  /** What the view's menus match (`viewItem =~ /^remoteCluster\b/`). */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  connectionId: string;
  deploymentId?: string;
  alias?: string;
  /** ECE trust relationships: the relationship's ID (Remove ECE Trust Relationship takes it). */
  relationshipId?: string;
  /** A missing direction of two-way ECE trust: who must trust whom (Create ECE Trust Relationship takes it). */
  createTrustArgs?: { connectionId: string; sourceConnectionId: string };
  /** The Elasticsearch cluster ID "Copy Cluster ID" copies (trust allowlists hold these). */
  clusterId?: string;
  /** What "Open JSON" shows, secrets already masked. */
  json?: unknown;
  /** Children known when the node is built (allowlists); other nodes load theirs. */
  children?: TreeNode[];
  /** The node whose data this one shows; refreshing this node reloads that one. */
  ownerKey: string;
  /** Cross-cluster API key nodes: the key's id. */
  keyId?: string;
  /** For "sort by status": lower ranks need attention first (failed, expiring, unhealthy). */
  statusRank?: number;
}

/** Where a lazily loaded part of the tree stands. */
export type LoadState<T> =
  { status: 'idle' } | { status: 'loading'; previous?: T } | { status: 'loaded'; data: T } | { status: 'error'; message: string };

export interface ElasticsearchSnapshot {
  /** GET /; undefined when it failed (the remotes are still shown). */
  info?: RootInfo;
  remotes: RemoteClusterSummary[];
  /** Why `_cluster/settings` could not be read, when it could not. */
  settingsProblem?: string;
  raw: { remoteInfo: RemoteInfoResponse; settings?: ClusterSettingsResponse };
  /** The cluster's valid cross-cluster API keys (the ones the connection's user may list). */
  keys?: CrossClusterKeySummary[];
  /** Why GET /_security/api_key failed, when it did. */
  keysProblem?: string;
}

export interface CrossClusterKeySummary {
  id: string;
  name: string;
  /** Epoch milliseconds. */
  creation?: number;
  expiration?: number;
  access?: CrossClusterAccess;
  metadata?: Record<string, unknown>;
}

export interface DeploymentSummary {
  id: string;
  name: string;
  /** From the deployments search; absent from the plain listing. */
  healthy?: boolean;
  /** The Elasticsearch resource's cluster ID. */
  clusterId?: string;
  refId?: string;
  region?: string;
}

export interface CloudSnapshot {
  deployments: DeploymentSummary[];
  /** Elastic Cloud: the organization of the API key and its "Trust all deployments" default (get-current-account), when readable. */
  organization?: { id: string; trustAll?: boolean };
  /** More deployments can be fetched with this cursor (deployments search API). */
  cursor?: string;
  /** How many deployments the organization has, when the API said. */
  total?: number;
}

export type ConnectionSnapshot =
  ({ kind: 'elasticsearch' } & ElasticsearchSnapshot) | ({ kind: 'cloud' | 'ece' } & CloudSnapshot);

const ICONS = {
  elasticsearch: { id: 'server' },
  cloud: { id: 'cloud' },
  ece: { id: 'server-environment' },
  connected: { id: 'pass-filled', color: 'testing.iconPassed' },
  disconnected: { id: 'error', color: 'testing.iconFailed' },
  notEnabled: { id: 'circle-slash', color: 'disabledForeground' },
  error: { id: 'error', color: 'errorForeground' },
  warning: { id: 'warning', color: 'list.warningForeground' },
  diagnosisFailed: { id: 'bug', color: 'testing.iconFailed' },
  loading: { id: 'loading~spin' },
  info: { id: 'info' },
} satisfies Record<string, NodeIcon>;

// ---------------------------------------------------------------- keys

export function connectionKey(connectionId: string): string {
  return `c/${encodeURIComponent(connectionId)}`;
}

export function deploymentKey(connectionId: string, deploymentId: string): string {
  return `${connectionKey(connectionId)}/d/${encodeURIComponent(deploymentId)}`;
}

export function platformKey(connectionId: string): string {
  return `${connectionKey(connectionId)}/platform`;
}

// ---------------------------------------------------------------- placeholders

export function loadingNode(owner: { key: string; connectionId: string }): TreeNode {
  return {
    key: `${owner.key}/loading`,
    kind: 'loading',
    label: 'Loading…',
    tooltip: 'Waiting for the API to answer.',
    icon: ICONS.loading,
    contextValue: 'loading',
    collapsible: 'none',
    connectionId: owner.connectionId,
    ownerKey: owner.key,
  };
}

/** A failed load, shown in place of the children it should have produced. */
export function errorNode(owner: { key: string; connectionId: string }, message: string): TreeNode {
  return {
    key: `${owner.key}/error`,
    kind: 'error',
    label: firstSentence(message),
    tooltip: `${escapeMarkdown(message)}\n\nClick to try again.`,
    icon: ICONS.error,
    contextValue: 'error',
    collapsible: 'none',
    connectionId: owner.connectionId,
    ownerKey: owner.key,
    json: { error: message },
  };
}

export function noticeNode(
  owner: { key: string; connectionId: string },
  id: string,
  label: string,
  detail: string,
  icon: NodeIcon = ICONS.info,
): TreeNode {
  return {
    key: `${owner.key}/notice/${id}`,
    kind: 'notice',
    label,
    tooltip: escapeMarkdown(detail),
    icon,
    contextValue: 'notice',
    collapsible: 'none',
    connectionId: owner.connectionId,
    ownerKey: owner.key,
  };
}

/** Saved connections that could not be read from the setting (shown above the connections). */
export function settingsProblemsNode(problems: string[]): TreeNode {
  return {
    key: 'problems',
    kind: 'notice',
    label: problems.length === 1 ? 'A saved connection cannot be used' : `${problems.length} saved connections cannot be used`,
    description: 'see the "elasticRemoteClusters.connections" setting',
    tooltip: problems.map((problem) => `- ${escapeMarkdown(problem)}`).join('\n'),
    icon: ICONS.warning,
    contextValue: 'settingsProblems',
    collapsible: 'none',
    connectionId: '',
    ownerKey: 'problems',
  };
}

// ---------------------------------------------------------------- connections

export function connectionNode(profile: ConnectionProfile, state: LoadState<ConnectionSnapshot>): TreeNode {
  const key = connectionKey(profile.id);
  const data = state.status === 'loaded' ? state.data : state.status === 'loading' ? state.previous : undefined;
  const lines = [`**${escapeMarkdown(profile.name)}**`, '', escapeMarkdown(describeProfile(profile))];
  const plaintextHost = plaintextCredentialsHost(profile);
  // Shown in the description, not only the tooltip: a risk the user opted into stays in sight.
  const risks = [
    profile.skipTlsVerify ? 'TLS not verified' : undefined,
    plaintextHost ? 'credentials unencrypted' : undefined,
  ].filter((risk): risk is string => Boolean(risk));
  if (profile.skipTlsVerify)
    lines.push(
      '',
      '$(warning) TLS certificate verification is off for this connection: anyone in between can read or change its traffic.',
    );
  if (plaintextHost)
    lines.push(
      '',
      `$(warning) The ${profile.auth === 'apiKey' ? 'API key' : 'password'} goes to ${escapeMarkdown(plaintextHost)} over plain http://; every use asks first.`,
    );
  let description: string = KIND_LABELS[profile.kind];
  let icon: NodeIcon = ICONS[profile.kind];
  if (data?.kind === 'elasticsearch') {
    const connected = data.remotes.filter((remote) => remote.connected).length;
    const version = data.info?.version?.number;
    description = [version, data.remotes.length ? `${connected}/${data.remotes.length} connected` : 'no remotes']
      .filter(Boolean)
      .join(' · ');
    if (data.info)
      lines.push(
        '',
        `Elasticsearch ${escapeMarkdown(version ?? 'version unknown')}, cluster ${code(data.info.cluster_name)}, UUID ${code(data.info.cluster_uuid)}`,
      );
    if (connected < data.remotes.length) icon = { ...ICONS[profile.kind], color: ICONS.warning.color };
  } else if (data) {
    const listed =
      data.total !== undefined && data.total > data.deployments.length
        ? `${data.deployments.length} of ${count(data.total, 'deployment')} loaded`
        : count(data.deployments.length, 'deployment');
    description = `${listed}${profile.kind === 'ece' ? ` · region ${eceRegion(profile)}` : ''}`;
  }
  if (state.status === 'loading') description = data ? `${description} · refreshing…` : 'loading…';
  if (risks.length) {
    description = `${risks.join(', ')} · ${description}`;
    icon = { ...ICONS[profile.kind], color: ICONS.warning.color };
  }
  if (state.status === 'error') {
    description = 'failed to load';
    icon = ICONS.error;
    lines.push('', escapeMarkdown(state.message));
  }
  return {
    key,
    kind: 'connection',
    label: profile.name,
    description,
    tooltip: lines.join('\n'),
    icon,
    contextValue: `connection.${profile.kind}`,
    collapsible: 'expanded',
    connectionId: profile.id,
    json: redactJson({
      connection: profile,
      ...(data ? { loaded: data.kind === 'elasticsearch' ? data.raw : { deployments: data.deployments } } : {}),
    }),
    ownerKey: key,
  };
}

// ---------------------------------------------------------------- Elasticsearch

export function elasticsearchChildren(
  profile: ConnectionProfile,
  snapshot: ElasticsearchSnapshot,
  now: number = Date.now(),
): TreeNode[] {
  const owner = { key: connectionKey(profile.id), connectionId: profile.id };
  const nodes: TreeNode[] = [];
  if (snapshot.settingsProblem) {
    nodes.push(
      noticeNode(
        owner,
        'settings',
        'Cluster settings could not be read',
        `Only what GET _remote/info reports is shown. ${snapshot.settingsProblem}`,
        ICONS.warning,
      ),
    );
  }
  if (snapshot.keys !== undefined || snapshot.keysProblem !== undefined) nodes.push(crossClusterKeysNode(profile, snapshot, now));
  nodes.push(...snapshot.remotes.map((remote) => remoteClusterNode(profile.id, remote, snapshot.settingsProblem === undefined)));
  if (snapshot.remotes.length === 0) {
    nodes.push(
      noticeNode(
        owner,
        'empty',
        'No remote clusters',
        'This cluster has no remote clusters configured. Use "Add Remote Cluster" on the connection to set one up.',
      ),
    );
  }
  return nodes;
}

const MODEL_LABELS = { 'api-key': 'API key', certificate: 'TLS certificate', unknown: 'security model unknown' } as const;

/** `settingsRead`: whether `_cluster/settings` answered, i.e. whether `definedIn` can be trusted. */
export function remoteClusterNode(connectionId: string, remote: RemoteClusterSummary, settingsRead = true): TreeNode {
  const ownerKey = connectionKey(connectionId);
  const enabled = remote.connected !== undefined;
  const status = !enabled
    ? `not enabled (no ${remote.mode === 'proxy' ? 'proxy_address' : 'seeds'})`
    : remote.connected
      ? 'connected'
      : 'not connected';
  const where = !settingsRead
    ? 'unknown (the cluster settings could not be read)'
    : remote.definedIn.length
      ? `${remote.definedIn.join(' and ')} cluster settings`
      : 'elasticsearch.yml (not in the cluster settings)';
  const lines = [
    `**${escapeMarkdown(remote.alias)}** — remote cluster, ${status}`,
    '',
    `- Mode: ${remote.mode}`,
    `- ${remote.mode === 'proxy' ? 'Proxy address' : 'Seeds'}: ${remote.addresses.length ? remote.addresses.map(code).join(', ') : 'none'}`,
    ...(remote.serverName ? [`- Server name: ${code(remote.serverName)}`] : []),
    ...(remote.connections
      ? [
          `- Open ${remote.mode === 'proxy' ? 'proxy sockets' : 'node connections'}: ${remote.connections.open} of ${remote.connections.max}`,
        ]
      : []),
    `- skip_unavailable: ${remote.skipUnavailable === undefined ? 'default' : String(remote.skipUnavailable)}`,
    `- Security model: ${
      remote.securityModel === 'api-key'
        ? 'API key (a cross-cluster API key is configured for this alias)'
        : remote.securityModel === 'certificate'
          ? 'TLS certificate (no API key configured for this alias)'
          : 'unknown until Elasticsearch enables the alias'
    }`,
    `- Defined in: ${where}`,
  ];
  const hint = disconnectedHint(remote);
  if (hint) lines.push('', escapeMarkdown(hint));
  const diagnosis = lastDiagnoses.get(connectionId, remote.alias);
  if (diagnosis) lines.push('', `Last diagnosis (${escapeMarkdown(diagnosis.at)}): ${escapeMarkdown(diagnosis.summary)}`);
  const key = `${ownerKey}/r/${encodeURIComponent(remote.alias)}`;
  const statusIcon = !enabled ? ICONS.notEnabled : remote.connected ? ICONS.connected : ICONS.disconnected;
  return {
    key,
    kind: 'remoteCluster',
    label: remote.alias,
    description: [status, enabled ? MODEL_LABELS[remote.securityModel] : undefined, remote.addresses.join(', ') || undefined]
      .filter(Boolean)
      .join(' · '),
    tooltip: lines.join('\n'),
    // A diagnosis that found problems outranks the connected flag (a connected remote can still have an expiring key).
    icon: diagnosis?.verdict === 'failed' ? ICONS.diagnosisFailed : diagnosis?.verdict === 'warning' ? ICONS.warning : statusIcon,
    // Only aliases in the cluster settings can be removed through the API.
    contextValue: remote.definedIn.length ? 'remoteCluster.removable' : 'remoteCluster',
    collapsible: 'none',
    connectionId,
    alias: remote.alias,
    statusRank: diagnosis?.verdict === 'failed' || (enabled && !remote.connected) ? 0 : !enabled ? 1 : 2,
    json: redactJson({ alias: remote.alias, remote_info: remote.remoteInfo ?? null, cluster_settings: remote.settings }),
    ownerKey,
  };
}

// ---------------------------------------------------------------- cross-cluster API keys

/** Keys expiring within this many days get a warning (icon, tooltip, and one notification per session). */
export const KEY_EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The valid cross-cluster keys of a GET /_security/api_key answer. */
export function summarizeKeys(keys: ApiKeyInfo[]): CrossClusterKeySummary[] {
  return keys
    .filter((key) => key.type === 'cross_cluster' && !key.invalidated)
    .map((key) => ({
      id: key.id,
      name: key.name,
      ...(typeof key.creation === 'number' ? { creation: key.creation } : {}),
      ...(typeof key.expiration === 'number' ? { expiration: key.expiration } : {}),
      ...(key.access ? { access: key.access } : {}),
      ...(key.metadata ? { metadata: key.metadata } : {}),
    }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

export type KeyExpiry = { state: 'none' } | { state: 'ok' | 'soon' | 'expired'; days: number; at: string };

/** Where a key stands against its expiration: whole days left (or since), and whether to warn. */
export function keyExpiry(expiration: number | undefined, now: number): KeyExpiry {
  if (expiration === undefined) return { state: 'none' };
  const at = new Date(expiration).toISOString().slice(0, 10);
  if (expiration <= now) return { state: 'expired', days: Math.floor((now - expiration) / DAY_MS), at };
  const days = Math.ceil((expiration - now) / DAY_MS);
  return { state: days <= KEY_EXPIRY_WARNING_DAYS ? 'soon' : 'ok', days, at };
}

/**
 * The keys of a connection to warn about now: expiring within KEY_EXPIRY_WARNING_DAYS or expired,
 * and not warned about before in this session (`warned` holds `<connection id>/<key id>` and is
 * updated), so each key is announced once however often the view refreshes.
 */
export function keysToWarnAbout(
  connectionId: string,
  keys: CrossClusterKeySummary[],
  warned: Set<string>,
  now: number,
): CrossClusterKeySummary[] {
  const due = keys.filter((key) => {
    const state = keyExpiry(key.expiration, now).state;
    return (state === 'soon' || state === 'expired') && !warned.has(`${connectionId}/${key.id}`);
  });
  for (const key of due) warned.add(`${connectionId}/${key.id}`);
  return due;
}

export function expiryText(expiry: KeyExpiry): string {
  switch (expiry.state) {
    case 'none':
      return 'does not expire';
    case 'expired':
      return expiry.days === 0 ? 'expired today' : `expired ${count(expiry.days, 'day')} ago`;
    default:
      return `expires in ${count(expiry.days, 'day')} (${expiry.at})`;
  }
}

export function crossClusterKeysKey(connectionId: string): string {
  return `${connectionKey(connectionId)}/keys`;
}

/** The group under an Elasticsearch connection that lists its cross-cluster API keys. */
export function crossClusterKeysNode(profile: ConnectionProfile, snapshot: ElasticsearchSnapshot, now: number): TreeNode {
  const key = crossClusterKeysKey(profile.id);
  const keys = snapshot.keys ?? [];
  const expiring = keys.filter((entry) => ['soon', 'expired'].includes(keyExpiry(entry.expiration, now).state)).length;
  return {
    key,
    kind: 'crossClusterKeys',
    label: 'Cross-cluster API keys',
    description: snapshot.keysProblem
      ? 'could not be listed'
      : `${keys.length}${expiring ? ` · ${expiring} expiring or expired` : ''}`,
    tooltip: snapshot.keysProblem
      ? `The keys could not be listed: ${escapeMarkdown(snapshot.keysProblem)}`
      : 'The cross-cluster API keys this cluster issued, for other clusters to connect to it with (GET /_security/api_key). Invalidated keys are not shown.',
    icon: snapshot.keysProblem ? ICONS.warning : expiring ? ICONS.warning : { id: 'key' },
    contextValue: 'crossClusterKeys',
    collapsible: 'collapsed',
    connectionId: profile.id,
    ownerKey: connectionKey(profile.id),
  };
}

export function crossClusterKeyNodes(profile: ConnectionProfile, snapshot: ElasticsearchSnapshot, now: number): TreeNode[] {
  const owner = { key: crossClusterKeysKey(profile.id), connectionId: profile.id };
  if (snapshot.keysProblem)
    return [noticeNode(owner, 'problem', 'The keys could not be listed', snapshot.keysProblem, ICONS.warning)];
  const keys = snapshot.keys ?? [];
  if (keys.length === 0)
    return [noticeNode(owner, 'empty', 'No cross-cluster API keys', 'This cluster has issued no valid cross-cluster API key.')];
  return keys.map((entry) => crossClusterKeyNode(profile.id, entry, now));
}

function accessText(access: CrossClusterAccess | undefined): string | undefined {
  if (!access) return undefined;
  const names = (entries: Array<{ names: string | string[] }> | undefined) =>
    (entries ?? []).flatMap((entry) => (Array.isArray(entry.names) ? entry.names : [entry.names]));
  return [
    names(access.search).length ? `search ${names(access.search).join(', ')}` : '',
    names(access.replication).length ? `replication ${names(access.replication).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export function crossClusterKeyNode(connectionId: string, entry: CrossClusterKeySummary, now: number): TreeNode {
  const expiry = keyExpiry(entry.expiration, now);
  const access = accessText(entry.access);
  const alias = typeof entry.metadata?.alias === 'string' ? entry.metadata.alias : undefined;
  const warning =
    expiry.state === 'expired'
      ? '$(error) This key has expired: a remote connection that uses it fails. Rotate it with "Change Cross-Cluster API Key".'
      : expiry.state === 'soon'
        ? `$(warning) This key expires within ${KEY_EXPIRY_WARNING_DAYS} days. Rotate it before then with "Change Cross-Cluster API Key", or remote connections that use it fail.`
        : undefined;
  const lines = [
    `**${escapeMarkdown(entry.name)}** — cross-cluster API key`,
    '',
    `- ID: ${code(entry.id)}`,
    `- Access: ${access ? escapeMarkdown(access) : 'not reported by this Elasticsearch version'}`,
    ...(entry.creation !== undefined ? [`- Created: ${new Date(entry.creation).toISOString().slice(0, 10)}`] : []),
    `- Expiration: ${escapeMarkdown(expiryText(expiry))}`,
    ...(alias ? [`- Created for the alias ${code(alias)}`] : []),
    ...(warning ? ['', warning] : []),
  ];
  return {
    key: `${crossClusterKeysKey(connectionId)}/${encodeURIComponent(entry.id)}`,
    kind: 'crossClusterKey',
    label: entry.name,
    description: [expiry.state === 'none' ? undefined : expiryText(expiry), access].filter(Boolean).join(' · ') || undefined,
    tooltip: lines.join('\n'),
    icon: expiry.state === 'expired' ? ICONS.error : expiry.state === 'soon' ? ICONS.warning : { id: 'key' },
    contextValue: 'crossClusterKey',
    collapsible: 'none',
    connectionId,
    keyId: entry.id,
    statusRank: expiry.state === 'expired' ? 0 : expiry.state === 'soon' ? 1 : 2,
    json: redactJson(entry),
    ownerKey: connectionKey(connectionId),
  };
}

/** The "Load more…" item at the end of a paged list. */
export function loadMoreNode(owner: { key: string; connectionId: string }, shown: number, total: string): TreeNode {
  return {
    key: `${owner.key}/more`,
    kind: 'loadMore',
    label: 'Load more…',
    description: `${shown} of ${total} shown`,
    tooltip: 'Show the next page of this list.',
    icon: { id: 'ellipsis' },
    contextValue: 'loadMore',
    collapsible: 'none',
    connectionId: owner.connectionId,
    ownerKey: owner.key,
  };
}

// ---------------------------------------------------------------- Cloud and ECE

/** The deployments of a list response; entries without an id are skipped. */
export function summarizeDeployments(list: unknown): DeploymentSummary[] {
  const deployments = isRecord(list) && Array.isArray(list.deployments) ? list.deployments : [];
  return deployments
    .filter(isRecord)
    .filter((deployment) => typeof deployment.id === 'string' && deployment.id !== '')
    .map((deployment) => {
      const resources = Array.isArray(deployment.resources) ? deployment.resources.filter(isRecord) : [];
      const elasticsearch = resources.find((resource) => resource.kind === 'elasticsearch');
      const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
      const summary: DeploymentSummary = {
        id: deployment.id as string,
        name: text(deployment.name) ?? (deployment.id as string),
      };
      if (text(elasticsearch?.id)) summary.clusterId = text(elasticsearch?.id);
      if (text(elasticsearch?.ref_id)) summary.refId = text(elasticsearch?.ref_id);
      if (text(elasticsearch?.region)) summary.region = text(elasticsearch?.region);
      return summary;
    })
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

/** The deployments of a deployments-search answer (resources.elasticsearch[], and health). */
export function summarizeSearchedDeployments(response: unknown): DeploymentSummary[] {
  const deployments = isRecord(response) && Array.isArray(response.deployments) ? response.deployments : [];
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return deployments
    .filter(isRecord)
    .filter((deployment) => text(deployment.id))
    .map((deployment) => {
      const resources = isRecord(deployment.resources) ? deployment.resources : {};
      const elasticsearch = Array.isArray(resources.elasticsearch) ? resources.elasticsearch.filter(isRecord)[0] : undefined;
      const summary: DeploymentSummary = {
        id: deployment.id as string,
        name: text(deployment.name) ?? (deployment.id as string),
      };
      if (typeof deployment.healthy === 'boolean') summary.healthy = deployment.healthy;
      if (text(elasticsearch?.id)) summary.clusterId = text(elasticsearch?.id);
      if (text(elasticsearch?.ref_id)) summary.refId = text(elasticsearch?.ref_id);
      if (text(elasticsearch?.region)) summary.region = text(elasticsearch?.region);
      return summary;
    })
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

export function cloudChildren(
  profile: ConnectionProfile,
  snapshot: CloudSnapshot,
  detail: (deploymentId: string) => LoadState<DeploymentGetResponse>,
  platform?: LoadState<TrustRelationship[]>,
): TreeNode[] {
  const owner = { key: connectionKey(profile.id), connectionId: profile.id };
  const nodes: TreeNode[] = [];
  if (profile.kind === 'ece') nodes.push(platformTrustNode(profile, platform ?? { status: 'idle' }));
  if (profile.kind === 'cloud' && snapshot.organization?.trustAll !== undefined)
    nodes.push(organizationDefaultNode(owner, snapshot.organization.id, snapshot.organization.trustAll));
  nodes.push(...snapshot.deployments.map((deployment) => deploymentNode(profile, deployment, detail(deployment.id))));
  if (snapshot.deployments.length === 0)
    nodes.push(noticeNode(owner, 'empty', 'No deployments', 'The API key sees no deployments.'));
  return nodes;
}

/** The organization's "Trust all deployments" default (seed 003), above its deployments. */
function organizationDefaultNode(owner: { key: string; connectionId: string }, id: string, trustAll: boolean): TreeNode {
  return {
    ...noticeNode(
      owner,
      'organization-trust',
      trustAll ? 'Organization default: trust all deployments' : 'Organization default: trust no other deployment',
      '',
      { id: 'organization' },
    ),
    description: `organization ${id}`,
    tooltip: [
      `**Trust all deployments** is ${trustAll ? 'on' : 'off'} for organization ${code(id)}.`,
      '',
      trustAll
        ? '- New deployments trust every other deployment of the organization, including those created later.'
        : '- New deployments trust no other deployment; give each one its own trust (Edit Trust).',
      `- ${escapeMarkdown(ORGANIZATION_DEFAULT_NOTE)}`,
      `- ${escapeMarkdown(BEFORE_FEBRUARY_2021_NOTE)}`,
    ].join('\n'),
  };
}

export function deploymentNode(
  profile: ConnectionProfile,
  deployment: DeploymentSummary,
  detail: LoadState<DeploymentGetResponse>,
): TreeNode {
  const key = deploymentKey(profile.id, deployment.id);
  const loaded = detail.status === 'loaded' ? detail.data : undefined;
  const unhealthy = loaded ? loaded.healthy === false : deployment.healthy === false;
  const lines = [
    `**${escapeMarkdown(deployment.name)}** — deployment`,
    '',
    `- Deployment ID: ${code(deployment.id)}`,
    `- Elasticsearch cluster ID: ${deployment.clusterId ? code(deployment.clusterId) : 'unknown'} (what trust allowlists hold)`,
    ...(deployment.refId ? [`- Resource: ${code(deployment.refId)}`] : []),
    ...(deployment.region ? [`- Region: ${code(deployment.region)}`] : []),
    ...(loaded || deployment.healthy !== undefined ? [`- Health: ${unhealthy ? 'unhealthy' : 'healthy'}`] : []),
    '',
    'Expand to see whom it trusts.',
  ];
  return {
    key,
    kind: 'deployment',
    label: deployment.name,
    description: [deployment.region, unhealthy ? 'unhealthy' : undefined].filter(Boolean).join(' · ') || undefined,
    tooltip: lines.join('\n'),
    icon: unhealthy ? ICONS.warning : { id: 'database' },
    contextValue: deployment.clusterId ? 'deployment.hasClusterId' : 'deployment',
    collapsible: 'collapsed',
    statusRank: unhealthy ? 0 : 1,
    connectionId: profile.id,
    deploymentId: deployment.id,
    ...(deployment.clusterId ? { clusterId: deployment.clusterId } : {}),
    json: redactJson(loaded ?? deployment),
    ownerKey: key,
  };
}

/**
 * The trust of a deployment's Elasticsearch resources: accounts, then direct entries, then other
 * environments. `knownClusters` maps cluster IDs to deployment names, to name allowlist entries.
 */
export function deploymentChildren(
  profile: ConnectionProfile,
  deploymentId: string,
  deployment: DeploymentGetResponse,
  knownClusters: Map<string, string>,
  now: number,
  /** Elastic Cloud: the organization of the connection, to tell its own entry from other organizations'. */
  organizationId?: string,
): TreeNode[] {
  const owner = { key: deploymentKey(profile.id, deploymentId), connectionId: profile.id };
  const resources =
    isRecord(deployment.resources) && Array.isArray(deployment.resources.elasticsearch)
      ? deployment.resources.elasticsearch.filter(isRecord)
      : [];
  const context: TrustContext = { owner, deploymentId, knownClusters, now, organizationId };
  let ownOrganization = false;
  const nodes: TreeNode[] = [];
  const used = new Set<string>();
  const uniqueId = (base: string) => {
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}#${n}`;
    used.add(candidate);
    return candidate;
  };
  let withSettings = 0;
  for (const resource of resources) {
    const info = isRecord(resource.info) ? resource.info : undefined;
    const settings = info && isRecord(info.settings) ? info.settings : undefined;
    if (!settings) continue;
    withSettings++;
    const trust = isRecord(settings.trust) ? settings.trust : {};
    const suffix = resources.length > 1 && typeof resource.ref_id === 'string' ? resource.ref_id : undefined;
    const list = <T>(value: unknown) => (Array.isArray(value) ? (value.filter(isRecord) as T[]) : []);
    const accounts = list<AccountTrust>(trust.accounts).sort((a, b) =>
      compareText(a.name ?? String(a.account_id), b.name ?? String(b.account_id)),
    );
    const direct = list<DirectTrust>(trust.direct).sort((a, b) => compareText(String(a.name ?? ''), String(b.name ?? '')));
    const external = list<ExternalTrust>(trust.external).sort((a, b) =>
      compareText(a.name ?? String(a.trust_relationship_id), b.name ?? String(b.trust_relationship_id)),
    );
    // Keys from what identifies each entry, so expansion state survives entries being added.
    const id = (kind: string, name: unknown) => uniqueId(`${suffix ? `${suffix}:` : ''}${kind}:${String(name ?? '')}`);
    if (organizationId && accounts.some((entry) => entry.account_id === organizationId)) ownOrganization = true;
    nodes.push(
      ...accounts.map((entry) => accountTrustNode(context, entry, id('account', entry.account_id), suffix)),
      ...direct.map((entry) => directTrustNode(context, entry, id('direct', entry.name), suffix)),
      ...external.map((entry) => externalTrustNode(context, entry, id('external', entry.trust_relationship_id), suffix)),
    );
  }
  if (withSettings > 0 && organizationId && profile.kind === 'cloud' && !ownOrganization) {
    nodes.unshift(
      noticeNode(
        owner,
        'own-organization',
        'Trusts no other deployment of its organization',
        `Its trust has no entry for its own organization (${organizationId}), so it trusts only itself for the TLS certificate model. ${BEFORE_FEBRUARY_2021_NOTE} ${ORGANIZATION_DEFAULT_NOTE} Add one with Edit Trust → Add a trusted environment → An Elastic Cloud organization.`,
      ),
    );
  }
  if (withSettings === 0) {
    nodes.push(
      noticeNode(
        owner,
        'no-settings',
        'No trust settings returned',
        'The API returned this deployment without its Elasticsearch settings, so its trust is unknown.',
        ICONS.warning,
      ),
    );
  } else if (nodes.length === 0) {
    nodes.push(
      noticeNode(
        owner,
        'empty',
        'Trusts no other environment',
        'No account, environment or certificate is trusted. Trust matters for the TLS certificate security model: other clusters cannot connect to this one with it.',
      ),
    );
  }
  return nodes;
}

interface TrustContext {
  owner: { key: string; connectionId: string };
  deploymentId: string;
  knownClusters: Map<string, string>;
  now: number;
  organizationId?: string;
}

interface TrustScope {
  trust_all?: unknown;
  trust_allowlist?: unknown;
}

/** "trusts all", "trusts 2 listed clusters" or "trusts none", and the allowlist's nodes. */
function scopeOf(
  context: TrustContext,
  key: string,
  entry: TrustScope,
  all: string,
): { text: string; children?: TreeNode[]; lines: string[] } {
  const allowlist = Array.isArray(entry.trust_allowlist)
    ? entry.trust_allowlist.filter((id): id is string => typeof id === 'string')
    : [];
  if (entry.trust_all === true) {
    return {
      text: allowlist.length ? `${all} (allowlist ignored)` : all,
      lines: [
        `- Trusts: ${all}${allowlist.length ? ` — the allowlist of ${count(allowlist.length, 'cluster')} is ignored while trust_all is true` : ''}`,
      ],
    };
  }
  if (allowlist.length === 0)
    return { text: 'trusts none', lines: ['- Trusts: none (trust_all is false and the allowlist is empty)'] };
  const children = allowlist.map((clusterId) => allowedClusterNode(context, key, clusterId));
  return {
    text: `trusts ${count(allowlist.length, 'listed cluster')}`,
    children,
    lines: [`- Trusts: ${count(allowlist.length, 'listed cluster')} (expand to see them)`],
  };
}

function allowedClusterNode(context: TrustContext, parentKey: string, clusterId: string): TreeNode {
  const name = context.knownClusters.get(clusterId);
  return {
    key: `${parentKey}/${encodeURIComponent(clusterId)}`,
    kind: 'allowedCluster',
    label: clusterId,
    ...(name ? { description: `deployment ${name}` } : {}),
    tooltip: `Elasticsearch cluster ID ${code(clusterId)}${name ? ` — deployment **${escapeMarkdown(name)}**` : ''}`,
    icon: { id: 'symbol-constant' },
    contextValue: 'allowedCluster.hasClusterId',
    collapsible: 'none',
    connectionId: context.owner.connectionId,
    deploymentId: context.deploymentId,
    clusterId,
    ownerKey: context.owner.key,
  };
}

function trustKey(context: TrustContext, id: string): string {
  return `${context.owner.key}/t/${encodeURIComponent(id)}`;
}

function trustNode(
  context: TrustContext,
  kind: 'accountTrust' | 'directTrust' | 'externalTrust',
  id: string,
  label: string,
  parts: string[],
  lines: string[],
  icon: NodeIcon,
  entry: unknown,
  children?: TreeNode[],
): TreeNode {
  const key = trustKey(context, id);
  return {
    key,
    kind,
    label,
    description: parts.filter(Boolean).join(' · '),
    tooltip: lines.join('\n'),
    icon,
    contextValue: 'trust',
    collapsible: children?.length ? 'collapsed' : 'none',
    connectionId: context.owner.connectionId,
    deploymentId: context.deploymentId,
    json: redactJson(entry),
    ...(children?.length ? { children } : {}),
    ownerKey: context.owner.key,
  };
}

function accountTrustNode(context: TrustContext, entry: AccountTrust, id: string, resource?: string): TreeNode {
  const accountId = String(entry.account_id ?? 'unknown');
  const scope = scopeOf(context, trustKey(context, id), entry, 'trusts all its deployments');
  const own = context.organizationId !== undefined && accountId === context.organizationId;
  const label = typeof entry.name === 'string' && entry.name ? entry.name : own ? 'This organization' : `Account ${accountId}`;
  const specific = entry.trust_all !== true && Array.isArray(entry.trust_allowlist) && entry.trust_allowlist.length > 0;
  const lines = [
    `**${escapeMarkdown(label)}** — trusted ${own ? 'organization (its own)' : 'account'}`,
    '',
    `- Account ID: ${code(accountId)}`,
    ...scope.lines,
    ...(specific ? [`- ${escapeMarkdown(SPECIFIC_DEPLOYMENTS_NOTE)}`] : []),
    ...(resource ? [`- Resource: ${code(resource)}`] : []),
  ];
  return trustNode(
    context,
    'accountTrust',
    id,
    label,
    [own ? 'own organization' : 'account', scope.text, specific ? 'stricter version policy' : '', resource ?? ''],
    lines,
    { id: 'organization' },
    entry,
    scope.children,
  );
}

function externalTrustNode(context: TrustContext, entry: ExternalTrust, id: string, resource?: string): TreeNode {
  const relationshipId = String(entry.trust_relationship_id ?? 'unknown');
  const scope = scopeOf(context, trustKey(context, id), entry, 'trusts all its clusters');
  const label = typeof entry.name === 'string' && entry.name ? entry.name : relationshipId;
  const lines = [
    `**${escapeMarkdown(label)}** — trusted environment`,
    '',
    `- Trust relationship ID: ${code(relationshipId)}`,
    ...scope.lines,
    ...(resource ? [`- Resource: ${code(resource)}`] : []),
  ];
  return trustNode(
    context,
    'externalTrust',
    id,
    label,
    ['environment', scope.text, resource ?? ''],
    lines,
    { id: 'globe' },
    entry,
    scope.children,
  );
}

function directTrustNode(context: TrustContext, entry: DirectTrust, id: string, resource?: string): TreeNode {
  const certificates = Array.isArray(entry.certificates) ? entry.certificates.filter(isRecord) : [];
  const scope = scopeOf(context, trustKey(context, id), entry, 'trusts all its clusters');
  const label = typeof entry.name === 'string' && entry.name ? entry.name : 'Unnamed direct trust';
  const expired = certificates.filter((certificate) => {
    const validTo = isRecord(certificate.metadata) ? Date.parse(String(certificate.metadata.valid_to)) : NaN;
    return Number.isFinite(validTo) && validTo < context.now;
  }).length;
  const scopeId = typeof entry.scope_id === 'string' && entry.scope_id ? entry.scope_id : undefined;
  const nodeNames = Array.isArray(entry.additional_node_names)
    ? entry.additional_node_names.filter((name): name is string => typeof name === 'string')
    : [];
  const lines = [
    `**${escapeMarkdown(label)}** — directly trusted certificate authority`,
    '',
    ...(typeof entry.type === 'string' ? [`- Type: ${escapeMarkdown(entry.type)}`] : []),
    `- Scope ID: ${scopeId ? code(scopeId) : 'none'}`,
    ...(nodeNames.length ? [`- Additional node names: ${nodeNames.map(code).join(', ')}`] : []),
    ...scope.lines,
    `- Certificates: ${certificates.length}`,
    ...certificates.map((certificate) => {
      const metadata: Record<string, unknown> = isRecord(certificate.metadata) ? certificate.metadata : {};
      const fingerprint = typeof metadata.fingerprint === 'string' ? code(metadata.fingerprint) : 'fingerprint not reported';
      return `  - ${fingerprint}${typeof metadata.valid_to === 'string' ? `, valid until ${escapeMarkdown(metadata.valid_to)}` : ''}`;
    }),
    ...(expired
      ? [
          '',
          `$(warning) ${count(expired, 'certificate')} expired: connections that rely on ${expired === 1 ? 'it' : 'them'} fail the TLS handshake.`,
        ]
      : []),
    ...(resource ? [`- Resource: ${code(resource)}`] : []),
  ];
  const parts = [
    'direct',
    count(certificates.length, 'certificate'),
    scopeId ? `scope ${scopeId}` : '',
    scope.text,
    expired ? `${expired} expired` : '',
    resource ?? '',
  ];
  return trustNode(
    context,
    'directTrust',
    id,
    label,
    parts,
    lines,
    expired ? ICONS.warning : { id: 'verified' },
    entry,
    scope.children,
  );
}

// ---------------------------------------------------------------- ECE platform

export function platformTrustNode(profile: ConnectionProfile, state: LoadState<TrustRelationship[]>): TreeNode {
  const key = platformKey(profile.id);
  const relationships = state.status === 'loaded' ? state.data : state.status === 'loading' ? state.previous : undefined;
  return {
    key,
    kind: 'platformTrust',
    label: 'Platform trust relationships',
    description:
      state.status === 'error' ? 'failed to load' : relationships ? count(relationships.length, 'environment') : undefined,
    tooltip:
      'The environments (other ECE installations, Elastic Cloud organizations) this ECE installation trusts; deployments refer to them in their external trust.',
    icon: state.status === 'error' ? ICONS.error : { id: 'shield' },
    contextValue: 'platformTrust',
    collapsible: 'collapsed',
    connectionId: profile.id,
    json: redactJson(relationships ?? null),
    ownerKey: key,
  };
}

export function platformChildren(profile: ConnectionProfile, relationships: TrustRelationship[]): TreeNode[] {
  const ownerKey = platformKey(profile.id);
  const sorted = relationships
    .filter(isRecord)
    .slice()
    .sort(
      (a, b) => Number(b.local === true) - Number(a.local === true) || compareText(String(a.name ?? ''), String(b.name ?? '')),
    );
  if (sorted.length === 0)
    return [
      noticeNode(
        { key: ownerKey, connectionId: profile.id },
        'empty',
        'No trust relationships',
        'This installation lists no trust relationships.',
      ),
    ];
  return sorted.map((relationship) => {
    const id = String(relationship.id ?? '');
    const name = typeof relationship.name === 'string' && relationship.name ? relationship.name : id;
    const accounts = Array.isArray(relationship.account_ids)
      ? relationship.account_ids.filter((account): account is string => typeof account === 'string')
      : [];
    const lines = [
      `**${escapeMarkdown(name)}** — trust relationship${relationship.local ? ' (this installation)' : ''}`,
      '',
      `- ID: ${code(id)}`,
      ...(relationship.installation_id ? [`- Installation ID: ${code(String(relationship.installation_id))}`] : []),
      `- Trusted by default: ${relationship.trust_by_default ? 'yes' : 'no'}`,
      ...(accounts.length ? [`- Accounts: ${accounts.map(code).join(', ')}`] : []),
      ...(typeof relationship.last_modified === 'string'
        ? [`- Last modified: ${escapeMarkdown(relationship.last_modified)}`]
        : []),
    ];
    return {
      key: `${ownerKey}/${encodeURIComponent(id)}`,
      kind: 'trustRelationship' as const,
      label: name,
      description: relationship.local
        ? 'this installation'
        : relationship.trust_by_default
          ? 'trusted by default'
          : count(accounts.length, 'account'),
      tooltip: lines.join('\n'),
      icon: { id: relationship.local ? 'home' : 'link' },
      // The installation's own relationship cannot be removed, so it gets no Remove action.
      contextValue: relationship.local ? 'trustRelationship.local' : 'trustRelationship',
      collapsible: 'none' as const,
      connectionId: profile.id,
      relationshipId: id,
      json: redactJson(relationship),
      ownerKey,
    };
  });
}

/** The key of the two-way check under an ECE connection's platform trust (reloaded with it). */
export function twoWayTrustKey(connectionId: string): string {
  return `${platformKey(connectionId)}/two-way`;
}

/**
 * One node per other connected ECE environment: whether platform trust goes both ways (seed
 * ece-remote-cluster-other-ece: "Trust must always be bi-directional"), naming the missing direction.
 */
export function twoWayTrustNodes(profile: ConnectionProfile, state: LoadState<TwoWayTrust[]>): TreeNode[] {
  const ownerKey = platformKey(profile.id);
  const key = twoWayTrustKey(profile.id);
  if (state.status === 'idle') return [];
  if (state.status === 'error')
    return [noticeNode({ key, connectionId: profile.id }, 'failed', 'Two-way trust not checked', state.message, ICONS.warning)];
  const results = state.status === 'loaded' ? state.data : state.previous;
  if (!results) return [];
  return results.map((result) => {
    const { ok, text } = describeTwoWay(profile.name, result);
    const missing = !ok && !result.problem;
    const description = result.problem
      ? 'not checked'
      : result.sameInstallation
        ? 'same installation'
        : result.outgoing && result.incoming
          ? 'both directions'
          : result.outgoing
            ? `missing: ${result.other.name} → this`
            : result.incoming
              ? `missing: this → ${result.other.name}`
              : 'missing both directions';
    return {
      key: `${key}/${encodeURIComponent(result.other.id)}`,
      kind: 'twoWayTrust' as const,
      label: `Two-way trust with ${result.other.name}`,
      description,
      tooltip: escapeMarkdown(text),
      icon: ok ? ICONS.connected : ICONS.warning,
      contextValue: missing ? 'twoWayTrust.missing' : 'twoWayTrust',
      collapsible: 'none' as const,
      connectionId: profile.id,
      // The side that lacks the relationship trusts the other from the other's parameters; this side first.
      ...(missing
        ? {
            createTrustArgs: result.outgoing
              ? { connectionId: result.other.id, sourceConnectionId: profile.id }
              : { connectionId: profile.id, sourceConnectionId: result.other.id },
          }
        : {}),
      ownerKey,
    };
  });
}

// ---------------------------------------------------------------- text

/** Escapes text for a Markdown tooltip, so names cannot inject links or formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

function code(text: string): string {
  return `\`${String(text).replace(/`/g, "'")}\``;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The first sentence of an error message, for a one-line label (the tooltip has all of it). */
function firstSentence(message: string): string {
  const line = message.split('\n')[0].trim();
  const end = line.search(/\.\s/);
  const sentence = end > 20 ? line.slice(0, end + 1) : line;
  return sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence;
}
