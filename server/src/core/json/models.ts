import type { Node as JsonNode } from 'jsonc-parser';
import type { JsonBody } from './body';
import { findTrustObjects } from './kinds';
import { child, childArray, childObject, entries, items, property, stringItems } from './jsonAst';

/**
 * Typed views of each body kind: just the parts the semantic rules and hovers read, each with
 * its node (so its exact range). Wrong types are simply absent here; the schema reports them.
 */

// ---------------------------------------------------------------- cross-cluster API key

export interface AccessEntry {
  section: 'search' | 'replication';
  node: JsonNode;
  /** String items of `names` (one string or an array). */
  names: JsonNode[];
  query?: JsonNode;
  fieldSecurity?: JsonNode;
}

export interface ApiKeyModel {
  root: JsonNode;
  /** The `access` property (key and value), when present. */
  access?: JsonNode;
  search?: JsonNode;
  replication?: JsonNode;
  entries: AccessEntry[];
  /** The `certificate_identity` property. */
  certificateIdentity?: JsonNode;
}

export function apiKeyModel(body: JsonBody): ApiKeyModel | undefined {
  const root = body.root;
  if (root?.type !== 'object') return undefined;
  const access = property(root, 'access');
  const accessValue = childObject(root, 'access');
  const search = childArray(accessValue, 'search');
  const replication = childArray(accessValue, 'replication');
  const entries: AccessEntry[] = [];
  for (const [section, array] of [
    ['search', search],
    ['replication', replication],
  ] as const) {
    for (const node of items(array)) {
      if (node.type !== 'object') continue;
      entries.push({
        section,
        node,
        names: stringItems(child(node, 'names')),
        query: property(node, 'query'),
        fieldSecurity: property(node, 'field_security'),
      });
    }
  }
  return { root, access, search, replication, entries, certificateIdentity: property(root, 'certificate_identity') };
}

// ---------------------------------------------------------------- roles

export interface RemotePrivilegeEntry {
  section: 'remote_indices' | 'remote_cluster';
  node: JsonNode;
  clusters: JsonNode[];
  names: JsonNode[];
  privileges: JsonNode[];
}

export interface RoleModel {
  /** Role name for bulk bodies (`roles.<name>`), undefined for a single role. */
  name?: string;
  node: JsonNode;
  remote: RemotePrivilegeEntry[];
  /** `indices[].names` string items, where a remote `alias:index` name may have been put by mistake. */
  localIndexNames: JsonNode[];
}

export function roleModels(body: JsonBody): RoleModel[] {
  const root = body.root;
  if (root?.type !== 'object') return [];
  if (body.variant === 'bulk') {
    return entries(childObject(root, 'roles')).flatMap((entry) =>
      entry.value?.type === 'object' ? [roleModel(entry.value, entry.key)] : [],
    );
  }
  return [roleModel(root)];
}

function roleModel(node: JsonNode, name?: string): RoleModel {
  const remote: RemotePrivilegeEntry[] = [];
  for (const section of ['remote_indices', 'remote_cluster'] as const) {
    for (const entry of items(childArray(node, section))) {
      if (entry.type !== 'object') continue;
      remote.push({
        section,
        node: entry,
        clusters: stringItems(child(entry, 'clusters')),
        names: stringItems(child(entry, 'names')),
        privileges: stringItems(child(entry, 'privileges')),
      });
    }
  }
  const localIndexNames = items(childArray(node, 'indices')).flatMap((entry) => stringItems(child(entry, 'names')));
  return { name, node, remote, localIndexNames };
}

// ---------------------------------------------------------------- Cloud / ECE trust

export type TrustSection = 'accounts' | 'external' | 'direct';

export interface TrustEntry {
  section: TrustSection;
  node: JsonNode;
  /** Value node of `trust_all`. */
  trustAll?: JsonNode;
  /** Value node of `trust_allowlist`. */
  allowlist?: JsonNode;
  allowlistItems: JsonNode[];
  /** Value node of `type` (direct entries: ECE, ESS, generic, proxy). */
  type?: JsonNode;
  scopeId?: JsonNode;
  additionalNodeNames: JsonNode[];
  /** Value node of `certificates`. */
  certificates?: JsonNode;
  pems: JsonNode[];
}

export function trustEntries(body: JsonBody): TrustEntry[] {
  if (body.root?.type !== 'object') return [];
  const result: TrustEntry[] = [];
  for (const trust of findTrustObjects(body.root)) {
    for (const section of ['accounts', 'external', 'direct'] as const) {
      for (const node of items(childArray(trust, section))) {
        if (node.type !== 'object') continue;
        const allowlist = child(node, 'trust_allowlist');
        const certificates = child(node, 'certificates');
        result.push({
          section,
          node,
          trustAll: child(node, 'trust_all'),
          allowlist,
          allowlistItems: items(allowlist).filter((item) => item.type === 'string'),
          type: child(node, 'type'),
          scopeId: child(node, 'scope_id'),
          additionalNodeNames: items(child(node, 'additional_node_names')).filter((item) => item.type === 'string'),
          certificates,
          pems: items(certificates).flatMap((certificate) => {
            const pem = child(certificate, 'pem');
            return pem?.type === 'string' ? [pem] : [];
          }),
        });
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------- Cloud remote clusters

export interface RemoteResource {
  node: JsonNode;
  alias?: JsonNode;
  deploymentId?: JsonNode;
}

export function remoteResources(body: JsonBody): RemoteResource[] {
  return items(childArray(body.root, 'resources')).flatMap((node) =>
    node.type === 'object' ? [{ node, alias: child(node, 'alias'), deploymentId: child(node, 'deployment_id') }] : [],
  );
}

// ---------------------------------------------------------------- Cloud keystore

export interface KeystoreEntry {
  name: string;
  keyNode: JsonNode;
  property: JsonNode;
  /** Value node of the entry (`{ "value": …, "as_file": … }`, or `null` to remove it). */
  entry?: JsonNode;
  /** Value node of `value`. */
  value?: JsonNode;
  /** Value node of `as_file`. */
  asFile?: JsonNode;
}

export function keystoreEntries(body: JsonBody): KeystoreEntry[] {
  return entries(childObject(body.root, 'secrets')).map((e) => ({
    name: e.key,
    keyNode: e.keyNode,
    property: e.property,
    entry: e.value,
    value: child(e.value, 'value'),
    asFile: child(e.value, 'as_file'),
  }));
}

// ---------------------------------------------------------------- context across bodies

export interface KnownDeploymentId {
  id: string;
  /** Offset where the document names it. */
  where: number;
  source: 'path' | 'payload';
}

/**
 * Deployment IDs a document names: Cloud request paths (`/api/v1/deployments/<id>`), a
 * deployment payload's own `id`, and remote-cluster `deployment_id` fields.
 */
export function knownDeploymentIds(bodies: readonly JsonBody[]): Map<string, KnownDeploymentId> {
  const known = new Map<string, KnownDeploymentId>();
  const add = (id: unknown, where: number, source: KnownDeploymentId['source']) => {
    if (typeof id === 'string' && id && !known.has(id)) known.set(id, { id, where, source });
  };
  for (const body of bodies) {
    const request = body.request;
    if (request?.match.deploymentId) {
      add(
        request.match.deploymentId,
        request.pathSpan.start + Math.max(0, request.path.indexOf(request.match.deploymentId)),
        'path',
      );
    }
    const root = body.root;
    if (root?.type !== 'object') continue;
    if (body.kind === 'cloud-trust' && (childObject(root, 'resources') || childObject(root, 'settings'))) {
      const id = child(root, 'id');
      if (id?.type === 'string') add(id.value, id.offset, 'payload');
    }
    if (body.kind === 'cloud-remote-clusters') {
      for (const resource of remoteResources(body)) {
        if (resource.deploymentId?.type === 'string') add(resource.deploymentId.value, resource.deploymentId.offset, 'payload');
      }
    }
  }
  return known;
}
