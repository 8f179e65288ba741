/**
 * Connection profiles: the non-secret description of an endpoint, as stored in the
 * `elasticRemoteClusters.connections` setting. Secrets (API keys, passwords) live in SecretStorage
 * under the profile's id and are never part of a profile. Pure: no VS Code imports.
 */
import { decodeCloudId } from '../api/cloudId';
import { DEFAULT_CLOUD_API_URL, DEFAULT_ECE_REGION } from '../api/cloud';
import type { Auth } from '../api/http';

export type ConnectionKind = 'elasticsearch' | 'cloud' | 'ece';
export type AuthMethod = 'apiKey' | 'basic' | 'none';

export interface ConnectionProfile {
  id: string;
  name: string;
  kind: ConnectionKind;
  /** elasticsearch: the HTTP endpoint (unless cloudId is used); cloud: API base URL; ece: coordinator URL. */
  url?: string;
  /** elasticsearch only: an Elastic Cloud ID instead of a URL. */
  cloudId?: string;
  /** ece only: the region of the platform endpoints (default `ece-region`). */
  region?: string;
  auth: AuthMethod;
  /** basic auth only. */
  username?: string;
  /** PEM file of the CA certificate(s) to trust. */
  caFile?: string;
  /** TLS server name (SNI) when it differs from the URL's host. */
  tlsServerName?: string;
  /** Explicit opt-in to accept any certificate. Insecure; warned about on every use. */
  skipTlsVerify?: boolean;
  timeoutSeconds?: number;
}

export interface ConnectionSecrets {
  apiKey?: string;
  password?: string;
}

export const KIND_LABELS: Record<ConnectionKind, string> = {
  elasticsearch: 'Elasticsearch',
  cloud: 'Elastic Cloud Hosted API',
  ece: 'ECE coordinator',
};

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_ECE_PORT = 12443;

/** Which authentication methods each kind of endpoint accepts (the Cloud API takes API keys only). */
export const AUTH_METHODS: Record<ConnectionKind, AuthMethod[]> = {
  elasticsearch: ['apiKey', 'basic', 'none'],
  cloud: ['apiKey'],
  ece: ['apiKey', 'basic'],
};

const KINDS = new Set<ConnectionKind>(['elasticsearch', 'cloud', 'ece']);
const AUTHS = new Set<AuthMethod>(['apiKey', 'basic', 'none']);

/**
 * Reads the setting's value. Never throws: entries that cannot be used are skipped and described in
 * `problems` (the setting is hand-editable JSON).
 */
export function parseProfiles(raw: unknown): { profiles: ConnectionProfile[]; problems: string[] } {
  const profiles: ConnectionProfile[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { profiles, problems };
  if (!Array.isArray(raw)) return { profiles, problems: ['"elasticRemoteClusters.connections" must be a list of connections.'] };
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const where = `Connection #${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${where} is not an object; it is ignored.`);
      return;
    }
    const record = entry as Record<string, unknown>;
    const text = (key: string) =>
      typeof record[key] === 'string' && (record[key] as string).trim() !== '' ? (record[key] as string).trim() : undefined;
    const id = text('id');
    const name = text('name') ?? id;
    const kind = record.kind as ConnectionKind;
    if (!id || !name) {
      problems.push(`${where} has no "id"; it is ignored.`);
      return;
    }
    if (!KINDS.has(kind)) {
      problems.push(`Connection "${name}" has an unknown "kind" (use elasticsearch, cloud or ece); it is ignored.`);
      return;
    }
    if (seen.has(id)) {
      problems.push(`Connection "${name}" repeats the id "${id}"; only the first one is used.`);
      return;
    }
    seen.add(id);
    const auth = AUTHS.has(record.auth as AuthMethod)
      ? (record.auth as AuthMethod)
      : kind === 'elasticsearch'
        ? 'none'
        : 'apiKey';
    const timeout =
      typeof record.timeoutSeconds === 'number' && Number.isFinite(record.timeoutSeconds) ? record.timeoutSeconds : undefined;
    const profile: ConnectionProfile = {
      id,
      name,
      kind,
      auth,
      ...(text('url') ? { url: text('url') } : {}),
      ...(text('cloudId') ? { cloudId: text('cloudId') } : {}),
      ...(text('region') ? { region: text('region') } : {}),
      ...(text('username') ? { username: text('username') } : {}),
      ...(text('caFile') ? { caFile: text('caFile') } : {}),
      ...(text('tlsServerName') ? { tlsServerName: text('tlsServerName') } : {}),
      ...(record.skipTlsVerify === true ? { skipTlsVerify: true } : {}),
      ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
    };
    const issues = profileProblems(profile);
    if (issues.length) problems.push(`Connection "${name}": ${issues.join(' ')}`);
    profiles.push(profile);
  });
  return { profiles, problems };
}

/** What is wrong with a profile, in words; empty when it can be used. */
export function profileProblems(profile: ConnectionProfile): string[] {
  const problems: string[] = [];
  if (profile.kind === 'elasticsearch') {
    if (profile.url && profile.cloudId) problems.push('Give either "url" or "cloudId", not both.');
    else if (profile.cloudId) {
      const decoded = decodeCloudId(profile.cloudId);
      if (!decoded.ok) problems.push(decoded.problem);
    } else if (!profile.url) problems.push('It needs a "url" (or a "cloudId").');
  } else if (profile.kind === 'ece' && !profile.url) {
    problems.push('It needs the coordinator "url", e.g. https://ece.example.com:12443.');
  }
  if (profile.url) {
    const urlProblem = urlInputProblem(profile.url);
    if (urlProblem) problems.push(urlProblem);
  }
  if (!AUTH_METHODS[profile.kind].includes(profile.auth)) {
    problems.push(`"auth" must be one of ${AUTH_METHODS[profile.kind].join(', ')} for ${KIND_LABELS[profile.kind]}.`);
  }
  if (profile.auth === 'basic' && !profile.username) problems.push('Basic authentication needs a "username".');
  if (profile.timeoutSeconds !== undefined && !(profile.timeoutSeconds >= 1 && profile.timeoutSeconds <= 600)) {
    problems.push('"timeoutSeconds" must be between 1 and 600.');
  }
  if (profile.region !== undefined && !/^[A-Za-z0-9._-]+$/.test(profile.region))
    problems.push('"region" may hold only letters, digits, ".", "_" and "-".');
  return problems;
}

/** The URL the API client talks to: the ES URL (decoded from the Cloud ID if needed) or the API base. */
export function endpointUrl(profile: ConnectionProfile): string {
  if (profile.kind === 'elasticsearch' && profile.cloudId && !profile.url) {
    const decoded = decodeCloudId(profile.cloudId);
    if (decoded.ok) return decoded.value.elasticsearchUrl;
  }
  if (profile.kind === 'cloud') return profile.url ?? DEFAULT_CLOUD_API_URL;
  return profile.url ?? '';
}

export function eceRegion(profile: ConnectionProfile): string {
  return profile.region ?? DEFAULT_ECE_REGION;
}

/** What a profile needs from SecretStorage. */
export function requiredSecret(profile: ConnectionProfile): keyof ConnectionSecrets | undefined {
  return profile.auth === 'apiKey' ? 'apiKey' : profile.auth === 'basic' ? 'password' : undefined;
}

/** The API layer's Auth from a profile and its secrets; undefined when the needed secret is missing. */
export function authFor(profile: ConnectionProfile, secrets: ConnectionSecrets): Auth | undefined {
  if (profile.auth === 'none') return { type: 'none' };
  if (profile.auth === 'apiKey') return secrets.apiKey ? { type: 'apiKey', apiKey: secrets.apiKey } : undefined;
  return profile.username && secrets.password !== undefined && secrets.password !== ''
    ? { type: 'basic', username: profile.username, password: secrets.password }
    : undefined;
}

/** Problem with a typed URL, or undefined when it is usable. */
export function urlInputProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter a URL.';
  // Without "://", "host:9200" would parse as a URL with the scheme "host:".
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return 'Start the URL with https:// (or http:// for a cluster without TLS).';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'This is not a valid URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// or http:// URL.';
  if (url.username || url.password) return 'Leave credentials out of the URL; the next steps ask for them.';
  if (url.search || url.hash) return 'Leave the query and fragment out of the URL.';
  return undefined;
}

/** Adds ECE's API port when the user typed none. */
export function withDefaultEcePort(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  const match = /^(https?:\/\/)([^/:]+|\[[^\]]+\])(\/.*)?$/i.exec(trimmed);
  return match ? `${match[1]}${match[2]}:${DEFAULT_ECE_PORT}${match[3] ?? ''}` : trimmed;
}

/** A short unique id for a new profile (stable once saved; names can change). */
export function newProfileId(name: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'connection';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** One line for pick lists: kind and endpoint, never secrets. */
export function describeProfile(profile: ConnectionProfile): string {
  const where =
    profile.kind === 'elasticsearch' && profile.cloudId && !profile.url
      ? `Cloud ID ${decodeCloudId(profile.cloudId).ok ? endpointUrl(profile) : '(invalid)'}`
      : endpointUrl(profile);
  const region = profile.kind === 'ece' ? `, region ${eceRegion(profile)}` : '';
  return `${KIND_LABELS[profile.kind]} · ${where}${region}`;
}
