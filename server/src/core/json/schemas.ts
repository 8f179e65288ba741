import type { JSONSchema } from 'vscode-json-languageservice';
import cloudKeystore from '../../../../schemas/cloud-keystore.schema.json';
import cloudRemoteClusters from '../../../../schemas/cloud-remote-clusters.schema.json';
import cloudTrust from '../../../../schemas/cloud-trust.schema.json';
import clusterSettings from '../../../../schemas/cluster-settings.schema.json';
import crossClusterApiKey from '../../../../schemas/cross-cluster-api-key.schema.json';
import role from '../../../../schemas/role.schema.json';
import type { JsonBodyKind, JsonBodyVariant } from './kinds';

/**
 * The JSON schemas of schemas/ (also contributed to VS Code through package.json), plus the
 * request-specific variants the server derives from them when a Console request says more
 * than a file can: creating an API key needs `name`, updating one refuses it; the bulk roles API
 * wraps roles in `{"roles": {…}}`.
 */

const CONTRIBUTED: Readonly<Record<JsonBodyKind, JSONSchema>> = {
  'cluster-settings': clusterSettings as JSONSchema,
  'cross-cluster-api-key': crossClusterApiKey as JSONSchema,
  'security-role': role as JSONSchema,
  'cloud-trust': cloudTrust as JSONSchema,
  'cloud-remote-clusters': cloudRemoteClusters as JSONSchema,
  'cloud-keystore': cloudKeystore as JSONSchema,
};

/** Stable key of a schema variant, e.g. `cross-cluster-api-key:update`. */
export function schemaKey(kind: JsonBodyKind, variant?: JsonBodyVariant): string {
  if (kind === 'cross-cluster-api-key' && (variant === 'create' || variant === 'update')) return `${kind}:${variant}`;
  if (kind === 'security-role' && variant === 'bulk') return `${kind}:bulk`;
  return kind;
}

const variants = new Map<string, JSONSchema>();

export function schemaFor(kind: JsonBodyKind, variant?: JsonBodyVariant): JSONSchema {
  const key = schemaKey(kind, variant);
  let schema = variants.get(key);
  if (!schema) {
    schema = deriveVariant(kind, key);
    variants.set(key, schema);
  }
  return schema;
}

function deriveVariant(kind: JsonBodyKind, key: string): JSONSchema {
  const base = CONTRIBUTED[kind];
  switch (key) {
    case 'cross-cluster-api-key:create':
      return { ...base, required: ['name', 'access'] };
    case 'cross-cluster-api-key:update': {
      const properties = { ...(base.properties ?? {}) };
      delete properties.name;
      return {
        ...base,
        markdownDescription:
          'Body of `PUT /_security/cross_cluster/api_key/<id>`: every field is optional and replaces the stored one. The name of a key cannot be changed.',
        properties,
        required: [],
      };
    }
    case 'security-role:bulk':
      return {
        $schema: base.$schema,
        markdownDescription: 'Body of `POST /_security/role`: several roles by name.',
        type: 'object',
        properties: {
          roles: {
            type: 'object',
            additionalProperties: { $ref: '#/definitions/role' },
            markdownDescription: 'Roles to create or update, by role name.',
          },
        },
        required: ['roles'],
        additionalProperties: false,
        definitions: base.definitions,
      };
    default:
      return base;
  }
}
