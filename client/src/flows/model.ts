/**
 * Facts and checks the remote-cluster flows share: where a cluster runs, which versions the
 * API-key model needs there, ports, and validation of aliases, index patterns and names.
 * Sources: the project's reference notes, remote-cluster-settings.md (sections 1, 2, 5, 6) and
 * eck-remote-cluster-fields.md (ECK version gates).
 */
import { atLeast, compareVersions, parseAddress, parseVersion, VALID_ALIAS } from '#core';
import type { FlowUi } from './ui';

export type Platform = 'cloud' | 'ece' | 'eck' | 'self-managed';

export const PLATFORM_LABELS: Record<Platform, string> = {
  cloud: 'Elastic Cloud Hosted',
  ece: 'Elastic Cloud Enterprise (ECE)',
  eck: 'Kubernetes (ECK)',
  'self-managed': 'Self-managed',
};

export type SecurityModel = 'api-key' | 'certificate';

/** The API-key model appeared (as beta) in 8.10; nothing older has cross-cluster API keys. */
export const API_KEY_MODEL_FIRST_VERSION = '8.10.0';

/**
 * The version each platform's documentation lists for the API-key model: self-managed 8.14
 * (8.10–8.13 was beta), ECK 8.10 (its webhook gate), and Elastic Cloud Hosted and ECE 8.14 ("The
 * local and remote deployments must be on Elastic Stack 8.14 or later": seeds 001, 002, 004).
 * Versions between 8.10 and these are asked about, never refused.
 */
export const API_KEY_MODEL_DOCUMENTED_VERSION: Record<Platform, string> = {
  'self-managed': '8.14.0',
  eck: '8.10.0',
  cloud: '8.14.0',
  ece: '8.14.0',
};

/**
 * From this version Elastic Cloud Hosted and ECE deployments load keystore changes by themselves;
 * before it the deployment is restarted ("If the local deployment runs on version 8.14 or greater,
 * you no longer need to perform this step": seeds 001, 002, 004).
 */
export const CLOUD_KEYSTORE_AUTO_RELOAD_VERSION = '8.14.0';

/** The resolve-cluster API, which also makes the local cluster retry a disconnected remote (specification: `@availability stack since=8.13.0`). */
export const RESOLVE_CLUSTER_VERSION = '8.13.0';

/** Strong identity verification (`certificate_identity` on the key, request signing) needs 9.3 on both sides. */
export const CERTIFICATE_IDENTITY_VERSION = '9.3.0';
/** TLS-certificate remote clusters are deprecated from 9.0. */
export const CERTIFICATE_MODEL_DEPRECATED_VERSION = '9.0.0';

export const PORTS = {
  /** The remote cluster server (API-key model) on every platform. */
  remoteClusterServer: 9443,
  /** The transport interface (certificate model), self-managed and ECK. */
  transport: 9300,
  /** The Cloud / ECE proxy port for the certificate model. */
  cloudCertificateProxy: 9400,
} as const;

export type VersionVerdict = { ok: true } | { ok: false; blocking: boolean; problem: string };

/** Whether a cluster of this version on this platform can use the API-key model. */
export function apiKeyVersionVerdict(versionText: string, platform: Platform | undefined, who: string): VersionVerdict {
  const version = parseVersion(versionText);
  if (!version) return { ok: false, blocking: false, problem: `The version of ${who} ("${versionText}") could not be read.` };
  if (compareVersions(version, API_KEY_MODEL_FIRST_VERSION) < 0) {
    return {
      ok: false,
      blocking: true,
      problem: `${who} runs Elasticsearch ${version.text}, which has no cross-cluster API keys (they need ${API_KEY_MODEL_FIRST_VERSION} or later). Upgrade it, or use the TLS certificate model.`,
    };
  }
  const documented = API_KEY_MODEL_DOCUMENTED_VERSION[platform ?? 'self-managed'];
  if (compareVersions(version, documented) < 0) {
    return {
      ok: false,
      blocking: false,
      problem: `${who} runs Elasticsearch ${version.text}. The documentation for ${PLATFORM_LABELS[platform ?? 'self-managed']} lists ${documented} or later for API-key remote clusters; earlier 8.x releases had them as a beta.`,
    };
  }
  return { ok: true };
}

/**
 * A first guess of where a cluster runs, from its connection alone, to preselect the platform
 * question: an Elastic Cloud endpoint or Cloud ID, a Kubernetes Service name, or this machine and
 * private addresses (most likely self-managed). Undefined when the address says nothing.
 */
export function guessPlatform(profile: { url?: string; cloudId?: string }): Platform | undefined {
  if (profile.cloudId && !profile.url) return 'cloud';
  let host: string;
  try {
    host = new URL(profile.url ?? '').hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
  if (/\.(elastic-cloud\.com|cloud\.es\.io|found\.io|elastic\.cloud)$/.test(host)) return 'cloud';
  if (/\.svc(\.cluster\.local)?$/.test(host)) return 'eck';
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (ipv4) {
    const [first, second] = [Number(ipv4[1]), Number(ipv4[2])];
    if (first === 127 || first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168)) return 'self-managed';
    return undefined;
  }
  if (host === 'localhost' || host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || !host.includes('.')) return 'self-managed';
  return undefined;
}

export function atLeastVersion(versionText: string | undefined, minimum: string): boolean {
  return atLeast(parseVersion(versionText), minimum) ?? false;
}

/**
 * Problem with an alias, or undefined. Elasticsearch takes letters, digits, `_` and `-`; the
 * keystore of Elastic Cloud, ECE and ECK wants them lowercase for API-key credentials.
 */
export function aliasProblem(alias: string, options: { lowercase: boolean }): string | undefined {
  const text = alias.trim();
  if (text === '') return 'Enter an alias: the name searches use in front of index names, as in "alias:logs-*".';
  if (!VALID_ALIAS.test(text)) return 'Use only letters, digits, "_" and "-" (no dots, spaces or colons).';
  if (options.lowercase && text !== text.toLowerCase()) return 'Use lowercase: the keystore of Elastic Cloud, ECE and ECK only accepts lowercase aliases in credentials settings.';
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
export async function confirmEveryIndex(ui: Pick<FlowUi, 'confirm'>, patterns: string[], purpose: 'search' | 'replicate'): Promise<boolean> {
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
    if (pattern.includes(':')) return `"${pattern}" contains ":"; give the index names as they are on the remote cluster, without an alias.`;
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
  if (/^\d+(\.\d+){3}$/.test(name)) return 'A server name cannot be an IP address: TLS sends it as SNI, which only carries host names.';
  return undefined;
}

/** A duration such as `30d` or `12h` (empty: the key never expires). */
export function expirationProblem(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  return /^\d+(ms|s|m|h|d)$/.test(value) ? undefined : 'Give a duration such as "90d", "12h" or "30m", or leave it empty for a key that does not expire.';
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
