/**
 * "Elastic: Edit Remote Cluster": changes how the local cluster connects to a remote alias —
 * address, server name, skip_unavailable, connection counts, or the mode (proxy ↔ sniff) — in one
 * `PUT _cluster/settings`. Every step starts from what the cluster has now (`GET _cluster/settings`,
 * with `GET _remote/info` for what is in effect); the summary shows each key before and after, and
 * the undo puts back exactly what was stored.
 */
import type { ElasticsearchClient } from '../api/elasticsearch';
import type { RemoteResourceRef } from '../api/types/cloud';
import { BACK, applyAnswer, runSteps, type FlowStep, type PickItem } from '../ui/steps';
import { describeError } from '../errorText';
import {
  aliasesIn,
  hasAnySetting,
  pickAliasSettings,
  readAliasSettings,
  restoreBody,
  settingsApplied,
  type AliasSettings,
} from './aliasSettings';
import { ChangeLog, cancelled, failFlow, finishFlow, recordedWrite, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import { confirmOnTop, listDeploymentTargets, writeRemoteClusterRef, type DeploymentTarget } from './deployments';
import { checkCluster, clusterStep, type CheckedCluster } from './pickers';
import {
  countProblem,
  currentValues,
  describeDiff,
  editBody,
  isEmptyBody,
  legacyKeys,
  parseCount,
  parseSeeds,
  type RemoteConnectionValues,
  type RemoteMode,
  type SettingsBody,
} from './remoteEdit';
import { addressProblem, serverNameProblem } from './validation';
import { skipUnavailableItems, skipUnavailablePlaceholder } from './remoteOptions';

export const EDIT_REMOTE_CLUSTER_TITLE = 'Edit Remote Cluster';

export interface EditRemoteClusterArgs {
  connectionId?: string;
  alias?: string;
}

interface Draft {
  local?: CheckedCluster;
  alias?: string;
  before?: AliasSettings;
  values?: RemoteConnectionValues;
  /** What `GET _remote/info` reports for the alias now (what is in effect, including defaults). */
  inEffect?: { connected: boolean; skipUnavailable: boolean };
  /**
   * The alias is an entry of the local deployment's remote-clusters list (Elastic Cloud / ECE,
   * certificate model between deployments): it is edited there, where only skip_unavailable can change.
   */
  cloud?: CloudEntry;
}

interface CloudEntry {
  target: DeploymentTarget;
  list: RemoteResourceRef[];
  ref: RemoteResourceRef;
}

export async function editRemoteCluster(context: FlowContext, args: EditRemoteClusterArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const draft: Draft = {};
    if (args.connectionId !== undefined) {
      const profile = await connectionById(context, args.connectionId, ['elasticsearch']);
      const checked = profile && (await checkCluster(context, pool, profile));
      if (!checked) return cancelled();
      draft.local = checked;
      if (args.alias !== undefined && !(await loadAlias(context, pool, draft, args.alias))) return cancelled();
    }
    const presetLocal = draft.local !== undefined;
    const presetAlias = draft.before !== undefined || draft.cloud !== undefined;
    const stepsFor = (current: Draft): FlowStep<Draft>[] => [
      ...(presetLocal ? [] : [connectionStep(context, pool)]),
      ...(presetAlias ? [] : [aliasStep(context, pool)]),
      ...(current.cloud ? [skipStep(context)] : remoteSteps(context, current)),
    ];
    if (!(await runSteps(EDIT_REMOTE_CLUSTER_TITLE, draft, stepsFor))) return cancelled();
    if (draft.cloud)
      return await editCloudEntry(context, pool, draft as Draft & { cloud: CloudEntry; values: RemoteConnectionValues });
    return await editSettings(context, pool, draft);
  } finally {
    await pool.close();
  }
}

function remoteSteps(context: FlowContext, current: Draft): FlowStep<Draft>[] {
  return [
    modeStep(context),
    ...(current.values?.mode === 'sniff'
      ? [seedsStep(context), countStep(context, 'nodeConnections')]
      : [addressStep(context), serverNameStep(context), countStep(context, 'proxySocketConnections')]),
    skipStep(context),
  ];
}

async function editSettings(context: FlowContext, pool: ClientPool, draft: Draft): Promise<FlowResult> {
  {
    const local = draft.local as CheckedCluster;
    const alias = draft.alias as string;
    const before = draft.before as AliasSettings;
    const values = draft.values as RemoteConnectionValues;
    const body = editBody(before, values);
    if (isEmptyBody(body)) {
      await context.ui.notify('info', `Nothing to change: "${alias}" on "${local.profile.name}" already has these settings.`);
      return cancelled();
    }
    const client = await pool.elasticsearch(local.profile);
    const legacy = legacyKeys(before);
    const detail = [
      `PUT _cluster/settings on "${local.profile.name}", one request:`,
      ...describeDiff(before, body).map((line) => `• ${line}`),
      ...(legacy.length
        ? ['', `Legacy names are moved to cluster.remote.${alias}.* in the same request: ${legacy.join(', ')}.`]
        : []),
      ...(values.mode !== currentValues(before).mode
        ? ['', `The ${currentValues(before).mode} mode's keys are removed in the same request, as Elasticsearch requires.`]
        : []),
      '',
      'Open connections to the remote are rebuilt; searches running on it at that moment may fail.',
    ].join('\n');
    if (!(await context.ui.confirm(`Change the remote cluster "${alias}" on "${local.profile.name}"?`, detail, 'Apply')))
      return cancelled();

    // Someone may have changed the alias while the steps were open: show what differs before writing on top.
    let stored: AliasSettings;
    try {
      stored = await readAliasSettings(client, alias);
    } catch (error) {
      const problem = `The settings of "${local.profile.name}" could not be read again before writing: ${describeError(error)} Nothing was changed.`;
      await context.ui.notify('error', problem);
      return finishFlow(context, EDIT_REMOTE_CLUSTER_TITLE, 'failed', new ChangeLog(), { summary: problem, problem });
    }
    if (JSON.stringify(stored) !== JSON.stringify(before)) {
      const changedBy = describeDiff(before, restoreBody(stored, before)).map((line) => `• ${line}`);
      if (
        !(await context.ui.confirm(
          `The settings of "${alias}" changed since they were read. Write your values on top?`,
          ['Now stored (left) compared with what the steps started from:', ...changedBy].join('\n'),
          'Write Anyway',
        ))
      )
        return cancelled();
    }
    const finalBody = editBody(stored, values);
    const changes = new ChangeLog();
    const diffLines = describeDiff(stored, finalBody);
    try {
      await context.ui.progress(`Writing the settings of "${alias}"…`, () =>
        recordedWrite(context, changes, {
          write: () => client.putClusterSettings(finalBody, { flatSettings: true }),
          isApplied: async () => settingsApplied(await readAliasSettings(client, alias), finalBody),
          change: () => ({
            done: `Changed "${alias}" on "${local.profile.name}": ${diffLines.join('; ')}.`,
            undo: {
              description: `Putting the settings of "${alias}" back`,
              run: async () =>
                void (await client.putClusterSettings(restoreBody(stored, await readAliasSettings(client, alias)), {
                  flatSettings: true,
                })),
              byHand: restoreByHand(stored, finalBody, local.profile.name),
              isUndone: async () => {
                const now = await readAliasSettings(client, alias);
                return settingsApplied(now, restoreBody(stored, now));
              },
            },
          }),
        }),
      );
    } catch (error) {
      const unknown = changes.applied.length > 0;
      const problem = `Changing "${alias}" failed: ${describeError(error)}${unknown ? '' : ' Nothing was changed.'}`;
      return failFlow(
        context,
        EDIT_REMOTE_CLUSTER_TITLE,
        changes,
        problem,
        unknown
          ? `Whether "${alias}" on "${local.profile.name}" was changed is unknown.`
          : `"${alias}" on "${local.profile.name}" keeps its previous settings.`,
      );
    }
    await noteConnection(changes, client, alias);
    changes.note(`To undo later, put back the previous values: ${restoreByHand(stored, finalBody, local.profile.name)}`);
    await context.refreshViews();
    return finishFlow(context, EDIT_REMOTE_CLUSTER_TITLE, 'completed', changes, {
      summary: `"${alias}" on "${local.profile.name}" now uses ${describeValues(values)}.`,
    });
  }
}

/** An entry of a deployment's remote-clusters list: its skip_unavailable, through the Cloud / ECE API. */
async function editCloudEntry(
  context: FlowContext,
  pool: ClientPool,
  draft: Draft & { cloud: CloudEntry; values: RemoteConnectionValues },
): Promise<FlowResult> {
  const { target, list, ref } = draft.cloud;
  // `info` is read-only; it is never sent back.
  const previous: RemoteResourceRef = { ...ref };
  delete previous.info;
  const wanted: RemoteResourceRef = { ...previous };
  delete wanted.skip_unavailable;
  if (draft.values.skipUnavailable !== undefined) wanted.skip_unavailable = draft.values.skipUnavailable;
  const show = (value: boolean | undefined) => (value === undefined ? '(not set)' : String(value));
  if (previous.skip_unavailable === wanted.skip_unavailable) {
    await context.ui.notify(
      'info',
      `Nothing to change: "${ref.alias}" already has skip_unavailable ${show(wanted.skip_unavailable)}.`,
    );
    return cancelled();
  }
  const where = `the remote clusters of deployment "${target.deploymentName}"`;
  const diff = `skip_unavailable: ${show(previous.skip_unavailable)} → ${show(wanted.skip_unavailable)}`;
  const detail = [
    `"${ref.alias}" was added through the deployment's remote-clusters list, so it is changed there (${target.connection.name}: PUT …/remote-clusters; the other entries are kept):`,
    `• ${diff}`,
  ].join('\n');
  if (
    !(await context.ui.confirm(
      `Change the remote cluster "${ref.alias}" of deployment "${target.deploymentName}"?`,
      detail,
      'Apply',
    ))
  )
    return cancelled();
  const cloud = await pool.cloud(target.connection);
  const readEntry = async () =>
    (await cloud.getRemoteClusters(target.deploymentId, target.refId)).resources.find((entry) => entry.alias === ref.alias);
  const changes = new ChangeLog();
  try {
    await context.ui.progress(`Writing ${where}…`, () =>
      recordedWrite(context, changes, {
        write: () =>
          writeRemoteClusterRef(
            cloud,
            target,
            { set: wanted },
            { seen: list, confirm: confirmOnTop(context, 'Apply your change on top?') },
          ),
        isApplied: async () => (await readEntry())?.skip_unavailable === wanted.skip_unavailable,
        change: () => ({
          done: `Changed "${ref.alias}" in ${where}: ${diff}.`,
          undo: {
            description: `Putting "${ref.alias}" back in ${where}`,
            run: async () => void (await writeRemoteClusterRef(cloud, target, { set: previous }, { confirm: async () => true })),
            byHand: `set "${ref.alias}" back to ${JSON.stringify(previous)} in ${where} (Cloud console, or PUT …/elasticsearch/${target.refId}/remote-clusters with the whole list)`,
            isUndone: async () => (await readEntry())?.skip_unavailable === previous.skip_unavailable,
          },
        }),
      }),
    );
  } catch (error) {
    const unknown = changes.applied.length > 0;
    const problem = `Changing "${ref.alias}" failed: ${describeError(error)}${unknown ? '' : ' Nothing was changed.'}`;
    return failFlow(
      context,
      EDIT_REMOTE_CLUSTER_TITLE,
      changes,
      problem,
      unknown ? `Whether "${ref.alias}" was changed is unknown.` : `"${ref.alias}" keeps its previous settings.`,
    );
  }
  changes.note(`To undo later: set skip_unavailable of "${ref.alias}" back to ${show(previous.skip_unavailable)} in ${where}.`);
  await context.refreshViews();
  return finishFlow(context, EDIT_REMOTE_CLUSTER_TITLE, 'completed', changes, {
    summary: `"${ref.alias}" in ${where} now has skip_unavailable ${show(wanted.skip_unavailable)}.`,
  });
}

/**
 * The remote-clusters list of the deployment the local cluster belongs to (on Elastic Cloud / ECE
 * the cluster name GET / reports is the deployment's Elasticsearch cluster ID); undefined when no
 * saved Cloud / ECE connection sees it.
 */
async function cloudEntries(
  context: FlowContext,
  pool: ClientPool,
  local: CheckedCluster,
): Promise<{ target: DeploymentTarget; list: RemoteResourceRef[] } | undefined> {
  const connections = context.connections.list().filter((profile) => profile.kind === 'cloud' || profile.kind === 'ece');
  if (connections.length === 0) return undefined;
  try {
    const { targets } = await listDeploymentTargets(pool, connections);
    const target = targets.find((candidate) => candidate.clusterId === local.info.cluster_name);
    if (!target) return undefined;
    const list = (await (await pool.cloud(target.connection)).getRemoteClusters(target.deploymentId, target.refId)).resources;
    return { target, list };
  } catch (error) {
    context.log.error(`The deployment remote-clusters list could not be read: ${describeError(error)}`);
    return undefined;
  }
}

/** One line: mode and address, for the headline. */
function describeValues(values: RemoteConnectionValues): string {
  return values.mode === 'proxy'
    ? `proxy mode to ${values.proxyAddress}${values.serverName ? ` (server_name ${values.serverName})` : ''}`
    : `sniff mode with seeds ${(values.seeds ?? []).join(', ')}`;
}

async function noteConnection(changes: ChangeLog, client: ElasticsearchClient, alias: string) {
  try {
    const info = (await client.remoteInfo())[alias];
    if (info)
      changes.note(
        `GET _remote/info reports "${alias}" as ${info.connected ? 'connected' : 'not connected yet (Elasticsearch connects on the next request that uses it; "Diagnose Remote Cluster" checks it)'}.`,
      );
  } catch (error) {
    changes.note(`GET _remote/info could not be read afterwards: ${describeError(error)}`);
  }
}

/** The request that puts `before` back, for the report (run by hand when the undo cannot be). */
function restoreByHand(before: AliasSettings, body: SettingsBody, clusterName: string): string {
  const set = (scope?: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(scope ?? {}).filter(([, value]) => value !== null));
  const restore = restoreBody(before, { alias: before.alias, persistent: set(body.persistent), transient: set(body.transient) });
  return `on "${clusterName}": PUT _cluster/settings?flat_settings=true ${JSON.stringify(restore)}`;
}

async function loadAlias(
  context: FlowContext,
  pool: ClientPool,
  draft: Draft,
  alias: string,
  cloud?: { target: DeploymentTarget; list: RemoteResourceRef[] },
): Promise<boolean> {
  const local = draft.local as CheckedCluster;
  try {
    // An entry of the deployment's remote-clusters list is edited there (the platform owns it).
    const entries = cloud ?? (await cloudEntries(context, pool, local));
    const ref = entries?.list.find((entry) => entry.alias === alias);
    if (entries && ref) {
      draft.alias = alias;
      draft.cloud = { ...entries, ref };
      draft.before = undefined;
      draft.values = { mode: 'proxy', ...(ref.skip_unavailable !== undefined ? { skipUnavailable: ref.skip_unavailable } : {}) };
      return true;
    }
    const settings = await readAliasSettings(await pool.elasticsearch(local.profile), alias);
    if (!hasAnySetting(settings)) {
      await context.ui.notify(
        'error',
        `"${local.profile.name}" has no cluster settings for a remote cluster "${alias}". An alias set in elasticsearch.yml is edited there.`,
      );
      return false;
    }
    draft.alias = alias;
    draft.cloud = undefined;
    draft.before = settings;
    draft.values = currentValues(settings);
    draft.inEffect = undefined;
    try {
      const info = (await (await pool.elasticsearch(local.profile)).remoteInfo())[alias];
      if (info) draft.inEffect = { connected: info.connected, skipUnavailable: info.skip_unavailable };
    } catch (error) {
      // Only shown as a hint; the settings are what the steps start from.
      context.log.error(`GET _remote/info could not be read: ${describeError(error)}`);
    }
    return true;
  } catch (error) {
    await context.ui.notify('error', `The settings of "${local.profile.name}" could not be read: ${describeError(error)}`);
    return false;
  }
}

function connectionStep(context: FlowContext, pool: ClientPool): FlowStep<Draft> {
  return clusterStep<'local', Draft>(context, {
    id: 'connection',
    field: 'local',
    placeholder: 'The cluster whose remote cluster you want to change',
    check: (profile) => checkCluster(context, pool, profile),
    changed: (draft) => {
      draft.alias = undefined;
      draft.before = undefined;
      draft.values = undefined;
      draft.cloud = undefined;
    },
  });
}

function aliasStep(context: FlowContext, pool: ClientPool): FlowStep<Draft> {
  return {
    id: 'alias',
    run: async (draft, position) => {
      const local = draft.local as CheckedCluster;
      let items: PickItem<string>[];
      let cloud: { target: DeploymentTarget; list: RemoteResourceRef[] } | undefined;
      try {
        const client = await pool.elasticsearch(local.profile);
        const settings = await context.ui.progress(`Reading the remote clusters of "${local.profile.name}"…`, async () => {
          cloud = await cloudEntries(context, pool, local);
          return client.getClusterSettings({ flatSettings: true });
        });
        const legacy = new Set<string>();
        for (const key of [...Object.keys(settings.persistent), ...Object.keys(settings.transient)]) {
          const match = /^search\.remote\.([^.]+)\.(seeds|skip_unavailable|proxy)$/.exec(key);
          if (match) legacy.add(match[1]);
        }
        const aliases = [...new Set([...aliasesIn(settings.persistent, settings.transient), ...legacy])].sort();
        items = aliases.map((alias) => {
          const values = currentValues(pickAliasSettings(alias, settings));
          const address = values.mode === 'proxy' ? values.proxyAddress : values.seeds?.join(', ');
          const description = `${values.mode}${address ? ` · ${address}` : ''}${legacy.has(alias) ? ' · legacy keys' : ''}`;
          return { label: alias, description: description.slice(0, 40), value: alias };
        });
        for (const entry of cloud?.list ?? []) {
          const item = { label: entry.alias, description: 'deployment remote-clusters list', value: entry.alias };
          const index = items.findIndex((existing) => existing.value === entry.alias);
          if (index >= 0) items[index] = item;
          else items.push(item);
        }
        items.sort((a, b) => a.label.localeCompare(b.label));
      } catch (error) {
        await context.ui.notify('error', `The settings of "${local.profile.name}" could not be read: ${describeError(error)}`);
        return position.canGoBack ? BACK : undefined;
      }
      if (items.length === 0) {
        await context.ui.notify(
          'info',
          `"${local.profile.name}" has no remote clusters in its cluster settings. (Aliases set in elasticsearch.yml are edited there.)`,
        );
        return position.canGoBack ? BACK : undefined;
      }
      for (;;) {
        const answer = await context.ui.pick<string>({
          ...position,
          placeholder: 'The remote cluster to change',
          items,
          active: draft.alias,
        });
        if (answer === undefined || answer === BACK) return answer;
        if (answer === draft.alias && (draft.before || draft.cloud)) return 'next';
        if (await loadAlias(context, pool, draft, answer, cloud)) return 'next';
      }
    },
  };
}

function modeStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'mode',
    run: async (draft, position) => {
      const values = draft.values as RemoteConnectionValues;
      const current = currentValues(draft.before as AliasSettings).mode;
      const label = (mode: RemoteMode) => (mode === current ? ' (current)' : '');
      return applyAnswer(
        await context.ui.pick<RemoteMode>({
          ...position,
          placeholder: `How "${draft.alias}" connects${draft.inEffect ? ` (now ${draft.inEffect.connected ? 'connected' : 'not connected'})` : ''}. Switching removes the other mode's keys in the same request.`,
          items: [
            {
              label: `Proxy mode${label('proxy')}`,
              description: 'one address, e.g. a load balancer',
              detail: 'Required for Elastic Cloud / ECE endpoints and the API-key model behind a proxy.',
              value: 'proxy',
            },
            {
              label: `Sniff mode${label('sniff')}`,
              description: 'seed nodes, then discovered nodes',
              detail: 'The local nodes must reach the remote nodes directly (self-managed, ECK).',
              value: 'sniff',
            },
          ],
          active: values.mode,
        }),
        (mode) => (draft.values = { ...values, mode }),
      );
    },
  };
}

function addressStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'proxyAddress',
    run: async (draft, position) => {
      const values = draft.values as RemoteConnectionValues;
      const seeds = values.seeds ?? [];
      return applyAnswer(
        await context.ui.input({
          ...position,
          prompt: `proxy_address of "${draft.alias}": host:port of the proxy or remote cluster server (9443 for API keys, 9300/9400 for certificates)`,
          placeholder: 'remote.example.com:9443',
          value: values.proxyAddress ?? (seeds.length === 1 ? seeds[0] : undefined),
          validate: (value) => (value.trim() === '' ? 'Enter host:port.' : addressProblem(value.trim())),
        }),
        (value) => (draft.values = { ...values, proxyAddress: value.trim() }),
      );
    },
  };
}

function serverNameStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'serverName',
    run: async (draft, position) => {
      const values = draft.values as RemoteConnectionValues;
      return applyAnswer(
        await context.ui.input({
          ...position,
          prompt: 'server_name (TLS SNI) the proxy routes by; required for Elastic Cloud / ECE endpoints. Leave empty for none.',
          placeholder: 'remote.example.com',
          value: values.serverName,
          validate: serverNameProblem,
        }),
        (value) => (draft.values = { ...values, serverName: value.trim() || undefined }),
      );
    },
  };
}

function seedsStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'seeds',
    run: async (draft, position) => {
      const values = draft.values as RemoteConnectionValues;
      const seeds = values.seeds?.length ? values.seeds : values.proxyAddress ? [values.proxyAddress] : [];
      return applyAnswer(
        await context.ui.input({
          ...position,
          prompt: `Seeds of "${draft.alias}": transport addresses (host:9300) of remote nodes, separated by commas`,
          placeholder: 'node-1.example.com:9300, node-2.example.com:9300',
          value: seeds.join(', '),
          validate: (value) => {
            const list = parseSeeds(value);
            if (list.length === 0) return 'Enter at least one seed (host:port); sniff mode needs one to be enabled.';
            for (const seed of list) {
              const problem = addressProblem(seed);
              if (problem) return `${seed}: ${problem}`;
            }
            return undefined;
          },
        }),
        (value) => (draft.values = { ...values, seeds: parseSeeds(value) }),
      );
    },
  };
}

function countStep(context: FlowContext, field: 'nodeConnections' | 'proxySocketConnections'): FlowStep<Draft> {
  return {
    id: field,
    run: async (draft, position) => {
      const values = draft.values as RemoteConnectionValues;
      const prompt =
        field === 'nodeConnections'
          ? `node_connections: how many remote nodes "${draft.alias}" keeps connections to (empty: the default, 3)`
          : `proxy_socket_connections: how many sockets "${draft.alias}" opens to the proxy (empty: the default, 18)`;
      return applyAnswer(
        await context.ui.input({ ...position, prompt, value: values[field]?.toString() ?? '', validate: countProblem }),
        (value) => (draft.values = { ...values, [field]: parseCount(value) }),
      );
    },
  };
}

function skipStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'skipUnavailable',
    run: async (draft, position) => {
      const values = draft.values as RemoteConnectionValues;
      return applyAnswer(
        await context.ui.pick<'true' | 'false' | 'unset'>({
          ...position,
          placeholder:
            skipUnavailablePlaceholder(draft.local?.info.version.number) +
            (draft.inEffect ? ` In effect now: ${draft.inEffect.skipUnavailable}.` : ''),
          items: skipUnavailableItems(draft.local?.info.version.number),
          active: values.skipUnavailable === undefined ? 'unset' : values.skipUnavailable ? 'true' : 'false',
        }),
        (answer) => (draft.values = { ...values, skipUnavailable: answer === 'unset' ? undefined : answer === 'true' }),
      );
    },
  };
}
