/**
 * Checks of what a person types in the flows (aliases, index patterns, addresses, names,
 * durations): each returns the problem in words, or undefined when the value is usable.
 */
import { parseAddress, VALID_ALIAS } from '#core';
import type { FlowUi } from './ui';

/**
 * Problem with an alias, or undefined. Elasticsearch takes letters, digits, `_` and `-`; the
 * keystore of Elastic Cloud, ECE and ECK wants them lowercase for API-key credentials.
 */
export function aliasProblem(alias: string, options: { lowercase: boolean }): string | undefined {
  const text = alias.trim();
  if (text === '') return 'Enter an alias: the name searches use in front of index names, as in "alias:logs-*".';
  if (!VALID_ALIAS.test(text)) return 'Use only letters, digits, "_" and "-" (no dots, spaces or colons).';
  if (options.lowercase && text !== text.toLowerCase())
    return 'Use lowercase: the keystore of Elastic Cloud, ECE and ECK only accepts lowercase aliases in credentials settings.';
  return undefined;
}

/** Splits `logs-*, metrics-*` into patterns. */
export function parsePatterns(text: string): string[] {
  return text
    .split(',')
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '');
}

/**
 * Asks before a key grants every index of the remote (a pattern of only `*`): the user typed it,
 * but it is rarely what a cross-cluster key should allow. Resolves to true when the patterns stand.
 */
export async function confirmEveryIndex(
  ui: Pick<FlowUi, 'confirm'>,
  patterns: string[],
  purpose: 'search' | 'replicate',
): Promise<boolean> {
  if (!patterns.some((pattern) => /^\*+$/.test(pattern))) return true;
  return ui.confirm(
    `Let the local cluster ${purpose} every index of the remote cluster?`,
    `"*" matches all indices, including ones created later. A narrower list, such as "logs-*", limits what the local cluster can ${purpose === 'search' ? 'read' : 'replicate'}.`,
    'Allow Every Index',
  );
}

/** Problem with a comma-separated list of index names or patterns, or undefined. */
export function patternsProblem(text: string): string | undefined {
  for (const pattern of parsePatterns(text)) {
    if (/\s/.test(pattern)) return `"${pattern}" contains a space; separate patterns with commas.`;
    if (/[\\/?"<>|#]/.test(pattern)) return `"${pattern}" contains a character index names cannot have (\\ / ? " < > | #).`;
    if (/^[-+_]/.test(pattern)) return `"${pattern}" cannot start with "-", "+" or "_".`;
    if (pattern.includes(':'))
      return `"${pattern}" contains ":"; give the index names as they are on the remote cluster, without an alias.`;
    if (pattern !== pattern.toLowerCase()) return `"${pattern}" has uppercase letters; index names are lowercase.`;
  }
  return undefined;
}

/** Problem with a `host:port` address, or undefined (same parser as the language server's checks). */
export function addressProblem(text: string): string | undefined {
  const parsed = parseAddress(text);
  return parsed.ok ? undefined : parsed.problem.replace(/`/g, '"');
}

export function portOf(address: string): number | undefined {
  const parsed = parseAddress(address);
  return parsed.ok ? parsed.port : undefined;
}

/** A TLS server name (SNI) is a host name: no IP literal, no port. */
export function serverNameProblem(text: string): string | undefined {
  const name = text.trim();
  if (name === '') return undefined;
  if (!/^[A-Za-z0-9.-]+$/.test(name)) return 'A server name is a host name: letters, digits, "." and "-" only (no port).';
  if (/^\d+(\.\d+){3}$/.test(name))
    return 'A server name cannot be an IP address: TLS sends it as SNI, which only carries host names.';
  return undefined;
}

/** A duration such as `30d` or `12h` (empty: the key never expires). */
export function expirationProblem(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  return /^\d+(ms|s|m|h|d)$/.test(value)
    ? undefined
    : 'Give a duration such as "90d", "12h" or "30m", or leave it empty for a key that does not expire.';
}

/** Role and API key names: printable, no leading underscore (reserved). */
export function nameProblem(text: string, what: string): string | undefined {
  const name = text.trim();
  if (name === '') return `Enter a ${what}.`;
  if (name.startsWith('_')) return `A ${what} cannot start with "_": that prefix is reserved.`;
  if (!/^[\w@.\-+ ]{1,507}$/.test(name)) return `A ${what} may hold letters, digits, spaces and "_ @ . - +" only.`;
  return undefined;
}

/** Elasticsearch cluster IDs of Elastic Cloud / ECE deployments are 32 lowercase hex characters (format seen in examples). */
export function looksLikeClusterId(text: string): boolean {
  return /^[0-9a-f]{32}$/.test(text);
}

/** The `certificate_identity` of a key is a regular expression over the signing certificate's DN. */
export function certificateIdentityProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    new RegExp(text.trim());
    return undefined;
  } catch {
    return 'This is not a valid regular expression.';
  }
}
