/**
 * The connection settings of one remote alias as a person edits them (mode, address, server name,
 * skip_unavailable, connection counts), read from `GET _cluster/settings` and turned into one
 * `PUT _cluster/settings` body. Elasticsearch checks the mode-specific keys against the mode the
 * request leaves in place, so switching modes nulls the old mode's keys in the same request; legacy
 * names (`search.remote.<alias>.*` before 8.0, the sniff-mode `proxy` key) are moved to their
 * current names the same way. Pure: no VS Code, no I/O.
 */
import type { SettingsMap } from '../api/types/elasticsearch';
import { aliasPrefix, legacyPrefix, type AliasSettings } from './aliasSettings';

export type RemoteMode = 'proxy' | 'sniff';

/** What the alias is set to; undefined fields are not set (Elasticsearch's default applies). */
export interface RemoteConnectionValues {
  mode: RemoteMode;
  proxyAddress?: string;
  serverName?: string;
  proxySocketConnections?: number;
  seeds?: string[];
  nodeConnections?: number;
  skipUnavailable?: boolean;
}

/** The per-alias keys this editor manages, by suffix. */
const MANAGED = [
  'mode',
  'proxy_address',
  'server_name',
  'proxy_socket_connections',
  'seeds',
  'node_connections',
  'skip_unavailable',
] as const;
type Managed = (typeof MANAGED)[number];

/** Keys that only sniff or only proxy mode accepts (`proxy` is the deprecated sniff-through-a-proxy address). */
const SNIFF_ONLY = ['seeds', 'node_connections', 'proxy'];
const PROXY_ONLY = ['proxy_address', 'server_name', 'proxy_socket_connections'];

/** Legacy keys in the stored settings, for the summary ("migrated on the way"). */
export function legacyKeys(settings: AliasSettings): string[] {
  const prefix = legacyPrefix(settings.alias);
  return [...Object.keys(settings.persistent), ...Object.keys(settings.transient)].filter((key) => key.startsWith(prefix));
}

/**
 * The values in effect: transient over persistent, current names over legacy ones. Values are
 * what Elasticsearch stores (strings for numbers and booleans in flat settings).
 */
export function currentValues(settings: AliasSettings): RemoteConnectionValues {
  const raw = (suffix: string): unknown => {
    for (const scope of [settings.transient, settings.persistent]) {
      const value = scope[aliasPrefix(settings.alias) + suffix];
      if (value !== undefined) return value;
    }
    for (const scope of [settings.transient, settings.persistent]) {
      const value = scope[legacyPrefix(settings.alias) + suffix];
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const text = (suffix: string) => {
    const value = raw(suffix);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const number = (suffix: string) => {
    const value = text(suffix);
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const seedsRaw = raw('seeds');
  const seeds = (Array.isArray(seedsRaw) ? seedsRaw.map(String) : seedsRaw === undefined ? [] : String(seedsRaw).split(','))
    .map((seed) => seed.trim())
    .filter((seed) => seed !== '');
  const skip = text('skip_unavailable');
  const mode: RemoteMode = text('mode')?.toLowerCase() === 'proxy' ? 'proxy' : 'sniff';
  return {
    mode,
    ...(text('proxy_address') ? { proxyAddress: text('proxy_address') } : {}),
    ...(text('server_name') ? { serverName: text('server_name') } : {}),
    ...(number('proxy_socket_connections') !== undefined ? { proxySocketConnections: number('proxy_socket_connections') } : {}),
    ...(seeds.length ? { seeds } : {}),
    ...(number('node_connections') !== undefined ? { nodeConnections: number('node_connections') } : {}),
    ...(skip !== undefined ? { skipUnavailable: skip.toLowerCase() === 'true' } : {}),
  };
}

/** The flat persistent keys the values set (current names only; nothing for unset values). */
export function wantedSettings(alias: string, values: RemoteConnectionValues): SettingsMap {
  const prefix = aliasPrefix(alias);
  const set: Partial<Record<Managed, SettingsMap[string]>> = { mode: values.mode };
  if (values.mode === 'proxy') {
    set.proxy_address = values.proxyAddress;
    set.server_name = values.serverName;
    set.proxy_socket_connections = values.proxySocketConnections;
  } else {
    set.seeds = values.seeds?.length ? values.seeds : undefined;
    set.node_connections = values.nodeConnections;
  }
  set.skip_unavailable = values.skipUnavailable;
  return Object.fromEntries(
    MANAGED.filter((suffix) => set[suffix] !== undefined).map((suffix) => [prefix + suffix, set[suffix] as SettingsMap[string]]),
  );
}

export type SettingsBody = { persistent?: SettingsMap; transient?: SettingsMap };

/**
 * One request that leaves the alias exactly as `values` say, in the persistent scope: managed
 * keys the values leave unset are nulled, the other mode's keys are nulled, legacy keys are nulled
 * (their values live on under the current names), and transient copies are nulled, since a
 * transient value would hide the persistent one. Keys this editor does not manage
 * (`transport.*`) stay as they are, except those of the other mode.
 */
export function editBody(before: AliasSettings, values: RemoteConnectionValues): SettingsBody {
  const prefix = aliasPrefix(before.alias);
  const wanted = wantedSettings(before.alias, values);
  const otherMode = values.mode === 'proxy' ? SNIFF_ONLY : PROXY_ONLY;
  const persistent: SettingsMap = {};
  const transient: SettingsMap = {};
  const drop = (key: string) => {
    if (key.startsWith(legacyPrefix(before.alias))) return true;
    const suffix = key.slice(prefix.length);
    return (MANAGED as readonly string[]).includes(suffix) || otherMode.includes(suffix);
  };
  for (const key of Object.keys(before.persistent)) if (!(key in wanted) && drop(key)) persistent[key] = null;
  for (const [key, value] of Object.entries(wanted)) if (!sameValue(before.persistent[key], value)) persistent[key] = value;
  // The mode is always sent while anything else changes, so Elasticsearch validates against the new mode.
  if (Object.keys(persistent).length && !(`${prefix}mode` in persistent)) persistent[`${prefix}mode`] = values.mode;
  for (const key of Object.keys(before.transient)) if (key in wanted || drop(key)) transient[key] = null;
  const body: SettingsBody = {};
  if (Object.keys(persistent).length) body.persistent = persistent;
  if (Object.keys(transient).length) body.transient = transient;
  return body;
}

export function isEmptyBody(body: SettingsBody): boolean {
  return Object.keys(body.persistent ?? {}).length + Object.keys(body.transient ?? {}).length === 0;
}

/** Before/after lines of every key the body touches: `key: old → new (scope)`. */
export function describeDiff(before: AliasSettings, body: SettingsBody): string[] {
  const lines: string[] = [];
  for (const scope of ['persistent', 'transient'] as const) {
    for (const [key, value] of Object.entries(body[scope] ?? {})) {
      const old = before[scope][key];
      if (value !== null && sameValue(old, value)) continue;
      const legacy = key.startsWith(legacyPrefix(before.alias)) ? ' — legacy name, moved to cluster.remote.*' : '';
      lines.push(`${key}: ${show(old)} → ${value === null ? '(removed)' : show(value)} (${scope})${legacy}`);
    }
  }
  return lines;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '(not set)';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function sameValue(stored: unknown, wanted: unknown): boolean {
  const text = (value: unknown) =>
    Array.isArray(value) ? value.map(String).join(',') : value === undefined || value === null ? undefined : String(value);
  return text(stored) === text(wanted);
}

/** Parses "a:9300, b:9300" into seeds. */
export function parseSeeds(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((seed) => seed.trim())
    .filter((seed) => seed !== '');
}

/** A connection count answer: empty for "leave unset", otherwise a whole number ≥ 1. */
export function countProblem(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1000
    ? undefined
    : 'Give a whole number of at least 1, or leave it empty for the default.';
}

export function parseCount(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}
