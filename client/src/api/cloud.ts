/**
 * Typed calls to the Elastic Cloud Hosted API and the ECE API (same deployment endpoints under
 * /api/v1; ECE adds region-scoped platform endpoints such as trust relationships).
 */
import { ApiError } from './errors';
import { encodePath, HttpClient } from './http';
import { expectFields, isRecord } from './shape';
import type {
  ElasticsearchPayload,
  DeploymentsSearchResponse,
  AccountInfo,
  CertificateAuthority,
  DeploymentGetResponse,
  DeploymentsListResponse,
  DeploymentUpdateRequest,
  DeploymentUpdateResponse,
  ElasticsearchClusterPlan,
  ElasticsearchResourceInfo,
  KeystoreContents,
  RemoteResourceRef,
  RemoteResources,
  TrustRelationship,
  TrustRelationshipCreateRequest,
  TrustRelationshipCreateResponse,
  TrustRelationshipFilter,
  TrustRelationshipsListResponse,
  TlsPublicCertChain,
  TrustRelationshipUpdateRequest,
  TrafficFilterRuleset,
  TrafficFilterSettings,
  TrustSettings,
} from './types/cloud';

/** The public Elastic Cloud API endpoint. */
export const DEFAULT_CLOUD_API_URL = 'https://api.elastic-cloud.com';
/** The region name of a default ECE installation. */
export const DEFAULT_ECE_REGION = 'ece-region';

export interface GetDeploymentOptions {
  /** Include Elasticsearch settings, among them trust (default true: the flows need it). */
  showSettings?: boolean;
  /** Include the current plan (needed to send an update). */
  showPlans?: boolean;
  /** Leave out the plans' `transient` sections, which must not be sent back in an update. */
  clearTransient?: boolean;
}

/**
 * One Elasticsearch resource as read for an update: its settings and plans, and the deployment's
 * `x-cloud-resource-version`, which the update sends back so that a change made in between is
 * refused instead of overwritten.
 */
export interface DeploymentSnapshot {
  deploymentId: string;
  resource: ElasticsearchResourceInfo;
  version?: string;
}

/** The deployment is applying another plan; an update now would send a plan that supersedes it. */
export class PendingPlanError extends ApiError {
  constructor(deploymentId: string, refId: string) {
    super(
      'conflict',
      `A configuration change is in progress on deployment ${deploymentId} (Elasticsearch resource "${refId}" has a pending plan). Wait until it has finished (see the deployment's activity in the console), then try again.`,
      undefined,
      { type: 'pending_plan' },
    );
  }
}

/**
 * Whether a deployment update was refused because the deployment changed since it was read. The
 * API reference lists no status for this on update-deployment; its other versioned endpoints
 * answer 409 with a `<area>.version_conflict` code, so both are recognised.
 */
export function isVersionConflict(error: unknown): boolean {
  if (!(error instanceof ApiError) || error instanceof PendingPlanError) return false;
  return error.status === 409 || /version_conflict$/.test(error.details.type ?? '');
}

export class CloudClient {
  constructor(readonly http: HttpClient) {}

  /** GET /api/v1/deployments. */
  async listDeployments(): Promise<DeploymentsListResponse> {
    const response = await this.http.request<DeploymentsListResponse>({
      method: 'GET',
      path: '/api/v1/deployments',
      check: expectFields({ deployments: 'array' }),
    });
    return response.body;
  }

  /**
   * POST /api/v1/deployments/_search — one page of deployments, for organizations too large to list
   * at once. Sorted by id (a static, unique field, as the API reference recommends for paging), so
   * a deployment changed between pages is neither repeated nor skipped.
   */
  async searchDeployments(request: { size: number; cursor?: string }): Promise<DeploymentsSearchResponse> {
    const response = await this.http.request<DeploymentsSearchResponse>({
      method: 'POST',
      path: '/api/v1/deployments/_search',
      body: request.cursor ? { cursor: request.cursor } : { size: request.size, sort: ['id'] },
      check: expectFields({ deployments: 'array', return_count: 'number' }),
    });
    return response.body;
  }

  /** GET /api/v1/deployments/{id}?show_settings=true — trust is at resources.elasticsearch[].info.settings.trust. */
  async getDeployment(deploymentId: string, options: GetDeploymentOptions = {}): Promise<DeploymentGetResponse> {
    const response = await this.http.request<DeploymentGetResponse>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/${deploymentId}`,
      query: {
        show_settings: options.showSettings ?? true,
        show_plans: options.showPlans || undefined,
        clear_transient: options.clearTransient || undefined,
      },
      check: expectFields({ id: 'string', 'resources.elasticsearch': 'array' }),
    });
    return response.body;
  }

  /** Reads one Elasticsearch resource with its settings, plans (transient sections cleared) and the deployment's version, for an update. */
  async readForUpdate(deploymentId: string, refId: string): Promise<DeploymentSnapshot> {
    const response = await this.http.request<DeploymentGetResponse>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/${deploymentId}`,
      query: { show_settings: true, show_plans: true, clear_transient: true },
      check: expectFields({ id: 'string', 'resources.elasticsearch': 'array' }),
    });
    const header = response.headers['x-cloud-resource-version'];
    const version = Array.isArray(header) ? header[0] : header;
    return { deploymentId, resource: findElasticsearchResource(response.body, refId), version: version?.trim() || undefined };
  }

  /**
   * Replaces the trust settings of the resource read in `snapshot`. The update API needs the
   * resource's region and current plan even for a settings-only change; they are sent back as read,
   * without the plan's `transient` section, with `prune_orphans: false` (other resources are left
   * alone) and with the version read, so a change made since is refused (see isVersionConflict).
   * Refuses to send anything while another plan is pending (PendingPlanError).
   */
  async updateDeploymentTrust(snapshot: DeploymentSnapshot, trust: TrustSettings): Promise<DeploymentUpdateResponse> {
    const plan = planToResend(snapshot, 'trust settings');
    return updateDeploymentResource(this.http, snapshot, {
      ref_id: snapshot.resource.ref_id,
      region: snapshot.resource.region,
      plan,
      settings: { trust },
    });
  }

  /**
   * Replaces the Elasticsearch user settings (`plan.elasticsearch.user_settings_yaml`, the
   * deployment's elasticsearch.yml) of the resource read in `snapshot`: the plan goes back as read,
   * without `transient`, with the version read, like updateDeploymentTrust. `settings` is left out
   * (ElasticsearchClusterSettings: "when provided … changed as specified; otherwise … remain as they
   * were"), so the trust is untouched. The deployment applies the new plan (its nodes restart).
   */
  async updateDeploymentUserSettings(snapshot: DeploymentSnapshot, userSettingsYaml: string): Promise<DeploymentUpdateResponse> {
    const current = planToResend(snapshot, 'user settings');
    const plan: ElasticsearchClusterPlan = { ...current, elasticsearch: { ...current.elasticsearch } };
    plan.elasticsearch.user_settings_yaml = userSettingsYaml;
    // Only one of the YAML and JSON forms may be set; the JSON form is folded into the YAML by the caller.
    delete plan.elasticsearch.user_settings_json;
    return updateDeploymentResource(this.http, snapshot, {
      ref_id: snapshot.resource.ref_id,
      region: snapshot.resource.region,
      plan,
    });
  }

  /** GET /api/v1/deployments/{id}/certificate-authority — the CA (current, past and future certificates) of the deployment's nodes. */
  async getCertificateAuthority(deploymentId: string): Promise<CertificateAuthority> {
    const response = await this.http.request<CertificateAuthority>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/${deploymentId}/certificate-authority`,
      check: expectFields({ public_certificates: 'array' }),
    });
    return response.body;
  }

  /** GET …/elasticsearch/{ref_id}/remote-clusters — certificate-based remotes in the same organization. */
  async getRemoteClusters(deploymentId: string, refId: string): Promise<RemoteResources> {
    const response = await this.http.request<RemoteResources>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/${deploymentId}/elasticsearch/${refId}/remote-clusters`,
      check: expectFields({ resources: 'array' }),
    });
    return response.body;
  }

  /** PUT …/remote-clusters — replaces the whole list (an empty list removes them all). Answers 202. */
  async putRemoteClusters(deploymentId: string, refId: string, resources: RemoteResourceRef[]): Promise<void> {
    // `info` is read-only; sending it back would be rejected or ignored.
    const body: RemoteResources = { resources: resources.map(({ info: _info, ...ref }) => ref) };
    await this.http.request({
      method: 'PUT',
      path: encodePath`/api/v1/deployments/${deploymentId}/elasticsearch/${refId}/remote-clusters`,
      body,
    });
  }

  /** GET …/keystore — setting names; values are redacted by the service. */
  async getKeystore(deploymentId: string, refId: string): Promise<KeystoreContents> {
    const response = await this.http.request<KeystoreContents>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/${deploymentId}/elasticsearch/${refId}/keystore`,
      check: expectFields({ secrets: 'object' }),
    });
    return response.body;
  }

  /**
   * PATCH …/keystore — adds or replaces the given secrets (null removes one), e.g.
   * `{ secrets: { 'cluster.remote.<alias>.credentials': { value: encodedKey } } }`.
   */
  async updateKeystore(deploymentId: string, refId: string, contents: KeystoreContents): Promise<KeystoreContents> {
    for (const secret of Object.values(contents.secrets)) {
      if (secret && typeof secret.value === 'string') this.http.registerSecret(secret.value);
    }
    const response = await this.http.request<KeystoreContents>({
      method: 'PATCH',
      path: encodePath`/api/v1/deployments/${deploymentId}/elasticsearch/${refId}/keystore`,
      body: contents,
      check: expectFields({ secrets: 'object' }),
    });
    return response.body;
  }

  /** GET …/deployments/traffic-filter/associations/deployment/{id}/rulesets — the IDs of the deployment's traffic filter rulesets. */
  async getDeploymentTrafficFilters(deploymentId: string): Promise<TrafficFilterSettings> {
    const response = await this.http.request<TrafficFilterSettings>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/traffic-filter/associations/deployment/${deploymentId}/rulesets`,
      check: expectFields({ rulesets: 'array' }),
    });
    return response.body;
  }

  /** GET …/deployments/traffic-filter/rulesets/{ruleset_id} (get-traffic-filter-ruleset). */
  async getTrafficFilterRuleset(rulesetId: string): Promise<TrafficFilterRuleset> {
    const response = await this.http.request<TrafficFilterRuleset>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/traffic-filter/rulesets/${rulesetId}`,
      check: expectFields({ id: 'string', type: 'string', rules: 'array' }),
    });
    return response.body;
  }

  /** GET /api/v1/account (get-current-account) — the organization (ECE: the environment's account) of these credentials. */
  async getAccount(): Promise<AccountInfo> {
    const response = await this.http.request<AccountInfo>({
      method: 'GET',
      path: '/api/v1/account',
      check: expectFields({ id: 'string' }),
    });
    return response.body;
  }
}

/** ECE adds region-scoped platform endpoints to the deployment API. */
export class EceClient extends CloudClient {
  constructor(
    http: HttpClient,
    readonly region: string = DEFAULT_ECE_REGION,
  ) {
    super(http);
  }

  /** GET /api/v1/regions/{region}/platform/configuration/trust-relationships (`filter`: all, local or non-local). */
  async listTrustRelationships(
    options: { includeCertificate?: boolean; filter?: TrustRelationshipFilter } = {},
  ): Promise<TrustRelationship[]> {
    const response = await this.http.request<TrustRelationshipsListResponse>({
      method: 'GET',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/trust-relationships`,
      query: { include_certificate: options.includeCertificate || undefined, filter: options.filter },
      check: expectFields({ trust_relationships: 'array' }),
    });
    return response.body.trust_relationships;
  }

  /** GET …/trust-relationships/{id}. */
  async getTrustRelationship(id: string, options: { includeCertificate?: boolean } = {}): Promise<TrustRelationship> {
    const response = await this.http.request<TrustRelationship>({
      method: 'GET',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/trust-relationships/${id}`,
      query: { include_certificate: options.includeCertificate || undefined },
      check: expectFields({ id: 'string', name: 'string' }),
    });
    return response.body;
  }

  /**
   * GET /api/v1/regions/{region}/platform/configuration/security/tls/{service} (get-tls-certificate):
   * the public certificate chain of the proxy, the Cloud UI or the admin console.
   */
  async getTlsCertificateChain(service: 'proxy' | 'ui' | 'adminconsole' | 'internalca'): Promise<TlsPublicCertChain> {
    const response = await this.http.request<TlsPublicCertChain>({
      method: 'GET',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/security/tls/${service}`,
      check: expectFields({ chain: 'array' }),
    });
    return response.body;
  }

  /** POST …/trust-relationships — trusts another environment's CA. Answers 201. */
  async createTrustRelationship(request: TrustRelationshipCreateRequest): Promise<TrustRelationshipCreateResponse> {
    const response = await this.http.request<TrustRelationshipCreateResponse>({
      method: 'POST',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/trust-relationships`,
      body: request,
      check: expectFields({ id: 'string' }),
    });
    return response.body;
  }

  /**
   * GET …/trust-relationships/{id}?include_certificate=true with the `x-cloud-resource-version`
   * the API returns beside it, which delete-trust-relationship takes as `version` so that a change
   * made in between is not deleted unseen.
   */
  async readTrustRelationship(id: string): Promise<{ relationship: TrustRelationship; version?: string }> {
    const response = await this.http.request<TrustRelationship>({
      method: 'GET',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/trust-relationships/${id}`,
      query: { include_certificate: true },
      check: expectFields({ id: 'string', name: 'string' }),
    });
    const header = response.headers['x-cloud-resource-version'];
    const version = Array.isArray(header) ? header[0] : header;
    return { relationship: response.body, version: version?.trim() || undefined };
  }

  /** PUT …/trust-relationships/{id} (update-trust-relationship): only the fields sent change. */
  async updateTrustRelationship(id: string, request: TrustRelationshipUpdateRequest): Promise<TrustRelationshipCreateResponse> {
    const response = await this.http.request<TrustRelationshipCreateResponse>({
      method: 'PUT',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/trust-relationships/${id}`,
      body: request,
      check: expectFields({ id: 'string' }),
    });
    return response.body;
  }

  /** DELETE …/trust-relationships/{id} (delete-trust-relationship), with `version` from readTrustRelationship when given. */
  async deleteTrustRelationship(id: string, options: { version?: string } = {}): Promise<void> {
    await this.http.request({
      method: 'DELETE',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/trust-relationships/${id}`,
      query: { version: options.version },
    });
  }
}

/** The Elasticsearch resource with `refId`, or the only one when refId is `_main` or empty. */
export function findElasticsearchResource(deployment: DeploymentGetResponse, refId: string): ElasticsearchResourceInfo {
  const resources = Array.isArray(deployment.resources?.elasticsearch)
    ? (deployment.resources.elasticsearch.filter(isRecord) as ElasticsearchResourceInfo[])
    : [];
  const found =
    refId && refId !== '_main'
      ? resources.find((resource) => resource.ref_id === refId)
      : resources.length === 1
        ? resources[0]
        : undefined;
  if (!found) {
    const known = resources.map((resource) => `"${resource.ref_id}"`).join(', ') || 'none';
    throw new ApiError('not-found', `Deployment ${deployment.id} has no Elasticsearch resource "${refId}" (it has: ${known}).`);
  }
  return found;
}

/**
 * The resource's current plan as read, to send back unchanged apart from what an update sets:
 * without `transient` (settings for that one plan change). Refused while another plan is pending,
 * or when the deployment showed no current plan (`what`: what the update was to change).
 */
function planToResend(snapshot: DeploymentSnapshot, what: string): ElasticsearchClusterPlan {
  const { deploymentId, resource } = snapshot;
  if (resource.info.plan_info?.pending) throw new PendingPlanError(deploymentId, resource.ref_id);
  const current = resource.info.plan_info?.current?.plan;
  if (!current) {
    throw new ApiError(
      'malformed-response',
      `Deployment ${deploymentId} returned no current plan for Elasticsearch resource "${resource.ref_id}", so its ${what} cannot be updated without risking other changes.`,
    );
  }
  const plan: ElasticsearchClusterPlan = { ...current };
  delete plan.transient;
  return plan;
}

/** PUT /api/v1/deployments/{id} with one Elasticsearch resource, at the version read in `snapshot` (a change made since is refused). */
async function updateDeploymentResource(
  http: HttpClient,
  snapshot: DeploymentSnapshot,
  resource: ElasticsearchPayload,
): Promise<DeploymentUpdateResponse> {
  const response = await http.request<DeploymentUpdateResponse>({
    method: 'PUT',
    path: encodePath`/api/v1/deployments/${snapshot.deploymentId}`,
    query: { version: snapshot.version },
    body: { prune_orphans: false, resources: { elasticsearch: [resource] } } satisfies DeploymentUpdateRequest,
    check: expectFields({ id: 'string', resources: 'array' }),
  });
  return response.body;
}
