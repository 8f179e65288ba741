/**
 * The emulator's world: Elasticsearch clusters (users, roles, API keys, cluster settings, keystore),
 * and an Elastic Cloud / ECE control plane (deployments with trust, remote-cluster lists, trust
 * relationships). Tests read and change it directly, e.g. `state.cluster('b').keystoreAdd(...)` to
 * play `elasticsearch-keystore add`.
 *
 * Remote connections are not made over sockets: `remoteStatus` decides from the configuration
 * whether a real cluster would connect, following the rules in
 * ../../../shared/reference/remote-cluster-settings.md and validation-rules.md (section D).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CrossClusterAccess, RoleDescriptor } from '../../client/src/api/types/elasticsearch';
import type { TrustSettings } from '../../client/src/api/types/cloud';
import { TLS_FIXTURES } from './tls';

export interface UserSpec {
  username: string;
  password: string;
  roles: string[];
}

/** A REST API key that exists from the start (authenticates as `ApiKey base64(id:key)`). */
export interface RestApiKeySpec {
  id: string;
  key: string;
  name?: string;
  /** Role names whose privileges the key carries. */
  roles: string[];
  owner?: string;
}

export interface ClusterSpec {
  name: string;
  /** Elasticsearch version reported by GET /; default 8.15.0. */
  version?: string;
  uuid?: string;
  /** xpack.security.enabled; default true. Without security every request is allowed. */
  security?: boolean;
  /** Default: `elastic` / `changeme` with the superuser role. */
  users?: UserSpec[];
  roles?: Record<string, RoleDescriptor>;
  apiKeys?: RestApiKeySpec[];
  /** Virtual transport address other clusters reach for the certificate model; default `<name>.emulated.local:9300`. */
  transportAddress?: string;
  /** remote_cluster_server.enabled (API-key model); default enabled at `<host>:9443`. */
  remoteClusterServer?: boolean | { address?: string };
  /** Clusters whose transport certificates this one trusts (certificate model). Default 'all'. */
  trustsCertificatesOf?: 'all' | string[];
  /** Keystore entries present (and loaded) from the start. */
  keystore?: Record<string, string>;
  /**
   * Reached through an ECE proxy whose certificate comes from a private CA (seed 001, "The CA is
   * private"): a Cloud / ECE deployment connects to it only when its trust has a `direct` entry of
   * type `proxy` holding that CA (the root of the emulated ECE proxy chain, cloud.ts proxyChain()).
   */
  privateProxyCa?: string;
  /** Port for this cluster's HTTP server; default 0 (any free port). */
  port?: number;
}

export interface DeploymentSpec {
  id?: string;
  name: string;
  /** Name of the ClusterSpec that is this deployment's Elasticsearch resource. */
  cluster: string;
  refId?: string;
  region?: string;
  alias?: string;
  /** Elasticsearch cluster ID (what trust allowlists hold); random 32-hex by default. */
  clusterId?: string;
  /** Default: trust every deployment of the same account, as new Cloud deployments do. */
  trust?: TrustSettings;
  /** The proxy's port for the certificate model (`metadata.ports.transport_passthrough`); default 9400. */
  transportPassthroughPort?: number;
}

export interface TrustRelationshipSpec {
  id?: string;
  name: string;
  publicCaCert: string;
  trustByDefault?: boolean;
  accountIds?: string[];
  installationId?: string;
}

export interface TrafficFilterRulesetSpec {
  id: string;
  name: string;
  /** e.g. `ip`, `vpce`, `remote_cluster` (the description leaves the values open). */
  type: string;
  region?: string;
  rules: Array<{ source?: string; remote_cluster_org_id?: string; remote_cluster_id?: string; description?: string }>;
  deploymentIds: string[];
}

export interface CloudSpec {
  /** 'ech' (Elastic Cloud Hosted API) or 'ece' (adds basic auth and region-scoped platform endpoints). */
  flavor?: 'ech' | 'ece';
  /** Organization / ECE API keys accepted as `Authorization: ApiKey <key>`. */
  apiKeys?: string[];
  /** ECE only: basic-auth users (e.g. admin). */
  users?: Array<{ username: string; password: string }>;
  accountId?: string;
  /** The organization's "Trust all deployments" default (AccountTrustSettings.trust_all); default true. */
  organizationTrustAll?: boolean;
  /** Default region for deployments; ECE default 'ece-region', ECH 'gcp-us-central1'. */
  region?: string;
  deployments?: DeploymentSpec[];
  trustRelationships?: TrustRelationshipSpec[];
  /**
   * Traffic filter rulesets (ECH "network security policies", ECE "IP filters"), each with the
   * deployments it is associated with (TrafficFilterRulesetInfo of the API description).
   */
  trafficFilterRulesets?: TrafficFilterRulesetSpec[];
  /** ECE: the CA certificate (PEM) of this installation, shown in its local trust relationship; default the test CA. */
  localCaCert?: string;
  port?: number;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  type: 'rest' | 'cross_cluster';
  /** The secret half. Never leaves the emulator except in the create response. */
  secret: string;
  owner: string;
  roles: string[];
  access?: CrossClusterAccess;
  metadata: Record<string, unknown>;
  certificateIdentity?: string;
  created: number;
  expiration?: number;
  invalidated: boolean;
}

export interface DeploymentRecord {
  id: string;
  name: string;
  alias?: string;
  refId: string;
  region: string;
  clusterId: string;
  /** The cluster this deployment's Elasticsearch resource is. */
  cluster: EmulatedCluster;
  trust: TrustSettings;
  /** The proxy's certificate-model port, reported as `metadata.ports.transport_passthrough`. */
  transportPassthroughPort: number;
  /** The certificate-model remotes set through the remote-clusters API. */
  remoteClusters: Array<{ deployment_id: string; elasticsearch_ref_id: string; alias: string; skip_unavailable?: boolean }>;
  /** Bumped on every update; sent as `x-cloud-resource-version`, and PUT ?version= must match it. */
  version: number;
  lastModified: string;
  /** The current plan, with the `transient` section of the change that produced it. */
  plan: Record<string, unknown>;
  /** A plan change still being applied (`plan_info.pending`); tests set it. */
  pendingPlan?: Record<string, unknown>;
  /** Every plan sent with PUT /deployments/{id}, as received (tests check what was re-sent). */
  receivedPlans: Array<Record<string, unknown>>;
}

export interface TrustRelationshipRecord {
  id: string;
  name: string;
  trust_by_default: boolean;
  account_ids: string[];
  public_ca_cert: string;
  local: boolean;
  installation_id?: string;
  last_modified: string;
  /** Bumped on every update; sent as `x-cloud-resource-version`, and DELETE ?version= must match it. */
  version: number;
}

export interface RecordedRequest {
  server: string;
  method: string;
  path: string;
  /** 0 when the emulator reset the connection instead of answering. */
  status: number;
  /** The scheme only: requests are recorded without credentials. */
  auth: 'ApiKey' | 'Basic' | 'Bearer' | 'none' | 'other';
}

export const SUPERUSER_ROLE: RoleDescriptor = {
  cluster: ['all'],
  indices: [{ names: ['*'], privileges: ['all'], allow_restricted_indices: true }],
  run_as: ['*'],
};

export function randomHex(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** URL-safe random text, the alphabet Elasticsearch uses for API key IDs and secrets. */
export function randomToken(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

export class EmulatedCluster {
  readonly name: string;
  readonly uuid: string;
  readonly version: string;
  readonly nodeId = randomToken(22);
  readonly nodeName: string;
  readonly securityEnabled: boolean;
  transportAddress: string;
  remoteClusterServer: { enabled: boolean; address: string };
  /** Set for clusters behind the Cloud proxy: proxy mode and this server_name are required to reach them. */
  requiredServerName?: string;
  trustsCertificatesOf: 'all' | Set<string>;
  readonly users = new Map<string, UserSpec>();
  readonly roles = new Map<string, RoleDescriptor>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  /** Flat keys; values as Elasticsearch stores them (strings or lists of strings). */
  persistent: Record<string, string | string[]> = {};
  transient: Record<string, string | string[]> = {};
  /**
   * elasticsearch.yml of every node (flat keys); on a deployment, its user settings
   * (`plan.elasticsearch.user_settings_yaml`). The cluster settings API overrides them.
   */
  nodeSettings: Record<string, string | string[]> = {};
  /** See ClusterSpec.privateProxyCa: the PEM of the private CA in front of this cluster. */
  privateProxyCa?: string;
  /** The keystore file on disk, and what the nodes have loaded (reload_secure_settings copies one to the other). */
  readonly keystoreOnDisk = new Map<string, string>();
  keystoreLoaded = new Map<string, string>();
  /** Cross-cluster replication: follower indices and auto-follow patterns (no documents are copied). */
  readonly followers = new Map<string, { leaderIndex: string; remoteCluster: string; status: 'active' | 'paused' }>();
  readonly autoFollowPatterns = new Map<string, { remoteCluster: string; active: boolean; leaderIndexPatterns: string[] }>();
  deployment?: DeploymentRecord;
  url?: string;
  /**
   * Outcome of the last connection attempt per alias, and the configuration it was made with.
   * Elasticsearch attempts a connection when an alias's settings or loaded credentials change, and
   * otherwise only when a cross-cluster request (search, resolve cluster) needs it.
   */
  readonly connections = new Map<string, { configuration: string; connected: boolean }>();

  constructor(spec: ClusterSpec) {
    this.name = spec.name;
    this.uuid = spec.uuid ?? randomToken(22);
    this.version = spec.version ?? '8.15.0';
    this.nodeName = `${spec.name}-node-0`;
    this.securityEnabled = spec.security ?? true;
    const host = `${spec.name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.emulated.local`;
    this.transportAddress = spec.transportAddress ?? `${host}:9300`;
    const rcs = spec.remoteClusterServer ?? true;
    this.remoteClusterServer = {
      enabled: rcs !== false,
      address: (typeof rcs === 'object' ? rcs.address : undefined) ?? `${this.transportAddress.replace(/:\d+$/, '')}:9443`,
    };
    this.privateProxyCa = spec.privateProxyCa;
    this.trustsCertificatesOf =
      !spec.trustsCertificatesOf || spec.trustsCertificatesOf === 'all' ? 'all' : new Set(spec.trustsCertificatesOf);
    for (const user of spec.users ?? [{ username: 'elastic', password: 'changeme', roles: ['superuser'] }])
      this.users.set(user.username, user);
    for (const [name, role] of Object.entries(spec.roles ?? {})) this.roles.set(name, role);
    for (const key of spec.apiKeys ?? []) {
      this.apiKeys.set(key.id, {
        id: key.id,
        name: key.name ?? key.id,
        type: 'rest',
        secret: key.key,
        owner: key.owner ?? 'elastic',
        roles: key.roles,
        metadata: {},
        created: Date.now(),
        invalidated: false,
      });
    }
    for (const [name, value] of Object.entries(spec.keystore ?? {})) this.keystoreOnDisk.set(name, value);
    this.keystoreLoaded = new Map(this.keystoreOnDisk);
  }

  /** `elasticsearch-keystore add`: changes the file; nodes see it after reload_secure_settings. */
  keystoreAdd(name: string, value: string): void {
    this.keystoreOnDisk.set(name, value);
  }

  keystoreRemove(name: string): void {
    this.keystoreOnDisk.delete(name);
  }

  reloadKeystore(): string[] {
    this.keystoreLoaded = new Map(this.keystoreOnDisk);
    return [...this.keystoreLoaded.keys()].sort();
  }

  /** Transient wins over persistent, as in Elasticsearch. */
  effectiveSettings(): Record<string, string | string[]> {
    return { ...this.nodeSettings, ...this.persistent, ...this.transient };
  }

  /** Aliases with any `cluster.remote.<alias>.*` setting. */
  remoteAliases(): string[] {
    const aliases = new Set<string>();
    for (const key of Object.keys(this.effectiveSettings())) {
      const match = /^cluster\.remote\.([^.]+)\.(.+)$/.exec(key);
      if (match && !['node', 'initial_connect_timeout', 'connections_per_cluster', 'signing'].includes(match[1]))
        aliases.add(match[1]);
    }
    return [...aliases].sort();
  }

  /** Issues a new API key and returns it; `encoded` is base64(id:secret). */
  issueApiKey(input: Omit<ApiKeyRecord, 'id' | 'secret' | 'created' | 'invalidated'>): ApiKeyRecord & { encoded: string } {
    const record: ApiKeyRecord = {
      ...input,
      id: randomToken(20),
      secret: randomToken(22),
      created: Date.now(),
      invalidated: false,
    };
    this.apiKeys.set(record.id, record);
    return { ...record, encoded: Buffer.from(`${record.id}:${record.secret}`).toString('base64') };
  }
}

export interface RemoteStatus {
  alias: string;
  mode: 'sniff' | 'proxy';
  /** False when the alias has no seeds / proxy_address: Elasticsearch does not register it. */
  enabled: boolean;
  connected: boolean;
  usesApiKey: boolean;
  /** Why it does not connect (for tests and manual debugging); undefined when connected. */
  problem?: string;
  remote?: EmulatedCluster;
}

export class EmulatorState {
  readonly clusters = new Map<string, EmulatedCluster>();
  readonly requests: RecordedRequest[] = [];
  readonly cloud: {
    flavor: 'ech' | 'ece';
    apiKeys: Set<string>;
    users: Map<string, string>;
    accountId: string;
    organizationTrustAll: boolean;
    installationId: string;
    region: string;
    deployments: Map<string, DeploymentRecord>;
    trustRelationships: Map<string, TrustRelationshipRecord>;
    trafficFilterRulesets: TrafficFilterRulesetSpec[];
  };

  constructor(clusters: ClusterSpec[], cloud: CloudSpec | undefined) {
    for (const spec of clusters) {
      if (this.clusters.has(spec.name)) throw new Error(`duplicate emulated cluster name "${spec.name}"`);
      this.clusters.set(spec.name, new EmulatedCluster(spec));
    }
    const flavor = cloud?.flavor ?? 'ech';
    this.cloud = {
      flavor,
      apiKeys: new Set(cloud?.apiKeys ?? []),
      users: new Map((cloud?.users ?? []).map((user) => [user.username, user.password])),
      accountId: cloud?.accountId ?? randomHex(),
      organizationTrustAll: cloud?.organizationTrustAll ?? true,
      installationId: randomHex(),
      region: cloud?.region ?? (flavor === 'ece' ? 'ece-region' : 'gcp-us-central1'),
      deployments: new Map(),
      trustRelationships: new Map(),
      trafficFilterRulesets: cloud?.trafficFilterRulesets ?? [],
    };
    for (const spec of cloud?.deployments ?? []) this.addDeployment(spec);
    if (flavor === 'ece') {
      // Every ECE installation lists itself as the local trust relationship.
      this.addTrustRelationship(
        {
          id: this.cloud.installationId,
          name: 'Local environment',
          publicCaCert: cloud?.localCaCert ?? readFileSync(TLS_FIXTURES.caFile, 'utf8'),
          trustByDefault: true,
          installationId: this.cloud.installationId,
        },
        true,
      );
    }
    for (const spec of cloud?.trustRelationships ?? []) this.addTrustRelationship(spec, false);
  }

  cluster(name: string): EmulatedCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) throw new Error(`no emulated cluster "${name}"`);
    return cluster;
  }

  addDeployment(spec: DeploymentSpec): DeploymentRecord {
    const cluster = this.cluster(spec.cluster);
    if (cluster.deployment) throw new Error(`cluster "${spec.cluster}" already belongs to deployment ${cluster.deployment.id}`);
    const region = spec.region ?? this.cloud.region;
    const clusterId = spec.clusterId ?? randomHex();
    const record: DeploymentRecord = {
      id: spec.id ?? randomHex(),
      name: spec.name,
      alias: spec.alias,
      refId: spec.refId ?? 'main-elasticsearch',
      region,
      clusterId,
      cluster,
      trust: spec.trust ?? { accounts: [{ account_id: this.cloud.accountId, trust_all: true }] },
      transportPassthroughPort: spec.transportPassthroughPort ?? 9400,
      remoteClusters: [],
      version: 1,
      lastModified: new Date().toISOString(),
      plan: {
        cluster_topology: [
          {
            id: 'hot_content',
            zone_count: 1,
            instance_configuration_id: 'emulated.es.datahot',
            size: { value: 4096, resource: 'memory' },
          },
        ],
        elasticsearch: { version: cluster.version },
        // How the last plan was applied; GET returns it unless asked for clear_transient.
        transient: { strategy: { rolling: { group_by: '__all__' } }, plan_configuration: { reallocate_instances: false } },
      },
      receivedPlans: [],
    };
    // Cloud clusters are reached through the proxy: <endpoint>:9400 (certificates, or the configured port) / :9443 (API keys), SNI = endpoint.
    const endpoint = `${clusterId}.${region}.emulated-cloud.local`;
    cluster.transportAddress = `${endpoint}:${record.transportPassthroughPort}`;
    cluster.remoteClusterServer = { enabled: true, address: `${endpoint}:9443` };
    cluster.requiredServerName = endpoint;
    cluster.deployment = record;
    this.cloud.deployments.set(record.id, record);
    return record;
  }

  addTrustRelationship(spec: TrustRelationshipSpec, local: boolean): TrustRelationshipRecord {
    const record: TrustRelationshipRecord = {
      id: spec.id ?? randomHex(),
      name: spec.name,
      trust_by_default: spec.trustByDefault ?? false,
      account_ids: spec.accountIds ?? [],
      public_ca_cert: spec.publicCaCert,
      local,
      installation_id: spec.installationId,
      last_modified: new Date().toISOString(),
      version: 1,
    };
    this.cloud.trustRelationships.set(record.id, record);
    return record;
  }

  endpointOf(cluster: EmulatedCluster): string | undefined {
    return cluster.requiredServerName;
  }

  /** Does `truster` accept certificate-model connections from `trusted`? */
  trusts(truster: EmulatedCluster, trusted: EmulatedCluster): boolean {
    if (truster === trusted) return true;
    const trust = truster.deployment?.trust;
    const otherDeployment = trusted.deployment;
    if (trust) {
      if (!otherDeployment) return false;
      const allowed = (entry: { trust_all: boolean; trust_allowlist?: string[] }) =>
        entry.trust_all || (entry.trust_allowlist ?? []).includes(otherDeployment.clusterId);
      // All emulated deployments live in this one account / environment.
      if ((trust.accounts ?? []).some((entry) => entry.account_id === this.cloud.accountId && allowed(entry))) return true;
      return (trust.external ?? []).some((entry) => entry.trust_relationship_id === this.cloud.installationId && allowed(entry));
    }
    return truster.trustsCertificatesOf === 'all' || truster.trustsCertificatesOf.has(trusted.name);
  }

  /**
   * What `_remote/info` reports: the outcome of the last attempt. A changed configuration (settings
   * or loaded credentials, including at start-up) makes a new attempt, as Elasticsearch does; a fix
   * on the other side (trust, a new key, the remote cluster server) does not. A connection that
   * would no longer work counts as dropped, and stays down until something triggers an attempt.
   */
  reportedConnection(local: EmulatedCluster, alias: string): RemoteStatus {
    const last = local.connections.get(alias);
    if (!last || last.configuration !== connectionConfiguration(local, alias)) return this.attemptConnection(local, alias);
    const status = this.remoteStatus(local, alias);
    if (last.connected && !status.connected) last.connected = false;
    return last.connected
      ? status
      : {
          ...status,
          connected: false,
          problem: status.problem ?? 'the last connection attempt failed and nothing triggered a new one',
        };
  }

  /** A cross-cluster request or resolve cluster naming `alias`: Elasticsearch tries to connect now. */
  attemptConnection(local: EmulatedCluster, alias: string): RemoteStatus {
    const status = this.remoteStatus(local, alias);
    local.connections.set(alias, { configuration: connectionConfiguration(local, alias), connected: status.connected });
    return status;
  }

  /** Would `local` connect to the remote configured under `alias` if it tried now? */
  remoteStatus(local: EmulatedCluster, alias: string): RemoteStatus {
    const settings = local.effectiveSettings();
    const get = (suffix: string) => settings[`cluster.remote.${alias}.${suffix}`];
    const mode = String(get('mode') ?? 'sniff').toLowerCase() === 'proxy' ? 'proxy' : 'sniff';
    const addresses =
      mode === 'proxy'
        ? [get('proxy_address')].filter((a): a is string => typeof a === 'string' && a !== '')
        : toList(get('seeds'));
    const credentials = local.keystoreLoaded.get(`cluster.remote.${alias}.credentials`);
    const base = { alias, mode, usesApiKey: credentials !== undefined } as const;
    if (addresses.length === 0)
      return { ...base, enabled: false, connected: false, problem: mode === 'proxy' ? 'no proxy_address' : 'no seeds' };
    const fail = (problem: string, remote?: EmulatedCluster): RemoteStatus => ({
      ...base,
      enabled: true,
      connected: false,
      problem,
      remote,
    });

    const targets = addresses.map((address) => ({ address, remote: this.clusterAt(address) }));
    const hit = targets.find((target) => target.remote);
    if (!hit?.remote) return fail(`no emulated cluster listens on ${addresses.join(', ')}`);
    const remote = hit.remote;
    const address = normalizeAddress(hit.address);
    if (remote === local) return fail('the address is this cluster itself');

    if (remote.requiredServerName) {
      if (mode !== 'proxy') return fail('Cloud clusters are only reachable in proxy mode', remote);
      const serverName = get('server_name');
      if (serverName !== remote.requiredServerName) return fail(`server_name must be ${remote.requiredServerName}`, remote);
    }

    if (credentials !== undefined) {
      if (address !== normalizeAddress(remote.remoteClusterServer.address)) {
        return fail(
          `API-key credentials are set, so the address must be the remote cluster server ${remote.remoteClusterServer.address}, not ${hit.address}`,
          remote,
        );
      }
      if (!remote.remoteClusterServer.enabled) return fail('the remote cluster server is not enabled on the remote', remote);
      if (remote.privateProxyCa && local.deployment) {
        const wanted = remote.privateProxyCa.trim();
        const trusted = (local.deployment.trust.direct ?? []).some(
          (entry) => entry.type === 'proxy' && entry.certificates.some((certificate) => certificate.pem.trim() === wanted),
        );
        if (!trusted)
          return fail(
            `the certificate of ${remote.name}'s proxy is issued by a private CA that deployment ${local.deployment.name} does not trust`,
            remote,
          );
      }
      const key = decodeEncodedKey(credentials);
      const record = key ? remote.apiKeys.get(key.id) : undefined;
      if (!record || record.secret !== key?.secret) return fail('the credentials are not a key of the remote cluster', remote);
      if (record.type !== 'cross_cluster') return fail('the credentials are a REST API key, not a cross-cluster API key', remote);
      if (record.invalidated) return fail('the cross-cluster API key was invalidated', remote);
      if (record.expiration !== undefined && record.expiration <= Date.now())
        return fail('the cross-cluster API key has expired', remote);
      if (record.certificateIdentity !== undefined) {
        const problem = this.signingProblem(local, alias, remote, record.certificateIdentity);
        if (problem) return fail(problem, remote);
      }
      return { ...base, enabled: true, connected: true, remote };
    }

    if (address !== normalizeAddress(remote.transportAddress)) {
      return fail(
        `without credentials the certificate model is used, so the address must be the transport endpoint ${remote.transportAddress}, not ${hit.address}`,
        remote,
      );
    }
    if (!this.trusts(remote, local)) return fail(`${remote.name} does not trust ${local.name}'s certificates`, remote);
    if (!this.trusts(local, remote)) return fail(`${local.name} does not trust ${remote.name}'s certificates`, remote);
    return { ...base, enabled: true, connected: true, remote };
  }

  /**
   * Strong identity verification (seed 003, ec-remote-cluster-same-ess, "API key with strong
   * identity verification"): the local cluster signs with `cluster.remote.<alias>.signing.*`, the
   * remote trusts the signer's CA through `cluster.remote.signing.certificate_authorities`, and the
   * signer's DN matches the key's `certificate_identity`. Deployment nodes sign with `node.crt`,
   * whose DN is `CN=<node_id>.node.<cluster_id>.cluster.<scope_id>` (scope: the organization on
   * Elastic Cloud, the environment on ECE) and whose CA is the region's `internal_tls_ca.crt`.
   * Custom certificates (any other path) are taken to carry the DN `CN=<cluster name>.custom` and
   * to be trusted when any CA file is configured: their content is not modelled.
   */
  private signingProblem(local: EmulatedCluster, alias: string, remote: EmulatedCluster, identity: string): string | undefined {
    const own = local.effectiveSettings();
    const certificate = own[`cluster.remote.${alias}.signing.certificate`];
    const key = own[`cluster.remote.${alias}.signing.key`];
    if (certificate === undefined || key === undefined)
      return `the API key requires a certificate identity, but ${local.name} does not sign requests to "${alias}" (no signing.certificate / signing.key)`;
    const authorities = toList(remote.effectiveSettings()['cluster.remote.signing.certificate_authorities']);
    if (authorities.length === 0)
      return `${remote.name} has no cluster.remote.signing.certificate_authorities to verify signed requests`;
    const nodeCertificate = certificate === 'node.crt' && local.deployment !== undefined;
    const scope = this.cloud.flavor === 'ece' ? this.cloud.installationId : this.cloud.accountId;
    const dn = nodeCertificate
      ? `CN=${local.nodeId.toLowerCase()}.node.${local.deployment?.clusterId}.cluster.${scope}`
      : `CN=${local.name}.custom`;
    let matches = false;
    try {
      matches = new RegExp(`^(?:${identity})$`).test(dn);
    } catch {
      return `the certificate identity ${identity} is not a valid regular expression`;
    }
    if (!matches) return `the signing certificate's DN ${dn} does not match the key's certificate identity ${identity}`;
    if (nodeCertificate && authorities.includes('internal_tls_ca.crt') && remote.deployment?.region !== local.deployment?.region)
      return `${remote.name}'s internal_tls_ca.crt is the CA of region ${remote.deployment?.region ?? 'none'}; ${local.name} signs with a certificate of region ${local.deployment?.region}`;
    return undefined;
  }

  private clusterAt(address: string): EmulatedCluster | undefined {
    const wanted = normalizeAddress(address);
    for (const cluster of this.clusters.values()) {
      if (normalizeAddress(cluster.transportAddress) === wanted) return cluster;
      if (cluster.remoteClusterServer.enabled && normalizeAddress(cluster.remoteClusterServer.address) === wanted) return cluster;
    }
    return undefined;
  }
}

export function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean);
}

/** The parts of the local configuration whose change makes Elasticsearch rebuild the connection. */
function connectionConfiguration(local: EmulatedCluster, alias: string): string {
  const settings = local.effectiveSettings();
  const prefix = `cluster.remote.${alias}.`;
  const own = Object.keys(settings)
    .filter((key) => key.startsWith(prefix))
    .sort()
    .map((key) => [key, settings[key]]);
  return JSON.stringify([own, local.keystoreLoaded.get(`${prefix}credentials`) ?? null]);
}

function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

function decodeEncodedKey(encoded: string): { id: string; secret: string } | undefined {
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? { id: text.slice(0, colon), secret: text.slice(colon + 1) } : undefined;
}
