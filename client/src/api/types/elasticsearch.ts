/**
 * Request and response shapes of the Elasticsearch endpoints the extension calls.
 *
 * Written from elastic/elasticsearch-specification (commit 9d9b9a52, August 2026), files:
 *   _global/info/RootNodeInfoResponse.ts, _types/Base.ts (ElasticsearchVersionInfo, ErrorResponseBase),
 *   _types/Errors.ts (ErrorCause), xpack/info/*, cluster/get_settings/*, cluster/put_settings/*,
 *   cluster/remote_info/ClusterRemoteInfoResponse.ts, security/create_cross_cluster_api_key/*,
 *   security/update_cross_cluster_api_key/*, security/invalidate_api_key/*, security/put_role/*,
 *   security/get_role/*, security/_types/{Access,Privileges}.ts, nodes/reload_secure_settings/*,
 *   nodes/_types/NodeReloadResult.ts, indices/resolve_cluster/*.
 * Only the fields the extension reads or writes are typed strictly; servers may send more.
 */

/** ErrorCause (_types/Errors.ts). */
export interface ErrorCause {
  type: string;
  reason?: string | null;
  caused_by?: ErrorCause;
  root_cause?: ErrorCause[];
  [extra: string]: unknown;
}

/** ErrorResponseBase (_types/Base.ts): the body of every failed request. */
export interface ErrorResponse {
  error: ErrorCause | string;
  status: number;
}

/** GET / — RootNodeInfoResponse. */
export interface RootInfo {
  name: string;
  cluster_name: string;
  cluster_uuid: string;
  tagline: string;
  version: {
    number: string;
    build_flavor: string;
    build_type: string;
    build_hash: string;
    build_date: string;
    build_snapshot: boolean;
    lucene_version: string;
    minimum_wire_compatibility_version: string;
    minimum_index_compatibility_version: string;
  };
}

/** GET /_xpack?categories=features — only the feature we read (xpack/info/types.ts Feature). */
export interface XPackFeature {
  available: boolean;
  enabled: boolean;
  description?: string;
}

export interface XPackInfo {
  features?: { security?: XPackFeature; ccr?: XPackFeature; [feature: string]: XPackFeature | undefined };
}

/** A settings dictionary. Values come back as strings (or lists of strings); writes may use JSON types. */
export type SettingsMap = Record<string, unknown>;

/** GET /_cluster/settings. `defaults` only with include_defaults=true. */
export interface ClusterSettingsResponse {
  persistent: SettingsMap;
  transient: SettingsMap;
  defaults?: SettingsMap;
}

/** PUT /_cluster/settings body. A null value removes the setting. */
export interface PutClusterSettingsRequest {
  persistent?: SettingsMap;
  transient?: SettingsMap;
}

export interface PutClusterSettingsResponse {
  acknowledged: boolean;
  persistent: SettingsMap;
  transient: SettingsMap;
}

/** GET /_remote/info — ClusterRemoteSniffInfo | ClusterRemoteProxyInfo, tagged by `mode`. */
export interface RemoteSniffInfo {
  mode: 'sniff';
  connected: boolean;
  max_connections_per_cluster: number;
  num_nodes_connected: number;
  initial_connect_timeout: string;
  skip_unavailable: boolean;
  seeds: string[];
  /** `::es_redacted::` when the alias uses the API-key model; absent otherwise. */
  cluster_credentials?: string;
}

export interface RemoteProxyInfo {
  mode: 'proxy';
  connected: boolean;
  initial_connect_timeout: string;
  skip_unavailable: boolean;
  proxy_address: string;
  server_name: string;
  num_proxy_sockets_connected: number;
  max_proxy_socket_connections: number;
  cluster_credentials?: string;
}

export type RemoteClusterInfo = RemoteSniffInfo | RemoteProxyInfo;
export type RemoteInfoResponse = Record<string, RemoteClusterInfo>;

/** FieldSecurity (security/_types/FieldSecurity.ts). */
export interface FieldSecurity {
  grant?: string[];
  except?: string[];
}

/** SearchAccess / ReplicationAccess (security/_types/Privileges.ts). */
export interface SearchAccess {
  names: string | string[];
  field_security?: FieldSecurity;
  query?: string | Record<string, unknown>;
  allow_restricted_indices?: boolean;
}

export interface ReplicationAccess {
  names: string | string[];
  allow_restricted_indices?: boolean;
}

/** Access (security/_types/Access.ts): at least one of the two must be given. */
export interface CrossClusterAccess {
  search?: SearchAccess[];
  replication?: ReplicationAccess[];
}

/** POST /_security/cross_cluster/api_key. */
export interface CreateCrossClusterApiKeyRequest {
  name: string;
  access: CrossClusterAccess;
  /** A duration such as `30d`; keys never expire when omitted. */
  expiration?: string;
  metadata?: Record<string, unknown>;
  /** DN pattern for strong identity verification (9.3+). */
  certificate_identity?: string;
}

/** The `encoded` value is what goes into `cluster.remote.<alias>.credentials`. It is a secret. */
export interface CreateCrossClusterApiKeyResponse {
  id: string;
  name: string;
  api_key: string;
  encoded: string;
  /** Expiration time in epoch milliseconds, when the key expires. */
  expiration?: number;
}

/**
 * PUT /_security/cross_cluster/api_key/{id}. The specification marks `access` as required, but
 * Elasticsearch accepts a metadata-only update (ApiKeyIT.testUpdateCrossClusterApiKey) and refuses
 * only a body that changes neither: "must update either [access] or [metadata] for cross-cluster API keys".
 */
export type UpdateCrossClusterApiKeyRequest = UpdateCrossClusterApiKeyFields &
  ({ access: CrossClusterAccess } | { metadata: Record<string, unknown> });

interface UpdateCrossClusterApiKeyFields {
  access?: CrossClusterAccess;
  expiration?: string;
  metadata?: Record<string, unknown>;
  certificate_identity?: string | null;
}

export interface UpdateCrossClusterApiKeyResponse {
  updated: boolean;
}

/** DELETE /_security/api_key. */
export interface InvalidateApiKeyRequest {
  id?: string;
  ids?: string[];
  name?: string;
  owner?: boolean;
  realm_name?: string;
  username?: string;
}

export interface InvalidateApiKeyResponse {
  invalidated_api_keys: string[];
  previously_invalidated_api_keys: string[];
  error_count: number;
  error_details?: ErrorCause[];
}

/** GET /_security/api_key: security/get_api_key (ApiKey in security/_types/ApiKey.ts); never holds the secret. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  type?: 'rest' | 'cross_cluster';
  /** Creation time, epoch milliseconds. */
  creation?: number;
  expiration?: number;
  invalidated: boolean;
  username?: string;
  metadata?: Record<string, unknown>;
  /** Cross-cluster keys (8.14+ answers): what the key grants, as it was given at creation or update. */
  access?: CrossClusterAccess;
  /** The key's role descriptors; for a cross-cluster key, the privileges Elasticsearch derived from `access`. */
  role_descriptors?: Record<string, RoleDescriptor>;
}

export interface GetApiKeysResponse {
  api_keys: ApiKeyInfo[];
}

/** IndicesPrivileges. */
export interface IndicesPrivileges {
  names: string | string[];
  privileges: string[];
  field_security?: FieldSecurity;
  query?: string | Record<string, unknown>;
  allow_restricted_indices?: boolean;
}

/**
 * RemoteIndicesPrivileges: index privileges on remote clusters (API-key model only); `privileges`
 * are index privilege names (`read`, `read_cross_cluster`, …) as for local indices.
 */
export interface RemoteIndicesPrivileges extends IndicesPrivileges {
  clusters: string | string[];
}

/** RemoteClusterPrivileges: only `monitor_enrich` (8.14+) and `monitor_stats` (8.17+). */
export interface RemoteClusterPrivileges {
  clusters: string | string[];
  privileges: Array<'monitor_enrich' | 'monitor_stats'>;
}

export interface ApplicationPrivileges {
  application: string;
  privileges: string[];
  resources: string[];
}

/** PUT /_security/role/{name} body. */
export interface RoleDescriptor {
  cluster?: string[];
  indices?: IndicesPrivileges[];
  remote_indices?: RemoteIndicesPrivileges[];
  remote_cluster?: RemoteClusterPrivileges[];
  applications?: ApplicationPrivileges[];
  global?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  run_as?: string[];
  description?: string;
  transient_metadata?: Record<string, unknown>;
}

export interface PutRoleResponse {
  role: { created: boolean };
}

/** GET /_security/role[/{name}] — a dictionary by role name. */
export interface Role extends RoleDescriptor {
  cluster: string[];
  indices: IndicesPrivileges[];
  applications: ApplicationPrivileges[];
  metadata: Record<string, unknown>;
}

export type GetRolesResponse = Record<string, Role>;

/** POST /_nodes/reload_secure_settings. */
export interface ReloadSecureSettingsRequest {
  /** Needed only when the keystore is password-protected. A secret. */
  secure_settings_password?: string;
}

export interface NodeReloadResult {
  name: string;
  reload_exception?: ErrorCause;
  secure_setting_names?: string[];
  keystore_path?: string;
  keystore_digest?: string;
  keystore_last_modified_time?: string;
}

export interface ReloadSecureSettingsResponse {
  _nodes?: { total: number; successful: number; failed: number; failures?: ErrorCause[] };
  cluster_name: string;
  nodes: Record<string, NodeReloadResult>;
}

/** ElasticsearchVersionMinInfo (_types/Base.ts): the version block of a resolve-cluster entry. */
export interface ElasticsearchVersionMinInfo {
  number: string;
  build_flavor: string;
  minimum_wire_compatibility_version: string;
  minimum_index_compatibility_version: string;
}

/**
 * GET /_resolve/cluster/{name} (8.13+), one entry per cluster alias (`(local)` for the local one).
 * Unlike `_remote/info`, it tries to connect to each remote it names. `error` is set when a search
 * would fail there (for example a security error) or when the remote did not answer in time; a
 * remote that cannot be reached comes back as `connected: false` without `error`.
 */
export interface ResolveClusterInfo {
  connected: boolean;
  skip_unavailable: boolean;
  matching_indices?: boolean;
  error?: string;
  version?: ElasticsearchVersionMinInfo;
}

export type ResolveClusterResponse = Record<string, ResolveClusterInfo>;

/** GET /{index}/_ccr/info — ccr/follow_info (FollowerIndex in ccr/follow_info/types.ts). */
export interface FollowInfoResponse {
  follower_indices: Array<{
    follower_index: string;
    leader_index: string;
    remote_cluster: string;
    status: 'active' | 'paused';
  }>;
}

/** GET /_ccr/auto_follow — ccr/get_auto_follow_pattern (AutoFollowPattern, AutoFollowPatternSummary). */
export interface AutoFollowPatternsResponse {
  patterns: Array<{
    name: string;
    pattern: { active: boolean; remote_cluster: string; leader_index_patterns: string[] };
  }>;
}
