import type { JSONSchema } from 'vscode-json-languageservice';

type JSONSchemaRef = JSONSchema | boolean;

/**
 * Walks one of our schemas along a JSON path. Enough for our own schemas (local `$ref`s,
 * `properties`, `items`, `additionalProperties`); used for "did you mean" on unknown fields.
 */
export function schemaAt(root: JSONSchema, path: ReadonlyArray<string | number>): JSONSchema | undefined {
  let current = resolve(root, root);
  for (const segment of path) {
    if (!current) return undefined;
    let next: JSONSchemaRef | undefined;
    if (typeof segment === 'number') {
      next = Array.isArray(current.items) ? current.items[segment] : current.items;
    } else {
      next =
        current.properties?.[segment] ??
        (typeof current.additionalProperties === 'object' ? current.additionalProperties : undefined);
    }
    current = resolve(root, next);
  }
  return current;
}

/** Field names the schema allows on the object at `path`. */
export function propertyNamesAt(root: JSONSchema, path: ReadonlyArray<string | number>): string[] {
  return Object.keys(schemaAt(root, path)?.properties ?? {});
}

function resolve(root: JSONSchema, ref: JSONSchemaRef | undefined): JSONSchema | undefined {
  let schema = ref;
  for (let hops = 0; hops < 16 && typeof schema === 'object' && schema.$ref; hops++) {
    const match = /^#\/definitions\/(.+)$/.exec(schema.$ref);
    const target: JSONSchemaRef | undefined = match ? root.definitions?.[match[1]] : undefined;
    if (!target || typeof target !== 'object') return undefined;
    // Keep the referring schema's own fields (descriptions) over the target's, as VS Code does.
    const own: JSONSchema = { ...schema };
    delete own.$ref;
    schema = { ...target, ...own };
  }
  return typeof schema === 'object' ? schema : undefined;
}
