/**
 * What the Remote Clusters view knows about an Elasticsearch cluster's remotes: `GET _remote/info`
 * (what Elasticsearch connected) merged with `GET _cluster/settings` (what is configured), one
 * summary per alias. Pure, and tolerant of odd responses: a field of the wrong type is treated as
 * absent instead of throwing.
 */
import { parseAddress } from '#core';
import { flattenSettings, isRecord } from '../api/shape';
import { PORTS, type SecurityModel } from '../flows/platforms';
import type { ClusterSettingsResponse, RemoteClusterInfo, RemoteInfoResponse } from '../api/types/elasticsearch';

export interface RemoteClusterSummary {
  alias: string;
  mode: 'sniff' | 'proxy';
  /** Seeds (sniff) or the proxy address (proxy). */
  addresses: string[];
  serverName?: string;
  /**
   * Whether Elasticsearch holds an open connection. Undefined when `_remote/info` does not list the
   * alias: it has no seeds / proxy_address, so Elasticsearch has not enabled it.
   */
  connected?: boolean;
  /** Open node connections (sniff) or proxy sockets (proxy), out of the configured maximum. */
  connections?: { open: number; max: number };
  skipUnavailable?: boolean;
  /** 'unknown' when `_remote/info` does not list the alias (it tells the model by cluster_credentials). */
  securityModel: SecurityModel | 'unknown';
  /** The cluster-settings layers that configure the alias; empty when only elasticsearch.yml does. */
  definedIn: Array<'persistent' | 'transient'>;
  /** The alias' entry in `_remote/info`, as Elasticsearch sent it. */
  remoteInfo?: RemoteClusterInfo;
  /** The alias' cluster settings (flat keys), transient over persistent. */
  settings: Record<string, unknown>;
}

/** `cluster.remote.<alias>.<setting>`; `node.attr` is a node-wide setting, not an alias. */
const ALIAS_SETTING = /^cluster\.remote\.([^.]+)\.(.+)$/;
const NOT_ALIASES = new Set(['node']);

/** One summary per alias known to either source, sorted by alias. */
export function summarizeRemoteClusters(
  remoteInfo: RemoteInfoResponse | undefined,
  settings: ClusterSettingsResponse | undefined,
): RemoteClusterSummary[] {
  const info = isRecord(remoteInfo) ? remoteInfo : {};
  const layers = {
    persistent: aliasSettings(flattenSettings(isRecord(settings) ? settings.persistent : undefined)),
    transient: aliasSettings(flattenSettings(isRecord(settings) ? settings.transient : undefined)),
  };
  const aliases = new Set([...Object.keys(info), ...layers.persistent.keys(), ...layers.transient.keys()]);
  return [...aliases]
    .map((alias) =>
      summarize(
        alias,
        isRecord(info[alias]) ? (info[alias] as RemoteClusterInfo) : undefined,
        layers.persistent.get(alias),
        layers.transient.get(alias),
      ),
    )
    .sort((a, b) => compareText(a.alias, b.alias));
}

function summarize(
  alias: string,
  info: RemoteClusterInfo | undefined,
  persistent: Record<string, unknown> | undefined,
  transient: Record<string, unknown> | undefined,
): RemoteClusterSummary {
  const settings = { ...(persistent ?? {}), ...(transient ?? {}) };
  const definedIn = [...(persistent ? ['persistent' as const] : []), ...(transient ? ['transient' as const] : [])];
  const setting = (suffix: string) => settings[`cluster.remote.${alias}.${suffix}`];
  const record = info as Record<string, unknown> | undefined;
  const infoMode = record?.mode === 'proxy' || record?.mode === 'sniff' ? record.mode : undefined;
  const mode = infoMode ?? (String(setting('mode') ?? 'sniff').toLowerCase() === 'proxy' ? 'proxy' : 'sniff');
  const addresses = record
    ? mode === 'proxy'
      ? stringList(record.proxy_address)
      : stringList(record.seeds)
    : mode === 'proxy'
      ? stringList(setting('proxy_address'))
      : stringList(setting('seeds'));
  const serverName = nonEmpty(record ? record.server_name : undefined) ?? nonEmpty(setting('server_name'));
  const open = mode === 'proxy' ? record?.num_proxy_sockets_connected : record?.num_nodes_connected;
  const max = mode === 'proxy' ? record?.max_proxy_socket_connections : record?.max_connections_per_cluster;
  const skipFromInfo = typeof record?.skip_unavailable === 'boolean' ? record.skip_unavailable : undefined;
  const skipSetting = setting('skip_unavailable');
  const skipFromSettings =
    skipSetting === true || skipSetting === 'true' ? true : skipSetting === false || skipSetting === 'false' ? false : undefined;
  const skipUnavailable = skipFromInfo ?? skipFromSettings;
  return {
    alias,
    mode,
    addresses,
    ...(serverName ? { serverName } : {}),
    ...(typeof record?.connected === 'boolean' ? { connected: record.connected } : {}),
    ...(typeof open === 'number' && typeof max === 'number' ? { connections: { open, max } } : {}),
    ...(skipUnavailable !== undefined ? { skipUnavailable } : {}),
    // 8.x reports `cluster_credentials` (always redacted) for aliases with a cross-cluster API key.
    securityModel: record ? (record.cluster_credentials !== undefined ? 'api-key' : 'certificate') : 'unknown',
    definedIn,
    ...(info ? { remoteInfo: info } : {}),
    settings,
  };
}

/** Groups `cluster.remote.<alias>.*` keys by alias. */
function aliasSettings(flat: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const byAlias = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(flat)) {
    const match = ALIAS_SETTING.exec(key);
    if (!match || NOT_ALIASES.has(match[1]) || value === null) continue;
    const settings = byAlias.get(match[1]) ?? {};
    settings[key] = value;
    byAlias.set(match[1], settings);
  }
  return byAlias;
}

/**
 * Why a remote that is not connected most likely is not, when its configuration shows it; the
 * port conventions are 9443 for the remote cluster server (API-key model) and 9300, or 9400
 * through the Elastic Cloud proxy, for the transport (certificate model).
 */
export function disconnectedHint(remote: RemoteClusterSummary): string | undefined {
  if (remote.connected !== false) return undefined;
  const ports = remote.addresses.map((address) => parseAddress(address)).flatMap((parsed) => (parsed.ok ? [parsed.port] : []));
  if (
    remote.securityModel === 'api-key' &&
    ports.some((port) => port === PORTS.transport || port === PORTS.cloudCertificateProxy)
  ) {
    return 'This alias has a cross-cluster API key, so it must connect to the remote cluster server (port 9443 by default), not to the transport port.';
  }
  if (remote.securityModel === 'certificate' && ports.includes(PORTS.remoteClusterServer)) {
    return `No API key is configured for this alias, so the certificate model is used, which connects to the transport port (9300, or 9400 through the Elastic Cloud proxy). Port 9443 is for the API-key model: add the key to the keystore as cluster.remote.${remote.alias}.credentials and reload secure settings.`;
  }
  return "Elasticsearch has no open connection to this remote. Check that the address is reachable from the cluster's nodes and that the security set-up matches on both sides; the cluster's log says why connecting failed.";
}

export function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim())
    : [];
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
