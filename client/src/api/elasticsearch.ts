/**
 * Typed calls to the Elasticsearch REST endpoints the remote-cluster flows need. One method per
 * endpoint; no retries or policy here — callers decide. Secrets that come back (the `encoded`
 * cross-cluster key) are registered with the client's redactor before the caller sees them.
 */
import { encodePath, HttpClient } from './http';
import { expectDictionaryOfObjects, expectFields, isRecord } from './shape';
import type {
  AutoFollowPatternsResponse,
  ClusterSettingsResponse,
  FollowInfoResponse,
  CreateCrossClusterApiKeyRequest,
  CreateCrossClusterApiKeyResponse,
  GetApiKeysResponse,
  GetRolesResponse,
  InvalidateApiKeyRequest,
  InvalidateApiKeyResponse,
  PutClusterSettingsRequest,
  PutClusterSettingsResponse,
  PutRoleResponse,
  ReloadSecureSettingsRequest,
  ReloadSecureSettingsResponse,
  RemoteInfoResponse,
  ResolveClusterResponse,
  RoleDescriptor,
  RootInfo,
  UpdateCrossClusterApiKeyRequest,
  UpdateCrossClusterApiKeyResponse,
  XPackInfo,
} from './types/elasticsearch';

export interface SettingsReadOptions {
  /** Return `cluster.remote.a.seeds` keys instead of nested objects. */
  flatSettings?: boolean;
  /** Also return values from elasticsearch.yml and defaults, under `defaults`. */
  includeDefaults?: boolean;
}

/** `_clusters` of a search response: how many clusters took part, and how many were skipped. */
export interface SearchClustersSummary {
  total: number;
  successful: number;
  skipped: number;
}

/** Encodes an index expression for the path, leaving the `:` of `alias:pattern` and `*` readable. */
function encodeIndexExpression(expression: string): string {
  return encodeURIComponent(expression).replace(/%3A/gi, ':');
}

export class ElasticsearchClient {
  constructor(readonly http: HttpClient) {}

  /** GET / — version, cluster name and UUID. */
  async info(): Promise<RootInfo> {
    const response = await this.http.request<RootInfo>({
      method: 'GET',
      path: '/',
      check: expectFields({ cluster_name: 'string', cluster_uuid: 'string', 'version.number': 'string' }),
    });
    return response.body;
  }

  /** GET /_xpack?categories=features — whether security (and CCR) are available and enabled. */
  async xpackFeatures(): Promise<XPackInfo> {
    const response = await this.http.request<XPackInfo>({
      method: 'GET',
      path: '/_xpack',
      query: { categories: 'features' },
      check: expectFields({ features: 'object' }),
    });
    return response.body;
  }

  /** GET /_cluster/settings. */
  async getClusterSettings(options: SettingsReadOptions = {}): Promise<ClusterSettingsResponse> {
    const response = await this.http.request<ClusterSettingsResponse>({
      method: 'GET',
      path: '/_cluster/settings',
      query: { flat_settings: options.flatSettings || undefined, include_defaults: options.includeDefaults || undefined },
      check: expectFields({ persistent: 'object', transient: 'object' }),
    });
    return response.body;
  }

  /** PUT /_cluster/settings. Null values remove settings; Elasticsearch applies all or nothing. */
  async putClusterSettings(
    body: PutClusterSettingsRequest,
    options: { flatSettings?: boolean } = {},
  ): Promise<PutClusterSettingsResponse> {
    const response = await this.http.request<PutClusterSettingsResponse>({
      method: 'PUT',
      path: '/_cluster/settings',
      query: { flat_settings: options.flatSettings || undefined },
      body,
      check: expectFields({ acknowledged: 'boolean' }),
    });
    return response.body;
  }

  /** GET /_remote/info — per alias: mode, address, and whether a connection is open. */
  async remoteInfo(): Promise<RemoteInfoResponse> {
    const response = await this.http.request<RemoteInfoResponse>({
      method: 'GET',
      path: '/_remote/info',
      check: expectDictionaryOfObjects,
    });
    return response.body;
  }

  /**
   * GET /_resolve/cluster/{expressions} (8.13+). Contacts every remote the expressions name, so a
   * disconnected remote is retried; afterwards `_remote/info` shows the outcome too. The expressions
   * are sent as typed (`alias:*`); the caller keeps them to valid alias and index-pattern characters.
   */
  async resolveCluster(expressions: string[], options: { timeout?: string } = {}): Promise<ResolveClusterResponse> {
    const response = await this.http.request<ResolveClusterResponse>({
      method: 'GET',
      path: expressions.length ? `/_resolve/cluster/${expressions.map(encodeIndexExpression).join(',')}` : '/_resolve/cluster',
      query: { timeout: options.timeout },
      check: expectDictionaryOfObjects,
    });
    return response.body;
  }

  /**
   * GET /{expressions}/_search?size=0 — a search that returns no hits. Used on clusters older than
   * 8.13 to make the local cluster open a connection to a remote (`alias:*`), as cross-cluster search does.
   */
  async searchWithoutHits(expressions: string[]): Promise<SearchClustersSummary> {
    const response = await this.http.request<{ _clusters?: SearchClustersSummary }>({
      method: 'GET',
      path: `/${expressions.map(encodeIndexExpression).join(',')}/_search`,
      query: { size: 0 },
      check: expectFields({ took: 'number' }),
    });
    return response.body._clusters ?? { total: 0, successful: 0, skipped: 0 };
  }

  /**
   * POST /_security/cross_cluster/api_key, on the remote cluster. Must be authenticated as a user,
   * not with an API key. The returned `encoded` value is a secret.
   */
  async createCrossClusterApiKey(request: CreateCrossClusterApiKeyRequest): Promise<CreateCrossClusterApiKeyResponse> {
    const response = await this.http.request<CreateCrossClusterApiKeyResponse>({
      method: 'POST',
      path: '/_security/cross_cluster/api_key',
      body: request,
      check: expectFields({ id: 'string', api_key: 'string', encoded: 'string' }),
    });
    this.http.registerSecret(response.body.api_key);
    this.http.registerSecret(response.body.encoded);
    return response.body;
  }

  /** PUT /_security/cross_cluster/api_key/{id} — replaces the key's access and/or metadata (at least one of them). */
  async updateCrossClusterApiKey(
    id: string,
    request: UpdateCrossClusterApiKeyRequest,
  ): Promise<UpdateCrossClusterApiKeyResponse> {
    const response = await this.http.request<UpdateCrossClusterApiKeyResponse>({
      method: 'PUT',
      path: encodePath`/_security/cross_cluster/api_key/${id}`,
      body: request,
      check: expectFields({ updated: 'boolean' }),
    });
    return response.body;
  }

  /** DELETE /_security/api_key — invalidates keys by id(s), name or owner. */
  async invalidateApiKeys(request: InvalidateApiKeyRequest): Promise<InvalidateApiKeyResponse> {
    const response = await this.http.request<InvalidateApiKeyResponse>({
      method: 'DELETE',
      path: '/_security/api_key',
      body: request,
      check: expectFields({ invalidated_api_keys: 'array', previously_invalidated_api_keys: 'array', error_count: 'number' }),
    });
    return response.body;
  }

  /**
   * GET /_security/api_key — keys by name or id (never their secrets); how a create whose answer was
   * lost is found again. Elasticsearch answers an empty list when nothing matches; a 404 (which some
   * versions may send for an unknown id) is read the same way.
   */
  async getApiKeys(filter: { name?: string; id?: string }): Promise<GetApiKeysResponse> {
    const response = await this.http.request<GetApiKeysResponse>({
      method: 'GET',
      path: '/_security/api_key',
      query: { name: filter.name, id: filter.id },
      acceptStatuses: [404],
      check: (body, status) => (status === 404 ? undefined : expectFields({ api_keys: 'array' })(body)),
    });
    return response.status === 404 ? { api_keys: [] } : response.body;
  }

  /** PUT /_security/role/{name} — creates or replaces a native role. */
  async putRole(name: string, role: RoleDescriptor): Promise<PutRoleResponse> {
    const response = await this.http.request<PutRoleResponse>({
      method: 'PUT',
      path: encodePath`/_security/role/${name}`,
      body: role,
      check: expectFields({ 'role.created': 'boolean' }),
    });
    return response.body;
  }

  /**
   * GET /_security/role[/{names}]. Roles that do not exist are simply absent from the result
   * (Elasticsearch answers 404 with `{}` when none of the names exist).
   */
  async getRoles(names: string[] = []): Promise<GetRolesResponse> {
    const path = names.length ? `/_security/role/${names.map((name) => encodeURIComponent(name)).join(',')}` : '/_security/role';
    const response = await this.http.request<GetRolesResponse | undefined>({
      method: 'GET',
      path,
      acceptStatuses: [404],
      check: (body) => (body === undefined ? undefined : expectDictionaryOfObjects(body)),
    });
    return response.status === 404 || !isRecord(response.body) ? {} : response.body;
  }

  /** POST /_nodes/reload_secure_settings — picks up keystore changes such as remote credentials. */
  async reloadSecureSettings(
    options: { nodeIds?: string[] } & ReloadSecureSettingsRequest = {},
  ): Promise<ReloadSecureSettingsResponse> {
    const { nodeIds, ...body } = options;
    this.http.registerSecret(body.secure_settings_password);
    const path = nodeIds?.length
      ? `/_nodes/${nodeIds.map((id) => encodeURIComponent(id)).join(',')}/reload_secure_settings`
      : '/_nodes/reload_secure_settings';
    const response = await this.http.request<ReloadSecureSettingsResponse>({
      method: 'POST',
      path,
      body: body.secure_settings_password ? body : undefined,
      check: expectFields({ nodes: 'object' }),
    });
    return response.body;
  }
  /** GET /_all/_ccr/info — every follower index with its leader's alias and whether it is paused (ccr/follow_info). */
  async getFollowInfo(): Promise<FollowInfoResponse> {
    const response = await this.http.request<FollowInfoResponse>({
      method: 'GET',
      path: '/_all/_ccr/info',
      check: expectFields({ follower_indices: 'array' }),
    });
    return response.body;
  }

  /** POST /{index}/_ccr/pause_follow (ccr/pause_follow). */
  async pauseFollow(index: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: encodePath`/${index}/_ccr/pause_follow`,
      check: expectFields({ acknowledged: 'boolean' }),
    });
  }

  /** POST /{index}/_ccr/resume_follow with no body: the follower resumes with its earlier parameters (ccr/resume_follow). */
  async resumeFollow(index: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: encodePath`/${index}/_ccr/resume_follow`,
      check: expectFields({ acknowledged: 'boolean' }),
    });
  }

  /** GET /_ccr/auto_follow — every auto-follow pattern (ccr/get_auto_follow_pattern). */
  async getAutoFollowPatterns(): Promise<AutoFollowPatternsResponse> {
    const response = await this.http.request<AutoFollowPatternsResponse>({
      method: 'GET',
      path: '/_ccr/auto_follow',
      check: expectFields({ patterns: 'array' }),
    });
    return response.body;
  }

  /** POST /_ccr/auto_follow/{name}/pause or /resume (ccr/pause_auto_follow_pattern, ccr/resume_auto_follow_pattern). */
  async setAutoFollowPatternActive(name: string, active: boolean): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: active ? encodePath`/_ccr/auto_follow/${name}/resume` : encodePath`/_ccr/auto_follow/${name}/pause`,
      check: expectFields({ acknowledged: 'boolean' }),
    });
  }
}
