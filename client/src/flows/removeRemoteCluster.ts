/**
 * "Elastic: Remove Remote Clusters": nulls every key of one or more aliases, in both settings scopes,
 * in one `PUT _cluster/settings` (Elasticsearch applies it all or nothing), then checks
 * `_remote/info`. One summary, one confirmation; the undo puts every alias back as it was.
 * A keystore entry cannot be removed through the cluster API; the report says how.
 */
import { BACK, runSteps, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import type { SettingsMap } from '../api/types/elasticsearch';
import { ChangeLog, cancelled, failFlow, finishFlow, recordedWrite, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import { credentialsSetting } from './eck';
import { checkCluster, clusterStep, type CheckedCluster } from './pickers';
import {
  aliasesIn,
  describeAliasSettings,
  hasAnySetting,
  readAliasSettings,
  removalBody,
  restoreBody,
  settingsApplied,
  type AliasSettings,
} from './aliasSettings';

const TITLE = 'Remove Remote Clusters';

export interface RemoveRemoteClusterArgs {
  connectionId?: string;
  alias?: string;
  /** Several aliases of the same cluster (a multi-selection in the view). */
  aliases?: string[];
}

interface Draft {
  local?: CheckedCluster;
  /** The chosen aliases with their settings before the change, in pick order. */
  selected?: AliasSettings[];
}

export async function removeRemoteCluster(context: FlowContext, args: RemoveRemoteClusterArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const draft: Draft = {};
    if (args.connectionId !== undefined) {
      const profile = await connectionById(context, args.connectionId, ['elasticsearch']);
      const checked = profile && (await checkCluster(context, pool, profile));
      if (!checked) return cancelled();
      draft.local = checked;
    }
    const presetAliases = [...new Set([...(args.aliases ?? []), ...(args.alias !== undefined ? [args.alias] : [])])];
    if (presetAliases.length && draft.local) {
      const selected = await loadAliases(context, pool, draft.local, presetAliases);
      if (!selected) return cancelled();
      draft.selected = selected;
    }
    const steps: FlowStep<Draft>[] = [];
    if (!draft.local) steps.push(connectionStep(context, pool));
    if (!draft.selected) steps.push(aliasStep(context, pool));
    if (steps.length && !(await runSteps(TITLE, draft, steps))) return cancelled();

    const local = draft.local as CheckedCluster;
    const selected = draft.selected as AliasSettings[];
    const aliases = selected.map((settings) => settings.alias);
    const names = aliases.map((alias) => `"${alias}"`).join(', ');
    let withApiKey: string[] = [];
    try {
      const info = await (await pool.elasticsearch(local.profile)).remoteInfo();
      withApiKey = aliases.filter((alias) => info[alias]?.cluster_credentials !== undefined);
    } catch {
      // Only used for advice in the report.
    }
    const detail = [
      `One PUT _cluster/settings on "${local.profile.name}" sets these settings to null:`,
      ...selected.flatMap((settings) => describeAliasSettings(settings).map((line) => `• ${line}`)),
      '',
      `Searches and follower indices that use ${aliases.length === 1 ? 'this alias' : 'these aliases'} stop working. The report says how to put ${aliases.length === 1 ? 'it' : 'them'} back.`,
    ].join('\n');
    const question =
      aliases.length === 1
        ? `Remove the remote cluster ${names} from "${local.profile.name}"?`
        : `Remove ${aliases.length} remote clusters (${names}) from "${local.profile.name}"?`;
    if (!(await context.ui.confirm(question, detail, 'Remove'))) return cancelled();

    const changes = new ChangeLog();
    const client = await pool.elasticsearch(local.profile);
    const body = mergeBodies(selected.map(removalBody));
    const before = mergeSettings(selected);
    const readNow = async () => mergeSettings(await Promise.all(aliases.map((alias) => readAliasSettings(client, alias))));
    const count = selected.reduce(
      (sum, settings) => sum + Object.keys(settings.persistent).length + Object.keys(settings.transient).length,
      0,
    );
    try {
      await context.ui.progress(`Removing ${names}…`, () =>
        recordedWrite(context, changes, {
          write: () => client.putClusterSettings(body, { flatSettings: true }),
          isApplied: async () => settingsApplied(await readNow(), body),
          change: () => ({
            done: `Set ${count} setting(s) of ${names} to null on "${local.profile.name}".`,
            undo: {
              description: `Putting ${names} back`,
              run: async () =>
                void (await client.putClusterSettings(restoreBody(before, await readNow()), { flatSettings: true })),
              byHand: restoreRequest(before, local.profile.name),
              isUndone: async () => {
                const now = await readNow();
                return settingsApplied(now, restoreBody(before, now));
              },
            },
          }),
        }),
      );
    } catch (error) {
      // Recorded despite the failure: the answer was lost and the settings could not be read back.
      const unknown = changes.applied.length > 0;
      const problem = `Removing ${names} failed: ${describeError(error)}${unknown ? '' : ' Nothing was changed.'}`;
      if (!unknown) {
        await context.ui.notify('error', problem);
        return finishFlow(context, TITLE, 'failed', changes, {
          summary: `${names} ${aliases.length === 1 ? 'is' : 'are'} still configured on "${local.profile.name}".`,
          problem,
        });
      }
      return failFlow(
        context,
        TITLE,
        changes,
        problem,
        `Whether ${names} ${aliases.length === 1 ? 'is' : 'are'} still configured on "${local.profile.name}" is unknown.`,
      );
    }
    try {
      const info = await client.remoteInfo();
      for (const alias of aliases.filter((candidate) => info[candidate]))
        changes.note(
          `"${alias}" is still listed by GET _remote/info: it is probably also set in elasticsearch.yml on the nodes, which applies once the cluster setting is gone. Remove it there too.`,
        );
    } catch (error) {
      changes.note(`GET _remote/info could not be read to confirm: ${describeError(error)}`);
    }
    for (const alias of withApiKey) {
      changes.note(
        `"${alias}" used a cross-cluster API key. Remove ${credentialsSetting(alias)} from the keystore (self-managed: bin/elasticsearch-keystore remove ${credentialsSetting(alias)} on each node, then POST _nodes/reload_secure_settings; Elastic Cloud / ECE: the deployment keystore; ECK: the secureSettings Secret), and invalidate the key on the remote cluster.`,
      );
    }
    changes.note(
      `To put ${names} back exactly as ${aliases.length === 1 ? 'it was' : 'they were'}: ${restoreRequest(before, local.profile.name)}`,
    );
    await context.refreshViews();
    return finishFlow(context, TITLE, 'completed', changes, {
      summary: `${names} ${aliases.length === 1 ? 'was' : 'were'} removed from "${local.profile.name}".`,
    });
  } finally {
    await pool.close();
  }
}

/** The settings of several aliases as one (their keys never overlap). */
function mergeSettings(list: AliasSettings[]): AliasSettings {
  return {
    alias: list.map((settings) => settings.alias).join(','),
    persistent: Object.assign({}, ...list.map((settings) => settings.persistent)),
    transient: Object.assign({}, ...list.map((settings) => settings.transient)),
  };
}

function mergeBodies(bodies: Array<{ persistent?: SettingsMap; transient?: SettingsMap }>): {
  persistent?: SettingsMap;
  transient?: SettingsMap;
} {
  const body: { persistent?: SettingsMap; transient?: SettingsMap } = {};
  for (const scope of ['persistent', 'transient'] as const) {
    const merged = Object.assign({}, ...bodies.map((part) => part[scope] ?? {}));
    if (Object.keys(merged).length) body[scope] = merged;
  }
  return body;
}

function restoreRequest(before: AliasSettings, clusterName: string): string {
  const body = restoreBody(before, { alias: before.alias, persistent: {}, transient: {} });
  return `on "${clusterName}" (for example in Kibana Dev Tools): PUT _cluster/settings?flat_settings=true ${JSON.stringify(body)}`;
}

async function loadAliases(
  context: FlowContext,
  pool: ClientPool,
  local: CheckedCluster,
  aliases: string[],
): Promise<AliasSettings[] | undefined> {
  const loaded: AliasSettings[] = [];
  for (const alias of aliases) {
    const settings = await loadAlias(context, pool, local, alias);
    if (!settings) return undefined;
    loaded.push(settings);
  }
  return loaded;
}

async function loadAlias(
  context: FlowContext,
  pool: ClientPool,
  local: CheckedCluster,
  alias: string,
): Promise<AliasSettings | undefined> {
  try {
    const settings = await readAliasSettings(await pool.elasticsearch(local.profile), alias);
    if (hasAnySetting(settings)) return settings;
    await context.ui.notify(
      'error',
      `"${local.profile.name}" has no cluster settings for a remote cluster "${alias}". (An alias set only in elasticsearch.yml must be removed there.)`,
    );
  } catch (error) {
    await context.ui.notify('error', `The settings of "${local.profile.name}" could not be read: ${describeError(error)}`);
  }
  return undefined;
}

function connectionStep(context: FlowContext, pool: ClientPool): FlowStep<Draft> {
  return clusterStep<'local', Draft>(context, {
    id: 'connection',
    field: 'local',
    placeholder: 'The cluster to remove the remote cluster from',
    check: (profile) => checkCluster(context, pool, profile),
  });
}

function aliasStep(context: FlowContext, pool: ClientPool): FlowStep<Draft> {
  return {
    id: 'alias',
    run: async (draft, position) => {
      const local = draft.local as CheckedCluster;
      let aliases: Array<{ alias: string; description: string }>;
      try {
        const client = await pool.elasticsearch(local.profile);
        const settings = await context.ui.progress(`Reading the remote clusters of "${local.profile.name}"…`, () =>
          client.getClusterSettings({ flatSettings: true }),
        );
        aliases = aliasesIn(settings.persistent, settings.transient).map((alias) => {
          const value = (suffix: string) =>
            settings.transient[`cluster.remote.${alias}.${suffix}`] ?? settings.persistent[`cluster.remote.${alias}.${suffix}`];
          const mode = String(value('mode') ?? 'sniff');
          const address = mode === 'proxy' ? value('proxy_address') : value('seeds');
          return {
            alias,
            description: `${mode}${address ? ` · ${Array.isArray(address) ? address.join(', ') : String(address)}` : ''}`,
          };
        });
      } catch (error) {
        await context.ui.notify('error', `The settings of "${local.profile.name}" could not be read: ${describeError(error)}`);
        return position.canGoBack ? BACK : undefined;
      }
      if (aliases.length === 0) {
        await context.ui.notify('info', `"${local.profile.name}" has no remote clusters in its cluster settings.`);
        return position.canGoBack ? BACK : undefined;
      }
      for (;;) {
        const answer = await context.ui.pickMany<string>({
          ...position,
          placeholder: 'The remote clusters to remove (select one or more)',
          items: aliases.map((item) => ({ label: item.alias, description: item.description.slice(0, 40), value: item.alias })),
          selected: draft.selected?.map((settings) => settings.alias),
        });
        if (answer === undefined || answer === BACK) return answer;
        if (answer.length === 0) {
          await context.ui.notify('info', 'Select at least one remote cluster.');
          continue;
        }
        const selected = await loadAliases(context, pool, local, answer);
        if (!selected) continue;
        draft.selected = selected;
        return 'next';
      }
    },
  };
}
