/**
 * Elasticsearch contract cases: transcribed (as data, in our own form) from the assertions of
 * Elasticsearch's REST tests and Java tests, and from the elasticsearch-specification texts, for
 * the endpoints the extension calls.
 */
import type { ContractCase, SourceRef } from '../format';

const ES = 'elastic/elasticsearch';
const SPEC: Omit<SourceRef, 'path'> = {
  repo: 'elastic/elasticsearch-specification',
  commit: '9d9b9a521cc1070c1c9eb6c77d91c3a5fb09730d',
};

const PUT_SETTINGS_YAML: SourceRef = {
  repo: ES,
  path: 'rest-api-spec/src/yamlRestTest/resources/rest-api-spec/test/cluster.put_settings/10_basic.yml',
  commit: '85b7e441b4c6d082d75d9b8dfe10022cdbee8cf7',
};
const REMOTE_INFO_YAML: SourceRef = {
  repo: ES,
  path: 'rest-api-spec/src/yamlRestTest/resources/rest-api-spec/test/cluster.remote_info/10_info.yml',
  commit: 'ade08acad31f09d016f499215d30c9a8b010b863',
};
const MULTI_CLUSTER_INFO_YAML: SourceRef = {
  repo: ES,
  path: 'qa/multi-cluster-search/src/test/resources/rest-api-spec/test/multi_cluster/20_info.yml',
  commit: 'caae08c9ed5088d9b2812c54dd0c720e0ee7b44b',
};
const CROSS_CLUSTER_KEY_YAML: SourceRef = {
  repo: ES,
  path: 'x-pack/plugin/src/yamlRestTest/resources/rest-api-spec/test/api_key/50_cross_cluster.yml',
  commit: '27a1bafbebe32184aff5b2daf757548c3420b674',
};
const API_KEY_REST_IT: SourceRef = {
  repo: ES,
  path: 'x-pack/plugin/security/qa/security-trial/src/javaRestTest/java/org/elasticsearch/xpack/security/apikey/ApiKeyRestIT.java',
  commit: 'b70a1f67f6ba474bb124d3ed84d911e4db04dcdf',
};
const REMOTE_ROLE_YAML: SourceRef = {
  repo: ES,
  path: 'x-pack/plugin/src/yamlRestTest/resources/rest-api-spec/test/roles/50_remote_only.yml',
  commit: '3db82000f15eda2b56612e79777248f718147b1b',
};
const MISSING_ROLE_YAML: SourceRef = {
  repo: ES,
  path: 'x-pack/plugin/src/yamlRestTest/resources/rest-api-spec/test/roles/20_get_missing.yml',
  commit: 'b6fe48ffe62531632050475f410ad32a89cb03b2',
};
const RELOAD_YAML: SourceRef = {
  repo: ES,
  path: 'rest-api-spec/src/yamlRestTest/resources/rest-api-spec/test/nodes.reload_secure_settings/10_basic.yml',
  commit: 'a7c6be0589d92941917bec8392ed080afb072861',
};
const SCOPED_SETTINGS: SourceRef = {
  repo: ES,
  path: 'server/src/internalClusterTest/java/org/elasticsearch/cluster/settings/ClusterSettingsIT.java',
  commit: '6017acf1e415d2ab4cfabd5fca4aafa82162caab',
  part: 'unknown settings ("not recognized", also for null), as AbstractScopedSettings.updateSettings throws',
};
const REALM: SourceRef = {
  repo: ES,
  path: 'x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/security/authc/Realm.java',
  commit: '196bde0094d1b4c8caeafc07585a9e3d93b66770',
  part: 'getAuthenticationFailureHeaders',
};

const CREATE_KEY_BODY = {
  name: 'my-cc-api-key',
  expiration: '1d',
  access: {
    search: [
      { names: ['logs*'], query: { term: { category: 'shared' } }, field_security: { grant: ['*'], except: ['private'] } },
    ],
    replication: [{ names: ['archive'], allow_restricted_indices: false }],
  },
  metadata: { answer: 42, tag: 'dev' },
};

export const ELASTICSEARCH_CASES: ContractCase[] = [
  {
    name: 'ccr follow_info and get_auto_follow_pattern answer empty lists on a cluster without followers; pausing or resuming what does not exist is a 404',
    sources: [
      {
        ...SPEC,
        path: 'specification/ccr/follow_info',
        part: 'FollowInfoRequest (/{index}/_ccr/info), FollowInfoResponse, FollowerIndex',
      },
      { ...SPEC, path: 'specification/ccr/get_auto_follow_pattern', part: 'GetAutoFollowPatternRequest, AutoFollowPattern' },
      { ...SPEC, path: 'specification/ccr/pause_follow', part: 'PauseFollowIndexRequest, AcknowledgedResponseBase' },
      { ...SPEC, path: 'specification/ccr/resume_follow', part: 'ResumeFollowIndexRequest (body optional)' },
      { ...SPEC, path: 'specification/ccr/pause_auto_follow_pattern', part: 'PauseAutoFollowPatternRequest' },
      { ...SPEC, path: 'specification/ccr/resume_auto_follow_pattern', part: 'ResumeAutoFollowPatternRequest' },
    ],
    world: 'elasticsearch',
    steps: [
      { client: 'local', call: 'getFollowInfo', expect: { length: { follower_indices: 0 } } },
      { client: 'local', call: 'getAutoFollowPatterns', expect: { length: { patterns: 0 } } },
      { client: 'local', call: 'pauseFollow', args: ['no-such-follower'], expect: { status: 404 } },
      { client: 'local', call: 'resumeFollow', args: ['no-such-follower'], expect: { status: 404 } },
      { client: 'local', call: 'setAutoFollowPatternActive', args: ['no-such-pattern', false], expect: { status: 404 } },
      { client: 'local', call: 'setAutoFollowPatternActive', args: ['no-such-pattern', true], expect: { status: 404 } },
    ],
    note: 'The 404s for a missing follower index (index_not_found_exception) and a missing auto-follow pattern (resource_not_found_exception) follow the exception types Elasticsearch uses for them; their reason texts are not asserted.',
  },
  {
    name: 'GET / names the cluster and its version',
    sources: [{ ...SPEC, path: 'specification/_global/info/RootNodeInfoResponse.ts' }],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'info',
        expect: {
          match: { cluster_name: 'local', 'version.number': '8.14.3' },
          required: { '': ['cluster_name', 'cluster_uuid', 'name', 'tagline', 'version'] },
        },
      },
    ],
  },
  {
    name: 'GET /_xpack?categories=features reports security as a feature',
    sources: [{ ...SPEC, path: 'specification/xpack/info/types.ts', part: 'Features, Feature' }],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'xpackFeatures',
        expect: { required: { 'features.security': ['available', 'enabled'] }, absent: ['build', 'license'] },
      },
    ],
  },
  {
    name: 'put and reset persistent settings',
    sources: [{ ...PUT_SETTINGS_YAML, part: 'Test put and reset persistent settings' }],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.routing.allocation.enable': 'none' } }, { flatSettings: true }],
        expect: { match: { persistent: { 'cluster.routing.allocation.enable': 'none' } } },
      },
      {
        client: 'local',
        call: 'getClusterSettings',
        args: [{ flatSettings: true }],
        expect: { match: { persistent: { 'cluster.routing.allocation.enable': 'none' } } },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.routing.allocation.enable': null } }, { flatSettings: true }],
        expect: { match: { persistent: {} } },
      },
      { client: 'local', call: 'getClusterSettings', args: [{ flatSettings: true }], expect: { match: { persistent: {} } } },
    ],
  },
  {
    name: 'put and reset transient settings',
    sources: [{ ...PUT_SETTINGS_YAML, part: 'Test put and reset transient settings' }],
    world: 'elasticsearch',
    note: 'The deprecation warning header of transient settings is not emulated.',
    steps: [
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { 'cluster.routing.allocation.enable': 'none' } }, { flatSettings: true }],
        expect: { match: { transient: { 'cluster.routing.allocation.enable': 'none' } } },
      },
      {
        client: 'local',
        call: 'getClusterSettings',
        args: [{ flatSettings: true }],
        expect: { match: { transient: { 'cluster.routing.allocation.enable': 'none' } } },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { 'cluster.routing.allocation.enable': null } }, { flatSettings: true }],
        expect: { match: { transient: {} } },
      },
      { client: 'local', call: 'getClusterSettings', args: [{ flatSettings: true }], expect: { match: { transient: {} } } },
    ],
  },
  {
    name: 'an unknown setting is "not recognized", also when nulled; a static one is "not dynamically updateable"',
    sources: [SCOPED_SETTINGS],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { no_idea_what_you_are_talking_about: 'value' } }],
        expect: {
          status: 400,
          type: 'illegal_argument_exception',
          reason: 'transient setting [no_idea_what_you_are_talking_about], not recognized',
        },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.x.bogus': 'value' } }],
        expect: { status: 400, reason: 'persistent setting [cluster.remote.x.bogus], not recognized' },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.x.seed': null } }],
        expect: { status: 400, reason: 'persistent setting [cluster.remote.x.seed], not recognized' },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'remote_cluster_server.enabled': true } }],
        expect: { status: 400, reason: 'persistent setting [remote_cluster_server.enabled], not dynamically updateable' },
      },
    ],
  },
  {
    name: "remote-cluster settings: keys of the other mode, and addresses without a valid port, are refused with Elasticsearch's texts",
    sources: [
      {
        repo: ES,
        path: 'server/src/main/java/org/elasticsearch/transport/RemoteConnectionStrategy.java',
        commit: '3a11d57e77333746abe044dfb34a6ce6571748c3',
        part: 'StrategyValidator, parsePort, indexOfPortSeparator',
      },
    ],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.a.seeds': ['a.example:9300'] } }],
        expect: { match: { acknowledged: true } },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.a.mode': 'proxy', 'cluster.remote.a.proxy_address': 'a.example:9443' } }],
        expect: {
          status: 400,
          reason:
            'Setting "cluster.remote.a.seeds" cannot be used with the configured "cluster.remote.a.mode" [required=SNIFF, configured=PROXY]',
        },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.b.seeds': ['b.example'] } }],
        expect: { status: 400, reason: 'remote hosts need to be configured as [host:port], found [b.example] instead' },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.b.seeds': ['b.example:0'] } }],
        expect: { status: 400, reason: 'port number must be > 0 but was: [0]' },
      },
    ],
  },
  {
    name: 'no remote clusters: an empty remote info',
    sources: [{ ...REMOTE_INFO_YAML, part: 'Get an empty remote info' }],
    world: 'elasticsearch',
    steps: [{ client: 'local', call: 'remoteInfo', expect: { match: { '': {} } } }],
  },
  {
    name: 'skip_unavailable is returned as part of _remote/info; a string seed is echoed as given',
    sources: [{ ...MULTI_CLUSTER_INFO_YAML, part: 'skip_unavailable is returned as part of _remote/info response' }],
    world: 'elasticsearch',
    note: 'Run on 8.14.3, where skip_unavailable still defaults to false (it is true from 8.15).',
    steps: [
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { 'cluster.remote.remote1.seeds': '$remote_transport' } }, { flatSettings: true }],
        expect: { match: { transient: { 'cluster.remote.remote1.seeds': '$remote_transport' } } },
      },
      { client: 'local', call: 'remoteInfo', expect: { isFalse: ['remote1.skip_unavailable'] } },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { 'cluster.remote.remote1.skip_unavailable': true } }],
        expect: { isTrue: ['transient.cluster.remote.remote1.skip_unavailable'] },
      },
      { client: 'local', call: 'remoteInfo', expect: { isTrue: ['remote1.skip_unavailable'] } },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { 'cluster.remote.remote1.skip_unavailable': false } }],
        expect: { isFalse: ['transient.cluster.remote.remote1.skip_unavailable'] },
      },
      { client: 'local', call: 'remoteInfo', expect: { isFalse: ['remote1.skip_unavailable'] } },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { 'cluster.remote.remote1.skip_unavailable': null } }],
        expect: { match: { transient: {} } },
      },
      { client: 'local', call: 'remoteInfo', expect: { isFalse: ['remote1.skip_unavailable'] } },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ transient: { 'cluster.remote.remote1.seeds': null, 'cluster.remote.remote1.skip_unavailable': null } }],
        expect: { match: { transient: {} } },
      },
    ],
  },
  {
    name: 'a search on alias:* establishes the connection that _remote/info then reports',
    sources: [
      { ...MULTI_CLUSTER_INFO_YAML, part: 'Add transient remote cluster based on the preset cluster and check remote info' },
    ],
    world: 'elasticsearch',
    note: "Uses node_connections (the current key) instead of the file's older sniff.node_connections; the emulator has no indices, so the search returns no hits.",
    steps: [
      { state: { trust: { cluster: 'remote', of: 'local' } } },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [
          {
            transient: {
              'cluster.remote.test_remote_cluster.mode': 'sniff',
              'cluster.remote.test_remote_cluster.node_connections': '2',
              'cluster.remote.test_remote_cluster.seeds': '$remote_transport',
            },
          },
          { flatSettings: true },
        ],
        expect: {
          match: {
            'transient.cluster\\.remote\\.test_remote_cluster\\.mode': 'sniff',
            'transient.cluster\\.remote\\.test_remote_cluster\\.node_connections': '2',
            'transient.cluster\\.remote\\.test_remote_cluster\\.seeds': '$remote_transport',
          },
        },
      },
      {
        client: 'local',
        call: 'searchWithoutHits',
        args: [['test_remote_cluster:*']],
        expect: { match: { total: 1, skipped: 0 } },
      },
      {
        client: 'local',
        call: 'remoteInfo',
        expect: {
          match: {
            'test_remote_cluster.connected': true,
            'test_remote_cluster.seeds.0': '$remote_transport',
            'test_remote_cluster.max_connections_per_cluster': 2,
            'test_remote_cluster.initial_connect_timeout': '30s',
            'test_remote_cluster.mode': 'sniff',
          },
          gt: { 'test_remote_cluster.num_nodes_connected': 0 },
        },
      },
    ],
  },
  {
    name: 'Elasticsearch does not reconnect by itself; resolve cluster makes it try, and _remote/info then shows the outcome',
    sources: [
      {
        ...SPEC,
        path: 'specification/cluster/remote_info/ClusterRemoteInfoRequest.ts',
        part: '"Elasticsearch does not spontaneously try to reconnect to a disconnected remote cluster"',
      },
      {
        ...SPEC,
        path: 'specification/indices/resolve_cluster/ResolveClusterRequest.ts',
        part: 'Test availability of remote clusters',
      },
      { ...SPEC, path: 'specification/indices/resolve_cluster/ResolveClusterResponse.ts' },
    ],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.r.mode': 'proxy', 'cluster.remote.r.proxy_address': '$remote_transport' } }],
        expect: { match: { acknowledged: true } },
      },
      { client: 'local', call: 'remoteInfo', expect: { match: { 'r.connected': false, 'r.mode': 'proxy' } } },
      { state: { trust: { cluster: 'remote', of: 'local' } } },
      { client: 'local', call: 'remoteInfo', expect: { match: { 'r.connected': false } } },
      {
        client: 'local',
        call: 'resolveCluster',
        args: [['r:*']],
        expect: {
          match: { 'r.connected': true, 'r.skip_unavailable': false, 'r.matching_indices': false, 'r.version.number': '8.17.0' },
          absent: ['r.error', '(local)'],
        },
      },
      {
        client: 'local',
        call: 'remoteInfo',
        expect: { match: { 'r.connected': true }, gt: { 'r.num_proxy_sockets_connected': 0 } },
      },
    ],
  },
  {
    name: 'resolve cluster on an unreachable remote: connected false and no error text',
    sources: [{ ...SPEC, path: 'specification/indices/resolve_cluster/ResolveClusterResponse.ts', part: 'ResolveClusterInfo' }],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.gone.seeds': ['nowhere.example:9300'] } }],
        expect: { match: { acknowledged: true } },
      },
      {
        client: 'local',
        call: 'resolveCluster',
        args: [['gone:*']],
        expect: { match: { gone: { connected: false, skip_unavailable: false } } },
      },
    ],
  },
  {
    name: 'resolve cluster exists from 8.13; an 8.12 cluster has no handler for it',
    sources: [
      {
        ...SPEC,
        path: 'specification/indices/resolve_cluster/ResolveClusterRequest.ts',
        part: '@availability stack since=8.13.0',
      },
    ],
    world: 'elasticsearch',
    steps: [
      {
        client: 'old',
        call: 'resolveCluster',
        args: [['r:*']],
        expect: { status: 400, reason: /^no handler found for uri \[\/_resolve\/cluster\/r:\*/ },
      },
    ],
  },
  {
    name: 'create a cross-cluster API key; it cannot authenticate REST requests',
    sources: [{ ...CROSS_CLUSTER_KEY_YAML, part: 'Test create a cross-cluster API key' }],
    world: 'elasticsearch',
    note: 'The REST rejection is checked on GET / (the emulator has no _security/_authenticate); authentication fails before any action, so the endpoint does not matter.',
    steps: [
      {
        client: 'local',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [CREATE_KEY_BODY],
        expect: { match: { name: 'my-cc-api-key', encoded: '$base64(id:api_key)' }, isTrue: ['id', 'api_key', 'expiration'] },
        set: { id: 'id', api_key: 'api_key', encoded: 'encoded' },
      },
      {
        http: { target: 'local', method: 'GET', path: '/', auth: { apiKey: '$encoded' } },
        expect: {
          status: 401,
          type: 'security_exception',
          reason: 'authentication expected API key type of [rest], but API key [${id}] has type [cross_cluster]',
        },
      },
    ],
  },
  {
    name: 'cross-cluster keys: no document or field level security for replication',
    sources: [
      { ...API_KEY_REST_IT, part: 'testCrossClusterApiKeyDoesNotAllowDlsFlsForReplication' },
      {
        repo: ES,
        path: 'x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/security/action/apikey/CrossClusterApiKeyRoleDescriptorBuilder.java',
        commit: 'cde2714f032ff05cd71b1dc14582400e7026d4d4',
        part: 'build',
      },
    ],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [{ name: 'key', access: { replication: [{ names: ['logs'], query: { term: { tag: 42 } } }] } }],
        expect: { status: 400, reason: 'replication does not support document or field level security' },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [
          { name: 'key', access: { replication: [{ names: ['logs'], field_security: { grant: ['*'], except: ['private'] } }] } },
        ],
        expect: { status: 400, reason: 'replication does not support document or field level security' },
      },
    ],
  },
  {
    name: 'update a cross-cluster API key, then the same update again is a no-op',
    sources: [{ ...CROSS_CLUSTER_KEY_YAML, part: 'Test update a cross-cluster API Key' }],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [{ name: 'my-cc-api-key', access: { search: [{ names: ['logs*'] }] }, metadata: { tag: 'dev' } }],
        expect: { isTrue: ['id'] },
        set: { id: 'id' },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'updateCrossClusterApiKey',
        args: ['$id', { access: { replication: [{ names: ['archive'] }] }, metadata: { tag: 'prod' } }],
        expect: { match: { updated: true } },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'updateCrossClusterApiKey',
        args: ['$id', { access: { replication: [{ names: ['archive'] }] }, metadata: { tag: 'prod' } }],
        expect: { match: { updated: false } },
      },
    ],
  },
  {
    name: 'cross-cluster key updates: metadata alone is enough; an empty body or empty access is refused',
    sources: [
      { ...API_KEY_REST_IT, part: 'testUpdateFailureCases, testUpdateCrossClusterApiKey' },
      {
        ...SPEC,
        path: 'specification/security/update_cross_cluster_api_key/UpdateCrossClusterApiKeyRequest.ts',
        part: 'marks access required; Elasticsearch does not',
      },
    ],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [{ name: 'cross-cluster-key', access: { search: [{ names: ['metrics'] }] } }],
        expect: {},
        set: { id: 'id' },
      },
      {
        http: { target: 'local', method: 'PUT', path: '/_security/cross_cluster/api_key/${id}', body: {}, auth: 'admin_user' },
        expect: { status: 400, reason: /must update either \[access\] or \[metadata\] for cross-cluster API keys/ },
      },
      {
        http: {
          target: 'local',
          method: 'PUT',
          path: '/_security/cross_cluster/api_key/${id}',
          body: { access: {} },
          auth: 'admin_user',
        },
        expect: { status: 400, reason: /must specify non-empty access for either \[search\] or \[replication\]/ },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'updateCrossClusterApiKey',
        args: ['$id', { metadata: { env: 'prod' } }],
        expect: { match: { updated: true } },
      },
      {
        client: 'local',
        call: 'updateCrossClusterApiKey',
        args: ['$id', { metadata: {} }],
        expect: { status: 404, reason: /no API key owned by requesting user found/ },
      },
    ],
  },
  {
    name: 'get API keys by name and by id: what a key is (type, invalidated, owner), never its secret',
    sources: [
      { ...SPEC, path: 'specification/security/get_api_key/SecurityGetApiKeyRequest.ts', part: 'query parameters id, name' },
      {
        ...SPEC,
        path: 'specification/security/_types/ApiKey.ts',
        part: 'ApiKey: required id, name, type, creation, invalidated, username, realm, metadata',
      },
    ],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [{ name: 'lookup-key', access: { search: [{ names: ['logs-*'] }] } }],
        expect: { isTrue: ['id'] },
        set: { id: 'id', secret: 'api_key' },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'getApiKeys',
        args: [{ name: 'lookup-key' }],
        expect: {
          length: { api_keys: 1 },
          match: { 'api_keys.0.id': '$id', 'api_keys.0.type': 'cross_cluster', 'api_keys.0.invalidated': false },
          required: { 'api_keys[*]': ['id', 'name', 'type', 'creation', 'invalidated', 'username', 'realm', 'metadata'] },
          absent: ['api_keys.0.api_key', 'api_keys.0.encoded'],
        },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'invalidateApiKeys',
        args: [{ ids: ['$id'] }],
        expect: { length: { invalidated_api_keys: 1 } },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'getApiKeys',
        args: [{ id: '$id' }],
        expect: { length: { api_keys: 1 }, match: { 'api_keys.0.invalidated': true } },
      },
    ],
  },
  {
    name: 'invalidate a cross-cluster API key',
    sources: [{ ...CROSS_CLUSTER_KEY_YAML, part: 'Test invalidate a cross-cluster API Key' }],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [{ name: 'my-cc-api-key', access: { search: [{ names: ['*'], allow_restricted_indices: true }] } }],
        expect: { isTrue: ['id'] },
        set: { id: 'id' },
      },
      {
        client: 'local',
        auth: 'admin_user',
        call: 'invalidateApiKeys',
        args: [{ ids: ['$id'] }],
        expect: {
          length: { invalidated_api_keys: 1, previously_invalidated_api_keys: 0 },
          match: { 'invalidated_api_keys.0': '$id', error_count: 0 },
        },
      },
    ],
  },
  {
    name: 'put a role with remote_indices and remote_cluster, and read it back',
    sources: [{ ...REMOTE_ROLE_YAML, part: 'Test put remote role api' }],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'putRole',
        args: [
          'remote_role',
          {
            remote_indices: [{ names: ['logs*'], privileges: ['read'], allow_restricted_indices: false, clusters: ['*'] }],
            remote_cluster: [{ privileges: ['monitor_enrich'], clusters: ['my_remote*', 'my_remote2*'] }],
          },
        ],
        expect: { match: { role: { created: true } } },
      },
      {
        client: 'local',
        call: 'getRoles',
        args: [['remote_role']],
        expect: {
          match: {
            'remote_role.remote_indices.0.names.0': 'logs*',
            'remote_role.remote_indices.0.privileges.0': 'read',
            'remote_role.remote_indices.0.allow_restricted_indices': false,
            'remote_role.remote_indices.0.clusters.0': '*',
            'remote_role.remote_cluster.0.privileges.0': 'monitor_enrich',
            'remote_role.remote_cluster.0.clusters.0': 'my_remote*',
            'remote_role.remote_cluster.0.clusters.1': 'my_remote2*',
          },
        },
      },
    ],
  },
  {
    name: 'a missing role (or several) is a 404',
    sources: [MISSING_ROLE_YAML],
    world: 'elasticsearch',
    steps: [
      { client: 'local', call: 'getRoles', args: [['foo']], expect: { status: 404, match: { '': {} } } },
      { client: 'local', call: 'getRoles', args: [['foo', 'bar']], expect: { status: 404, match: { '': {} } } },
    ],
  },
  {
    name: 'reload secure settings: a wrong keystore password fails per node; none reloads',
    sources: [RELOAD_YAML],
    world: 'elasticsearch',
    steps: [
      {
        client: 'local',
        call: 'reloadSecureSettings',
        args: [{ nodeIds: ['_local'], secure_settings_password: 'awrongpasswordhere' }],
        expect: { isTrue: ['nodes', 'cluster_name'] },
        set: { node_id: 'nodes._arbitrary_key_' },
      },
      {
        client: 'local',
        call: 'reloadSecureSettings',
        args: [{ nodeIds: ['_local'], secure_settings_password: 'awrongpasswordhere' }],
        expect: {
          match: {
            'nodes.${node_id}.reload_exception.type': 'security_exception',
            'nodes.${node_id}.reload_exception.reason':
              /^(Provided keystore password was incorrect|Keystore has been corrupted or tampered with)$/,
          },
        },
      },
      {
        client: 'local',
        call: 'reloadSecureSettings',
        expect: { isTrue: ['nodes', 'cluster_name'], isFalse: ['nodes.${node_id}.reload_exception'] },
      },
    ],
  },
  {
    name: 'a cross-cluster key in the keystore, loaded by a reload, connects the API-key model',
    sources: [
      {
        ...SPEC,
        path: 'specification/cluster/remote_info/ClusterRemoteInfoResponse.ts',
        part: 'cluster_credentials: "::es_redacted::" with the API key model',
      },
      { ...SPEC, path: 'specification/nodes/reload_secure_settings/ReloadSecureSettingsRequest.ts' },
    ],
    world: 'elasticsearch',
    steps: [
      {
        client: 'remote',
        auth: 'admin_user',
        call: 'createCrossClusterApiKey',
        args: [{ name: 'to-local', access: { search: [{ names: ['logs-*'] }] } }],
        expect: {},
        set: { encoded: 'encoded' },
      },
      { state: { keystore: { cluster: 'local', name: 'cluster.remote.k.credentials', value: '$encoded' } } },
      {
        client: 'local',
        call: 'reloadSecureSettings',
        expect: { match: { '_nodes.failed': 0 } },
        set: { node: 'nodes._arbitrary_key_' },
      },
      {
        client: 'local',
        call: 'reloadSecureSettings',
        expect: { match: { 'nodes.${node}.secure_setting_names': ['cluster.remote.k.credentials'] } },
      },
      {
        client: 'local',
        call: 'putClusterSettings',
        args: [{ persistent: { 'cluster.remote.k.mode': 'proxy', 'cluster.remote.k.proxy_address': '$remote_server' } }],
        expect: { match: { acknowledged: true } },
      },
      {
        client: 'local',
        call: 'remoteInfo',
        expect: {
          match: { 'k.connected': true, 'k.cluster_credentials': '::es_redacted::', 'k.proxy_address': '$remote_server' },
        },
      },
    ],
  },
  {
    name: "a request without credentials gets 401 with the realms' challenges",
    sources: [REALM, { ...SPEC, path: 'specification/_types/Errors.ts', part: 'ErrorCause' }],
    world: 'elasticsearch',
    note: 'Releases differ in the Basic challenge: older ones send it without the comma before charset, newer ones (RFC 7235) with it; both are accepted here.',
    steps: [
      {
        http: { target: 'local', method: 'GET', path: '/_remote/info', auth: 'none' },
        expect: {
          status: 401,
          type: 'security_exception',
          reason: 'missing authentication credentials for REST request [/_remote/info]',
          headers: { 'www-authenticate': [/^Basic realm="security",? charset="UTF-8"$/, 'ApiKey'] },
        },
      },
    ],
  },
];
