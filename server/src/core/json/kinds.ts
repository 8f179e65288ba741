import type { Node as JsonNode } from 'jsonc-parser';
import { childArray, childObject, property } from './jsonAst';

/** The JSON request bodies and payloads we understand. */
export type JsonBodyKind =
  'cluster-settings' | 'cross-cluster-api-key' | 'security-role' | 'cloud-trust' | 'cloud-remote-clusters' | 'cloud-keystore';

/** `create`/`update` for cross-cluster API keys, `bulk` for the bulk roles API. */
export type JsonBodyVariant = 'create' | 'update' | 'bulk';

export const JSON_BODY_KINDS: readonly JsonBodyKind[] = [
  'cluster-settings',
  'cross-cluster-api-key',
  'security-role',
  'cloud-trust',
  'cloud-remote-clusters',
  'cloud-keystore',
];

/**
 * File-name convention: `<anything>.<suffix>` gets the matching schema from VS Code's own JSON
 * language (package.json `contributes.jsonValidation` lists the same patterns; a unit test keeps
 * the two in step). Names win over content, so an empty `{}` in such a file already gets help.
 */
export const SCHEMA_FILE_SUFFIXES: Readonly<Record<JsonBodyKind, string>> = {
  'cluster-settings': '.cluster-settings.json',
  'cross-cluster-api-key': '.cross-cluster-api-key.json',
  'security-role': '.role.json',
  'cloud-trust': '.trust.json',
  'cloud-remote-clusters': '.remote-clusters.json',
  'cloud-keystore': '.keystore.json',
};

/** Schema file (under schemas/) of each kind, as contributed to VS Code. */
export const SCHEMA_FILES: Readonly<Record<JsonBodyKind, string>> = {
  'cluster-settings': 'cluster-settings.schema.json',
  'cross-cluster-api-key': 'cross-cluster-api-key.schema.json',
  'security-role': 'role.schema.json',
  'cloud-trust': 'cloud-trust.schema.json',
  'cloud-remote-clusters': 'cloud-remote-clusters.schema.json',
  'cloud-keystore': 'cloud-keystore.schema.json',
};

export function kindFromFileName(uri: string): JsonBodyKind | undefined {
  const base = safeDecode(uri.split(/[\\/]/).pop() ?? '').toLowerCase();
  return JSON_BODY_KINDS.find(
    (kind) => base.endsWith(SCHEMA_FILE_SUFFIXES[kind]) && base.length > SCHEMA_FILE_SUFFIXES[kind].length,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface Recognised {
  kind: JsonBodyKind;
  variant?: JsonBodyVariant;
}

/**
 * Recognises a JSON document by its content. Deliberately strict: a key such as `access` or
 * `resources` alone is too common, so each kind needs its characteristic shape.
 */
export function recogniseJson(root: JsonNode | undefined): Recognised | undefined {
  if (root?.type !== 'object') return undefined;
  if (childObject(root, 'persistent') || childObject(root, 'transient')) return { kind: 'cluster-settings' };

  const access = childObject(root, 'access');
  if (access && (property(access, 'search') || property(access, 'replication')) && !property(root, 'role_descriptors')) {
    return { kind: 'cross-cluster-api-key', variant: property(root, 'name') ? 'create' : 'update' };
  }

  if (childArray(root, 'remote_indices') || childArray(root, 'remote_cluster')) return { kind: 'security-role' };
  const roles = childObject(root, 'roles');
  if (
    roles?.children?.some((p) => {
      const role = p.children?.[1];
      return role?.type === 'object' && (childArray(role, 'remote_indices') || childArray(role, 'remote_cluster'));
    })
  ) {
    return { kind: 'security-role', variant: 'bulk' };
  }

  const resources = childArray(root, 'resources');
  if (
    resources?.children?.some(
      (item) => item.type === 'object' && (property(item, 'elasticsearch_ref_id') || property(item, 'deployment_id')),
    )
  ) {
    return { kind: 'cloud-remote-clusters' };
  }

  if (findTrustObjects(root).length > 0) return { kind: 'cloud-trust' };

  const secrets = childObject(root, 'secrets');
  if (secrets?.children?.some((p) => /^cluster\.remote\.|credentials/i.test(String(p.children?.[0]?.value ?? '')))) {
    return { kind: 'cloud-keystore' };
  }
  return undefined;
}

/**
 * Every trust-settings object in a Cloud/ECE payload: bare (`{accounts, external, direct}`),
 * under `trust`, under `settings.trust`, or per Elasticsearch resource of a deployment
 * (`resources.elasticsearch[].settings.trust`, and `…info.settings.trust` when read back).
 */
export function findTrustObjects(root: JsonNode): JsonNode[] {
  const found: JsonNode[] = [];
  const consider = (node: JsonNode | undefined) => {
    if (node?.type === 'object' && isTrustSettings(node)) found.push(node);
  };
  if (isTrustSettings(root) && hasTrustEntries(root)) found.push(root);
  consider(childObject(root, 'trust'));
  const settings = childObject(root, 'settings');
  if (settings) consider(childObject(settings, 'trust'));
  const resources = childObject(root, 'resources');
  const elasticsearch = resources ? childArray(resources, 'elasticsearch') : undefined;
  for (const resource of elasticsearch?.children ?? []) {
    if (resource.type !== 'object') continue;
    const resourceSettings = childObject(resource, 'settings');
    if (resourceSettings) consider(childObject(resourceSettings, 'trust'));
    const info = childObject(resource, 'info');
    const infoSettings = info ? childObject(info, 'settings') : undefined;
    if (infoSettings) consider(childObject(infoSettings, 'trust'));
  }
  return found;
}

const TRUST_LISTS = ['accounts', 'external', 'direct'] as const;

function isTrustSettings(node: JsonNode): boolean {
  return TRUST_LISTS.some((key) => childArray(node, key));
}

/** A bare trust object must look like one: some entry carries a trust field. */
function hasTrustEntries(node: JsonNode): boolean {
  return TRUST_LISTS.some((key) =>
    childArray(node, key)?.children?.some(
      (entry) =>
        entry.type === 'object' &&
        ['trust_all', 'trust_allowlist', 'account_id', 'trust_relationship_id', 'scope_id', 'certificates'].some((field) =>
          property(entry, field),
        ),
    ),
  );
}
