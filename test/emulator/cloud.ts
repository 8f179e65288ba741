/**
 * The Elastic Cloud Hosted / ECE API endpoints the extension uses, with the shapes and status codes
 * of the Swagger documents (see client/src/api/types/cloud.ts). Failures use the BasicFailedReply
 * body `{"errors": [{"code", "message"}]}` and name their codes in `x-cloud-error-codes`, as the
 * documented responses do. Codes come from CLOUD_ERROR_CODES: documented ones where the API
 * description names one for that response, approximate stand-ins (marked so) where it names none.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { TrustSettings } from '../../client/src/api/types/cloud';
import { TLS_FIXTURES } from './tls';
import { Router, type EmulatorRequest, type Reply } from './router';
import { atLeast } from './settings';
import type { DeploymentRecord, EmulatorState, TrustRelationshipRecord } from './state';

/**
 * Every error code the emulated Cloud API answers with. `documented`: named by apidocs-user.json /
 * apidocs.json (cloud-sdk-go 8c0d792e) for these operations or for the same failure elsewhere;
 * `approximate`: the description gives the status but no code, so the text is a stand-in.
 */
export const CLOUD_ERROR_CODES = {
  deploymentNotFound: { code: 'deployments.deployment_not_found', documented: true },
  resourceNotFound: { code: 'deployments.deployment_resource_not_found', documented: true },
  trustRelationshipNotFound: { code: 'trust_relationships.not_found', documented: true },
  /** 401 has no code on these operations; this is the code the API uses for invalid credentials elsewhere. */
  unauthorized: { code: 'root.unauthorized', documented: true },
  invalidRequest: { code: 'root.malformed_request', documented: false },
  unknownRegion: { code: 'root.unknown_region', documented: false },
  unknownEndpoint: { code: 'root.resource_not_found', documented: false },
  methodNotAllowed: { code: 'root.method_not_allowed', documented: false },
  rateLimited: { code: 'root.rate_limited', documented: false },
  unexpected: { code: 'root.unexpected_error', documented: false },
  emulatedFailure: { code: 'root.emulated_failure', documented: false },
  /** Not in the description: update-deployment lists 200/400/401/404, no 409. */
  versionConflict: { code: 'deployments.version_conflict', documented: false },
  /** get-traffic-filter-ruleset lists 404 without a code. */
  trafficFilterNotFound: { code: 'traffic_filter.not_found', documented: false },
  /** Not in the description: delete-trust-relationship takes `version` but lists only 200/401/404. */
  trustRelationshipVersionConflict: { code: 'trust_relationships.version_conflict', documented: false },
} as const;

export function cloudError(status: number, code: string, message: string, fields?: string[]): Reply {
  return {
    status,
    body: { errors: [{ code, message, ...(fields ? { fields } : {}) }] },
    headers: { 'x-cloud-error-codes': code },
  };
}

const malformed = (message: string, fields?: string[]) => cloudError(400, CLOUD_ERROR_CODES.invalidRequest.code, message, fields);

export function cloudRouter(state: EmulatorState): Router {
  const router = new Router();
  const cloud = state.cloud;

  const secured =
    (handler: (request: EmulatorRequest, params: Record<string, string>) => Reply) =>
    (request: EmulatorRequest, params: Record<string, string>): Reply => {
      const denied = authenticate(state, request);
      if (denied) return denied;
      if (request.bodyError) return malformed(`The request body could not be parsed: ${request.bodyError}`);
      return handler(request, params);
    };

  const withDeployment =
    (handler: (request: EmulatorRequest, deployment: DeploymentRecord, params: Record<string, string>) => Reply) =>
    (request: EmulatorRequest, params: Record<string, string>): Reply => {
      const deployment = cloud.deployments.get(params.deploymentId);
      if (!deployment)
        return cloudError(404, CLOUD_ERROR_CODES.deploymentNotFound.code, `Deployment [${params.deploymentId}] cannot be found.`);
      return handler(request, deployment, params);
    };

  const withResource =
    (handler: (request: EmulatorRequest, deployment: DeploymentRecord) => Reply) =>
    (request: EmulatorRequest, params: Record<string, string>): Reply =>
      withDeployment((req, deployment) => {
        if (params.refId !== deployment.refId && params.refId !== '_main') {
          return cloudError(
            404,
            CLOUD_ERROR_CODES.resourceNotFound.code,
            `Elasticsearch resource [${params.refId}] of deployment [${deployment.id}] cannot be found.`,
          );
        }
        return handler(req, deployment);
      })(request, params);

  router.add(
    'GET',
    '/api/v1/account',
    // AccountResponse: `trust` (AccountTrustSettings) is the organization default for new deployments.
    secured(() => ({ status: 200, body: { id: cloud.accountId, trust: { trust_all: cloud.organizationTrustAll } } })),
  );

  router.add(
    'GET',
    '/api/v1/deployments',
    secured(() => ({
      status: 200,
      body: {
        deployments: [...cloud.deployments.values()].map((deployment) => ({
          id: deployment.id,
          name: deployment.name,
          resources: [resourceSummary(deployment)],
        })),
      },
    })),
  );

  // POST /api/v1/deployments/_search (api/apidocs-user.json; SearchRequest and
  // DeploymentsSearchResponse in cloud-sdk-go pkg/models): `size` per page, sorted by id here, and a
  // `cursor` for the next page that, when sent, makes every other field ignored. The cursor is
  // opaque to clients; here it encodes the next offset and the page size.
  router.add(
    'POST',
    '/api/v1/deployments/_search',
    secured((request) => {
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
      let offset = 0;
      let size = typeof body.size === 'number' && body.size > 0 ? Math.floor(body.size) : 100;
      if (typeof body.cursor === 'string' && body.cursor !== '') {
        try {
          const decoded = JSON.parse(Buffer.from(body.cursor, 'base64url').toString('utf8')) as { offset: number; size: number };
          offset = decoded.offset;
          size = decoded.size;
        } catch {
          return { status: 400, body: { errors: [{ code: 'root.invalid_json_request', message: 'The cursor is not valid.' }] } };
        }
      }
      const all = [...cloud.deployments.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const page = all.slice(offset, offset + size);
      const next = offset + page.length;
      return {
        status: 200,
        body: {
          deployments: page.map((deployment) => {
            const full = deploymentBody(state, deployment, { showSettings: false, showPlans: false, clearTransient: false });
            return { id: full.id, name: full.name, healthy: full.healthy, resources: full.resources };
          }),
          return_count: page.length,
          match_count: all.length,
          ...(next < all.length ? { cursor: Buffer.from(JSON.stringify({ offset: next, size })).toString('base64url') } : {}),
        },
      };
    }),
  );

  router.add(
    'GET',
    '/api/v1/deployments/{deploymentId}',
    secured(
      withDeployment((request, deployment) => {
        const showSettings = request.url.searchParams.get('show_settings') === 'true';
        // show_settings defaults to false, show_plans to true (get-deployment parameters).
        const showPlans = request.url.searchParams.get('show_plans') !== 'false';
        const clearTransient = request.url.searchParams.get('clear_transient') === 'true';
        return {
          status: 200,
          body: deploymentBody(state, deployment, { showSettings, showPlans, clearTransient }),
          headers: resourceVersionHeaders(deployment),
        };
      }),
    ),
  );

  router.add(
    'PUT',
    '/api/v1/deployments/{deploymentId}',
    secured(
      withDeployment((request, deployment) => {
        const conflict = versionConflict(request, deployment);
        if (conflict) return conflict;
        const body = asRecord(request.body);
        if (!body) return malformed('The request body is required.');
        if (typeof body.prune_orphans !== 'boolean') return malformed('[prune_orphans] is required.', ['prune_orphans']);
        const resources = asRecord(body.resources);
        const payloads = resources?.elasticsearch;
        if (body.prune_orphans && !(Array.isArray(payloads) && payloads.length)) {
          return malformed('prune_orphans=true would shut down the Elasticsearch resource that this request does not mention.', [
            'prune_orphans',
          ]);
        }
        let trust: TrustSettings | undefined;
        for (const [index, item] of (Array.isArray(payloads) ? payloads : []).entries()) {
          const payload = asRecord(item);
          const field = (name: string) => `resources.elasticsearch[${index}].${name}`;
          if (!payload) return malformed(`${field('')} must be an object.`);
          for (const required of ['ref_id', 'region', 'plan']) {
            if (payload[required] === undefined) return malformed(`[${field(required)}] is required.`, [field(required)]);
          }
          if (payload.ref_id !== deployment.refId)
            return malformed(`Elasticsearch resource [${String(payload.ref_id)}] does not exist in this deployment.`, [
              field('ref_id'),
            ]);
          if (payload.region !== deployment.region)
            return malformed(`The region of a resource cannot change (is [${deployment.region}]).`, [field('region')]);
          const plan = asRecord(payload.plan);
          if (!plan || !Array.isArray(plan.cluster_topology) || !asRecord(plan.elasticsearch)) {
            return malformed(`[${field('plan')}] needs [cluster_topology] and [elasticsearch].`, [field('plan')]);
          }
          deployment.receivedPlans.push(plan);
          const elasticsearch = asRecord(plan.elasticsearch) as Record<string, unknown>;
          if (typeof elasticsearch.user_settings_yaml === 'string') {
            const applied = applyUserSettings(deployment, elasticsearch.user_settings_yaml);
            if (applied) return malformed(applied, [field('plan.elasticsearch.user_settings_yaml')]);
          }
          const settings = asRecord(payload.settings);
          if (settings?.trust !== undefined) {
            const problem = validateTrust(settings.trust, field('settings.trust'));
            if (problem) return malformed(problem.message, [problem.field]);
            trust = settings.trust as TrustSettings;
          }
        }
        if (typeof body.name === 'string') deployment.name = body.name;
        if (typeof body.alias === 'string') deployment.alias = body.alias;
        if (trust) deployment.trust = stripReadOnly(trust);
        deployment.version += 1;
        deployment.lastModified = new Date().toISOString();
        return {
          headers: resourceVersionHeaders(deployment),
          status: 200,
          body: {
            id: deployment.id,
            name: deployment.name,
            ...(deployment.alias ? { alias: deployment.alias } : {}),
            resources: [resourceSummary(deployment)],
          },
        };
      }),
    ),
  );

  router.add(
    'GET',
    '/api/v1/deployments/{deploymentId}/elasticsearch/{refId}/remote-clusters',
    secured(
      withResource((_request, deployment) => ({
        status: 200,
        body: {
          resources: deployment.remoteClusters.map((ref) => {
            const remote = cloud.deployments.get(ref.deployment_id);
            const status = state.reportedConnection(deployment.cluster, ref.alias);
            return {
              ...ref,
              info: {
                healthy: true,
                connected: status.connected,
                compatible: true,
                trusted: remote ? state.trusts(deployment.cluster, remote.cluster) : false,
                trusted_back: remote ? state.trusts(remote.cluster, deployment.cluster) : false,
              },
            };
          }),
        },
      })),
    ),
  );

  router.add(
    'PUT',
    '/api/v1/deployments/{deploymentId}/elasticsearch/{refId}/remote-clusters',
    secured(
      withResource((request, deployment) => {
        const body = asRecord(request.body);
        if (!body || !Array.isArray(body.resources)) return malformed('[resources] is required.', ['resources']);
        const refs: DeploymentRecord['remoteClusters'] = [];
        for (const [index, item] of body.resources.entries()) {
          const ref = asRecord(item);
          const field = (name: string) => `resources[${index}].${name}`;
          if (!ref) return malformed(`[resources[${index}]] must be an object.`);
          for (const required of ['deployment_id', 'elasticsearch_ref_id', 'alias']) {
            if (typeof ref[required] !== 'string' || ref[required] === '')
              return malformed(`[${field(required)}] is required.`, [field(required)]);
          }
          const alias = ref.alias as string;
          if (!/^[A-Za-z0-9_-]+$/.test(alias))
            return malformed(`The alias [${alias}] is invalid: use only letters, digits, dashes and underscores.`, [
              field('alias'),
            ]);
          if (refs.some((existing) => existing.alias === alias))
            return malformed(`The alias [${alias}] is used twice.`, [field('alias')]);
          const remote = cloud.deployments.get(ref.deployment_id as string);
          if (!remote || remote.refId !== ref.elasticsearch_ref_id) {
            return malformed(
              `Elasticsearch resource [${String(ref.elasticsearch_ref_id)}] of deployment [${String(ref.deployment_id)}] cannot be found.`,
              [field('deployment_id')],
            );
          }
          refs.push({
            deployment_id: remote.id,
            elasticsearch_ref_id: remote.refId,
            alias,
            ...(typeof ref.skip_unavailable === 'boolean' ? { skip_unavailable: ref.skip_unavailable } : {}),
          });
        }
        // Like the service, write the proxy-mode cluster settings for each alias and drop the aliases no longer listed.
        const settings = deployment.cluster.persistent;
        for (const old of deployment.remoteClusters) {
          for (const key of Object.keys(settings)) if (key.startsWith(`cluster.remote.${old.alias}.`)) delete settings[key];
        }
        for (const ref of refs) {
          const remote = cloud.deployments.get(ref.deployment_id) as DeploymentRecord;
          const endpoint = state.endpointOf(remote.cluster) as string;
          settings[`cluster.remote.${ref.alias}.mode`] = 'proxy';
          settings[`cluster.remote.${ref.alias}.proxy_address`] = `${endpoint}:${remote.transportPassthroughPort}`;
          settings[`cluster.remote.${ref.alias}.server_name`] = endpoint;
          if (ref.skip_unavailable !== undefined)
            settings[`cluster.remote.${ref.alias}.skip_unavailable`] = String(ref.skip_unavailable);
        }
        deployment.remoteClusters = refs;
        return { status: 202, body: {} };
      }),
    ),
  );

  router.add(
    'GET',
    '/api/v1/deployments/{deploymentId}/elasticsearch/{refId}/keystore',
    secured(withResource((_request, deployment) => ({ status: 200, body: keystoreBody(deployment) }))),
  );

  router.add(
    'PATCH',
    '/api/v1/deployments/{deploymentId}/elasticsearch/{refId}/keystore',
    secured(
      withResource((request, deployment) => {
        const secrets = asRecord(asRecord(request.body)?.secrets);
        if (!secrets) return malformed('[secrets] is required.', ['secrets']);
        // KeystoreSecret: "When the keystore secret is unspecified, it is removed" — a null entry or one without a value.
        const removed = (entry: unknown) => entry === null || asRecord(entry)?.value === undefined;
        for (const [name, entry] of Object.entries(secrets)) {
          if (removed(entry)) continue;
          const secret = asRecord(entry);
          if (!secret || (typeof secret.value !== 'string' && !asRecord(secret.value))) {
            return malformed(`[secrets.${name}.value] must be a string or an object.`, [`secrets.${name}.value`]);
          }
        }
        const cluster = deployment.cluster;
        for (const [name, entry] of Object.entries(secrets)) {
          if (removed(entry)) cluster.keystoreRemove(name);
          else {
            const value = (entry as { value: unknown }).value;
            cluster.keystoreAdd(name, typeof value === 'string' ? value : JSON.stringify(value));
          }
        }
        // From 8.14 the deployment reloads the keystore by itself; before, a restart loads it (seeds 001, 002, 004).
        if (atLeast(cluster.version, 8, 14)) cluster.reloadKeystore();
        return { status: 200, body: keystoreBody(deployment) };
      }),
    ),
  );

  // get-deployment-certificate-authority (CertificateAuthority, PublicCertificate): the region's CA of the node certificates.
  router.add(
    'GET',
    '/api/v1/deployments/{deploymentId}/certificate-authority',
    secured(
      withDeployment((_request, deployment) => ({
        status: 200,
        body: {
          recommended_trust_restriction: `*.node.${deployment.clusterId}.${deployment.region}.emulated-cloud.local`,
          public_certificates: [
            {
              pem: regionalCaPem(),
              active: true,
              metadata: { fingerprint: 'emulated', valid_from: '2026-01-01T00:00:00Z', valid_to: '2036-01-01T00:00:00Z' },
            },
          ],
        },
      })),
    ),
  );

  // restart-deployment-es-resource: the nodes come back with the keystore as it is on disk.
  router.add(
    'POST',
    '/api/v1/deployments/{deploymentId}/elasticsearch/{refId}/_restart',
    secured(
      withResource((_request, deployment) => {
        deployment.cluster.reloadKeystore();
        return { status: 202, body: {} };
      }),
    ),
  );

  // get-traffic-filter-deployment-ruleset-associations: TrafficFilterSettings, the IDs of the rulesets of a deployment.
  router.add(
    'GET',
    '/api/v1/deployments/traffic-filter/associations/{associationType}/{entityId}/rulesets',
    secured((_request, params) => ({
      status: 200,
      body: {
        rulesets: cloud.trafficFilterRulesets
          .filter((ruleset) => params.associationType === 'deployment' && ruleset.deploymentIds.includes(params.entityId))
          .map((ruleset) => ruleset.id),
      },
    })),
  );

  // get-traffic-filter-ruleset: TrafficFilterRulesetInfo (404 has no documented code; approximate).
  router.add(
    'GET',
    '/api/v1/deployments/traffic-filter/rulesets/{rulesetId}',
    secured((_request, params) => {
      const ruleset = cloud.trafficFilterRulesets.find((candidate) => candidate.id === params.rulesetId);
      if (!ruleset)
        return cloudError(404, CLOUD_ERROR_CODES.trafficFilterNotFound.code, `Ruleset [${params.rulesetId}] cannot be found.`);
      const { id, name, type, rules } = ruleset;
      return { status: 200, body: { id, name, type, rules, include_by_default: false, region: ruleset.region ?? cloud.region } };
    }),
  );

  // ECE platform endpoints, region-scoped as cloud-sdk-go sends them.
  const platform =
    (handler: (request: EmulatorRequest, params: Record<string, string>) => Reply) =>
    (request: EmulatorRequest, params: Record<string, string>): Reply => {
      if (cloud.flavor !== 'ece')
        return cloudError(404, CLOUD_ERROR_CODES.unknownEndpoint.code, 'This endpoint does not exist in Elastic Cloud Hosted.');
      if (params.region !== cloud.region)
        return cloudError(404, CLOUD_ERROR_CODES.unknownRegion.code, `The region [${params.region}] is not known.`);
      return handler(request, params);
    };

  // ECE get-tls-certificate (TlsPublicCertChain): the proxy's chain, server certificate first, its private root CA last.
  router.add(
    'GET',
    '/api/v1/regions/{region}/platform/configuration/security/tls/{service}',
    secured(
      platform((_request, params) => {
        if (!['adminconsole', 'proxy', 'ui', 'internalca'].includes(params.service))
          return malformed(`[service_name] must be one of adminconsole, proxy, ui, internalca.`, ['service_name']);
        return { status: 200, body: { chain: proxyChain(), user_supplied: true, api_managed: true } };
      }),
    ),
  );

  router.add(
    'GET',
    '/api/v1/regions/{region}/platform/configuration/trust-relationships',
    secured(
      platform((request) => {
        const includeCertificate = request.url.searchParams.get('include_certificate') === 'true';
        // get-trust-relationships: filter is all (default), local or non-local.
        const filter = request.url.searchParams.get('filter') ?? 'all';
        if (!['all', 'local', 'non-local'].includes(filter))
          return malformed('[filter] must be one of all, local, non-local.', ['filter']);
        return {
          status: 200,
          body: {
            trust_relationships: [...cloud.trustRelationships.values()]
              .filter((record) => filter === 'all' || record.local === (filter === 'local'))
              .map((record) => trustRelationshipBody(record, includeCertificate)),
          },
        };
      }),
    ),
  );

  router.add(
    'GET',
    '/api/v1/regions/{region}/platform/configuration/trust-relationships/{id}',
    secured(
      platform((request, params) => {
        const record = cloud.trustRelationships.get(params.id);
        if (!record) return trustRelationshipNotFound(params.id);
        return {
          status: 200,
          body: trustRelationshipBody(record, request.url.searchParams.get('include_certificate') === 'true'),
          headers: { 'x-cloud-resource-version': String(record.version) },
        };
      }),
    ),
  );

  router.add(
    'POST',
    '/api/v1/regions/{region}/platform/configuration/trust-relationships',
    secured(
      platform((request) => {
        const body = asRecord(request.body);
        if (!body) return malformed('The request body is required.');
        if (typeof body.name !== 'string' || body.name.trim() === '') return malformed('[name] is required.', ['name']);
        if (
          typeof body.public_ca_cert !== 'string' ||
          !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(body.public_ca_cert)
        ) {
          return malformed('[public_ca_cert] must be a PEM certificate.', ['public_ca_cert']);
        }
        // Whether the service refuses a second relationship with the same name is not documented; the
        // operation lists only 400 for bad requests, so a duplicate is answered that way here.
        if ([...cloud.trustRelationships.values()].some((record) => record.name === body.name)) {
          return malformed(`A trust relationship named [${body.name}] already exists.`, ['name']);
        }
        const record = state.addTrustRelationship(
          {
            name: body.name,
            publicCaCert: body.public_ca_cert,
            trustByDefault: body.trust_by_default === true,
            accountIds: Array.isArray(body.account_ids)
              ? body.account_ids.filter((id): id is string => typeof id === 'string')
              : [],
            installationId: typeof body.installation_id === 'string' ? body.installation_id : undefined,
          },
          false,
        );
        // TrustRelationshipCreateResponse: no certificate, no modification time.
        const created = {
          id: record.id,
          name: record.name,
          trust_by_default: record.trust_by_default,
          account_ids: record.account_ids,
          local: record.local,
          installation_id: record.installation_id,
        };
        return { status: 201, body: created, headers: { 'x-cloud-resource-version': String(record.version) } };
      }),
    ),
  );

  // update-trust-relationship: TrustRelationshipUpdateRequest, every field optional; 200 with TrustRelationshipUpdateResponse.
  router.add(
    'PUT',
    '/api/v1/regions/{region}/platform/configuration/trust-relationships/{id}',
    secured(
      platform((request, params) => {
        const record = cloud.trustRelationships.get(params.id);
        if (!record) return trustRelationshipNotFound(params.id);
        const body = asRecord(request.body);
        if (!body) return malformed('The request body is required.');
        if (body.name !== undefined && (typeof body.name !== 'string' || body.name.trim() === ''))
          return malformed('[name] must be a non-empty string.', ['name']);
        if (
          body.public_ca_cert !== undefined &&
          (typeof body.public_ca_cert !== 'string' ||
            !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(body.public_ca_cert))
        )
          return malformed('[public_ca_cert] must be a PEM certificate.', ['public_ca_cert']);
        if (typeof body.name === 'string') record.name = body.name;
        if (typeof body.public_ca_cert === 'string') record.public_ca_cert = body.public_ca_cert;
        if (typeof body.trust_by_default === 'boolean') record.trust_by_default = body.trust_by_default;
        if (Array.isArray(body.account_ids))
          record.account_ids = body.account_ids.filter((id): id is string => typeof id === 'string');
        if (typeof body.installation_id === 'string') record.installation_id = body.installation_id;
        record.version++;
        record.last_modified = new Date().toISOString();
        const { id, name, trust_by_default, account_ids, local, installation_id } = record;
        return {
          status: 200,
          body: { id, name, trust_by_default, account_ids, local, installation_id },
          headers: { 'x-cloud-resource-version': String(record.version) },
        };
      }),
    ),
  );

  // delete-trust-relationship: 200 with EmptyResponse ({}); 404 trust_relationships.not_found.
  router.add(
    'DELETE',
    '/api/v1/regions/{region}/platform/configuration/trust-relationships/{id}',
    secured(
      platform((request, params) => {
        const record = cloud.trustRelationships.get(params.id);
        if (!record) return trustRelationshipNotFound(params.id);
        // The description documents the version check but no status for a mismatch; 409 as on other versioned endpoints (approximate).
        const version = request.url.searchParams.get('version');
        if (version !== null && version !== String(record.version))
          return cloudError(
            409,
            CLOUD_ERROR_CODES.trustRelationshipVersionConflict.code,
            `Trust relationship [${params.id}] has version ${record.version}, not ${version}.`,
          );
        // Not documented either: ECE's own (local) relationship cannot be deleted; answered as a bad request here.
        if (record.local) return malformed('The local trust relationship cannot be deleted.');
        cloud.trustRelationships.delete(params.id);
        return { status: 200, body: {} };
      }),
    ),
  );

  return router;
}

function authenticate(state: EmulatorState, request: EmulatorRequest): Reply | undefined {
  const header = request.headers.authorization ?? '';
  const [scheme, ...rest] = header.split(' ');
  const credential = rest.join(' ').trim();
  if (/^apikey$/i.test(scheme) && state.cloud.apiKeys.has(credential)) return undefined;
  if (/^basic$/i.test(scheme) && state.cloud.flavor === 'ece') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0 && state.cloud.users.get(decoded.slice(0, colon)) === decoded.slice(colon + 1)) return undefined;
  }
  return cloudError(
    401,
    CLOUD_ERROR_CODES.unauthorized.code,
    header ? 'The supplied authentication is invalid.' : 'No authentication was supplied.',
  );
}

function resourceSummary(deployment: DeploymentRecord) {
  return { ref_id: deployment.refId, id: deployment.clusterId, kind: 'elasticsearch', region: deployment.region };
}

/** `x-cloud-resource-version`: what PUT ?version= is checked against (update-deployment in the API reference). */
function resourceVersionHeaders(deployment: DeploymentRecord): Record<string, string> {
  return { 'x-cloud-resource-version': String(deployment.version), 'x-cloud-resource-last-modified': deployment.lastModified };
}

/**
 * The optimistic-concurrency check of `PUT /deployments/{id}?version=`. The API reference documents
 * the parameter but lists only 200/400/401/404 for this operation; 409 with a `*.version_conflict`
 * code is what its other versioned endpoints answer, so this status and code are approximate.
 */
function versionConflict(request: EmulatorRequest, deployment: DeploymentRecord): Reply | undefined {
  const expected = request.url.searchParams.get('version');
  if (expected === null || Number(expected) === deployment.version) return undefined;
  return cloudError(
    409,
    'deployments.version_conflict',
    `The deployment was changed since version [${expected}] (now [${deployment.version}]). Reload it and try again.`,
  );
}

/** `plan_info` as show_plans returns it: the current plan (without `transient` on clear_transient) and a pending one while it is applied. */
function planInfo(deployment: DeploymentRecord, clearTransient: boolean) {
  const withoutTransient = (plan: Record<string, unknown>) => {
    if (!clearTransient) return plan;
    const rest = { ...plan };
    delete rest.transient;
    return rest;
  };
  return {
    healthy: true,
    history: [],
    current: { healthy: true, plan_attempt_log: [], warnings: [], plan: withoutTransient(deployment.plan) },
    ...(deployment.pendingPlan
      ? { pending: { healthy: true, plan_attempt_log: [], warnings: [], plan: withoutTransient(deployment.pendingPlan) } }
      : {}),
  };
}

function deploymentBody(
  state: EmulatorState,
  deployment: DeploymentRecord,
  options: { showSettings: boolean; showPlans: boolean; clearTransient: boolean },
) {
  const endpoint = state.endpointOf(deployment.cluster) as string;
  const info: Record<string, unknown> = {
    cluster_id: deployment.clusterId,
    cluster_name: deployment.name,
    deployment_id: deployment.id,
    healthy: true,
    status: 'started',
    metadata: {
      version: deployment.version,
      last_modified: deployment.lastModified,
      endpoint,
      service_url: `https://${endpoint}`,
      cloud_id: `${deployment.name}:${Buffer.from(`${deployment.region}.emulated-cloud.local:443$${deployment.clusterId}$${deployment.clusterId}`).toString('base64')}`,
      ports: { http: 9200, https: 443, transport_passthrough: deployment.transportPassthroughPort },
    },
    plan_info: options.showPlans ? planInfo(deployment, options.clearTransient) : { healthy: true, history: [] },
    elasticsearch: { healthy: true },
    topology: { healthy: true, instances: [] },
    snapshots: { healthy: true, count: 0 },
    external_links: [],
    associated_kibana_clusters: [],
    associated_apm_clusters: [],
    associated_appsearch_clusters: [],
    associated_enterprise_search_clusters: [],
  };
  if (options.showSettings) info.settings = { trust: withTrustNames(state, deployment.trust) };
  return {
    id: deployment.id,
    name: deployment.name,
    ...(deployment.alias ? { alias: deployment.alias } : {}),
    healthy: true,
    resources: {
      elasticsearch: [{ ref_id: deployment.refId, id: deployment.clusterId, region: deployment.region, info }],
      kibana: [],
      apm: [],
      appsearch: [],
      enterprise_search: [],
      integrations_server: [],
    },
  };
}

/** `external[].name` is read-only and filled from the trust relationship. */
function withTrustNames(state: EmulatorState, trust: TrustSettings): TrustSettings {
  return {
    ...trust,
    ...(trust.external
      ? {
          external: trust.external.map((entry) => ({
            ...entry,
            name: state.cloud.trustRelationships.get(entry.trust_relationship_id)?.name ?? entry.name,
          })),
        }
      : {}),
  };
}

function stripReadOnly(trust: TrustSettings): TrustSettings {
  return {
    ...(trust.accounts ? { accounts: trust.accounts } : {}),
    ...(trust.external ? { external: trust.external.map(({ name: _name, ...entry }) => entry) } : {}),
    ...(trust.direct
      ? { direct: trust.direct.map((entry) => ({ ...entry, certificates: entry.certificates.map(({ pem }) => ({ pem })) })) }
      : {}),
  };
}

function keystoreBody(deployment: DeploymentRecord) {
  // Values are never returned, as in the real API.
  return {
    secrets: Object.fromEntries([...deployment.cluster.keystoreOnDisk.keys()].sort().map((name) => [name, { as_file: false }])),
  };
}

function trustRelationshipBody(record: TrustRelationshipRecord, includeCertificate: boolean) {
  const { public_ca_cert, ...rest } = record;
  return includeCertificate ? { ...rest, public_ca_cert } : rest;
}

const SCOPE_ID = /^(?=.{1,32}$)[a-z0-9]+([.-][a-z0-9]+)*$/;

/** ElasticsearchClusterTrustSettings rules from the API reference (see validation-rules.md, L). */
function validateTrust(value: unknown, path: string): { message: string; field: string } | undefined {
  const trust = asRecord(value);
  if (!trust) return { message: `[${path}] must be an object.`, field: path };
  const lists: Array<[string, unknown]> = [
    ['accounts', trust.accounts],
    ['external', trust.external],
    ['direct', trust.direct],
  ];
  for (const [kind, list] of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) return { message: `[${path}.${kind}] must be an array.`, field: `${path}.${kind}` };
    for (const [index, item] of list.entries()) {
      const entry = asRecord(item);
      const field = `${path}.${kind}[${index}]`;
      if (!entry) return { message: `[${field}] must be an object.`, field };
      if (typeof entry.trust_all !== 'boolean')
        return { message: `[${field}.trust_all] is required.`, field: `${field}.trust_all` };
      if (
        entry.trust_allowlist !== undefined &&
        !(Array.isArray(entry.trust_allowlist) && entry.trust_allowlist.every((id) => typeof id === 'string'))
      ) {
        return { message: `[${field}.trust_allowlist] must be a list of cluster IDs.`, field: `${field}.trust_allowlist` };
      }
      if (kind === 'accounts' && typeof entry.account_id !== 'string')
        return { message: `[${field}.account_id] is required.`, field: `${field}.account_id` };
      if (kind === 'external' && typeof entry.trust_relationship_id !== 'string')
        return { message: `[${field}.trust_relationship_id] is required.`, field: `${field}.trust_relationship_id` };
      if (kind === 'direct') {
        if (typeof entry.name !== 'string' || entry.name === '')
          return { message: `[${field}.name] is required.`, field: `${field}.name` };
        if (!Array.isArray(entry.certificates) || entry.certificates.length === 0)
          return { message: `[${field}.certificates] needs at least one certificate.`, field: `${field}.certificates` };
        if (entry.certificates.some((cert) => !/-----BEGIN CERTIFICATE-----/.test(String(asRecord(cert)?.pem ?? '')))) {
          return { message: `[${field}.certificates] must hold PEM certificates.`, field: `${field}.certificates` };
        }
        if (entry.type !== undefined && !['ECE', 'ESS', 'generic', 'proxy'].includes(String(entry.type)))
          return { message: `[${field}.type] must be one of ECE, ESS, generic, proxy.`, field: `${field}.type` };
        // "If proxy is specified, trust_all should be false and trust_allowlist, scope_id and additional_node_names should be omitted."
        if (entry.type === 'proxy') continue;
        const scope = entry.scope_id;
        const allowlist = Array.isArray(entry.trust_allowlist) ? entry.trust_allowlist : [];
        if ((entry.trust_all === true || allowlist.length) && typeof scope !== 'string')
          return { message: `[${field}.scope_id] is required when trusting all or listed clusters.`, field: `${field}.scope_id` };
        // The description says "lowercase alphanumerical, max 32"; the ECE ↔ ECK procedure enters
        // `default.es.local`, so dotted (and dashed) lowercase suffixes are accepted too.
        if (typeof scope === 'string' && !SCOPE_ID.test(scope))
          return {
            message: `[${field}.scope_id] must be lowercase letters and digits (dots and dashes between them), at most 32.`,
            field: `${field}.scope_id`,
          };
        const names = Array.isArray(entry.additional_node_names) ? entry.additional_node_names : [];
        if (typeof scope !== 'string' && names.length === 0)
          return { message: `[${field}] needs a scope_id or additional_node_names.`, field };
        if (names.some((name) => String(name).includes('*')))
          return {
            message: `[${field}.additional_node_names] must not contain wildcards.`,
            field: `${field}.additional_node_names`,
          };
      }
    }
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The CA of the Elastic Cloud regions' node certificates (the test CA). */
export function regionalCaPem(): string {
  return readFileSync(TLS_FIXTURES.caFile, 'utf8');
}

/** An ECE proxy with a private certificate: the server certificate, then its root CA (the "unknown" test CA). */
export function proxyChain(): string[] {
  const read = (name: string) => readFileSync(path.join(TLS_FIXTURES.dir, name), 'utf8');
  return [read('unknown-server.crt'), read('unknown-ca.crt')];
}

/**
 * A deployment's user settings become its nodes' elasticsearch.yml (flattened to dotted keys).
 * Returns a problem when the YAML is not a mapping.
 */
function applyUserSettings(deployment: DeploymentRecord, yamlText: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = yamlText.trim() === '' ? {} : parseYaml(yamlText);
  } catch (error) {
    return `The user settings are not valid YAML: ${(error as Error).message}`;
  }
  if (parsed === null || parsed === undefined) parsed = {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return 'The user settings must be a YAML mapping.';
  const flat: Record<string, string | string[]> = {};
  const walk = (value: unknown, prefix: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, prefix ? `${prefix}.${key}` : key);
    } else flat[prefix] = Array.isArray(value) ? value.map(String) : String(value);
  };
  walk(parsed, '');
  (deployment.plan.elasticsearch as Record<string, unknown>).user_settings_yaml = yamlText;
  deployment.cluster.nodeSettings = flat;
  return undefined;
}

/** The 404 every trust-relationship route by ID answers for an unknown ID. */
function trustRelationshipNotFound(id: string) {
  return cloudError(404, CLOUD_ERROR_CODES.trustRelationshipNotFound.code, `Trust relationship [${id}] cannot be found.`);
}
