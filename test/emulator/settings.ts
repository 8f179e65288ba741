/**
 * Cluster settings as Elasticsearch handles them in PUT/GET _cluster/settings: nested or flat input,
 * values stored as strings, null removes (also with a trailing `*`), only dynamic settings accepted,
 * per-setting value parsing, and the remote-cluster validators (mode-specific keys, "remote cluster
 * is not enabled"). The whole update is applied or rejected as one.
 *
 * Message texts: "<scope> setting [k], not recognized", "<scope> setting [k], not dynamically
 * updateable", "Setting \"k\" cannot be used with the configured \"m\" [required=X, configured=Y]"
 * and "Cannot configure setting [k] if remote cluster is not enabled." are Elasticsearch's own
 * (AbstractScopedSettings, RemoteConnectionStrategy, RemoteClusterSettings). Value-parsing messages follow Elasticsearch's wording where known; the
 * exact text of some (enum and port parsing) is approximate.
 */
import { toList } from './state';

export type StoredValue = string | string[];

export class SettingsError extends Error {}

type Parser = (key: string, value: unknown) => StoredValue;

const asString = (key: string, value: unknown): string => {
  if (value === null || typeof value === 'object')
    throw new SettingsError(`Failed to parse value [${JSON.stringify(value)}] for setting [${key}]`);
  return String(value);
};

const asBoolean: Parser = (key, value) => {
  const text = asString(key, value);
  if (text !== 'true' && text !== 'false')
    throw new SettingsError(`Failed to parse value [${text}] as only [true] or [false] are allowed.`);
  return text;
};

const asIntAtLeast =
  (min: number): Parser =>
  (key, value) => {
    const text = asString(key, value);
    if (!/^-?\d+$/.test(text)) throw new SettingsError(`Failed to parse value [${text}] for setting [${key}]`);
    if (Number(text) < min) throw new SettingsError(`Failed to parse value [${text}] for setting [${key}] must be >= ${min}`);
    return text;
  };

const asEnum =
  (allowed: string[], caseInsensitive = false): Parser =>
  (key, value) => {
    const text = asString(key, value);
    const candidate = caseInsensitive ? text.toLowerCase() : text;
    if (!allowed.includes(candidate))
      throw new SettingsError(`Failed to parse value [${text}] for setting [${key}]; allowed values are ${allowed.join(', ')}`);
    return text;
  };

const asTime: Parser = (key, value) => {
  const text = asString(key, value);
  if (text !== '-1' && text !== '0' && !/^\d+(nanos|micros|ms|s|m|h|d)$/.test(text)) {
    throw new SettingsError(
      `failed to parse setting [${key}] with value [${text}] as a time value: unit is missing or unrecognized`,
    );
  }
  return text;
};

function checkAddress(entry: string): void {
  const colon = entry.lastIndexOf(':');
  if (colon < 0) throw new SettingsError(`remote hosts need to be configured as [host:port], found [${entry}] instead`);
  const port = entry.slice(colon + 1);
  // RemoteConnectionStrategy.parsePort's texts.
  if (!/^-?\d+$/.test(port)) throw new SettingsError('failed to parse port');
  if (Number(port) <= 0) throw new SettingsError(`port number must be > 0 but was: [${Number(port)}]`);
}

const asAddress: Parser = (key, value) => {
  const text = asString(key, value);
  if (text !== '') checkAddress(text);
  return text;
};

/** A list setting keeps the form it was given in: a string stays a string (multi_cluster/20_info.yml echoes it). */
const asAddressList: Parser = (key, value) => {
  if (!Array.isArray(value)) {
    const text = asString(key, value);
    toList(text).forEach(checkAddress);
    return text;
  }
  const list = value.map((item) => asString(key, item));
  list.forEach(checkAddress);
  return list;
};

/** Per-alias dynamic settings and the connection mode each is restricted to. */
const REMOTE_ALIAS_SETTINGS: Record<string, { parse: Parser; mode?: 'sniff' | 'proxy'; needsEnabled?: boolean }> = {
  mode: { parse: asEnum(['sniff', 'proxy'], true) },
  seeds: { parse: asAddressList, mode: 'sniff' },
  node_connections: { parse: asIntAtLeast(1), mode: 'sniff' },
  proxy: { parse: asAddress, mode: 'sniff' },
  proxy_address: { parse: asAddress, mode: 'proxy' },
  proxy_socket_connections: { parse: asIntAtLeast(1), mode: 'proxy' },
  server_name: { parse: (key, value) => asString(key, value), mode: 'proxy' },
  skip_unavailable: { parse: asBoolean, needsEnabled: true },
  'transport.ping_schedule': { parse: asTime, needsEnabled: true },
  'transport.compress': { parse: asEnum(['true', 'false', 'indexing_data']), needsEnabled: true },
  'transport.compression_scheme': { parse: asEnum(['deflate', 'lz4']), needsEnabled: true },
};

/** A few ordinary dynamic cluster settings, so flows that touch them are not refused. */
const OTHER_DYNAMIC: Record<string, Parser> = {
  'cluster.routing.allocation.enable': asEnum(['all', 'primaries', 'new_primaries', 'none']),
  'cluster.max_shards_per_node': asIntAtLeast(1),
  'action.auto_create_index': (key, value) => asString(key, value),
  'indices.recovery.max_bytes_per_sec': (key, value) => asString(key, value),
  'xpack.monitoring.collection.enabled': asBoolean,
};

export interface SettingsValidationContext {
  version: string;
}

/**
 * Settings Elasticsearch knows but only reads from elasticsearch.yml or the keystore: setting them
 * through the API is "not dynamically updateable"; any other unknown key is "not recognized".
 */
const STATIC_SETTINGS = [
  /^cluster\.remote\.(initial_connect_timeout|connections_per_cluster|node\.attr)$/,
  /^cluster\.remote\.[-\w]+\.credentials$/,
  /^remote_cluster_server\.enabled$/,
  /^remote_cluster\.(port|host|bind_host|publish_host)$/,
  /^xpack\.security\.(enabled|(transport|http|remote_cluster_client|remote_cluster_server)\.ssl\..+)$/,
  /^(cluster\.name|node\.name|node\.roles|path\.(data|logs)|network\.host|http\.port|transport\.port|discovery\.seed_hosts|cluster\.initial_master_nodes)$/,
];

function isStaticSetting(key: string): boolean {
  return STATIC_SETTINGS.some((pattern) => pattern.test(key));
}

/** The parser for a dynamic setting, or undefined when the key cannot be set through the API. */
function dynamicParser(key: string, context: SettingsValidationContext): Parser | undefined {
  if (OTHER_DYNAMIC[key]) return OTHER_DYNAMIC[key];
  if (key.startsWith('logger.')) return (k, v) => asString(k, v);
  // The verifying side of request signing: node-wide, dynamic from 9.3 (CrossClusterApiKeySigningSettings).
  if (/^cluster\.remote\.signing\.(certificate_authorities|truststore\.(path|type|algorithm)|diagnose\.trust)$/.test(key))
    return atLeast(context.version, 9, 3)
      ? (k, v) => (Array.isArray(v) ? v.map((item) => asString(k, item)) : asString(k, v))
      : undefined;
  // 7.x still accepted the pre-6.5 names as deprecated fallbacks (removed in 8.0).
  const legacy = /^search\.remote\.[-\w]+\.(seeds|skip_unavailable)$/.exec(key);
  if (legacy && !atLeast(context.version, 8, 0)) return legacy[1] === 'seeds' ? asAddressList : asBoolean;
  const remote = /^cluster\.remote\.([-\w]+)\.(.+)$/.exec(key);
  if (!remote || ['node', 'initial_connect_timeout', 'connections_per_cluster', 'signing'].includes(remote[1])) return undefined;
  const suffix = remote[2];
  if (REMOTE_ALIAS_SETTINGS[suffix]) return REMOTE_ALIAS_SETTINGS[suffix].parse;
  // Request-signing keys are dynamic from 9.3 on (RemoteClusterSettings / CrossClusterApiKeySigningSettings).
  if (/^signing\.(key|certificate|keystore\.(path|type|alias|algorithm))$/.test(suffix) && atLeast(context.version, 9, 3))
    return (k, v) => asString(k, v);
  return undefined;
}

/** Whether a version string such as `8.15.0` is at least major.minor. */
export function atLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** Flattens `{"cluster": {"remote": {...}}}` to dotted keys; lists stay values. */
export function flattenSettings(input: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    if (prefix) out[prefix] = input;
    return out;
  }
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flattenSettings(value, full, out);
    else out[full] = value;
  }
  return out;
}

/** Nests dotted keys for output without flat_settings. */
export function nestSettings(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of Object.keys(flat).sort()) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = flat[key];
  }
  return root;
}

export interface SettingsUpdate {
  persistent: Record<string, StoredValue>;
  transient: Record<string, StoredValue>;
  /** The keys the request set, per scope, for the response body. */
  changed: { persistent: Record<string, StoredValue>; transient: Record<string, StoredValue> };
}

/**
 * Applies a PUT _cluster/settings body to the current settings, returning the new state or throwing
 * SettingsError with Elasticsearch's message. Nothing is changed when it throws.
 */
export function applySettingsUpdate(
  current: { persistent: Record<string, StoredValue>; transient: Record<string, StoredValue> },
  body: unknown,
  context: SettingsValidationContext,
): SettingsUpdate {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body))
    throw new SettingsError('request body is required');
  const unknownTop = Object.keys(body).find((key) => key !== 'persistent' && key !== 'transient');
  if (unknownTop) throw new SettingsError(`request [/_cluster/settings] contains unrecognized parameter: [${unknownTop}]`);
  const result: SettingsUpdate = {
    persistent: { ...current.persistent },
    transient: { ...current.transient },
    changed: { persistent: {}, transient: {} },
  };
  for (const scope of ['transient', 'persistent'] as const) {
    const raw = (body as Record<string, unknown>)[scope];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'object' || Array.isArray(raw)) throw new SettingsError(`[${scope}] must be an object`);
    const target = result[scope];
    for (const [key, value] of Object.entries(flattenSettings(raw))) {
      const parse = key.endsWith('*') ? undefined : dynamicParser(key, context);
      if (value === null && (parse || key.endsWith('*'))) {
        // Null removes a dynamic setting; a trailing wildcard removes every matching key.
        if (key.endsWith('*')) {
          const stem = key.slice(0, -1);
          for (const existing of Object.keys(target)) if (existing.startsWith(stem)) delete target[existing];
        } else {
          delete target[key];
        }
        continue;
      }
      // AbstractScopedSettings.updateSettings: a key Elasticsearch does not know at all (also when
      // nulled) is "not recognized"; a known static one is "not dynamically updateable".
      if (!parse)
        throw new SettingsError(
          `${scope} setting [${key}], ${isStaticSetting(key) ? 'not dynamically updateable' : 'not recognized'}`,
        );
      const stored = parse(key, value);
      target[key] = stored;
      result.changed[scope][key] = stored;
    }
  }
  validateRemoteClusters({ ...result.persistent, ...result.transient });
  return result;
}

/** The strategy and enablement validators Elasticsearch runs over the merged settings. */
function validateRemoteClusters(effective: Record<string, StoredValue>): void {
  const aliases = new Set<string>();
  for (const key of Object.keys(effective)) {
    const match = /^cluster\.remote\.([-\w]+)\.(.+)$/.exec(key);
    if (match && REMOTE_ALIAS_SETTINGS[match[2]]) aliases.add(match[1]);
  }
  for (const alias of [...aliases].sort()) {
    const modeKey = `cluster.remote.${alias}.mode`;
    const mode = String(effective[modeKey] ?? 'sniff').toLowerCase() as 'sniff' | 'proxy';
    for (const [suffix, rule] of Object.entries(REMOTE_ALIAS_SETTINGS)) {
      const key = `cluster.remote.${alias}.${suffix}`;
      if (effective[key] === undefined) continue;
      if (rule.mode && rule.mode !== mode) {
        throw new SettingsError(
          `Setting "${key}" cannot be used with the configured "${modeKey}" [required=${rule.mode.toUpperCase()}, configured=${mode.toUpperCase()}]`,
        );
      }
    }
    const enabled =
      mode === 'proxy'
        ? String(effective[`cluster.remote.${alias}.proxy_address`] ?? '') !== ''
        : toList(effective[`cluster.remote.${alias}.seeds`]).length > 0;
    if (!enabled) {
      for (const [suffix, rule] of Object.entries(REMOTE_ALIAS_SETTINGS)) {
        const key = `cluster.remote.${alias}.${suffix}`;
        if (rule.needsEnabled && effective[key] !== undefined)
          throw new SettingsError(`Cannot configure setting [${key}] if remote cluster is not enabled.`);
      }
    }
  }
}

/** Default values reported under include_defaults, for the remote-cluster settings. */
export function remoteDefaults(
  effective: Record<string, StoredValue>,
  version: string,
  remoteClusterServerEnabled: boolean,
): Record<string, StoredValue> {
  const defaults: Record<string, StoredValue> = {
    'cluster.remote.connections_per_cluster': '3',
    'cluster.remote.initial_connect_timeout': '30s',
    'cluster.remote.node.attr': '',
    'remote_cluster_server.enabled': String(remoteClusterServerEnabled),
    'remote_cluster.port': '9443',
    'transport.compress': 'indexing_data',
    'transport.ping_schedule': '-1',
  };
  const skipDefault = atLeast(version, 8, 15) ? 'true' : 'false';
  const aliases = new Set<string>();
  for (const key of Object.keys(effective)) {
    const match = /^cluster\.remote\.([-\w]+)\.(.+)$/.exec(key);
    if (match && REMOTE_ALIAS_SETTINGS[match[2]]) aliases.add(match[1]);
  }
  for (const alias of aliases) {
    const mode = String(effective[`cluster.remote.${alias}.mode`] ?? 'sniff').toLowerCase();
    const perAlias: Record<string, StoredValue> =
      mode === 'proxy'
        ? { mode: 'sniff', proxy_socket_connections: '18', server_name: '', skip_unavailable: skipDefault }
        : { mode: 'sniff', node_connections: '3', seeds: [], skip_unavailable: skipDefault };
    for (const [suffix, value] of Object.entries(perAlias)) {
      const key = `cluster.remote.${alias}.${suffix}`;
      if (effective[key] === undefined) defaults[key] = value;
    }
  }
  return defaults;
}

export function skipUnavailableDefault(version: string): boolean {
  return atLeast(version, 8, 15);
}
