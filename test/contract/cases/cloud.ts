/**
 * Elastic Cloud Hosted and ECE contract cases: the required fields, defaults, status codes and
 * documented error codes of the operations the extension calls, from the API descriptions in
 * cloud-sdk-go (api/apidocs-user.json: Elastic Cloud; api/apidocs.json: ECE).
 */
import type { ContractCase, SourceRef } from '../format';

const SDK = { repo: 'elastic/cloud-sdk-go', commit: '8c0d792e00575e067d4f3d3205d7828028a77cd7' };
const ECH_API: Omit<SourceRef, 'part'> = { ...SDK, path: 'api/apidocs-user.json' };
const ECE_API: Omit<SourceRef, 'part'> = { ...SDK, path: 'api/apidocs.json' };

const TRUST_WITH_PROXY_ENTRY = {
  accounts: [{ account_id: '$account', trust_all: true }],
  direct: [{ name: 'through a proxy', type: 'proxy', trust_all: false, certificates: [{ pem: '$ca_pem' }] }],
};

export const CLOUD_CASES: ContractCase[] = [
  {
    name: 'list-deployments: the required fields of every deployment and resource',
    sources: [{ ...ECH_API, part: 'list-deployments; DeploymentsListResponse, DeploymentsListingData, DeploymentResource' }],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'listDeployments',
        expect: {
          length: { deployments: 2 },
          required: {
            '': ['deployments'],
            'deployments[*]': ['id', 'name', 'resources'],
            'deployments[*].resources[*]': ['id', 'kind', 'ref_id', 'region'],
          },
        },
      },
    ],
  },
  {
    name: 'search-deployments: pages of `size` deployments, a cursor to the next page, none on the last',
    sources: [
      {
        ...ECH_API,
        part: 'search-deployments (POST /deployments/_search); SearchRequest (cursor, size, sort), DeploymentsSearchResponse (cursor, deployments, match_count, return_count), DeploymentSearchResponse',
      },
    ],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'searchDeployments',
        args: [{ size: 1 }],
        expect: {
          length: { deployments: 1 },
          match: { return_count: 1, match_count: 2 },
          isTrue: ['cursor'],
          required: {
            '': ['deployments', 'return_count'],
            'deployments[*]': ['healthy', 'id', 'name', 'resources'],
            'deployments[*].resources.elasticsearch[*]': ['id', 'info', 'ref_id', 'region'],
          },
        },
        set: { cursor: 'cursor' },
      },
      {
        client: 'cloud',
        call: 'searchDeployments',
        args: [{ size: 1, cursor: '$cursor' }],
        expect: { length: { deployments: 1 }, match: { return_count: 1 }, absent: ['cursor'] },
      },
    ],
    note: 'The emulator sorts by id (the client asks for that, as the reference recommends for paging); match_count is documented for searches with a query, and the emulator always sends it.',
  },
  {
    name: 'get-deployment: show_plans defaults to true and show_settings to false; the required fields are there',
    sources: [
      {
        ...ECH_API,
        part: 'get-deployment parameters; DeploymentGetResponse, DeploymentResources, ElasticsearchResourceInfo, ElasticsearchClusterInfo, ClusterMetadataInfo, ElasticsearchClusterPlansInfo',
      },
    ],
    world: 'ech',
    steps: [
      {
        http: { target: 'cloud', method: 'GET', path: '/api/v1/deployments/${deployment_a}' },
        expect: {
          isTrue: ['resources.elasticsearch.0.info.plan_info.current.plan'],
          absent: ['resources.elasticsearch.0.info.settings'],
          match: { 'resources.elasticsearch.0.info.metadata.ports.transport_passthrough': 9400 },
          required: {
            '': ['healthy', 'id', 'name', 'resources'],
            resources: ['apm', 'appsearch', 'elasticsearch', 'enterprise_search', 'integrations_server', 'kibana'],
            'resources.elasticsearch[*]': ['id', 'info', 'ref_id', 'region'],
            'resources.elasticsearch[*].info': [
              'associated_apm_clusters',
              'associated_appsearch_clusters',
              'associated_enterprise_search_clusters',
              'associated_kibana_clusters',
              'cluster_id',
              'cluster_name',
              'elasticsearch',
              'external_links',
              'healthy',
              'metadata',
              'plan_info',
              'snapshots',
              'status',
              'topology',
            ],
            'resources.elasticsearch[*].info.metadata': ['last_modified', 'version'],
            'resources.elasticsearch[*].info.plan_info': ['healthy', 'history'],
            'resources.elasticsearch[*].info.plan_info.current': ['healthy', 'plan_attempt_log', 'warnings'],
          },
        },
      },
      {
        client: 'cloud',
        call: 'getDeployment',
        args: ['$deployment_a', { showSettings: true }],
        expect: { match: { 'resources.elasticsearch.0.info.settings.trust.accounts.0.account_id': '$account' } },
      },
    ],
  },
  {
    name: 'get-deployment of an unknown deployment: 404 deployments.deployment_not_found, named in x-cloud-error-codes',
    sources: [{ ...ECH_API, part: 'get-deployment responses.404' }],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'getDeployment',
        args: ['ffffffffffffffffffffffffffffffff'],
        expect: { status: 404, type: 'deployments.deployment_not_found' },
      },
      {
        http: { target: 'cloud', method: 'GET', path: '/api/v1/deployments/ffffffffffffffffffffffffffffffff' },
        expect: {
          status: 404,
          type: 'deployments.deployment_not_found',
          required: { 'errors[*]': ['code', 'message'] },
          headers: { 'x-cloud-error-codes': 'deployments.deployment_not_found' },
        },
      },
    ],
  },
  {
    name: 'update-deployment with trust: 200 with the required fields; a direct entry of type proxy needs no scope_id',
    sources: [
      {
        ...ECH_API,
        part: 'update-deployment; DeploymentUpdateRequest (prune_orphans), ElasticsearchPayload (plan, ref_id, region), DeploymentUpdateResponse',
      },
      {
        ...ECH_API,
        part: 'get-deployment clear_transient: "removes the transient section … making it safe to reapply via an update"; update-deployment version: "returned in \'x-cloud-resource-version\' of the GET request"',
      },
      {
        ...ECH_API,
        part: 'DirectTrustRelationship.type: "If proxy is specified, trust_all should be false and trust_allowlist, scope_id and additional_node_names should be omitted"',
      },
    ],
    world: 'ech',
    steps: [
      {
        // The read that feeds an update: the plan without its transient section, and the resource version.
        client: 'cloud',
        call: 'readForUpdate',
        args: ['$deployment_a', 'main-elasticsearch'],
        expect: {
          isTrue: ['version', 'resource.info.plan_info.current.plan'],
          absent: ['resource.info.plan_info.current.plan.transient'],
        },
        set: { snapshot: '' },
      },
      {
        client: 'cloud',
        call: 'updateDeploymentTrust',
        args: ['$snapshot', TRUST_WITH_PROXY_ENTRY],
        expect: {
          status: 200,
          match: { id: '$deployment_a' },
          required: { '': ['id', 'name', 'resources'], 'resources[*]': ['id', 'kind', 'ref_id', 'region'] },
        },
      },
      {
        client: 'cloud',
        call: 'getDeployment',
        args: ['$deployment_a', { showSettings: true }],
        expect: {
          match: { 'resources.elasticsearch.0.info.settings.trust.direct.0.type': 'proxy' },
          absent: ['resources.elasticsearch.0.info.settings.trust.direct.0.scope_id'],
        },
      },
    ],
  },
  {
    name: 'update-deployment: an unknown deployment is a 404; a body without prune_orphans a 400',
    sources: [{ ...ECH_API, part: 'update-deployment responses 400, 404; DeploymentUpdateRequest.required' }],
    world: 'ech',
    steps: [
      {
        http: {
          target: 'cloud',
          method: 'PUT',
          path: '/api/v1/deployments/ffffffffffffffffffffffffffffffff',
          body: { prune_orphans: false },
        },
        expect: { status: 404, type: 'deployments.deployment_not_found' },
      },
      {
        http: { target: 'cloud', method: 'PUT', path: '/api/v1/deployments/${deployment_a}', body: {} },
        expect: { status: 400, required: { 'errors[*]': ['code', 'message'] } },
      },
    ],
  },
  {
    name: 'remote-clusters: PUT answers 202 and replaces the list; GET lists the refs with their read-only info',
    sources: [
      {
        ...ECH_API,
        part: 'set-deployment-es-resource-remote-clusters (202), get-deployment-es-resource-remote-clusters; RemoteResources, RemoteResourceRef, RemoteResourceInfo',
      },
    ],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'putRemoteClusters',
        args: [
          '$deployment_a',
          'main-elasticsearch',
          [{ deployment_id: '$deployment_b', elasticsearch_ref_id: 'main-elasticsearch', alias: 'beta' }],
        ],
        expect: { status: 202 },
      },
      {
        client: 'cloud',
        call: 'getRemoteClusters',
        args: ['$deployment_a', 'main-elasticsearch'],
        expect: {
          length: { resources: 1 },
          match: { 'resources.0.alias': 'beta', 'resources.0.deployment_id': '$deployment_b' },
          required: {
            '': ['resources'],
            'resources[*]': ['alias', 'deployment_id', 'elasticsearch_ref_id'],
            'resources[*].info': ['compatible', 'connected', 'healthy', 'trusted', 'trusted_back'],
          },
        },
      },
      { client: 'cloud', call: 'putRemoteClusters', args: ['$deployment_a', 'main-elasticsearch', []], expect: { status: 202 } },
      {
        client: 'cloud',
        call: 'getRemoteClusters',
        args: ['$deployment_a', 'main-elasticsearch'],
        expect: { length: { resources: 0 } },
      },
    ],
  },
  {
    name: 'remote-clusters of an unknown Elasticsearch resource: 404 deployments.deployment_resource_not_found',
    sources: [{ ...ECH_API, part: 'get-deployment-es-resource-remote-clusters responses.404' }],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'getRemoteClusters',
        args: ['$deployment_a', 'no-such-ref'],
        expect: { status: 404, type: 'deployments.deployment_resource_not_found' },
      },
    ],
  },
  {
    name: 'keystore: PATCH adds a secret, GET never returns values, an unspecified secret (no value, or null) is removed',
    sources: [
      {
        ...ECH_API,
        part: 'set-deployment-es-resource-keystore, get-deployment-es-resource-keystore; KeystoreContents, KeystoreSecret.value ("When the keystore secret is unspecified, it is removed")',
      },
      { ...SDK, path: 'pkg/api/deploymentapi/eskeystoreapi/update.go', part: 'removal with {"secrets": {"my-secret": null}}' },
    ],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'updateKeystore',
        args: [
          '$deployment_a',
          'main-elasticsearch',
          {
            secrets: {
              'cluster.remote.one.credentials': { value: 'c2VjcmV0' },
              'cluster.remote.two.credentials': { value: 'c2VjcmV0' },
            },
          },
        ],
        expect: { required: { '': ['secrets'] }, isTrue: ['secrets.cluster\\.remote\\.one\\.credentials'] },
      },
      {
        client: 'cloud',
        call: 'getKeystore',
        args: ['$deployment_a', 'main-elasticsearch'],
        expect: { length: { secrets: 2 }, absent: ['secrets.cluster\\.remote\\.one\\.credentials.value'] },
      },
      {
        client: 'cloud',
        call: 'updateKeystore',
        args: ['$deployment_a', 'main-elasticsearch', { secrets: { 'cluster.remote.one.credentials': {} } }],
        expect: { absent: ['secrets.cluster\\.remote\\.one\\.credentials'] },
      },
      {
        client: 'cloud',
        call: 'updateKeystore',
        args: ['$deployment_a', 'main-elasticsearch', { secrets: { 'cluster.remote.two.credentials': null } }],
        expect: { length: { secrets: 0 } },
      },
    ],
  },
  {
    name: 'get-current-account names the account trust entries refer to',
    sources: [{ ...ECH_API, part: 'get-current-account; AccountResponse.required' }],
    world: 'ech',
    steps: [{ client: 'cloud', call: 'getAccount', expect: { required: { '': ['id'] }, match: { id: '$account' } } }],
  },
  {
    name: 'get-deployment-certificate-authority: the CA certificates and trust restriction; an unknown deployment is a 404',
    sources: [
      { ...ECH_API, part: 'get-deployment-certificate-authority (200, 404); CertificateAuthority.required, PublicCertificate' },
    ],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'getCertificateAuthority',
        args: ['$deployment_a'],
        expect: {
          required: { '': ['public_certificates', 'recommended_trust_restriction'], 'public_certificates[*]': ['pem'] },
          isTrue: ['public_certificates.0.active'],
        },
      },
      {
        client: 'cloud',
        call: 'getCertificateAuthority',
        args: ['ffffffffffffffffffffffffffffffff'],
        expect: { status: 404, type: 'deployments.deployment_not_found' },
      },
    ],
  },
  {
    name: 'update-deployment: user settings go in plan.elasticsearch.user_settings_yaml; settings left out keep the trust',
    sources: [
      {
        ...ECH_API,
        part: 'ElasticsearchConfiguration.user_settings_yaml; ElasticsearchPayload.settings ("when provided … changed as specified … otherwise … remain as they were")',
      },
    ],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'readForUpdate',
        args: ['$deployment_a', 'main-elasticsearch'],
        expect: { isTrue: ['version'] },
        set: { snapshot: '' },
      },
      {
        client: 'cloud',
        call: 'updateDeploymentUserSettings',
        args: ['$snapshot', 'cluster.remote.signing.certificate_authorities: internal_tls_ca.crt\n'],
        expect: { status: 200, match: { id: '$deployment_a' } },
      },
      {
        client: 'cloud',
        call: 'getDeployment',
        args: ['$deployment_a', { showSettings: true, showPlans: true }],
        expect: {
          match: {
            'resources.elasticsearch.0.info.plan_info.current.plan.elasticsearch.user_settings_yaml':
              'cluster.remote.signing.certificate_authorities: internal_tls_ca.crt\n',
            'resources.elasticsearch.0.info.settings.trust.accounts.0.account_id': '$account',
          },
        },
      },
    ],
  },
  {
    name: 'a request without the API key is a 401',
    sources: [{ ...ECH_API, part: 'list-deployments responses.401' }],
    world: 'ech',
    steps: [
      {
        http: { target: 'cloud', method: 'GET', path: '/api/v1/deployments', auth: 'none' },
        expect: { status: 401, required: { 'errors[*]': ['code', 'message'] } },
      },
    ],
  },
  {
    name: 'ECE get-tls-certificate: the proxy chain, region-scoped, with the required fields',
    sources: [{ ...ECE_API, part: 'get-tls-certificate (service_name enum); TlsPublicCertChain.required' }],
    world: 'ece',
    steps: [
      {
        client: 'ece',
        call: 'getTlsCertificateChain',
        args: ['proxy'],
        expect: { required: { '': ['chain', 'user_supplied'] }, isTrue: ['chain.1'] },
      },
    ],
  },
  {
    name: 'ECE trust relationships: the list has the required fields and no certificates unless asked',
    sources: [
      {
        ...ECE_API,
        part: 'get-trust-relationships (include_certificate default false); TrustRelationshipsListResponse, TrustRelationshipGetResponse',
      },
    ],
    world: 'ece',
    steps: [
      {
        client: 'ece',
        call: 'listTrustRelationships',
        expect: {
          required: { '[*]': ['id', 'last_modified', 'local', 'name', 'trust_by_default'] },
          absent: ['0.public_ca_cert'],
          match: { '0.local': true },
        },
      },
      {
        client: 'ece',
        call: 'listTrustRelationships',
        args: [{ includeCertificate: true }],
        expect: { match: { '0.public_ca_cert': '$ca_pem' } },
      },
      {
        client: 'ece',
        call: 'listTrustRelationships',
        args: [{ filter: 'non-local' }],
        expect: { length: { '': 0 } },
      },
    ],
  },
  {
    name: 'ECE trust relationships: create answers 201 with the required fields; get of an unknown one is 404 trust_relationships.not_found',
    sources: [
      {
        ...ECE_API,
        part: 'create-trust-relationship (201, 400), get-trust-relationship (404); TrustRelationshipCreateRequest, TrustRelationshipCreateResponse',
      },
    ],
    world: 'ece',
    steps: [
      {
        client: 'ece',
        call: 'createTrustRelationship',
        args: [{ name: 'other environment', public_ca_cert: '$ca_pem' }],
        expect: { status: 201, required: { '': ['id', 'local', 'name', 'trust_by_default'] }, match: { local: false } },
        set: { relationship: 'id' },
      },
      {
        client: 'ece',
        call: 'getTrustRelationship',
        args: ['$relationship'],
        expect: {
          match: { name: 'other environment' },
          required: { '': ['id', 'last_modified', 'local', 'name', 'trust_by_default'] },
        },
      },
      { client: 'ece', call: 'createTrustRelationship', args: [{ name: 'no certificate' }], expect: { status: 400 } },
      {
        client: 'ece',
        call: 'getTrustRelationship',
        args: ['no-such-relationship'],
        expect: { status: 404, type: 'trust_relationships.not_found' },
      },
    ],
  },
  {
    name: 'ECE trust relationships: update changes only the fields sent; delete answers 200 and the relationship is gone (404 after)',
    sources: [
      {
        ...ECE_API,
        part: 'update-trust-relationship (200, 404; TrustRelationshipUpdateRequest, TrustRelationshipUpdateResponse), delete-trust-relationship (200 EmptyResponse, 404; version query), get-trust-relationship (x-cloud-resource-version header)',
      },
    ],
    world: 'ece',
    steps: [
      {
        client: 'ece',
        call: 'createTrustRelationship',
        args: [{ name: 'to update', public_ca_cert: '$ca_pem', installation_id: 'env1' }],
        expect: { status: 201 },
        set: { relationship: 'id' },
      },
      {
        client: 'ece',
        call: 'updateTrustRelationship',
        args: ['$relationship', { name: 'renamed' }],
        expect: {
          status: 200,
          required: { '': ['id', 'local', 'name', 'trust_by_default'] },
          match: { name: 'renamed', installation_id: 'env1' },
        },
      },
      {
        client: 'ece',
        call: 'readTrustRelationship',
        args: ['$relationship'],
        expect: { match: { 'relationship.name': 'renamed', 'relationship.public_ca_cert': '$ca_pem', version: '2' } },
      },
      {
        client: 'ece',
        call: 'updateTrustRelationship',
        args: ['no-such-relationship', { name: 'x' }],
        expect: { status: 404, type: 'trust_relationships.not_found' },
      },
      { client: 'ece', call: 'deleteTrustRelationship', args: ['$relationship'], expect: { status: 200 } },
      {
        client: 'ece',
        call: 'getTrustRelationship',
        args: ['$relationship'],
        expect: { status: 404, type: 'trust_relationships.not_found' },
      },
      {
        client: 'ece',
        call: 'deleteTrustRelationship',
        args: ['$relationship'],
        expect: { status: 404, type: 'trust_relationships.not_found' },
      },
    ],
  },
  {
    name: 'traffic filters: the rulesets associated with a deployment, and one ruleset with its required fields; an unknown ruleset is 404',
    sources: [
      {
        ...ECH_API,
        part: 'get-traffic-filter-deployment-ruleset-associations (TrafficFilterSettings), get-traffic-filter-ruleset (200, 404; TrafficFilterRulesetInfo, TrafficFilterRule)',
      },
    ],
    world: 'ech',
    steps: [
      {
        client: 'cloud',
        call: 'getDeploymentTrafficFilters',
        args: ['$deployment_b'],
        expect: { required: { '': ['rulesets'] }, match: { 'rulesets.0': 'ruleset-rc' } },
      },
      { client: 'cloud', call: 'getDeploymentTrafficFilters', args: ['$deployment_a'], expect: { length: { rulesets: 0 } } },
      {
        client: 'cloud',
        call: 'getTrafficFilterRuleset',
        args: ['ruleset-rc'],
        expect: {
          required: { '': ['id', 'include_by_default', 'name', 'region', 'rules', 'type'] },
          match: { 'rules.0.remote_cluster_org_id': '$account' },
        },
      },
      { client: 'cloud', call: 'getTrafficFilterRuleset', args: ['no-such-ruleset'], expect: { status: 404 } },
    ],
  },
];
