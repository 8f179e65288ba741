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
import type { DeploymentGetResponse, TrustRelationship } from '../api/types/cloud';
import type { ConnectionClients } from '../connections/clients';
import type { ConnectionProfile } from '../connections/profile';
import { describeError } from '../errorText';
import { createLimiter, type Limiter } from './limiter';
import {
  cloudChildren,
  connectionKey,
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
  type LoadState,
  type TreeNode,
} from './nodes';
import { summarizeRemoteClusters } from './remoteClusters';
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
  /** The clock, for certificate expiry (tests). */
  now?: () => number;
}

export const DEFAULT_MAX_PARALLEL_LOADS = 4;

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
          (data) => this.forgetDeletedDeployments(profile.id, data),
        );
        return this.present(node, entry, (data) =>
          data.kind === 'elasticsearch'
            ? elasticsearchChildren(profile, data)
            : cloudChildren(
                profile,
                data,
                (deploymentId) => this.stateOf<DeploymentGetResponse>(deploymentKey(profile.id, deploymentId)),
                this.stateOf<TrustRelationship[]>(platformKey(profile.id)),
              ),
        );
      }
      case 'deployment': {
        const deploymentId = node.deploymentId ?? '';
        const entry = this.entry<DeploymentGetResponse>(node.key, () =>
          this.withClients(profile, (clients) => cloudApi(clients).getDeployment(deploymentId, { showSettings: true })),
        );
        return this.present(node, entry, (data) =>
          deploymentChildren(profile, deploymentId, data, this.knownClusters(profile.id), this.options.now?.() ?? Date.now()),
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
async function loadConnection(clients: ConnectionClients): Promise<ConnectionSnapshot> {
  if (clients.kind !== 'elasticsearch') {
    return { kind: clients.kind, deployments: summarizeDeployments(await cloudApi(clients).listDeployments()) };
  }
  const es = clients.elasticsearch;
  const [info, remoteInfo, settings] = await Promise.allSettled([
    es.info(),
    es.remoteInfo(),
    es.getClusterSettings({ flatSettings: true }),
  ]);
  if (remoteInfo.status === 'rejected') throw remoteInfo.reason;
  return {
    kind: 'elasticsearch',
    ...(info.status === 'fulfilled' ? { info: info.value } : {}),
    remotes: summarizeRemoteClusters(remoteInfo.value, settings.status === 'fulfilled' ? settings.value : undefined),
    ...(settings.status === 'rejected' ? { settingsProblem: describeError(settings.reason) } : {}),
    raw: { remoteInfo: remoteInfo.value, ...(settings.status === 'fulfilled' ? { settings: settings.value } : {}) },
  };
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
