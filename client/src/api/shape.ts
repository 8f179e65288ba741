/**
 * Minimal response-shape checks: enough that code reading a response can trust the fields it uses,
 * so a proxy's HTML page or another service's JSON becomes a clear "malformed response" error
 * instead of a TypeError deep inside a command.
 */

export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Cluster settings as flat dotted keys, whether the response was flat or nested; lists stay lists. */
export function flattenSettings(
  value: unknown,
  prefix = '',
  into: Record<string, unknown> = {},
  depth = 0,
): Record<string, unknown> {
  if (!isRecord(value) || depth > 16) return into;
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(inner)) flattenSettings(inner, path, into, depth + 1);
    else into[path] = inner;
  }
  return into;
}

function typeOf(value: unknown): FieldType | 'null' | 'undefined' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' || type === 'undefined'
    ? type
    : 'other';
}

/** A check for HttpRequest.check: each dotted path must hold a value of the given type. */
export function expectFields(fields: Record<string, FieldType>): (body: unknown) => string | undefined {
  return (body) => {
    if (!isRecord(body)) return 'the body is not a JSON object';
    for (const [path, expected] of Object.entries(fields)) {
      let value: unknown = body;
      for (const segment of path.split('.')) value = isRecord(value) ? value[segment] : undefined;
      const actual = typeOf(value);
      if (actual !== expected) return actual === 'undefined' ? `"${path}" is missing` : `"${path}" is ${actual}, not ${expected}`;
    }
    return undefined;
  };
}

/** A check that the body is an object whose every value is an object (dictionaries keyed by name). */
export function expectDictionaryOfObjects(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body is not a JSON object';
  const bad = Object.entries(body).find(([, value]) => !isRecord(value));
  return bad ? `"${bad[0]}" is not an object` : undefined;
}
