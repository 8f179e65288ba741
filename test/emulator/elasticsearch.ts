/**
 * The Elasticsearch REST endpoints of one emulated cluster, with Elasticsearch's status codes and
 * body shapes (see client/src/api/types/elasticsearch.ts for the sources). Authentication and
 * privilege checks follow the security plugin: 401 for missing/bad credentials, 403 with the
 * "action [...] is unauthorized for user [...] ..., this action is granted by the cluster privileges
 * [...]" reason. Transport action names and granting privileges are the real ones as far as we know;
 * the lists of granting privileges are abbreviated to the common ones.
 */
import { createHash } from 'node:crypto';
import type { CrossClusterAccess, RoleDescriptor } from '../../client/src/api/types/elasticsearch';
import { nodesReply, resolveClusterError, rolesOf, sslCertificatesReply } from './diagnosis';
import { Router, type EmulatorRequest, type Reply } from './router';
import {
  applySettingsUpdate,
  atLeast,
  nestSettings,
  remoteDefaults,
  SettingsError,
  skipUnavailableDefault,
  type StoredValue,
} from './settings';
import { SUPERUSER_ROLE, toList, type ApiKeyRecord, type EmulatedCluster, type EmulatorState } from './state';

type Principal =
  | { kind: 'user'; username: string; roles: string[] }
  | { kind: 'api_key'; id: string; owner: string; roles: string[] }
  | { kind: 'anonymous'; roles: string[] };

interface Action {
  name: string;
  granting: string[];
}

const ACTIONS = {
  main: { name: 'cluster:monitor/main', granting: ['monitor', 'manage', 'all'] },
  xpackInfo: { name: 'cluster:monitor/xpack/info', granting: ['monitor', 'manage', 'all'] },
  getSettings: { name: 'cluster:monitor/settings', granting: ['monitor', 'manage', 'all'] },
  putSettings: { name: 'cluster:admin/settings/update', granting: ['manage', 'all'] },
  remoteInfo: { name: 'cluster:monitor/remote/info', granting: ['monitor', 'manage', 'all'] },
  createCrossClusterKey: {
    name: 'cluster:admin/xpack/security/cross_cluster/api_key/create',
    granting: ['manage_security', 'all'],
  },
  updateCrossClusterKey: {
    name: 'cluster:admin/xpack/security/cross_cluster/api_key/update',
    granting: ['manage_security', 'all'],
  },
  invalidateKey: {
    name: 'cluster:admin/xpack/security/api_key/invalidate',
    granting: ['manage_own_api_key', 'manage_api_key', 'manage_security', 'all'],
  },
  invalidateCrossClusterKey: { name: 'cluster:admin/xpack/security/api_key/invalidate', granting: ['manage_security', 'all'] },
  getKey: {
    name: 'cluster:admin/xpack/security/api_key/get',
    granting: ['manage_own_api_key', 'manage_api_key', 'read_security', 'manage_security', 'all'],
  },
  putRole: { name: 'cluster:admin/xpack/security/role/put', granting: ['manage_security', 'all'] },
  getRole: { name: 'cluster:admin/xpack/security/role/get', granting: ['read_security', 'manage_security', 'all'] },
  reloadSecureSettings: { name: 'cluster:admin/nodes/reload_secure_settings', granting: ['manage', 'all'] },
  // CCR: index-level actions in Elasticsearch (monitor / manage_follow_index); granted here with the cluster privileges.
  followInfo: { name: 'indices:monitor/xpack/ccr/follow_info', granting: ['monitor', 'read_ccr', 'manage_ccr', 'manage', 'all'] },
  pauseFollow: { name: 'indices:admin/xpack/ccr/pause_follow', granting: ['manage_ccr', 'all'] },
  resumeFollow: { name: 'indices:admin/xpack/ccr/resume_follow', granting: ['manage_ccr', 'all'] },
  getAutoFollow: { name: 'cluster:monitor/ccr/auto_follow_pattern/get', granting: ['monitor', 'read_ccr', 'manage_ccr', 'all'] },
  activateAutoFollow: { name: 'cluster:admin/xpack/ccr/auto_follow_pattern/activate', granting: ['manage_ccr', 'all'] },
  nodesInfo: { name: 'cluster:monitor/nodes/info', granting: ['monitor', 'manage', 'all'] },
  // Really an index privilege (view_index_metadata on the expression); the emulator grants it with monitor.
  sslCertificates: { name: 'cluster:monitor/xpack/ssl/certificates/get', granting: ['monitor', 'manage', 'all'] },
} satisfies Record<string, Action>;

const KNOWN_CLUSTER_PRIVILEGES = new Set([
  'all',
  'monitor',
  'manage',
  'manage_security',
  'read_security',
  'manage_api_key',
  'manage_own_api_key',
  'cross_cluster_search',
  'cross_cluster_replication',
  'manage_ccr',
  'read_ccr',
  'monitor_enrich',
  'manage_enrich',
  'manage_ilm',
  'read_ilm',
  'manage_index_templates',
  'manage_pipeline',
  'manage_transform',
  'monitor_transform',
  'manage_ml',
  'monitor_ml',
  'monitor_stats',
  'transport_client',
  'none',
]);

const KNOWN_INDEX_PRIVILEGES = new Set([
  'all',
  'read',
  'read_cross_cluster',
  'view_index_metadata',
  'monitor',
  'write',
  'index',
  'create',
  'create_doc',
  'delete',
  'manage',
  'create_index',
  'delete_index',
  'manage_follow_index',
  'manage_leader_index',
  'cross_cluster_replication',
  'cross_cluster_replication_internal',
  'maintenance',
  'auto_configure',
  'manage_ilm',
  'manage_data_stream_lifecycle',
  'read_failure_store',
  'manage_failure_store',
  'none',
]);

const ROLE_FIELDS = new Set([
  'cluster',
  'indices',
  'remote_indices',
  'remote_cluster',
  'applications',
  'global',
  'metadata',
  'run_as',
  'description',
  'transient_metadata',
]);

export function esError(status: number, type: string, reason: string, extra: Record<string, unknown> = {}): Reply {
  const cause = { type, reason, ...extra };
  return { status, body: { error: { root_cause: [cause], ...cause }, status } };
}

const badRequest = (reason: string, type = 'illegal_argument_exception') => esError(400, type, reason);

/** The challenges of DefaultAuthenticationFailureHandler with the basic and API-key realms. */
const AUTHENTICATE_CHALLENGES = ['Basic realm="security", charset="UTF-8"', 'ApiKey'];

function unauthenticated(reason: string): Reply {
  const reply = esError(401, 'security_exception', reason, { header: { 'WWW-Authenticate': AUTHENTICATE_CHALLENGES } });
  return { ...reply, headers: { 'WWW-Authenticate': AUTHENTICATE_CHALLENGES } };
}

export function elasticsearchRouter(state: EmulatorState, cluster: EmulatedCluster): Router {
  const router = new Router();

  /** Wraps a handler with authentication and the privilege check for its action. */
  const secured =
    (action: Action, handler: (request: EmulatorRequest, params: Record<string, string>, principal: Principal) => Reply) =>
    (request: EmulatorRequest, params: Record<string, string>): Reply => {
      const principal = authenticate(cluster, request);
      if ('status' in principal) return principal;
      const denied = authorize(cluster, principal, action);
      if (denied) return denied;
      if (request.bodyError) return esError(400, 'x_content_parse_exception', `[1:1] ${request.bodyError}`);
      return handler(request, params, principal);
    };

  router.add(
    'GET',
    '/',
    secured(ACTIONS.main, () => ({
      status: 200,
      body: {
        name: cluster.nodeName,
        cluster_name: cluster.name,
        cluster_uuid: cluster.uuid,
        version: {
          number: cluster.version,
          build_flavor: 'default',
          build_type: 'docker',
          build_hash: '0000000000000000000000000000000000000000',
          build_date: '2026-01-01T00:00:00.000000000Z',
          build_snapshot: false,
          lucene_version: '9.11.1',
          minimum_wire_compatibility_version: '7.17.0',
          minimum_index_compatibility_version: '7.0.0',
        },
        tagline: 'You Know, for Search',
      },
    })),
  );

  router.add(
    'GET',
    '/_xpack',
    secured(ACTIONS.xpackInfo, (request) => {
      const features = {
        security: { available: true, enabled: cluster.securityEnabled },
        ccr: { available: true, enabled: true },
      };
      const categories = toList(request.url.searchParams.get('categories') ?? 'build,license,features');
      const body: Record<string, unknown> = {};
      if (categories.includes('build')) body.build = { hash: '0000000', date: '2026-01-01T00:00:00.000Z' };
      if (categories.includes('license'))
        body.license = { uid: cluster.uuid, type: 'platinum', mode: 'platinum', status: 'active' };
      if (categories.includes('features')) body.features = features;
      return { status: 200, body };
    }),
  );

  router.add(
    'GET',
    '/_cluster/settings',
    secured(ACTIONS.getSettings, (request) => {
      const flat = request.url.searchParams.get('flat_settings') === 'true';
      // Request-signing settings are Property.Filtered (CrossClusterApiKeySigningSettings): never in this response.
      const shape = (settings: Record<string, unknown>) => {
        const shown = Object.fromEntries(Object.entries(settings).filter(([key]) => !isFilteredSetting(key)));
        return flat ? sortKeys(shown) : nestSettings(shown);
      };
      const body: Record<string, unknown> = { persistent: shape(cluster.persistent), transient: shape(cluster.transient) };
      if (request.url.searchParams.get('include_defaults') === 'true') {
        body.defaults = shape(remoteDefaults(cluster.effectiveSettings(), cluster.version, cluster.remoteClusterServer.enabled));
      }
      return { status: 200, body };
    }),
  );

  router.add(
    'PUT',
    '/_cluster/settings',
    secured(ACTIONS.putSettings, (request) => {
      try {
        const update = applySettingsUpdate({ persistent: cluster.persistent, transient: cluster.transient }, request.body, {
          version: cluster.version,
        });
        cluster.persistent = update.persistent;
        cluster.transient = update.transient;
        const flat = request.url.searchParams.get('flat_settings') === 'true';
        const shape = (settings: Record<string, StoredValue>) => (flat ? sortKeys(settings) : nestSettings(settings));
        return {
          status: 200,
          body: { acknowledged: true, persistent: shape(update.changed.persistent), transient: shape(update.changed.transient) },
        };
      } catch (error) {
        if (error instanceof SettingsError)
          return badRequest(
            error.message,
            error.message.startsWith('request body') ? 'action_request_validation_exception' : 'illegal_argument_exception',
          );
        throw error;
      }
    }),
  );

  router.add(
    'GET',
    '/_remote/info',
    secured(ACTIONS.remoteInfo, () => {
      const body: Record<string, unknown> = {};
      const settings = cluster.effectiveSettings();
      for (const alias of cluster.remoteAliases()) {
        const status = state.reportedConnection(cluster, alias);
        if (!status.enabled) continue;
        const get = (suffix: string) => settings[`cluster.remote.${alias}.${suffix}`];
        const skip = get('skip_unavailable');
        const common = {
          connected: status.connected,
          initial_connect_timeout: '30s',
          skip_unavailable: skip === undefined ? skipUnavailableDefault(cluster.version) : skip === 'true',
          ...(status.usesApiKey ? { cluster_credentials: '::es_redacted::' } : {}),
        };
        if (status.mode === 'proxy') {
          const max = Number(get('proxy_socket_connections') ?? 18);
          body[alias] = {
            mode: 'proxy',
            proxy_address: String(get('proxy_address') ?? ''),
            server_name: String(get('server_name') ?? ''),
            num_proxy_sockets_connected: status.connected ? max : 0,
            max_proxy_socket_connections: max,
            ...common,
          };
        } else {
          body[alias] = {
            mode: 'sniff',
            seeds: toList(get('seeds')),
            num_nodes_connected: status.connected ? 1 : 0,
            max_connections_per_cluster: Number(get('node_connections') ?? 3),
            ...common,
          };
        }
      }
      return { status: 200, body };
    }),
  );

  addCrossClusterRoutes(router, state, cluster);

  router.add(
    'POST',
    '/_security/cross_cluster/api_key',
    secured(ACTIONS.createCrossClusterKey, (request, _params, principal) => {
      if (principal.kind === 'api_key') {
        return badRequest(
          'authentication via API key not supported: An API key cannot be used to create a cross-cluster API key',
        );
      }
      const body = asRecord(request.body);
      if (!body) return badRequest('request body is required', 'action_request_validation_exception');
      if (typeof body.name !== 'string' || body.name.trim() === '')
        return badRequest('Required [name]', 'x_content_parse_exception');
      if (body.access === undefined) return badRequest('Required [access]', 'x_content_parse_exception');
      const access = validateAccess(body.access);
      if (typeof access === 'string') return badRequest(access);
      const expiration = body.expiration === undefined ? undefined : parseDuration(body.expiration);
      if (expiration === null)
        return badRequest(`failed to parse setting [expiration] with value [${String(body.expiration)}] as a time value`);
      const issued = cluster.issueApiKey({
        name: body.name,
        type: 'cross_cluster',
        owner: principalName(principal),
        roles: [],
        access,
        metadata: asRecord(body.metadata) ?? {},
        certificateIdentity: typeof body.certificate_identity === 'string' ? body.certificate_identity : undefined,
        expiration: expiration === undefined ? undefined : Date.now() + expiration,
      });
      return {
        status: 200,
        body: {
          id: issued.id,
          name: issued.name,
          ...(issued.expiration !== undefined ? { expiration: issued.expiration } : {}),
          api_key: issued.secret,
          encoded: issued.encoded,
        },
      };
    }),
  );

  router.add(
    'PUT',
    '/_security/cross_cluster/api_key/{id}',
    secured(ACTIONS.updateCrossClusterKey, (request, params, principal) => {
      if (principal.kind === 'api_key')
        return badRequest('authentication via API key not supported: only the owner user can update an API key');
      const record = cluster.apiKeys.get(params.id);
      if (!record || record.owner !== principalName(principal)) {
        return esError(404, 'resource_not_found_exception', `no API key owned by requesting user found for ID [${params.id}]`);
      }
      if (record.type !== 'cross_cluster')
        return badRequest(`cannot update API key of type [rest] while expected type is [cross_cluster]`);
      if (record.invalidated) return badRequest(`cannot update invalidated API key [${record.id}]`);
      const body = asRecord(request.body);
      if (!body) return badRequest('request body is required', 'action_request_validation_exception');
      // The specification marks access as required, but Elasticsearch takes a metadata-only update (ApiKeyIT).
      if (body.access === undefined && body.metadata === undefined) {
        return esError(
          400,
          'action_request_validation_exception',
          'Validation Failed: 1: must update either [access] or [metadata] for cross-cluster API keys;',
        );
      }
      const access = body.access === undefined ? record.access : validateAccess(body.access);
      if (typeof access === 'string') return badRequest(access);
      const before = JSON.stringify([record.access, record.metadata, record.expiration, record.certificateIdentity]);
      record.access = access;
      if (body.metadata !== undefined) record.metadata = asRecord(body.metadata) ?? {};
      if (body.expiration !== undefined) {
        const expiration = parseDuration(body.expiration);
        if (expiration === null)
          return badRequest(`failed to parse setting [expiration] with value [${String(body.expiration)}] as a time value`);
        record.expiration = Date.now() + expiration;
      }
      if (body.certificate_identity !== undefined)
        record.certificateIdentity = typeof body.certificate_identity === 'string' ? body.certificate_identity : undefined;
      const after = JSON.stringify([record.access, record.metadata, record.expiration, record.certificateIdentity]);
      return { status: 200, body: { updated: before !== after } };
    }),
  );

  router.add(
    'DELETE',
    '/_security/api_key',
    secured(ACTIONS.invalidateKey, (request, _params, principal) => {
      const body = asRecord(request.body);
      if (!body) return badRequest('request body is required', 'action_request_validation_exception');
      const ids = [
        ...(typeof body.id === 'string' ? [body.id] : []),
        ...(Array.isArray(body.ids) ? body.ids.filter((id): id is string => typeof id === 'string') : []),
      ];
      const owner = body.owner === true;
      if (
        !ids.length &&
        typeof body.name !== 'string' &&
        typeof body.username !== 'string' &&
        typeof body.realm_name !== 'string' &&
        !owner
      ) {
        return esError(
          400,
          'action_request_validation_exception',
          'Validation Failed: 1: One of [api key id(s), api key name, username, realm name] must be specified if [owner] flag is false;',
        );
      }
      const targets = [...cluster.apiKeys.values()].filter(
        (key) =>
          (!ids.length || ids.includes(key.id)) &&
          (typeof body.name !== 'string' || key.name === body.name) &&
          (typeof body.username !== 'string' || key.owner === body.username) &&
          (!owner || key.owner === principalName(principal)),
      );
      return invalidateKeys(cluster, principal, targets);
    }),
  );

  router.add(
    'GET',
    '/_security/api_key',
    secured(ACTIONS.getKey, (request, _params, principal) => {
      const query = request.url.searchParams;
      const privileges = clusterPrivileges(cluster, principal);
      const onlyOwn =
        query.get('owner') === 'true' ||
        !['manage_api_key', 'read_security', 'manage_security', 'all'].some((name) => privileges.has(name));
      const name = query.get('name');
      const matchesName = (keyName: string) =>
        !name || (name.endsWith('*') ? keyName.startsWith(name.slice(0, -1)) : keyName === name);
      const keys = [...cluster.apiKeys.values()].filter(
        (key) =>
          (!query.get('id') || key.id === query.get('id')) &&
          matchesName(key.name) &&
          (!query.get('username') || key.owner === query.get('username')) &&
          (!onlyOwn || key.owner === principalName(principal)) &&
          (query.get('active_only') !== 'true' ||
            (!key.invalidated && (key.expiration === undefined || key.expiration > Date.now()))),
      );
      // Never the secret: GET returns what the key is, not what it is made of.
      const body = keys.map((key) => ({
        id: key.id,
        name: key.name,
        type: key.type,
        creation: key.created,
        ...(key.expiration !== undefined ? { expiration: key.expiration } : {}),
        invalidated: key.invalidated,
        username: key.owner,
        realm: 'default_native',
        metadata: key.metadata,
        ...(key.type === 'cross_cluster' && key.access ? { access: key.access } : {}),
      }));
      return { status: 200, body: { api_keys: body } };
    }),
  );

  const putRole = secured(ACTIONS.putRole, (request, params) => {
    const name = params.name;
    if (name === 'superuser' || name.startsWith('_')) return badRequest(`Role [${name}] is reserved and may not be used.`);
    if (!/^[\w@.\-+ ]{1,507}$/.test(name))
      return esError(400, 'action_request_validation_exception', `Validation Failed: 1: Invalid role name [${name}];`);
    const problem = validateRole(name, request.body);
    if (problem)
      return badRequest(
        problem,
        problem.startsWith('failed to parse') ? 'x_content_parse_exception' : 'illegal_argument_exception',
      );
    const created = !cluster.roles.has(name);
    cluster.roles.set(name, request.body as RoleDescriptor);
    return { status: 200, body: { role: { created } } };
  });
  router.add('PUT', '/_security/role/{name}', putRole);
  router.add('POST', '/_security/role/{name}', putRole);

  const getRoles = secured(ACTIONS.getRole, (_request, params) => {
    const all: Record<string, RoleDescriptor & { metadata?: Record<string, unknown> }> = {
      superuser: { ...SUPERUSER_ROLE, metadata: { _reserved: true } },
      ...Object.fromEntries(cluster.roles),
    };
    const names = params.name ? toList(params.name) : Object.keys(all);
    const body: Record<string, unknown> = {};
    for (const name of names) {
      const role = all[name];
      if (role)
        body[name] = {
          cluster: [],
          indices: [],
          applications: [],
          run_as: [],
          metadata: {},
          transient_metadata: { enabled: true },
          ...role,
        };
    }
    return { status: Object.keys(body).length || !params.name ? 200 : 404, body };
  });
  router.add('GET', '/_security/role', getRoles);
  router.add('GET', '/_security/role/{name}', getRoles);

  const reload = secured(ACTIONS.reloadSecureSettings, (request) => {
    const body = asRecord(request.body) ?? {};
    // The emulated keystore has no password; Elasticsearch rejects a wrong one per node.
    const names = cluster.reloadKeystore();
    // keystore_digest: NodeReloadResult in the specification (nodes/reload_secure_settings), a
    // digest of the keystore file; here of the emulated keystore's entries, so it changes with them.
    const digest = createHash('sha256')
      .update(JSON.stringify([...cluster.keystoreOnDisk.entries()].sort()))
      .digest('hex');
    const node: Record<string, unknown> = { name: cluster.nodeName, secure_setting_names: names, keystore_digest: digest };
    if (typeof body.secure_settings_password === 'string' && body.secure_settings_password !== '') {
      delete node.secure_setting_names;
      node.reload_exception = { type: 'security_exception', reason: 'Provided keystore password was incorrect' };
    }
    return {
      status: 200,
      body: { _nodes: { total: 1, successful: 1, failed: 0 }, cluster_name: cluster.name, nodes: { [cluster.nodeId]: node } },
    };
  });
  router.add('POST', '/_nodes/reload_secure_settings', reload);
  router.add('POST', '/_nodes/{nodeId}/reload_secure_settings', reload);

  // Cross-cluster replication, as far as the migration flow uses it: follow_info, pause_follow,
  // resume_follow, get/pause/resume auto-follow pattern (elasticsearch-specification ccr/*; shapes as
  // in x-pack/plugin/ccr/qa rest tests follow_info.yml and auto_follow.yml). Resuming needs the
  // leader's remote to be reachable; Elasticsearch then fails with a transport error (approximate here).
  router.add(
    'GET',
    '/{index}/_ccr/info',
    secured(ACTIONS.followInfo, (_request, params) => {
      const names = params.index === '_all' || params.index === '*' ? [...cluster.followers.keys()] : params.index.split(',');
      return {
        status: 200,
        body: {
          follower_indices: names
            .filter((name) => cluster.followers.has(name))
            .sort()
            .map((name) => {
              const follower = cluster.followers.get(name) as NonNullable<ReturnType<typeof cluster.followers.get>>;
              return {
                follower_index: name,
                remote_cluster: follower.remoteCluster,
                leader_index: follower.leaderIndex,
                status: follower.status,
                ...(follower.status === 'active' ? { parameters: { max_read_request_operation_count: 5120 } } : {}),
              };
            }),
        },
      };
    }),
  );
  router.add(
    'POST',
    '/{index}/_ccr/pause_follow',
    secured(ACTIONS.pauseFollow, (_request, params) => {
      const follower = cluster.followers.get(params.index);
      if (!follower) return esError(404, 'index_not_found_exception', `no such index [${params.index}]`);
      if (follower.status === 'paused')
        return badRequest(`no shard follow tasks for [${params.index}]`, 'illegal_argument_exception');
      follower.status = 'paused';
      return { status: 200, body: { acknowledged: true } };
    }),
  );
  router.add(
    'POST',
    '/{index}/_ccr/resume_follow',
    secured(ACTIONS.resumeFollow, (_request, params) => {
      const follower = cluster.followers.get(params.index);
      if (!follower) return esError(404, 'index_not_found_exception', `no such index [${params.index}]`);
      if (follower.status === 'active')
        return badRequest(`cannot follow [${params.index}], because it is already following`, 'illegal_argument_exception');
      if (!state.attemptConnection(cluster, follower.remoteCluster).connected)
        return esError(500, 'connect_transport_exception', `unable to connect to remote cluster [${follower.remoteCluster}]`);
      follower.status = 'active';
      return { status: 200, body: { acknowledged: true } };
    }),
  );
  router.add(
    'GET',
    '/_ccr/auto_follow',
    secured(ACTIONS.getAutoFollow, () => ({
      status: 200,
      body: {
        patterns: [...cluster.autoFollowPatterns.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([name, pattern]) => ({
            name,
            pattern: {
              active: pattern.active,
              remote_cluster: pattern.remoteCluster,
              leader_index_patterns: pattern.leaderIndexPatterns,
              leader_index_exclusion_patterns: [],
              follow_index_pattern: '{{leader_index}}',
              max_outstanding_read_requests: 12,
            },
          })),
      },
    })),
  );
  for (const [suffix, active] of [
    ['pause', false],
    ['resume', true],
  ] as const) {
    router.add(
      'POST',
      `/_ccr/auto_follow/{name}/${suffix}`,
      secured(ACTIONS.activateAutoFollow, (_request, params) => {
        const pattern = cluster.autoFollowPatterns.get(params.name);
        if (!pattern) return esError(404, 'resource_not_found_exception', `auto-follow pattern [${params.name}] is missing`);
        pattern.active = active;
        return { status: 200, body: { acknowledged: true } };
      }),
    );
  }

  // Remote-cluster diagnosis (test/emulator/diagnosis.ts): node roles and node certificates.
  router.add(
    'GET',
    '/_nodes',
    secured(ACTIONS.nodesInfo, () => nodesReply(cluster)),
  );
  router.add(
    'GET',
    '/_ssl/certificates',
    secured(ACTIONS.sslCertificates, () => sslCertificatesReply(cluster)),
  );

  return router;
}

/**
 * DELETE /_security/api_key as Elasticsearch's ApiKeyService does it: keys already invalidated are
 * not found again (a second call returns empty lists), and a cross-cluster key the caller may not
 * invalidate (no manage_security) is skipped and reported in `error_details`, with status 200.
 */
function invalidateKeys(cluster: EmulatedCluster, principal: Principal, targets: ApiKeyRecord[]): Reply {
  const privileges = clusterPrivileges(cluster, principal);
  const has = (names: string[]) => names.some((name) => privileges.has(name));
  const active = targets.filter((key) => !key.invalidated);
  if (!has(['manage_api_key', 'manage_security', 'all']) && active.some((key) => key.owner !== principalName(principal))) {
    return forbidden(principal, { name: ACTIONS.invalidateKey.name, granting: ['manage_api_key', 'manage_security', 'all'] });
  }
  const invalidated: string[] = [];
  const errors: Array<{ type: string; reason: string }> = [];
  for (const key of active) {
    if (key.type === 'cross_cluster' && !has(ACTIONS.invalidateCrossClusterKey.granting)) {
      errors.push({
        type: 'security_exception',
        reason: `Cannot invalidate cross-cluster API key [${key.id}]. This requires [manage_security] cluster privilege or higher`,
      });
      continue;
    }
    key.invalidated = true;
    invalidated.push(key.id);
  }
  return {
    status: 200,
    body: {
      invalidated_api_keys: invalidated,
      previously_invalidated_api_keys: [],
      error_count: errors.length,
      ...(errors.length ? { error_details: errors } : {}),
    },
  };
}

/**
 * Requests that name remote clusters (`alias:pattern`): they make the local cluster try to connect
 * to each remote they name (see EmulatorState.reportedConnection). Index-level authorization of the
 * remote part happens on the remote cluster, and the emulator holds no indices, so only
 * authentication is checked here and nothing ever matches.
 */
function addCrossClusterRoutes(router: Router, state: EmulatorState, cluster: EmulatedCluster): void {
  const authenticated =
    (handler: (request: EmulatorRequest, params: Record<string, string>) => Reply) =>
    (request: EmulatorRequest, params: Record<string, string>): Reply => {
      const principal = authenticate(cluster, request);
      return 'status' in principal ? principal : handler(request, params);
    };
  const configured = () => cluster.remoteAliases().filter((alias) => state.reportedConnection(cluster, alias).enabled);

  /** The remote aliases an expression list names, or the 404 Elasticsearch gives for an unknown one. */
  const remotesOf = (expressions: string[]): { aliases: string[]; local: string[] } | Reply => {
    const aliases = new Set<string>();
    const local: string[] = [];
    for (const expression of expressions) {
      const colon = expression.indexOf(':');
      if (expression.startsWith('-')) continue;
      if (colon < 0) {
        local.push(expression);
        continue;
      }
      const pattern = expression.slice(0, colon);
      const matching = configured().filter((alias) => globMatches(pattern, alias));
      if (!matching.length && !pattern.includes('*'))
        return esError(404, 'no_such_remote_cluster_exception', `no such remote cluster: [${pattern}]`);
      matching.forEach((alias) => aliases.add(alias));
    }
    return { aliases: [...aliases].sort(), local };
  };

  const skipUnavailable = (alias: string) => {
    const value = cluster.effectiveSettings()[`cluster.remote.${alias}.skip_unavailable`];
    return value === undefined ? skipUnavailableDefault(cluster.version) : value === 'true';
  };

  const versionInfo = (version: string) => ({
    number: version,
    build_flavor: 'default',
    minimum_wire_compatibility_version: '7.17.0',
    minimum_index_compatibility_version: '7.0.0',
  });

  const resolve = (expressions: string[] | undefined): Reply => {
    const named = remotesOf(expressions ?? ['*:*']);
    if ('status' in named) return named;
    if (named.aliases.length && !rolesOf(cluster).includes('remote_cluster_client')) {
      // RemoteClusterService refuses cross-cluster work on a node without the role.
      return esError(
        400,
        'illegal_argument_exception',
        `node [${cluster.nodeName}] does not have the remote cluster client role enabled`,
      );
    }
    const body: Record<string, unknown> = {};
    if (named.local.length)
      body['(local)'] = {
        connected: true,
        skip_unavailable: false,
        matching_indices: false,
        version: versionInfo(cluster.version),
      };
    for (const alias of named.aliases) {
      const status = state.attemptConnection(cluster, alias);
      body[alias] = status.connected
        ? {
            connected: true,
            skip_unavailable: skipUnavailable(alias),
            ...(expressions ? { matching_indices: false } : {}),
            version: versionInfo(status.remote?.version ?? cluster.version),
          }
        : // Without an error text when it could not connect at all (TransportResolveClusterAction).
          { connected: false, skip_unavailable: skipUnavailable(alias), ...errorField(resolveClusterError(status)) };
    }
    return { status: 200, body };
  };

  // The resolve-cluster API exists from 8.13; without an index expression from 8.18.
  if (atLeast(cluster.version, 8, 13)) {
    router.add(
      'GET',
      '/_resolve/cluster/{name}',
      authenticated((_request, params) => resolve(toList(params.name))),
    );
    if (atLeast(cluster.version, 8, 18))
      router.add(
        'GET',
        '/_resolve/cluster',
        authenticated(() => resolve(undefined)),
      );
  }

  const search = authenticated((_request, params) => {
    const named = remotesOf(toList(params.index));
    if ('status' in named) return named;
    const concrete = named.local.find((name) => !name.includes('*'));
    if (concrete)
      return esError(404, 'index_not_found_exception', `no such index [${concrete}]`, {
        'resource.type': 'index_or_alias',
        'resource.id': concrete,
        index: concrete,
      });
    let skipped = 0;
    for (const alias of named.aliases) {
      if (state.attemptConnection(cluster, alias).connected) continue;
      // Approximate text: Elasticsearch fails the search with the transport error of the failed connection.
      if (!skipUnavailable(alias))
        return esError(500, 'connect_transport_exception', `[${alias}] unable to connect to the remote cluster`);
      skipped += 1;
    }
    const total = named.aliases.length + (named.local.length ? 1 : 0);
    return {
      status: 200,
      body: {
        took: 1,
        timed_out: false,
        _shards: { total: 0, successful: 0, skipped: 0, failed: 0 },
        ...(named.aliases.length ? { _clusters: { total, successful: total - skipped, skipped } } : {}),
        hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
      },
    };
  });
  router.add('GET', '/{index}/_search', search);
  router.add('POST', '/{index}/_search', search);
}

function errorField(error: string | undefined): { error?: string } {
  return error === undefined ? {} : { error };
}

function globMatches(pattern: string, value: string): boolean {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(value);
}

function authenticate(cluster: EmulatedCluster, request: EmulatorRequest): Principal | Reply {
  if (!cluster.securityEnabled) return { kind: 'anonymous', roles: ['superuser'] };
  const header = request.headers.authorization;
  if (!header)
    return unauthenticated(`missing authentication credentials for REST request [${request.url.pathname}${request.url.search}]`);
  const [scheme, ...rest] = header.split(' ');
  const credential = rest.join(' ').trim();
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const username = colon >= 0 ? decoded.slice(0, colon) : decoded;
    const user = cluster.users.get(username);
    if (!user || colon < 0 || user.password !== decoded.slice(colon + 1)) {
      return unauthenticated(
        `unable to authenticate user [${username}] for REST request [${request.url.pathname}${request.url.search}]`,
      );
    }
    return { kind: 'user', username, roles: user.roles };
  }
  if (/^apikey$/i.test(scheme)) {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const key = colon > 0 ? cluster.apiKeys.get(decoded.slice(0, colon)) : undefined;
    const valid =
      key &&
      key.secret === decoded.slice(colon + 1) &&
      !key.invalidated &&
      (key.expiration === undefined || key.expiration > Date.now());
    if (!valid || !key)
      return unauthenticated(
        'unable to authenticate with provided credentials and anonymous access is not allowed for this request',
      );
    // Cross-cluster keys only authenticate on the remote cluster interface (api_key/50_cross_cluster.yml).
    if (key.type !== 'rest')
      return unauthenticated(`authentication expected API key type of [rest], but API key [${key.id}] has type [${key.type}]`);
    return { kind: 'api_key', id: key.id, owner: key.owner, roles: key.roles };
  }
  return unauthenticated(`unable to authenticate with provided credentials and anonymous access is not allowed for this request`);
}

function roleDescriptors(cluster: EmulatedCluster, roles: string[]): RoleDescriptor[] {
  return roles
    .map((name) => (name === 'superuser' ? SUPERUSER_ROLE : cluster.roles.get(name)))
    .filter((role): role is RoleDescriptor => Boolean(role));
}

function clusterPrivileges(cluster: EmulatedCluster, principal: Principal): Set<string> {
  return new Set(roleDescriptors(cluster, principal.roles).flatMap((role) => role.cluster ?? []));
}

function authorize(cluster: EmulatedCluster, principal: Principal, action: Action): Reply | undefined {
  const privileges = clusterPrivileges(cluster, principal);
  return action.granting.some((privilege) => privileges.has(privilege)) ? undefined : forbidden(principal, action);
}

function forbidden(principal: Principal, action: Action): Reply {
  const who =
    principal.kind === 'api_key'
      ? `API key id [${principal.id}] of user [${principal.owner}]`
      : `user [${principal.kind === 'user' ? principal.username : '_anonymous'}] with effective roles [${principal.roles.join(',')}]`;
  return esError(
    403,
    'security_exception',
    `action [${action.name}] is unauthorized for ${who}, this action is granted by the cluster privileges [${action.granting.join(',')}]`,
  );
}

function principalName(principal: Principal): string {
  return principal.kind === 'user' ? principal.username : principal.kind === 'api_key' ? principal.owner : '_anonymous';
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** `access` of a cross-cluster key: search/replication lists of `{names, ...}`; at least one of the two. */
function validateAccess(value: unknown): CrossClusterAccess | string {
  const access = asRecord(value);
  if (!access) return 'failed to parse [access]: expected an object';
  const unknown = Object.keys(access).find((key) => key !== 'search' && key !== 'replication');
  if (unknown) return `failed to parse [access]: unknown field [${unknown}]`;
  for (const kind of ['search', 'replication'] as const) {
    const entries = access[kind];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) return `failed to parse [access.${kind}]: expected an array`;
    for (const entry of entries) {
      const record = asRecord(entry);
      const names = record?.names;
      if (
        !record ||
        !(typeof names === 'string' || (Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string')))
      ) {
        return `failed to parse [access.${kind}]: [names] is required`;
      }
      if ('privileges' in record) return `failed to parse [access.${kind}]: unknown field [privileges]`;
    }
  }
  const count = (kind: 'search' | 'replication') => (Array.isArray(access[kind]) ? (access[kind] as unknown[]).length : 0);
  if (count('search') + count('replication') === 0) return 'must specify non-empty access for either [search] or [replication]';
  // CrossClusterApiKeyRoleDescriptorBuilder.build. Later sources also refuse DLS/FLS in `search`
  // when `replication` is given; the release that added it is not known here, so it is not modelled.
  const replicationUsesDlsOrFls = (Array.isArray(access.replication) ? (access.replication as unknown[]) : []).some(
    (entry) => asRecord(entry)?.query !== undefined || asRecord(entry)?.field_security !== undefined,
  );
  if (replicationUsesDlsOrFls) return 'replication does not support document or field level security';
  return access as CrossClusterAccess;
}

function validateRole(name: string, value: unknown): string | undefined {
  const role = asRecord(value);
  if (!role) return `failed to parse role [${name}]. expected an object`;
  const unknown = Object.keys(role).find((key) => !ROLE_FIELDS.has(key));
  if (unknown) return `failed to parse role [${name}]. unexpected field [${unknown}]`;
  for (const privilege of stringList(role.cluster)) {
    if (!KNOWN_CLUSTER_PRIVILEGES.has(privilege) && !privilege.startsWith('cluster:')) {
      return `unknown cluster privilege [${privilege}]. a privilege must be either one of the predefined cluster privilege names [${[...KNOWN_CLUSTER_PRIVILEGES].sort().join(',')}] or a pattern over one of the available cluster actions`;
    }
  }
  for (const field of ['indices', 'remote_indices'] as const) {
    const entries = role[field];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) return `failed to parse role [${name}]. [${field}] must be an array`;
    for (const entry of entries) {
      const record = asRecord(entry);
      if (!record || record.names === undefined)
        return `failed to parse ${field === 'indices' ? 'indices' : 'remote indices'} privileges for role [${name}]. missing required [names] field`;
      if (!Array.isArray(record.privileges))
        return `failed to parse ${field === 'indices' ? 'indices' : 'remote indices'} privileges for role [${name}]. missing required [privileges] field`;
      if (field === 'remote_indices' && record.clusters === undefined)
        return `failed to parse remote indices privileges for role [${name}]. missing required [clusters] field`;
      for (const privilege of stringList(record.privileges)) {
        if (!KNOWN_INDEX_PRIVILEGES.has(privilege) && !privilege.startsWith('indices:')) {
          return `unknown index privilege [${privilege}]. a privilege must be either one of the predefined fixed indices privileges [${[...KNOWN_INDEX_PRIVILEGES].sort().join(',')}] or a pattern over one of the available index actions`;
        }
      }
    }
  }
  if (role.remote_cluster !== undefined) {
    if (!Array.isArray(role.remote_cluster)) return `failed to parse role [${name}]. [remote_cluster] must be an array`;
    for (const entry of role.remote_cluster) {
      const record = asRecord(entry);
      if (!record || record.clusters === undefined)
        return `failed to parse remote_cluster for role [${name}]. missing required [clusters] field`;
      const bad = stringList(record.privileges).find(
        (privilege) => privilege !== 'monitor_enrich' && privilege !== 'monitor_stats',
      );
      if (bad)
        return `Invalid remote_cluster permissions found. Please remove the following: [${bad}] Only [monitor_enrich, monitor_stats] are allowed`;
    }
  }
  return undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `1d`, `12h`, `30m`, … in milliseconds; null when it does not parse. */
function parseDuration(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value.trim());
  if (!match) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/** Settings Elasticsearch filters out of GET _cluster/settings: the request-signing ones (9.3). */
export function isFilteredSetting(key: string): boolean {
  return /^cluster\.remote\.(signing\.|[-\w]+\.signing\.)/.test(key);
}
