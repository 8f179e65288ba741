/**
 * Typed calls to the Elastic Cloud Hosted API and the ECE API (same deployment endpoints under
 * /api/v1; ECE adds region-scoped platform endpoints such as trust relationships).
 */
import { ApiError } from './errors';
import { encodePath, HttpClient } from './http';
import { expectFields, isRecord } from './shape';
import type {
  AccountInfo,
  DeploymentGetResponse,
  DeploymentsListResponse,
  DeploymentUpdateRequest,
  DeploymentUpdateResponse,
  ElasticsearchResourceInfo,
  KeystoreContents,
  RemoteResourceRef,
  RemoteResources,
  TrustRelationship,
  TrustRelationshipCreateRequest,
  TrustRelationshipCreateResponse,
  TrustRelationshipsListResponse,
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

  /** GET /api/v1/deployments/{id}?show_settings=true — trust is at resources.elasticsearch[].info.settings.trust. */
  async getDeployment(deploymentId: string, options: GetDeploymentOptions = {}): Promise<DeploymentGetResponse> {
    const response = await this.http.request<DeploymentGetResponse>({
      method: 'GET',
      path: encodePath`/api/v1/deployments/${deploymentId}`,
      query: { show_settings: options.showSettings ?? true, show_plans: options.showPlans || undefined },
      check: expectFields({ id: 'string', 'resources.elasticsearch': 'array' }),
    });
    return response.body;
  }

  /**
   * Replaces the trust settings of one Elasticsearch resource. The update API needs the resource's
   * region and current plan even for a settings-only change, so this reads them first and sends
   * them back unchanged with `prune_orphans: false` (other resources are left alone).
   */
  async updateDeploymentTrust(deploymentId: string, refId: string, trust: TrustSettings): Promise<DeploymentUpdateResponse> {
    const deployment = await this.getDeployment(deploymentId, { showSettings: true, showPlans: true });
    const resource = findElasticsearchResource(deployment, refId);
    const plan = resource.info.plan_info?.current?.plan ?? resource.info.plan_info?.pending?.plan;
    if (!plan) {
      throw new ApiError(
        'malformed-response',
        `Deployment ${deploymentId} returned no current plan for Elasticsearch resource "${resource.ref_id}", so its trust settings cannot be updated without risking other changes.`,
      );
    }
    const body: DeploymentUpdateRequest = {
      prune_orphans: false,
      resources: { elasticsearch: [{ ref_id: resource.ref_id, region: resource.region, plan, settings: { trust } }] },
    };
    const response = await this.http.request<DeploymentUpdateResponse>({
      method: 'PUT',
      path: encodePath`/api/v1/deployments/${deploymentId}`,
      body,
      check: expectFields({ id: 'string', resources: 'array' }),
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

  /** GET /api/v1/account (get-current-account) — the organization (ECE: the environment's account) of these credentials. */
  async getAccount(): Promise<AccountInfo> {
    const response = await this.http.request<AccountInfo>({ method: 'GET', path: '/api/v1/account', check: expectFields({ id: 'string' }) });
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

  /** GET /api/v1/regions/{region}/platform/configuration/trust-relationships. */
  async listTrustRelationships(options: { includeCertificate?: boolean } = {}): Promise<TrustRelationship[]> {
    const response = await this.http.request<TrustRelationshipsListResponse>({
      method: 'GET',
      path: encodePath`/api/v1/regions/${this.region}/platform/configuration/trust-relationships`,
      query: { include_certificate: options.includeCertificate || undefined },
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
}

/** The Elasticsearch resource with `refId`, or the only one when refId is `_main` or empty. */
export function findElasticsearchResource(deployment: DeploymentGetResponse, refId: string): ElasticsearchResourceInfo {
  const resources = Array.isArray(deployment.resources?.elasticsearch) ? deployment.resources.elasticsearch.filter(isRecord) as ElasticsearchResourceInfo[] : [];
  const found = refId && refId !== '_main' ? resources.find((resource) => resource.ref_id === refId) : resources.length === 1 ? resources[0] : undefined;
  if (!found) {
    const known = resources.map((resource) => `"${resource.ref_id}"`).join(', ') || 'none';
    throw new ApiError('not-found', `Deployment ${deployment.id} has no Elasticsearch resource "${refId}" (it has: ${known}).`);
  }
  return found;
}
