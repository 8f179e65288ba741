/**
 * Which Elasticsearch versions a feature needs, and the checks over them. Sources: the project's
 * reference notes, remote-cluster-settings.md and eck-remote-cluster-fields.md (ECK version gates).
 */
import { atLeast, compareVersions, parseVersion, VERSION_GATES } from '#core';
import { PLATFORM_LABELS, type Platform } from './platforms';

/** The API-key model appeared (as beta) in 8.10; nothing older has cross-cluster API keys. */
export const API_KEY_MODEL_FIRST_VERSION = VERSION_GATES.apiKeyModel;

/**
 * The version each platform's documentation lists for the API-key model: self-managed 8.14
 * (8.10–8.13 was beta), ECK 8.10 (its webhook gate), and Elastic Cloud Hosted and ECE 8.14 ("The
 * local and remote deployments must be on Elastic Stack 8.14 or later": seeds 001, 002, 004).
 * Versions between 8.10 and these are asked about, never refused.
 */
export const API_KEY_MODEL_DOCUMENTED_VERSION: Record<Platform, string> = {
  'self-managed': VERSION_GATES.apiKeyModelGa,
  eck: VERSION_GATES.apiKeyModel,
  cloud: VERSION_GATES.apiKeyModelGa,
  ece: VERSION_GATES.apiKeyModelGa,
};

/**
 * From this version Elastic Cloud Hosted and ECE deployments load keystore changes by themselves;
 * before it the deployment is restarted ("If the local deployment runs on version 8.14 or greater,
 * you no longer need to perform this step": seeds 001, 002, 004).
 */
export const CLOUD_KEYSTORE_AUTO_RELOAD_VERSION = VERSION_GATES.apiKeyModelGa;

/** The resolve-cluster API, which also makes the local cluster retry a disconnected remote (specification: `@availability stack since=8.13.0`). */
export const RESOLVE_CLUSTER_VERSION = '8.13.0';

/** Strong identity verification (`certificate_identity` on the key, request signing) needs 9.3 on both sides. */
export const CERTIFICATE_IDENTITY_VERSION = VERSION_GATES.certificateIdentity;
/** TLS-certificate remote clusters are deprecated from 9.0. */
export const CERTIFICATE_MODEL_DEPRECATED_VERSION = VERSION_GATES.certificateModelDeprecated;

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

export function atLeastVersion(versionText: string | undefined, minimum: string): boolean {
  return atLeast(parseVersion(versionText), minimum) ?? false;
}
