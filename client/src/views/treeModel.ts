/**
 * The data behind the Remote Clusters view. Each connection, deployment and ECE trust-relationship
 * group loads on its own, the first time its children are asked for, through a limiter that bounds
 * how many loads run at once. While a load runs its parent shows a "Loading…" node (or, on a
 * refresh, the previous data); a failed load becomes an error node under that parent only, so a
 * slow or dead endpoint never holds up or breaks the rest of the tree. Pure: no VS Code imports,
 * so node:test drives it against the API emulator; view.ts adapts it to a TreeDataProvider.
 */
import { ApiError } from '../api/errors';
import type { CloudClient } from '../api/cloud';
import type { AccountInfo, DeploymentGetResponse, TrustRelationship } from '../api/types/cloud';
import type { ConnectionClients } from '../connections/clients';
import type { ConnectionProfile } from '../connections/profile';
import { describeError } from '../errorText';
import { createLimiter, type Limiter } from './limiter';
import {
  cloudChildren,
  connectionKey,
  crossClusterKeyNodes,
  loadMoreNode,
  noticeNode,
  summarizeKeys,
  summarizeSearchedDeployments,
  connectionNode,
  deploymentChildren,
  deploymentKey,
  elasticsearchChildren,
  errorNode,
  loadingNode,
  platformChildren,
  platformKey,
  twoWayTrustKey,
  twoWayTrustNodes,
  settingsProblemsNode,
  summarizeDeployments,
  type ConnectionSnapshot,
  type CrossClusterKeySummary,
  type LoadState,
  type TreeNode,
} from './nodes';
import { compareText, summarizeRemoteClusters } from './remoteClusters';
import { readEnvironmentTrust, twoWayTrust, type TwoWayTrust } from '../flows/environmentTrust';

/** Where the connections come from: the ConnectionStore and openClients in the extension, fixtures in tests. */
export interface TreeDataSource {
  profiles(): ConnectionProfile[];
  /** Entries of the connections setting that could not be used. */
  problems(): string[];
  /** API clients for a connection; the model closes them after each load. */
  openClients(profile: ConnectionProfile): Promise<ConnectionClients>;
}

export interface TreeModelOptions {
  /** How many loads may run at once (default 4). */
  maxParallelLoads?: number;
  /** Told when a load starts, e.g. to show progress in the view. */
  onLoadStarted?: () => void;
  /** The clock, for certificate and key expiry (tests). */
  now?: () => number;
  /** Told after an Elasticsearch connection loaded its cross-cluster API keys (expiry warnings). */
  onKeysLoaded?: (profile: ConnectionProfile, keys: CrossClusterKeySummary[]) => void;
}

export const DEFAULT_MAX_PARALLEL_LOADS = 4;

/** How many remotes, deployments or keys one page of the view shows ("Load more…" shows the next). */
export const PAGE_SIZE = 100;

export type SortOrder = 'name' | 'status';

/** Long lists: remotes of a cluster, deployments of an organization, keys of a cluster. */
const LISTED_KINDS = new Set<TreeNode['kind']>(['remoteCluster', 'deployment', 'crossClusterKey']);

interface Entry<T> {
  key: string;
  state: LoadState<T>;
  /** Bumped by every load; a load whose generation is no longer current is discarded. */
  generation: number;
  load: () => Promise<T>;
  /** Runs after a successful load, before the view is told. */
  loaded?: (data: T) => void;
}

export class RemoteClustersTreeModel {
  private readonly entries = new Map<string, Entry<unknown>>();
  /** The profile each connection's entries were loaded with; an edited profile starts afresh. */
  private readonly signatures = new Map<string, string>();
  private readonly pending = new Set<Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private readonly limiter: Limiter;
  private changeScheduled = false;
  private disposed = false;
  private filterText = '';
  private sortOrder: SortOrder = 'name';
  /** Parent key → how many of its listed children are shown (PAGE_SIZE until "Load more…"). */
  private readonly shown = new Map<string, number>();
  /** Cloud / ECE connections whose next page of deployments is being fetched, and failures of that. */
  private readonly fetchingMore = new Set<string>();
  private readonly moreProblems = new Map<string, string>();

  constructor(
    private readonly source: TreeDataSource,
    private readonly options: TreeModelOptions = {},
  ) {
    this.limiter = createLimiter(options.maxParallelLoads ?? DEFAULT_MAX_PARALLEL_LOADS);
  }

  /** Called (at most once per tick) when nodes changed; the view then asks for them again. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** True while a load runs or waits for a slot. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves once no load is running or queued (tests, and the view's progress indicator). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** The children of a node (the connections for the root). Never throws; may start a load. */
  children(node?: TreeNode): TreeNode[] {
    if (this.disposed) return [];
    try {
      return node ? this.childrenOf(node) : this.roots();
    } catch (error) {
      // A response shape the builders did not expect must not empty the whole view.
      const owner = node ?? { key: 'root', connectionId: '' };
      return [errorNode(owner, `This part of the tree could not be shown: ${describeError(error)}`)];
    }
  }

  /**
   * Reloads a node's data (its connection, deployment or trust group) and everything loaded below
   * it; without a node, everything loaded so far. Parts never expanded stay unloaded.
   */
  refresh(node?: TreeNode): void {
    if (this.disposed) return;
    if (!node) {
      this.forgetRemovedConnections();
      for (const entry of this.entries.values()) if (entry.state.status !== 'idle') this.start(entry);
    } else {
      const key = node.ownerKey;
      for (const entry of this.entries.values()) {
        if ((entry.key === key || entry.key.startsWith(`${key}/`)) && entry.state.status !== 'idle') this.start(entry);
      }
    }
    this.changed();
  }

  /** Connections were added, removed or edited: drop what belongs to the old ones and redraw. */
  connectionsChanged(): void {
    if (this.disposed) return;
    this.forgetRemovedConnections();
    this.changed();
  }

  /** Nodes with data loaded so far (for commands run without a tree selection). */
  loadedNodes(): TreeNode[] {
    const result: TreeNode[] = [];
    const walk = (nodes: TreeNode[], depth: number) => {
      for (const node of nodes) {
        result.push(node);
        if (depth > 8 || node.kind === 'loading' || node.kind === 'error') continue;
        const loadable = this.entries.get(node.key);
        if (node.children || (loadable && loadable.state.status !== 'idle')) walk(this.childrenOf(node), depth + 1);
      }
    };
    walk(this.roots(), 0);
    return result;
  }

  /** The text long lists are filtered by (case-insensitive, on label and description); '' shows everything. */
  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    const next = text.trim();
    if (next === this.filterText) return;
    this.filterText = next;
    // A new filter starts from the first page.
    this.shown.clear();
    this.changed();
  }

  get sort(): SortOrder {
    return this.sortOrder;
  }

  setSort(order: SortOrder): void {
    if (order === this.sortOrder) return;
    this.sortOrder = order;
    this.changed();
  }

  /**
   * "Load more…": shows the next page of the node's list; for a Cloud / ECE organization whose
   * loaded deployments are all shown, fetches the next page from the deployments search API.
   */
  showMore(node: TreeNode): void {
    if (this.disposed) return;
    const ownerKey = node.kind === 'loadMore' ? node.ownerKey : node.key;
    const limit = (this.shown.get(ownerKey) ?? PAGE_SIZE) + PAGE_SIZE;
    this.shown.set(ownerKey, limit);
    const entry = this.entries.get(ownerKey) as Entry<ConnectionSnapshot> | undefined;
    const profile = this.profileFor(node.connectionId);
    if (entry?.state.status === 'loaded' && entry.state.data.kind !== 'elasticsearch' && profile) {
      const data = entry.state.data;
      if (data.cursor && (this.filterText !== '' || data.deployments.length < limit)) this.fetchMore(profile, entry, data.cursor);
    }
    this.changed();
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.entries.clear();
  }

  // ------------------------------------------------------------ building

  private roots(): TreeNode[] {
    this.forgetRemovedConnections();
    const problems = this.source.problems();
    const connections = this.source.profiles().map((profile) => {
      const entry = this.entries.get(connectionKey(profile.id)) as Entry<ConnectionSnapshot> | undefined;
      const state = entry && this.signatures.get(profile.id) === signature(profile) ? entry.state : { status: 'idle' as const };
      return connectionNode(profile, state);
    });
    return [...(problems.length ? [settingsProblemsNode(problems)] : []), ...connections];
  }

  private childrenOf(node: TreeNode): TreeNode[] {
    if (node.children) return node.children;
    const profile = this.profileFor(node.connectionId);
    if (!profile) return [];
    switch (node.kind) {
      case 'connection': {
        const entry = this.entry<ConnectionSnapshot>(
          node.key,
          () => this.withClients(profile, (clients) => loadConnection(clients)),
          (data) => {
            this.forgetDeletedDeployments(profile.id, data);
            this.moreProblems.delete(node.key);
            if (data.kind === 'elasticsearch' && data.keys) this.options.onKeysLoaded?.(profile, data.keys);
          },
        );
        return this.present(node, entry, (data) =>
          data.kind === 'elasticsearch'
            ? this.arrange(node, elasticsearchChildren(profile, data, this.now()))
            : this.arrange(
                node,
                cloudChildren(
                  profile,
                  data,
                  (deploymentId) => this.stateOf<DeploymentGetResponse>(deploymentKey(profile.id, deploymentId)),
                  this.stateOf<TrustRelationship[]>(platformKey(profile.id)),
                ),
                data,
              ),
        );
      }
      case 'crossClusterKeys': {
        // The keys come with the connection's load; this group only shows them.
        const state = this.stateOf<ConnectionSnapshot>(connectionKey(profile.id));
        const data = state.status === 'loaded' ? state.data : state.status === 'loading' ? state.previous : undefined;
        if (!data || data.kind !== 'elasticsearch') return [loadingNode(node)];
        return this.arrange(node, crossClusterKeyNodes(profile, data, this.now()));
      }
      case 'deployment': {
        const deploymentId = node.deploymentId ?? '';
        const entry = this.entry<DeploymentGetResponse>(node.key, () =>
          this.withClients(profile, (clients) => cloudApi(clients).getDeployment(deploymentId, { showSettings: true })),
        );
        return this.present(node, entry, (data) =>
          deploymentChildren(
            profile,
            deploymentId,
            data,
            this.knownClusters(profile.id),
            this.now(),
            this.organizationOf(profile.id),
          ),
        );
      }
      case 'platformTrust': {
        const entry = this.entry<TrustRelationship[]>(node.key, () =>
          this.withClients(profile, (clients) => {
            if (clients.kind !== 'ece')
              throw new ApiError(
                'configuration',
                'Trust relationships are an ECE platform setting; this is not an ECE connection.',
              );
            return clients.ece.listTrustRelationships();
          }),
        );
        const others = this.source.profiles().filter((other) => other.kind === 'ece' && other.id !== profile.id);
        const twoWay = others.length
          ? this.entry<TwoWayTrust[]>(twoWayTrustKey(profile.id), () => this.checkTwoWayTrust(profile, others))
          : undefined;
        if (twoWay && twoWay.state.status === 'idle' && entry.state.status !== 'idle') this.start(twoWay);
        return this.present(node, entry, (data) => [
          ...platformChildren(profile, data),
          ...(twoWay ? twoWayTrustNodes(profile, twoWay.state) : []),
        ]);
      }
      default:
        return [];
    }
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * Filters, sorts and pages the long list among a node's children (remotes, deployments, keys);
   * other children (notices, groups) stay on top. `cloud` tells whether the server has more.
   */
  private arrange(owner: TreeNode, nodes: TreeNode[], cloud?: { cursor?: string; total?: number }): TreeNode[] {
    const fixed = nodes.filter((node) => !LISTED_KINDS.has(node.kind));
    const all = nodes.filter((node) => LISTED_KINDS.has(node.kind));
    const filter = this.filterText.toLowerCase();
    let items = filter ? all.filter((node) => `${node.label} ${node.description ?? ''}`.toLowerCase().includes(filter)) : all;
    items = [...items].sort(
      this.sortOrder === 'status'
        ? (a, b) => (a.statusRank ?? 9) - (b.statusRank ?? 9) || compareText(a.label, b.label)
        : (a, b) => compareText(a.label, b.label),
    );
    const limit = this.shown.get(owner.key) ?? PAGE_SIZE;
    const page = items.slice(0, limit);
    const result = [...fixed, ...page];
    if (filter && all.length > 0 && items.length === 0) {
      result.push(
        noticeNode(
          owner,
          'filtered',
          `Nothing here matches "${this.filterText}"`,
          `${all.length} item(s) are hidden by the filter. Run "Clear Filter" to see them.`,
        ),
      );
    }
    const fetching = this.fetchingMore.has(owner.key);
    if (items.length > limit || cloud?.cursor || fetching) {
      const total =
        cloud?.cursor && cloud.total !== undefined
          ? filter
            ? `${items.length} matching of ${cloud.total}`
            : String(cloud.total)
          : cloud?.cursor
            ? `${items.length}+`
            : String(items.length);
      const more = loadMoreNode(owner, page.length, total);
      const problem = this.moreProblems.get(owner.key);
      if (fetching) result.push({ ...more, label: 'Loading more…', icon: { id: 'loading~spin' } });
      else if (problem) result.push({ ...more, description: `failed: ${problem}`, tooltip: `${problem}\n\nClick to try again.` });
      else result.push(more);
    }
    return result;
  }

  /** Appends the next page of a Cloud / ECE organization's deployments to its loaded list. */
  private fetchMore(profile: ConnectionProfile, entry: Entry<ConnectionSnapshot>, cursor: string): void {
    if (this.fetchingMore.has(entry.key)) return;
    this.fetchingMore.add(entry.key);
    this.moreProblems.delete(entry.key);
    const generation = entry.generation;
    const current = () => !this.disposed && this.entries.get(entry.key) === entry && entry.generation === generation;
    const work = this.limiter
      .run(() =>
        this.withClients(profile, async (clients) => {
          const answer = await cloudApi(clients).searchDeployments({ size: PAGE_SIZE, cursor });
          return { deployments: summarizeSearchedDeployments(answer), cursor: answer.cursor, total: answer.match_count };
        }),
      )
      .then(
        (page) => {
          if (!current() || entry.state.status !== 'loaded' || entry.state.data.kind === 'elasticsearch') return;
          const data = entry.state.data;
          const known = new Set(data.deployments.map((deployment) => deployment.id));
          const deployments = [...data.deployments, ...page.deployments.filter((deployment) => !known.has(deployment.id))].sort(
            (a, b) => compareText(a.name, b.name) || compareText(a.id, b.id),
          );
          entry.state = {
            status: 'loaded',
            data: { kind: data.kind, deployments, cursor: page.cursor, total: page.total ?? data.total },
          };
        },
        (error: unknown) => {
          if (current()) this.moreProblems.set(entry.key, describeError(error));
        },
      )
      .finally(() => {
        this.fetchingMore.delete(entry.key);
        this.pending.delete(work);
        this.changed();
      });
    this.pending.add(work);
    this.options.onLoadStarted?.();
  }

  /** Reads this environment's platform trust and every other connected ECE environment's, and compares them pairwise. */
  private async checkTwoWayTrust(profile: ConnectionProfile, others: ConnectionProfile[]): Promise<TwoWayTrust[]> {
    const read = (target: ConnectionProfile) =>
      this.withClients(target, (clients) => {
        if (clients.kind !== 'ece') throw new ApiError('configuration', `"${target.name}" is not an ECE connection.`);
        return readEnvironmentTrust(clients.ece, target);
      });
    const self = await read(profile);
    const results: TwoWayTrust[] = [];
    for (const other of others) {
      try {
        results.push(twoWayTrust(self, await read(other)));
      } catch (error) {
        results.push({ other, problem: describeError(error) });
      }
    }
    return results;
  }

  /** The children for an entry's state; starts the first load. */
  private present<T>(owner: TreeNode, entry: Entry<T>, build: (data: T) => TreeNode[]): TreeNode[] {
    if (entry.state.status === 'idle') this.start(entry);
    const state = entry.state;
    if (state.status === 'loaded') return build(state.data);
    if (state.status === 'error') return [errorNode(owner, state.message)];
    if (state.status === 'loading' && state.previous !== undefined) return build(state.previous);
    return [loadingNode(owner)];
  }

  /** The organization of an Elastic Cloud connection, from its snapshot (undefined until loaded or when unreadable). */
  private organizationOf(connectionId: string): string | undefined {
    const state = this.stateOf<ConnectionSnapshot>(connectionKey(connectionId));
    const data = state.status === 'loaded' ? state.data : state.status === 'loading' ? state.previous : undefined;
    return data && data.kind !== 'elasticsearch' ? data.organization?.id : undefined;
  }

  /** Cluster ID → deployment name, from the connection's deployment list. */
  private knownClusters(connectionId: string): Map<string, string> {
    const state = this.stateOf<ConnectionSnapshot>(connectionKey(connectionId));
    const data = state.status === 'loaded' ? state.data : state.status === 'loading' ? state.previous : undefined;
    const known = new Map<string, string>();
    if (data && data.kind !== 'elasticsearch')
      for (const deployment of data.deployments) if (deployment.clusterId) known.set(deployment.clusterId, deployment.name);
    return known;
  }

  // ------------------------------------------------------------ loading

  private entry<T>(key: string, load: () => Promise<T>, loaded?: (data: T) => void): Entry<T> {
    let entry = this.entries.get(key) as Entry<T> | undefined;
    if (!entry) {
      entry = { key, state: { status: 'idle' }, generation: 0, load, loaded };
      this.entries.set(key, entry as Entry<unknown>);
    }
    return entry;
  }

  private stateOf<T>(key: string): LoadState<T> {
    return (this.entries.get(key)?.state as LoadState<T> | undefined) ?? { status: 'idle' };
  }

  private start<T>(entry: Entry<T>): void {
    const generation = ++entry.generation;
    const previous =
      entry.state.status === 'loaded' ? entry.state.data : entry.state.status === 'loading' ? entry.state.previous : undefined;
    entry.state = { status: 'loading', ...(previous !== undefined ? { previous } : {}) };
    const current = () => !this.disposed && this.entries.get(entry.key) === entry && entry.generation === generation;
    const work = this.limiter
      .run(async () => (current() ? { data: await entry.load() } : undefined))
      .then(
        (result) => {
          if (result && current()) {
            entry.state = { status: 'loaded', data: result.data };
            entry.loaded?.(result.data);
          }
        },
        (error: unknown) => {
          if (current()) entry.state = { status: 'error', message: describeError(error) };
        },
      )
      .finally(() => {
        this.pending.delete(work);
        this.changed();
      });
    this.pending.add(work);
    this.options.onLoadStarted?.();
  }

  private async withClients<T>(profile: ConnectionProfile, work: (clients: ConnectionClients) => Promise<T>): Promise<T> {
    const clients = await this.source.openClients(profile);
    try {
      return await work(clients);
    } finally {
      await clients.close().catch(() => undefined);
    }
  }

  private profileFor(connectionId: string): ConnectionProfile | undefined {
    const profile = this.source.profiles().find((candidate) => candidate.id === connectionId);
    if (profile && this.signatures.get(profile.id) !== signature(profile)) {
      this.forgetConnection(profile.id);
      this.signatures.set(profile.id, signature(profile));
    }
    return profile;
  }

  /** Drops what was loaded for connections that were removed or edited since. */
  private forgetRemovedConnections(): void {
    const current = new Map(this.source.profiles().map((profile) => [profile.id, signature(profile)]));
    for (const [id, loadedWith] of this.signatures) {
      if (current.get(id) !== loadedWith) {
        this.forgetConnection(id);
        this.signatures.delete(id);
      }
    }
  }

  private forgetConnection(connectionId: string): void {
    const prefix = connectionKey(connectionId);
    for (const key of [...this.entries.keys()]) if (key === prefix || key.startsWith(`${prefix}/`)) this.entries.delete(key);
  }

  /** Details of deployments that are gone would only be reloaded into 404s. */
  private forgetDeletedDeployments(connectionId: string, data: ConnectionSnapshot): void {
    if (data.kind === 'elasticsearch') return;
    const keep = new Set(data.deployments.map((deployment) => deploymentKey(connectionId, deployment.id)));
    const prefix = `${connectionKey(connectionId)}/d/`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix) && !keep.has(key)) this.entries.delete(key);
  }

  private changed(): void {
    if (this.changeScheduled || this.disposed) return;
    this.changeScheduled = true;
    queueMicrotask(() => {
      this.changeScheduled = false;
      for (const listener of [...this.listeners]) listener();
    });
  }
}

/** GET _remote/info is what the node needs; the rest adds detail and may fail on its own. */
function organizationOfAccount(account: AccountInfo | undefined): { organization?: { id: string; trustAll?: boolean } } {
  if (!account) return {};
  return { organization: { id: account.id, ...(account.trust ? { trustAll: account.trust.trust_all === true } : {}) } };
}

async function loadConnection(clients: ConnectionClients): Promise<ConnectionSnapshot> {
  if (clients.kind !== 'elasticsearch') {
    const cloud = cloudApi(clients);
    // The organization (and its trust default) only adds detail on Elastic Cloud; a failure leaves it out.
    const accountRead = clients.kind === 'cloud' ? cloud.getAccount().catch(() => undefined) : Promise.resolve(undefined);
    let first;
    try {
      first = await cloud.searchDeployments({ size: PAGE_SIZE });
    } catch (error) {
      // An installation without the search endpoint still lists all its deployments at once.
      if (!(error instanceof ApiError) || ![400, 404, 405].includes(error.status ?? 0)) throw error;
      return {
        kind: clients.kind,
        deployments: summarizeDeployments(await cloud.listDeployments()),
        ...organizationOfAccount(await accountRead),
      };
    }
    return {
      kind: clients.kind,
      deployments: summarizeSearchedDeployments(first),
      ...(first.cursor ? { cursor: first.cursor } : {}),
      ...(first.match_count !== undefined ? { total: first.match_count } : {}),
      ...organizationOfAccount(await accountRead),
    };
  }
  const es = clients.elasticsearch;
  const [info, remoteInfo, settings, keys] = await Promise.allSettled([
    es.info(),
    es.remoteInfo(),
    es.getClusterSettings({ flatSettings: true }),
    es.getApiKeys({}),
  ]);
  if (remoteInfo.status === 'rejected') throw remoteInfo.reason;
  return {
    kind: 'elasticsearch',
    ...(info.status === 'fulfilled' ? { info: info.value } : {}),
    remotes: summarizeRemoteClusters(remoteInfo.value, settings.status === 'fulfilled' ? settings.value : undefined),
    ...(settings.status === 'rejected' ? { settingsProblem: describeError(settings.reason) } : {}),
    ...keysOf(keys),
    raw: { remoteInfo: remoteInfo.value, ...(settings.status === 'fulfilled' ? { settings: settings.value } : {}) },
  };
}

/**
 * The cross-cluster keys for the snapshot. A cluster that issued none gets no keys group, and
 * neither does a connection whose user may not list keys (401/403): that is a choice of its
 * administrator, not a fault to show on every refresh.
 */
function keysOf(answer: PromiseSettledResult<{ api_keys: Parameters<typeof summarizeKeys>[0] }>): {
  keys?: CrossClusterKeySummary[];
  keysProblem?: string;
} {
  if (answer.status === 'fulfilled') {
    const keys = summarizeKeys(answer.value.api_keys);
    return keys.length ? { keys } : {};
  }
  const error = answer.reason;
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return {};
  return { keysProblem: describeError(error) };
}

function cloudApi(clients: ConnectionClients): CloudClient {
  if (clients.kind === 'cloud') return clients.cloud;
  if (clients.kind === 'ece') return clients.ece;
  throw new ApiError(
    'configuration',
    'Deployments are listed through an Elastic Cloud or ECE connection, not an Elasticsearch one.',
  );
}

function signature(profile: ConnectionProfile): string {
  return JSON.stringify(profile, Object.keys(profile).sort());
}
