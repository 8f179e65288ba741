/**
 * "Elastic: Remove Remote Cluster": nulls every key of the alias, in both settings scopes, in one
 * `PUT _cluster/settings` (Elasticsearch applies it all or nothing), then checks `_remote/info`.
 * A keystore entry cannot be removed through the cluster API; the report says how.
 */
import { BACK, runSteps, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import { ChangeLog, cancelled, finishFlow, recordedWrite, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import { credentialsSetting } from './eck';
import { checkCluster, pickConnection, type CheckedCluster } from './pickers';
import {
  aliasesIn,
  describeAliasSettings,
  hasAnySetting,
  readAliasSettings,
  removalBody,
  settingsApplied,
  type AliasSettings,
} from './aliasSettings';

const TITLE = 'Remove Remote Cluster';

export interface RemoveRemoteClusterArgs {
  connectionId?: string;
  alias?: string;
}

interface Draft {
  local?: CheckedCluster;
  alias?: string;
  settings?: AliasSettings;
}

export async function removeRemoteCluster(context: FlowContext, args: RemoveRemoteClusterArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const draft: Draft = { alias: args.alias };
    if (args.connectionId !== undefined) {
      const profile = await connectionById(context, args.connectionId, ['elasticsearch']);
      const checked = profile && (await checkCluster(context, pool, profile));
      if (!checked) return cancelled();
      draft.local = checked;
    }
    if (args.alias !== undefined && draft.local) {
      const settings = await loadAlias(context, pool, draft.local, args.alias);
      if (!settings) return cancelled();
      draft.alias = args.alias;
      draft.settings = settings;
    }
    const steps: FlowStep<Draft>[] = [];
    if (!draft.local) steps.push(connectionStep(context, pool));
    if (!draft.settings) steps.push(aliasStep(context, pool));
    if (steps.length && !(await runSteps(TITLE, draft, steps))) return cancelled();

    const local = draft.local as CheckedCluster;
    const settings = draft.settings as AliasSettings;
    const alias = settings.alias;
    let usesApiKey = false;
    try {
      usesApiKey = (await (await pool.elasticsearch(local.profile)).remoteInfo())[alias]?.cluster_credentials !== undefined;
    } catch {
      // Only used for advice in the report.
    }
    const detail = [
      'These settings are set to null:',
      ...describeAliasSettings(settings).map((line) => `• ${line}`),
      '',
      'Searches and follower indices that use this alias stop working.',
    ].join('\n');
    if (!(await context.ui.confirm(`Remove the remote cluster "${alias}" from "${local.profile.name}"?`, detail, 'Remove')))
      return cancelled();

    const changes = new ChangeLog();
    const client = await pool.elasticsearch(local.profile);
    const body = removalBody(settings);
    try {
      await context.ui.progress(`Removing "${alias}"…`, () =>
        recordedWrite(context, changes, {
          write: () => client.putClusterSettings(body, { flatSettings: true }),
          isApplied: async () => settingsApplied(await readAliasSettings(client, alias), body),
          change: () => ({
            done: `Set ${Object.keys(settings.persistent).length + Object.keys(settings.transient).length} setting(s) of "${alias}" to null on "${local.profile.name}".`,
          }),
        }),
      );
    } catch (error) {
      // Recorded despite the failure: the answer was lost and the settings could not be read back.
      const unknown = changes.applied.length > 0;
      const problem = `Removing "${alias}" failed: ${describeError(error)}${unknown ? '' : ' Nothing was changed.'}`;
      await context.ui.notify('error', problem);
      return finishFlow(context, TITLE, 'failed', changes, {
        summary: unknown
          ? `Whether "${alias}" is still configured on "${local.profile.name}" is unknown; check its cluster settings.`
          : `"${alias}" is still configured on "${local.profile.name}".`,
        problem,
      });
    }
    try {
      const still = (await client.remoteInfo())[alias];
      if (still)
        changes.note(
          `"${alias}" is still listed by GET _remote/info: it is probably also set in elasticsearch.yml on the nodes, which applies once the cluster setting is gone. Remove it there too.`,
        );
    } catch (error) {
      changes.note(`GET _remote/info could not be read to confirm: ${describeError(error)}`);
    }
    if (usesApiKey) {
      changes.note(
        `"${alias}" used a cross-cluster API key. Remove ${credentialsSetting(alias)} from the keystore (self-managed: bin/elasticsearch-keystore remove ${credentialsSetting(alias)} on each node, then POST _nodes/reload_secure_settings; Elastic Cloud / ECE: the deployment keystore; ECK: the secureSettings Secret), and invalidate the key on the remote cluster.`,
      );
    }
    await context.refreshViews();
    return finishFlow(context, TITLE, 'completed', changes, { summary: `"${alias}" was removed from "${local.profile.name}".` });
  } finally {
    await pool.close();
  }
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
  return {
    id: 'connection',
    run: async (draft, position) => {
      for (;;) {
        const answer = await pickConnection(context, position, {
          kinds: ['elasticsearch'],
          placeholder: 'The cluster to remove the remote cluster from',
          active: draft.local?.profile.id,
        });
        if (answer === undefined || answer === BACK) return answer;
        const checked = await checkCluster(context, pool, answer);
        if (!checked) continue;
        draft.local = checked;
        return 'next';
      }
    },
  };
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
        const answer = await context.ui.pick<string>({
          ...position,
          placeholder: 'The remote cluster to remove',
          items: aliases.map((item) => ({ label: item.alias, description: item.description, value: item.alias })),
          active: draft.alias,
        });
        if (answer === undefined || answer === BACK) return answer;
        const settings = await loadAlias(context, pool, local, answer);
        if (!settings) continue;
        draft.alias = answer;
        draft.settings = settings;
        return 'next';
      }
    },
  };
}
