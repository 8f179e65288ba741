/**
 * `PUT _cluster/settings` bodies for one remote alias: set it to proxy mode, remove it (null every
 * key, in both scopes, so Elasticsearch's "remote cluster is not enabled" check cannot refuse the
 * request), and put back what was there before (the undo of a change). Settings are read and
 * written in flat form (`cluster.remote.<alias>.mode`), which is unambiguous for dotted leaves.
 */
import type { ElasticsearchClient } from '../api/elasticsearch';
import type { SettingsMap } from '../api/types/elasticsearch';
import { recordedWrite, type ChangeLog } from './changes';
import type { FlowContext } from './context';

/** The keys of one alias as they are stored now, per scope (flat keys, values as Elasticsearch returns them). */
export interface AliasSettings {
  alias: string;
  persistent: SettingsMap;
  transient: SettingsMap;
}

export function aliasPrefix(alias: string): string {
  return `cluster.remote.${alias}.`;
}

/** The prefix of the names Elasticsearch used before `cluster.remote.*` (fallbacks until 8.0). */
export function legacyPrefix(alias: string): string {
  return `search.remote.${alias}.`;
}

/** Global `cluster.remote.*` keys whose second segment is not an alias. */
const NOT_ALIASES = new Set(['node', 'initial_connect_timeout', 'connections_per_cluster', 'signing']);

/** Aliases that have any key in the given flat settings, sorted. */
export function aliasesIn(...scopes: SettingsMap[]): string[] {
  const aliases = new Set<string>();
  for (const scope of scopes) {
    for (const key of Object.keys(scope)) {
      const match = /^cluster\.remote\.([^.]+)\.(.+)$/.exec(key);
      if (match && !NOT_ALIASES.has(match[1])) aliases.add(match[1]);
    }
  }
  return [...aliases].sort();
}

/** The stored keys of one alias, legacy `search.remote.<alias>.*` names (7.x) included, so removing or replacing it leaves none behind. */
export function pickAliasSettings(alias: string, settings: { persistent?: SettingsMap; transient?: SettingsMap }): AliasSettings {
  const prefixes = [aliasPrefix(alias), legacyPrefix(alias)];
  const pick = (scope: SettingsMap | undefined) =>
    Object.fromEntries(
      Object.entries(scope ?? {}).filter(
        ([key, value]) => prefixes.some((prefix) => key.startsWith(prefix)) && value !== null && value !== undefined,
      ),
    );
  return { alias, persistent: pick(settings.persistent), transient: pick(settings.transient) };
}

export async function readAliasSettings(client: ElasticsearchClient, alias: string): Promise<AliasSettings> {
  return pickAliasSettings(alias, await client.getClusterSettings({ flatSettings: true }));
}

export function hasAnySetting(settings: AliasSettings): boolean {
  return Object.keys(settings.persistent).length + Object.keys(settings.transient).length > 0;
}

/** One line per stored key, for summaries: `cluster.remote.x.mode: proxy (persistent)`. */
export function describeAliasSettings(settings: AliasSettings): string[] {
  const lines: string[] = [];
  for (const scope of ['persistent', 'transient'] as const) {
    for (const [key, value] of Object.entries(settings[scope]))
      lines.push(`${key}: ${Array.isArray(value) ? value.join(', ') : String(value)} (${scope})`);
  }
  return lines;
}

export interface ProxyConnection {
  address: string;
  /** TLS server name (SNI); needed for Elastic Cloud / ECE proxies. */
  serverName?: string;
  skipUnavailable?: boolean;
  /** Sniff mode instead of proxy mode: the seed nodes (the address is then only the first seed). */
  seeds?: string[];
  /** `proxy_socket_connections` (proxy) or `node_connections` (sniff); unset leaves the default. */
  connections?: number;
}

/**
 * Persistent proxy-mode settings for the alias. Keys of the alias's earlier configuration that the
 * new one does not set (e.g. sniff `seeds`) are nulled in the same request; a transient key would
 * win over the new persistent value, so those are nulled too.
 */
export function proxySettingsBody(
  alias: string,
  connection: ProxyConnection,
  before: AliasSettings,
): { persistent: SettingsMap; transient?: SettingsMap } {
  const prefix = aliasPrefix(alias);
  const count = connection.seeds ? 'node_connections' : 'proxy_socket_connections';
  const wanted: SettingsMap = {
    ...(connection.seeds
      ? { [`${prefix}mode`]: 'sniff', [`${prefix}seeds`]: connection.seeds }
      : {
          [`${prefix}mode`]: 'proxy',
          [`${prefix}proxy_address`]: connection.address,
          ...(connection.serverName ? { [`${prefix}server_name`]: connection.serverName } : {}),
        }),
    ...(connection.connections !== undefined ? { [`${prefix}${count}`]: connection.connections } : {}),
    ...(connection.skipUnavailable !== undefined ? { [`${prefix}skip_unavailable`]: connection.skipUnavailable } : {}),
  };
  const persistent: SettingsMap = { ...wanted };
  for (const key of Object.keys(before.persistent)) if (!(key in wanted)) persistent[key] = null;
  const transient: SettingsMap = Object.fromEntries(Object.keys(before.transient).map((key) => [key, null]));
  return Object.keys(transient).length ? { persistent, transient } : { persistent };
}

/** Nulls every key of the alias in both scopes: Elasticsearch then drops the remote. */
export function removalBody(settings: AliasSettings): { persistent?: SettingsMap; transient?: SettingsMap } {
  const body: { persistent?: SettingsMap; transient?: SettingsMap } = {};
  for (const scope of ['persistent', 'transient'] as const) {
    const keys = Object.keys(settings[scope]);
    if (keys.length) body[scope] = Object.fromEntries(keys.map((key) => [key, null]));
  }
  return body;
}

/**
 * Puts the alias back the way `before` describes: keys set since then are nulled, earlier values
 * restored. When `before` is empty this removes the alias.
 */
export function restoreBody(before: AliasSettings, now: AliasSettings): { persistent?: SettingsMap; transient?: SettingsMap } {
  const body: { persistent?: SettingsMap; transient?: SettingsMap } = {};
  for (const scope of ['persistent', 'transient'] as const) {
    const changes: SettingsMap = {};
    for (const key of Object.keys(now[scope])) if (!(key in before[scope])) changes[key] = null;
    for (const [key, value] of Object.entries(before[scope])) changes[key] = value;
    if (Object.keys(changes).length) body[scope] = changes;
  }
  return body;
}

/** Whether the stored settings of the alias already hold every value of `body` (nulls: key absent). */
export function settingsApplied(now: AliasSettings, body: { persistent?: SettingsMap; transient?: SettingsMap }): boolean {
  return (['persistent', 'transient'] as const).every((scope) =>
    Object.entries(body[scope] ?? {}).every(([key, value]) =>
      value === null ? !(key in now[scope]) : sameValue(now[scope][key], value),
    ),
  );
}

function sameValue(stored: unknown, wanted: unknown): boolean {
  const text = (value: unknown) =>
    Array.isArray(value) ? value.map(String).join(',') : value === undefined ? undefined : String(value);
  return text(stored) === text(wanted);
}

/** The PUT _cluster/settings body to run by hand when the undo of `body` fails: puts back `before`. */
function restoreByHand(
  before: AliasSettings,
  body: { persistent: SettingsMap; transient?: SettingsMap },
  clusterName: string,
): string {
  const set = (scope?: SettingsMap) => Object.fromEntries(Object.entries(scope ?? {}).filter(([, value]) => value !== null));
  const restore = restoreBody(before, { alias: before.alias, persistent: set(body.persistent), transient: set(body.transient) });
  return `on "${clusterName}" (for example in Kibana Dev Tools): PUT _cluster/settings?flat_settings=true ${JSON.stringify(restore)}`;
}

/**
 * Writes the alias's proxy-mode settings on the local cluster and records the change with its
 * undo (put back exactly what was stored before). Shared by both security models. When the answer
 * is lost the settings are read back, so the change is recorded whenever it happened.
 */
export async function writeProxySettings(
  context: FlowContext,
  changes: ChangeLog,
  client: ElasticsearchClient,
  target: { alias: string; clusterName: string; connection: ProxyConnection },
): Promise<void> {
  const { alias, clusterName, connection } = target;
  const before = await readAliasSettings(client, alias);
  const body = proxySettingsBody(alias, connection, before);
  await context.ui.progress(`Writing the settings of "${alias}" on "${clusterName}"…`, () =>
    recordedWrite(context, changes, {
      write: () => client.putClusterSettings(body, { flatSettings: true }),
      isApplied: async () => settingsApplied(await readAliasSettings(client, alias), body),
      change: () => ({
        done: connection.seeds
          ? `Set cluster.remote.${alias}.mode: sniff and seeds: ${connection.seeds.join(', ')} on "${clusterName}".`
          : `Set cluster.remote.${alias}.mode: proxy and proxy_address: ${connection.address}${connection.serverName ? ` with server_name: ${connection.serverName}` : ''} on "${clusterName}".`,
        undo: {
          description: `Putting the settings of "${alias}" back`,
          run: async () =>
            void (await client.putClusterSettings(restoreBody(before, await readAliasSettings(client, alias)), {
              flatSettings: true,
            })),
          byHand: restoreByHand(before, body, clusterName),
          isUndone: async () => {
            const now = await readAliasSettings(client, alias);
            return settingsApplied(now, restoreBody(before, now));
          },
        },
      }),
    }),
  );
}
