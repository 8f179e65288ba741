/**
 * The diagnosis engine's vocabulary: what a check is, what it reports, and what it may read. Pure:
 * no VS Code imports. Probes (the local cluster's API, the remote connection's API, the network
 * from this machine) are injected, so every check runs against fakes in unit tests and against the
 * emulator or a real cluster in the editor.
 */
import type { ApiKeyInfo, GetRolesResponse, RemoteClusterInfo, RemoteInfoResponse } from '../api/types/elasticsearch';

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'not-checked';

/** Something the report can offer to do about a failed check; the command glue maps it to a command. */
export type FixAction =
  | { kind: 'openSetting'; alias: string; setting: string }
  | { kind: 'addTrustedEnvironment'; connectionId: string }
  | { kind: 'createApiKey'; alias: string }
  | { kind: 'addRole'; role: 'remote_cluster_client' }
  | { kind: 'explainError'; text: string };

export interface CheckResult {
  status: CheckStatus;
  /** What was seen, one fact per line; never a secret. */
  evidence: string[];
  /** What to do, when the check did not pass. */
  fix?: string;
  action?: FixAction;
}

export type CheckSection = 'local' | 'network' | 'credentials' | 'versions';

export interface Check {
  id: string;
  title: string;
  section: CheckSection;
  run(context: DiagnosisContext): Promise<CheckResult>;
}

/** GET /_resolve/cluster/<alias>:* — one entry per cluster (8.13+). */
export interface ResolvedCluster {
  connected: boolean;
  skip_unavailable: boolean;
  matching_indices?: boolean;
  version?: { number: string };
  error?: string;
}

export interface NodeRoles {
  name: string;
  roles: string[];
}

/** What the diagnosis reads from the local cluster (the one holding the remote-cluster settings). */
export interface LocalClusterProbe {
  info(): Promise<{ clusterName: string; clusterUuid: string; version: string }>;
  remoteInfo(): Promise<RemoteInfoResponse>;
  /** Flat cluster settings, transient over persistent over elasticsearch.yml defaults where visible. */
  remoteSettings(): Promise<Record<string, unknown>>;
  /** The entry for `alias`, or undefined when the answer has none; throws when the API is missing (< 8.13). */
  resolveCluster(alias: string): Promise<ResolvedCluster | undefined>;
  nodes(): Promise<NodeRoles[]>;
  roles(): Promise<GetRolesResponse>;
  /** GET /_ssl/certificates: the node certificates' subject DNs (for strong identity); optional. */
  sslCertificates?(): Promise<Array<{ subject_dn: string; path?: string }>>;
}

/** What the diagnosis reads from the remote cluster, when it is also a configured connection. */
export interface RemoteClusterProbe {
  connectionName: string;
  info(): Promise<{ clusterName: string; version: string }>;
  apiKeys(filter: {
    name?: string;
    id?: string;
  }): Promise<Array<ApiKeyInfo & { access?: unknown; certificate_identity?: string }>>;
}

/** How one address looked from this machine (see network.ts). */
export interface EndpointReport {
  address: string;
  host: string;
  port: number;
  /** Name resolution: the addresses, or the resolver's error. */
  dns: { addresses: string[] } | { error: string };
  /** TCP reach of the port. */
  tcp?: { ok: true } | { ok: false; code: string; message: string };
  /** What answered: TLS, plain HTTP, something else that talks, or nothing before the timeout. */
  speaks?: 'tls' | 'http' | 'other' | 'silent';
  /** HTTP answered over TLS: an HTTPS (REST) port, not a transport or remote-cluster port. */
  httpOverTls?: boolean;
  tls?: TlsFacts;
}

export interface TlsFacts {
  /** SNI sent, when any. */
  serverName?: string;
  /** Which CA the chain was checked against: a file the user named, or the system store. */
  trustedBy: string;
  authorized: boolean;
  /** OpenSSL's verification code, e.g. UNABLE_TO_GET_ISSUER_CERT_LOCALLY, CERT_HAS_EXPIRED. */
  authorizationError?: string;
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  /** The certificate's names checked against the name the client would verify; undefined when not checked. */
  nameError?: string;
  nameChecked?: string;
}

export interface NetworkProbe {
  probe(address: string, options: { serverName?: string; caPem?: string; caLabel?: string }): Promise<EndpointReport>;
}

export interface DiagnosisTarget {
  alias: string;
  localConnectionName: string;
  localConnectionId: string;
  /** The configured connection to the remote cluster, when there is one. */
  remote?: RemoteClusterProbe;
  /** The cross-cluster API key to look for on the remote (id or name); else the extension's metadata finds it. */
  keyHint?: { id?: string; name?: string };
  /** PEM of the CA to check the remote's certificate against (the remote connection's CA file). */
  caPem?: string;
  caLabel?: string;
}

export interface DiagnosisInputs extends DiagnosisTarget {
  local: LocalClusterProbe;
  network: NetworkProbe;
  /** Clock for expiry checks (tests pin it). */
  now?: () => number;
}

/** Shared, memoised facts: checks ask for the same API answer many times, the cluster sees it once. */
export class DiagnosisContext {
  private readonly memo = new Map<string, Promise<unknown>>();
  readonly now: () => number;

  constructor(readonly inputs: DiagnosisInputs) {
    this.now = inputs.now ?? Date.now;
  }

  get alias(): string {
    return this.inputs.alias;
  }

  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      // A rejected load stays rejected for every check that asks: one failure, reported consistently.
      value.catch(() => undefined);
      this.memo.set(key, value);
    }
    return value;
  }

  localInfo() {
    return this.once('local.info', () => this.inputs.local.info());
  }
  remoteInfo() {
    return this.once('local.remoteInfo', () => this.inputs.local.remoteInfo());
  }
  async remoteEntry(): Promise<RemoteClusterInfo | undefined> {
    const info = await this.remoteInfo();
    return Object.prototype.hasOwnProperty.call(info, this.alias) ? info[this.alias] : undefined;
  }
  settings() {
    return this.once('local.settings', () => this.inputs.local.remoteSettings());
  }
  resolved() {
    return this.once('local.resolve', () => this.inputs.local.resolveCluster(this.alias));
  }
  nodes() {
    return this.once('local.nodes', () => this.inputs.local.nodes());
  }
  roles() {
    return this.once('local.roles', () => this.inputs.local.roles());
  }
  remoteClusterInfo() {
    const remote = this.inputs.remote;
    return remote ? this.once('remote.info', () => remote.info()) : Promise.resolve(undefined);
  }

  /** The addresses the local cluster dials for the alias: proxy_address, or the seeds. */
  async addresses(): Promise<{ mode: 'sniff' | 'proxy'; addresses: string[]; serverName?: string }> {
    const entry = await this.remoteEntry().catch(() => undefined);
    const settings = await this.settings().catch(() => ({}) as Record<string, unknown>);
    const setting = (name: string) => settings[`cluster.remote.${this.alias}.${name}`];
    const mode = entry?.mode ?? (String(setting('mode') ?? 'sniff').toLowerCase() === 'proxy' ? 'proxy' : 'sniff');
    const fromSettings = mode === 'proxy' ? listOf(setting('proxy_address')) : listOf(setting('seeds'));
    const fromInfo = entry ? (entry.mode === 'proxy' ? listOf(entry.proxy_address) : listOf(entry.seeds)) : [];
    const serverName = (entry?.mode === 'proxy' ? entry.server_name : undefined) || stringOf(setting('server_name'));
    return { mode, addresses: fromInfo.length ? fromInfo : fromSettings, serverName: serverName || undefined };
  }

  /** Probes each address once (at most three: sniff seeds beyond that add nothing a user can act on). */
  endpoints(): Promise<EndpointReport[]> {
    return this.once('network', async () => {
      const { addresses, serverName } = await this.addresses();
      const options = { serverName, caPem: this.inputs.caPem, caLabel: this.inputs.caLabel };
      return Promise.all(addresses.slice(0, 3).map((address) => this.inputs.network.probe(address, options)));
    });
  }
}

export function listOf(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
