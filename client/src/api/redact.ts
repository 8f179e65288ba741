/**
 * Keeps secrets out of everything a person can see: error messages, the log channel, snapshots.
 * Two layers: field names that always hold secrets are masked wherever they appear in JSON, and
 * the exact secret values a client was configured with (or received) are scrubbed from any text.
 */

export const REDACTED = '::redacted::';

/** JSON fields whose values are secrets in the Elasticsearch and Elastic Cloud APIs we call. */
const SECRET_FIELD = /^(api_key|encoded|password|secure_settings_password|token|credentials|secret|private_key)$/i;

/** Values shorter than this are not scrubbed from free text: they would mangle ordinary words. */
const MIN_SCRUB_LENGTH = 4;

/** Characters that continue a host name or a word: a secret next to one is part of something longer. */
const WORD_CHAR = '[A-Za-z0-9_.-]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret; its base64 form is registered too because headers carry it that way. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SCRUB_LENGTH) return;
    this.secrets.add(secret);
    this.secrets.add(Buffer.from(secret, 'utf8').toString('base64'));
  }

  /** Registers a basic-auth pair in the form it travels in (`base64(user:password)`). */
  addBasic(username: string, password: string): void {
    this.add(password);
    this.add(`${username}:${password}`);
  }

  /**
   * Replaces each registered secret where it stands as a value of its own, never inside a longer
   * word: masking "elastic" inside "elastic-prod.example.com" would tell every reader of the log
   * that the password is "elastic".
   */
  scrub(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (!result.includes(secret)) continue;
      result = result.replace(new RegExp(`(?<!${WORD_CHAR})${escapeRegExp(secret)}(?!${WORD_CHAR})`, 'g'), REDACTED);
    }
    return scrubAuthorizationHeaders(result);
  }
}

/** Masks the credential part of `Authorization`-style strings wherever they appear in text. */
export function scrubAuthorizationHeaders(text: string): string {
  return text.replace(/\b(ApiKey|Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{4,}/g, `$1 ${REDACTED}`);
}

/**
 * A copy of a JSON value with secret-bearing fields masked. Keystore payloads put the secret under
 * `secrets.<name>.value`, cross-cluster keys under `encoded` / `api_key`; all are covered.
 */
export function redactJson(value: unknown, depth = 0): unknown {
  if (depth > 32) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_FIELD.test(key) && inner !== null && inner !== undefined && typeof inner !== 'boolean') {
      result[key] = REDACTED;
    } else if (key === 'secrets' && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      // Keystore contents: keep the setting names, mask every value.
      result[key] = Object.fromEntries(Object.keys(inner).map((name) => [name, REDACTED]));
    } else if (/\.credentials$/.test(key) && typeof inner === 'string') {
      // A flat `cluster.remote.<alias>.credentials` key holds an encoded cross-cluster API key.
      result[key] = REDACTED;
    } else {
      result[key] = redactJson(inner, depth + 1);
    }
  }
  return result;
}

/** A URL fit for logs: no user-info, and no values for query parameters that could carry secrets. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return '<invalid URL>';
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (/key|token|password|secret|auth/i.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}
