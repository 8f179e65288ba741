import type { JsonBodyKind, JsonBodyVariant } from '../json/kinds';
import type { HttpMethod } from './parse';

/**
 * Which body a Console request carries, chosen by its method and path. Only these requests get
 * body diagnostics, completion and hover; any other request's body (searches, bulk NDJSON, …)
 * is left alone.
 */

export interface RouteMatch {
  kind: JsonBodyKind;
  variant?: JsonBodyVariant;
  /** Methods the API accepts with this body; another method is reported. */
  methods: readonly HttpMethod[];
  /** Deployment ID named by an Elastic Cloud / ECE path. */
  deploymentId?: string;
  /** What the request does, for hover on the request line. */
  title: string;
}

interface Route {
  pattern: RegExp;
  kind: JsonBodyKind;
  variant?: JsonBodyVariant;
  methods: readonly HttpMethod[];
  title: string;
}

// Cloud paths: the Elastic Cloud API is served under /api/v1; ECE's coordinator answers the same
// paths, and Cloud's own docs sometimes omit the /api/v1 prefix.
const CLOUD = '(?:api/v1/)?';

const ROUTES: readonly Route[] = [
  { pattern: /^_cluster\/settings$/, kind: 'cluster-settings', methods: ['PUT'], title: 'Update cluster settings' },
  {
    pattern: /^_security\/cross_cluster\/api_key$/,
    kind: 'cross-cluster-api-key',
    variant: 'create',
    methods: ['POST'],
    title: 'Create a cross-cluster API key',
  },
  {
    pattern: /^_security\/cross_cluster\/api_key\/[^/]+$/,
    kind: 'cross-cluster-api-key',
    variant: 'update',
    methods: ['PUT'],
    title: 'Update a cross-cluster API key',
  },
  { pattern: /^_security\/role\/[^/]+$/, kind: 'security-role', methods: ['PUT', 'POST'], title: 'Create or update a role' },
  {
    pattern: /^_security\/role$/,
    kind: 'security-role',
    variant: 'bulk',
    methods: ['POST', 'PUT'],
    title: 'Create or update roles in bulk',
  },
  {
    pattern: new RegExp(`^${CLOUD}deployments$`),
    kind: 'cloud-trust',
    methods: ['POST'],
    title: 'Create a deployment (Elastic Cloud / ECE)',
  },
  {
    pattern: new RegExp(`^${CLOUD}deployments/([^/]+)$`),
    kind: 'cloud-trust',
    methods: ['PUT'],
    title: 'Update a deployment (Elastic Cloud / ECE)',
  },
  {
    pattern: new RegExp(`^${CLOUD}deployments/([^/]+)/elasticsearch/[^/]+/remote-clusters$`),
    kind: 'cloud-remote-clusters',
    methods: ['PUT'],
    title: 'Set the remote clusters of a deployment (Elastic Cloud / ECE, certificate model)',
  },
  {
    pattern: new RegExp(`^${CLOUD}deployments/([^/]+)/elasticsearch/[^/]+/keystore$`),
    kind: 'cloud-keystore',
    methods: ['PATCH'],
    title: 'Add or remove keystore settings of a deployment (Elastic Cloud / ECE)',
  },
];

export function routeFor(route: string): RouteMatch | undefined {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(route);
    if (!match) continue;
    return {
      kind: candidate.kind,
      variant: candidate.variant,
      methods: candidate.methods,
      deploymentId: match[1] ? safeDecode(match[1]) : undefined,
      title: candidate.title,
    };
  }
  return undefined;
}

/** Paths offered by completion after a method: the body routes above plus the reads that go with them. */
export const REQUEST_TEMPLATES = [
  { path: '_cluster/settings', snippet: '_cluster/settings', methods: ['GET', 'PUT'], title: 'Cluster settings' },
  { path: '_remote/info', snippet: '_remote/info', methods: ['GET'], title: 'Remote cluster connection status' },
  {
    path: '_security/cross_cluster/api_key',
    snippet: '_security/cross_cluster/api_key',
    methods: ['POST'],
    title: 'Create a cross-cluster API key',
  },
  {
    path: '_security/cross_cluster/api_key/<id>',
    snippet: '_security/cross_cluster/api_key/${1:id}',
    methods: ['PUT'],
    title: 'Update a cross-cluster API key',
  },
  {
    path: '_security/role/<name>',
    snippet: '_security/role/${1:name}',
    methods: ['GET', 'PUT', 'POST', 'DELETE'],
    title: 'A role',
  },
  {
    path: '_nodes/reload_secure_settings',
    snippet: '_nodes/reload_secure_settings',
    methods: ['POST'],
    title: 'Reload keystore settings (credentials)',
  },
  {
    path: 'api/v1/deployments/<id>',
    snippet: 'api/v1/deployments/${1:deployment_id}',
    methods: ['GET', 'PUT'],
    title: 'A deployment (Elastic Cloud / ECE)',
  },
  {
    path: 'api/v1/deployments/<id>/elasticsearch/<ref_id>/keystore',
    snippet: 'api/v1/deployments/${1:deployment_id}/elasticsearch/${2:main-elasticsearch}/keystore',
    methods: ['GET', 'PATCH'],
    title: 'Deployment keystore (Elastic Cloud / ECE)',
  },
  {
    path: 'api/v1/deployments/<id>/elasticsearch/<ref_id>/remote-clusters',
    snippet: 'api/v1/deployments/${1:deployment_id}/elasticsearch/${2:main-elasticsearch}/remote-clusters',
    methods: ['GET', 'PUT'],
    title: 'Deployment remote clusters (Elastic Cloud / ECE, deprecated)',
  },
] as const;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
