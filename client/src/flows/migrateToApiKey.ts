/**
 * "Elastic: Migrate Remote Cluster to the API-Key Model": moves a remote cluster of the local
 * cluster from the TLS-certificate model to the API-key model in place, under the same alias, so
 * that follower indices (whose leader alias cannot change) and jobs that name the alias keep
 * working. It follows Elastic's documented migration (remote-clusters-migrate): the remote cluster
 * server must be enabled on the remote (checked, with guidance), the remote creates a
 * cross-cluster API key, cross-cluster operations are paused, the key goes into the local keystore,
 * the alias is pointed at the remote cluster server port (9443), the connection is verified
 * (connected, with cluster_credentials), operations are resumed, and then the certificate-model
 * trust can be removed. Until the end every step can be undone: the certificate-model settings
 * come back, the keystore entry goes, the key is invalidated.
 */
import type { ElasticsearchClient } from '../api/elasticsearch';
import type { RemoteInfoResponse } from '../api/types/elasticsearch';
import { BACK, PICK_TEXT_LIMITS, applyAnswer, runSteps, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import { ChangeLog, cancelled, failFlow, finishFlow, recordedWrite, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import { createRecordedKey, CREATED_BY_EXTENSION } from './crossClusterKeys';
import { credentialsSetting } from './eck';
import { accessOf, apiKeyAddressProblem, checkApiKeyRemote, keyName, storeCredentials } from './apiKeyModel';
import { aliasPrefix, describeAliasSettings, readAliasSettings, restoreBody, settingsApplied } from './aliasSettings';
import { PLATFORM_LABELS, PORTS } from './platforms';
import { checkCluster, clusterStep, type CheckedCluster } from './pickers';
import { isCloudPlatform, localSteps, type AddRemoteDraft, type FlowStart } from './remoteDraft';
import { remainingConnectionProblem } from './remoteStatus';
import { addressProblem, confirmEveryIndex, parsePatterns, patternsProblem } from './validation';
import { editTrust } from './trust';

const TITLE = 'Migrate to the API-Key Model';

export interface MigrateArgs {
  /** The local cluster (the one with the remote cluster). */
  connectionId?: string;
  alias?: string;
}

/** What replicates through the alias: active followers and auto-follow patterns (paused during the switch). */
export interface Replication {
  followers: string[];
  patterns: string[];
  /** Why CCR could not be read (no license, no privilege): then the user pauses by hand. */
  problem?: string;
}

interface Draft extends AddRemoteDraft {
  replication?: Replication;
  /** What `_remote/info` reports for the alias now. */
  current?: { mode: 'sniff' | 'proxy'; addresses: string[] };
  /** The new addresses (remote cluster server), in the alias's mode. */
  newAddresses?: string[];
}

const PAUSED = 'Done: Operations Paused';
const NOTHING = 'Nothing to Pause';
const REMOVE_TRUST = 'Edit Trust…';

export async function migrateToApiKeyModel(context: FlowContext, args: MigrateArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  const start: FlowStart = { context, pool, presetModel: true, presetLocal: args.connectionId !== undefined };
  try {
    const draft: Draft = { model: 'api-key' };
    if (args.connectionId !== undefined) {
      const profile = await connectionById(context, args.connectionId, ['elasticsearch']);
      const checked = profile && (await checkCluster(context, pool, profile));
      if (!checked) return cancelled();
      draft.local = checked;
    }
    const steps = (current: Draft): FlowStep<Draft>[] => [
      ...(localSteps(start, current) as FlowStep<Draft>[]),
      aliasStep(start, args.alias),
      remoteStep(start),
      addressStep(start),
      patternStep(start, 'search'),
      patternStep(start, 'replication'),
    ];
    if (!(await runSteps(TITLE, draft, steps))) return cancelled();
    draft.replication = await context.ui.progress(`Looking for follower indices that use "${draft.alias}"…`, async () =>
      readReplication(await pool.elasticsearch((draft.local as CheckedCluster).profile), draft.alias as string),
    );
    if (!(await context.ui.confirm(`Migrate "${draft.alias}" to the API-key model?`, summarize(draft).join('\n'), 'Migrate')))
      return cancelled();
    return await execute(start, draft);
  } finally {
    await pool.close();
  }
}

// ---------------------------------------------------------------- steps

/** The certificate-model remotes of the local cluster (no cluster_credentials in `_remote/info`). */
function certificateRemotes(info: RemoteInfoResponse): Array<{ alias: string; mode: 'sniff' | 'proxy'; addresses: string[] }> {
  return Object.entries(info)
    .filter(([, remote]) => !remote.cluster_credentials)
    .map(([alias, remote]) => ({
      alias,
      mode: remote.mode === 'proxy' ? ('proxy' as const) : ('sniff' as const),
      addresses: remote.mode === 'proxy' ? [remote.proxy_address ?? ''].filter(Boolean) : (remote.seeds ?? []),
    }))
    .sort((a, b) => a.alias.localeCompare(b.alias));
}

function aliasStep(start: FlowStart, preset: string | undefined): FlowStep<Draft> {
  const { context, pool } = start;
  return {
    id: 'alias',
    // An alias given as an argument is only checked, not asked.
    silent: preset !== undefined,
    run: async (draft, position) => {
      const local = draft.local as CheckedCluster;
      let client: ElasticsearchClient;
      let info: RemoteInfoResponse;
      try {
        client = await pool.elasticsearch(local.profile);
        info = await context.ui.progress(`Reading the remotes of "${local.profile.name}"…`, () => client.remoteInfo());
      } catch (error) {
        await context.ui.notify('error', `The remotes of "${local.profile.name}" could not be read: ${describeError(error)}`);
        return position.canGoBack ? BACK : undefined;
      }
      const candidates = certificateRemotes(info);
      let chosen = preset ? candidates.find((candidate) => candidate.alias === preset) : undefined;
      if (preset && !chosen) {
        await context.ui.notify(
          'error',
          info[preset]
            ? `"${preset}" on "${local.profile.name}" already uses the API-key model (it has cluster credentials).`
            : `"${local.profile.name}" has no remote cluster "${preset}".`,
        );
        return undefined;
      }
      if (!chosen) {
        if (candidates.length === 0) {
          await context.ui.notify('info', `"${local.profile.name}" has no remote cluster that uses the certificate model.`);
          return position.canGoBack ? BACK : undefined;
        }
        const answer = await context.ui.pick<(typeof candidates)[number]>({
          ...position,
          placeholder: `The remote cluster of "${local.profile.name}" to migrate (certificate model now); its alias stays`,
          items: candidates.map((candidate) => ({
            label: candidate.alias,
            description: candidate.mode,
            detail: (candidate.addresses.join(', ') || 'no address').slice(0, PICK_TEXT_LIMITS.detail),
            value: candidate,
          })),
          active: candidates.find((candidate) => candidate.alias === draft.alias),
        });
        if (answer === undefined || answer === BACK) return answer;
        chosen = answer;
      }
      const existing = await readAliasSettings(client, chosen.alias);
      if (Object.keys(existing.persistent).length + Object.keys(existing.transient).length === 0) {
        await context.ui.notify(
          'error',
          `"${chosen.alias}" is defined in elasticsearch.yml, not in the cluster settings, so it cannot be changed through the API. Change its ${chosen.mode === 'proxy' ? 'proxy_address' : 'seeds'} to port ${PORTS.remoteClusterServer} in elasticsearch.yml on every node (after adding the key to the keystore), or move it to the cluster settings first.`,
        );
        return preset ? undefined : BACK;
      }
      if (chosen.alias !== draft.alias) draft.newAddresses = undefined;
      draft.alias = chosen.alias;
      draft.existing = existing;
      draft.current = { mode: chosen.mode, addresses: chosen.addresses };
      // On Elastic Cloud the proxy's server name stays the same with the new port.
      const serverName = existing.persistent[`${aliasPrefix(chosen.alias)}server_name`];
      draft.serverName = typeof serverName === 'string' ? serverName : undefined;
      return 'next';
    },
  };
}

function remoteStep(start: FlowStart): FlowStep<Draft> {
  const { context } = start;
  return clusterStep<'remote', Draft>(context, {
    id: 'remote',
    field: 'remote',
    placeholder: (draft) =>
      `The remote cluster "${draft.alias}" points to: it creates the cross-cluster API key (its remote cluster server must be enabled)`,
    check: async (profile, draft) => {
      if (profile.id === draft.local?.profile.id) {
        await context.ui.notify('error', 'Choose the remote cluster, not the local one.');
        return undefined;
      }
      // Checks the user can create keys, the version, and that the remote cluster server is enabled (with guidance if not).
      return checkApiKeyRemote(start, profile);
    },
  });
}

/** host:port with the remote cluster server's port instead of the transport port. */
export function withServerPort(address: string): string {
  const match = /^(.*):(\d+)$/.exec(address.trim());
  return `${match ? match[1] : address.trim()}:${PORTS.remoteClusterServer}`;
}

function addressStep(start: FlowStart): FlowStep<Draft> {
  return {
    id: 'address',
    run: async (draft, position) => {
      const current = draft.current as NonNullable<Draft['current']>;
      const list = current.mode === 'sniff';
      return applyAnswer(
        await start.context.ui.input({
          ...position,
          prompt: `New ${list ? 'seeds' : 'proxy_address'} of "${draft.alias}": the remote cluster server (port ${PORTS.remoteClusterServer}), not the transport port. Now: ${current.addresses.join(', ')}`,
          value: (draft.newAddresses ?? current.addresses.map(withServerPort)).join(', '),
          validate: (value) => {
            const addresses = value
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean);
            if (addresses.length === 0) return 'Give the address of the remote cluster server.';
            if (!list && addresses.length > 1) return 'Proxy mode takes one address.';
            for (const address of addresses) {
              const problem = apiKeyAddressProblem(address) ?? addressProblem(address);
              if (problem) return `${address}: ${problem}`;
            }
            return undefined;
          },
        }),
        (value) =>
          (draft.newAddresses = value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean)),
      );
    },
  };
}

function patternStep(start: FlowStart, kind: 'search' | 'replication'): FlowStep<Draft> {
  const field = kind === 'search' ? 'searchPatterns' : 'replicationPatterns';
  return {
    id: kind,
    run: async (draft, position) => {
      for (;;) {
        // With the certificate model the remote's roles decided; the key now says it, typed by the user.
        const answer = await start.context.ui.input({
          ...position,
          prompt:
            kind === 'search'
              ? `Indices "${draft.alias}" may SEARCH on the remote with the key (what your searches and jobs use): comma-separated, empty for none`
              : `Indices "${draft.alias}" may REPLICATE (the leader indices of your follower indices): comma-separated, empty for none`,
          placeholder: kind === 'search' ? 'logs-*, metrics-*' : 'leader-*',
          value: (draft[field] ?? []).join(', '),
          validate: (value) =>
            patternsProblem(value) ??
            (kind === 'replication' && parsePatterns(value).length === 0 && !(draft.searchPatterns ?? []).length
              ? 'Give at least one pattern to search or to replicate: a key must grant something.'
              : undefined),
        });
        if (typeof answer !== 'string') return answer;
        const patterns = parsePatterns(answer);
        if (!(await confirmEveryIndex(start.context.ui, patterns, kind === 'search' ? 'search' : 'replicate'))) continue;
        draft[field] = patterns;
        return 'next';
      }
    },
  };
}

// ---------------------------------------------------------------- summary and execution

function newSettingsBody(draft: Draft): { persistent?: Record<string, unknown>; transient?: Record<string, unknown> } {
  const prefix = aliasPrefix(draft.alias as string);
  const existing = draft.existing as NonNullable<Draft['existing']>;
  const key = draft.current?.mode === 'sniff' ? `${prefix}seeds` : `${prefix}proxy_address`;
  const value = draft.current?.mode === 'sniff' ? draft.newAddresses : (draft.newAddresses ?? [])[0];
  // A transient value wins over a persistent one: change the key where it is set.
  return key in existing.transient ? { transient: { [key]: value } } : { persistent: { [key]: value } };
}

function summarize(draft: Draft): string[] {
  const local = draft.local?.profile.name ?? 'the local cluster';
  const remote = draft.remote?.profile.name ?? 'the remote cluster';
  const alias = draft.alias as string;
  const setting = credentialsSetting(alias);
  const access = [
    draft.searchPatterns?.length ? `search ${draft.searchPatterns.join(', ')}` : '',
    draft.replicationPatterns?.length ? `replication ${draft.replicationPatterns.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const store = isCloudPlatform(draft.localPlatform)
    ? `In the keystore of deployment "${draft.localDeployment?.deploymentName}": set ${setting} (${PLATFORM_LABELS[draft.localPlatform]} reloads it).`
    : draft.localPlatform === 'eck'
      ? `A read-only editor shows the Secret with ${setting} and the spec.secureSettings lines; you apply them, then the extension reloads the secure settings.`
      : `On every node of "${local}": you run bin/elasticsearch-keystore add ${setting} (the extension shows how), then it reloads the secure settings.`;
  return [
    `1. On "${remote}": create the cross-cluster API key "${keyName(draft)}" (${access}).`,
    ...pauseLines(draft.replication, alias, local),
    `3. ${store}`,
    `4. On "${local}": PUT _cluster/settings — cluster.remote.${alias}.${draft.current?.mode === 'sniff' ? 'seeds' : 'proxy_address'}: ${(draft.newAddresses ?? []).join(', ')} (now ${(draft.current?.addresses ?? []).join(', ')}). The alias stays "${alias}", so follower indices keep their leader.`,
    `5. Wait until "${alias}" reports connected with cluster credentials; then resume what was paused${hasReplication(draft.replication) ? ' (the extension resumes the followers and patterns it paused)' : ''}.`,
    '',
    'Now:',
    ...describeAliasSettings(draft.existing as NonNullable<Draft['existing']>).map((line) => `• ${line}`),
    '',
    'If a step fails, "Undo" puts the certificate-model settings back, removes the credentials where the API allows it, and invalidates the key. Afterwards you can remove the certificate-model trust.',
  ];
}

async function execute(start: FlowStart, draft: Draft): Promise<FlowResult> {
  const { context, pool } = start;
  const changes = new ChangeLog();
  const alias = draft.alias as string;
  const local = draft.local as CheckedCluster;
  const remote = draft.remote as CheckedCluster;
  let stage = 'Creating the cross-cluster API key';
  const fail = (problem: string) =>
    failFlow(context, TITLE, changes, problem, `"${alias}" was not migrated; it still uses the certificate model.`);
  try {
    const localEs = await pool.elasticsearch(local.profile);
    const remoteEs = await pool.elasticsearch(remote.profile);
    const created = await context.ui.progress(`Creating the cross-cluster API key on "${remote.profile.name}"…`, () =>
      createRecordedKey(context, changes, remoteEs, remote.profile.name, {
        name: keyName(draft),
        access: accessOf(draft),
        metadata: {
          ...CREATED_BY_EXTENSION,
          alias,
          local_cluster: local.info.cluster_name,
          local_cluster_uuid: local.info.cluster_uuid,
          migrated_from: 'certificate',
        },
      }),
    );
    localEs.http.registerSecret(created.encoded);

    stage = 'Pausing cross-cluster replication';
    const replication = draft.replication ?? { followers: [], patterns: [] };
    for (const follower of replication.followers) {
      await localEs.pauseFollow(follower);
      changes.record({
        done: `Paused the follower index ${follower} on "${local.profile.name}".`,
        undo: {
          description: `Resuming ${follower}`,
          run: () => localEs.resumeFollow(follower),
          byHand: `on "${local.profile.name}": POST ${follower}/_ccr/resume_follow`,
        },
      });
    }
    for (const pattern of replication.patterns) {
      await localEs.setAutoFollowPatternActive(pattern, false);
      changes.record({
        done: `Paused the auto-follow pattern ${pattern} on "${local.profile.name}".`,
        undo: {
          description: `Resuming the auto-follow pattern ${pattern}`,
          run: () => localEs.setAutoFollowPatternActive(pattern, true),
          byHand: `on "${local.profile.name}": POST _ccr/auto_follow/${pattern}/resume`,
        },
      });
    }

    stage = 'Pausing other cross-cluster operations';
    const paused = await context.ui.notify(
      'warning',
      `Pause what uses "${alias}" on "${local.profile.name}"`,
      [PAUSED, NOTHING],
      {
        modal: true,
        detail: [
          `While "${alias}" switches models its connection drops for a moment. Elastic's migration steps pause cross-cluster work first:`,
          '',
          ...(replication.problem
            ? [
                `• follower indices: POST <follower>/_ccr/pause_follow (they could not be listed: ${replication.problem})`,
                '• auto-follow patterns: POST _ccr/auto_follow/<name>/pause',
              ]
            : hasReplication(replication)
              ? [
                  `• follower indices and auto-follow patterns: paused by the extension (${[...replication.followers, ...replication.patterns].join(', ')})`,
                ]
              : ['• no follower index or auto-follow pattern uses it']),
          '• transforms: POST _transform/<id>/_stop; datafeeds: POST _ml/datafeeds/<id>/_stop',
          '',
          `Followers keep their leader: the alias "${alias}" does not change. Choose "${PAUSED}" when done, or "${NOTHING}" if nothing else uses it.`,
        ].join('\n'),
      },
    );
    if (paused !== PAUSED && paused !== NOTHING)
      return await fail('Stopped before the key was stored: operations were not paused.');
    if (paused === PAUSED)
      changes.record({
        done: `You paused the cross-cluster operations that use "${alias}".`,
        manualUndo: `Resume what you paused by hand: start the transforms and datafeeds again${replication.problem ? ', POST <follower>/_ccr/resume_follow, POST _ccr/auto_follow/<name>/resume' : ''}.`,
      });

    stage = `Storing the key in the keystore of "${local.profile.name}"`;
    const keystore = await storeCredentials(start, draft, created.encoded, changes);
    if (keystore === 'stopped') return await fail(`Stopped before the key was in the keystore of "${local.profile.name}".`);

    stage = `Pointing "${alias}" at the remote cluster server`;
    await writeAddresses(context, changes, localEs, draft);

    stage = `Waiting for "${alias}" to connect with the API key`;
    const problem = await remainingConnectionProblem(context, localEs, alias, local.info.version.number, {
      model: 'api-key',
      localPlatform: draft.localPlatform ?? 'self-managed',
      remoteIsCloud: Boolean(draft.serverName),
      keystore,
    });
    if (problem) return await fail(problem);
    const info = (await localEs.remoteInfo())[alias];
    if (!info?.cluster_credentials)
      return await fail(`"${alias}" is connected but reports no cluster_credentials: it does not use the API key.`);
    stage = 'Resuming cross-cluster replication';
    await resumeReplication(context, localEs, local.profile.name, replication, changes);
    await context.refreshViews();
    if (paused === PAUSED)
      changes.note(
        `Resume what you paused on "${local.profile.name}" now${replication.problem ? ': POST <follower>/_ccr/resume_follow, POST _ccr/auto_follow/<name>/resume, and' : ':'} start transforms and datafeeds again, as the user that created them. Users of "${alias}" also need remote_indices privileges in their local roles.`,
      );
    await offerTrustRemoval(context, draft, changes);
    return await finishFlow(context, TITLE, 'completed', changes, {
      summary: `"${alias}" on "${local.profile.name}" now uses the API-key model (${(draft.newAddresses ?? []).join(', ')}), under the same alias.`,
    });
  } catch (error) {
    return await fail(`${stage} failed: ${describeError(error)}`);
  }
}

/** Changes the alias's address(es) in place, with an undo that restores the certificate-model settings exactly. */
async function writeAddresses(
  context: FlowContext,
  changes: ChangeLog,
  client: ElasticsearchClient,
  draft: Draft,
): Promise<void> {
  const alias = draft.alias as string;
  const clusterName = draft.local?.profile.name ?? '';
  const before = await readAliasSettings(client, alias);
  const body = newSettingsBody(draft);
  await context.ui.progress(`Writing the settings of "${alias}" on "${clusterName}"…`, () =>
    recordedWrite(context, changes, {
      write: () => client.putClusterSettings(body, { flatSettings: true }),
      isApplied: async () => settingsApplied(await readAliasSettings(client, alias), body),
      change: () => ({
        done: `Pointed "${alias}" on "${clusterName}" at ${(draft.newAddresses ?? []).join(', ')} (was ${(draft.current?.addresses ?? []).join(', ')}).`,
        undo: {
          description: `Putting the certificate-model settings of "${alias}" back`,
          run: async () =>
            void (await client.putClusterSettings(restoreBody(before, await readAliasSettings(client, alias)), {
              flatSettings: true,
            })),
          byHand: `on "${clusterName}": PUT _cluster/settings?flat_settings=true ${JSON.stringify(restoreBody(before, { alias, persistent: {}, transient: {} }))}`,
          isUndone: async () => {
            const now = await readAliasSettings(client, alias);
            return settingsApplied(now, restoreBody(before, now));
          },
        },
      }),
    }),
  );
}

/**
 * The last documented step: the certificate-model trust is no longer needed for this alias. On
 * Elastic Cloud / ECE it is deployment trust (Edit Trust removes it); self-managed clusters trust
 * through transport CAs in elasticsearch.yml, which only the user can change (with a restart).
 */
async function offerTrustRemoval(context: FlowContext, draft: Draft, changes: ChangeLog): Promise<void> {
  const cloudConnections = context.connections.list().some((profile) => profile.kind === 'cloud' || profile.kind === 'ece');
  const selfManaged = [
    `If no other remote of "${draft.local?.profile.name}" uses the certificate model with "${draft.remote?.profile.name}", remove the trust between them:`,
    `self-managed and ECK clusters trust each other's transport CA (xpack.security.transport.ssl.certificate_authorities, or ECK transport.tls.certificateAuthorities); take the other cluster's CA out on both sides (a rolling restart), and roles on "${draft.remote?.profile.name}" that existed only for cross-cluster users of the certificate model can go.`,
  ].join(' ');
  const answer = await context.ui.notify(
    'info',
    `"${draft.alias}" uses the API key now. Remove the certificate-model trust?`,
    cloudConnections ? [REMOVE_TRUST] : [],
    {
      modal: true,
      detail: `${selfManaged}${cloudConnections ? `\n\nOn Elastic Cloud or ECE deployments the trust is in the deployment settings: "${REMOVE_TRUST}" opens Edit Trust for the deployment you choose.` : ''}`,
    },
  );
  changes.note(selfManaged);
  if (answer !== REMOVE_TRUST) return;
  const result = await editTrust(context, {});
  changes.note(
    result.outcome === 'completed'
      ? `Edit Trust: ${result.done.join(' ') || 'done.'}`
      : `Edit Trust ended: ${result.outcome}. The certificate-model trust may still be there.`,
  );
}

// ---------------------------------------------------------------- replication

function hasReplication(replication: Replication | undefined): boolean {
  return Boolean(replication && replication.followers.length + replication.patterns.length > 0);
}

/** The active follower indices and auto-follow patterns whose leader is behind `alias`. */
export async function readReplication(client: ElasticsearchClient, alias: string): Promise<Replication> {
  try {
    const [info, patterns] = await Promise.all([client.getFollowInfo(), client.getAutoFollowPatterns()]);
    return {
      followers: info.follower_indices
        .filter((entry) => entry.remote_cluster === alias && entry.status === 'active')
        .map((entry) => entry.follower_index),
      patterns: patterns.patterns
        .filter((entry) => entry.pattern.remote_cluster === alias && entry.pattern.active)
        .map((entry) => entry.name),
    };
  } catch (error) {
    return { followers: [], patterns: [], problem: describeError(error) };
  }
}

function pauseLines(replication: Replication | undefined, alias: string, local: string): string[] {
  const found = replication && !replication.problem ? replication : undefined;
  return [
    ...(found && hasReplication(found)
      ? [
          `2. On "${local}": pause ${[
            found.followers.length ? `the follower indices ${found.followers.join(', ')}` : '',
            found.patterns.length ? `the auto-follow patterns ${found.patterns.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join(
              ' and ',
            )} (POST <index>/_ccr/pause_follow, POST _ccr/auto_follow/<name>/pause); you stop transforms and datafeeds that read from "${alias}".`,
        ]
      : [
          `2. You pause what uses "${alias}" on "${local}": ${found ? 'no follower index or auto-follow pattern does; ' : 'follower indices and auto-follow patterns (POST <follower>/_ccr/pause_follow, POST _ccr/auto_follow/<name>/pause), '}transforms and datafeeds that read from it.`,
        ]),
  ];
}

/** After the switch: resumes what the flow paused; one that does not resume is reported, not undone. */
async function resumeReplication(
  context: FlowContext,
  client: ElasticsearchClient,
  clusterName: string,
  replication: Replication,
  changes: ChangeLog,
): Promise<void> {
  const resume = async (what: string, run: () => Promise<void>, byHand: string) => {
    try {
      await run();
      changes.record({ done: `Resumed ${what} on "${clusterName}".` });
    } catch (error) {
      changes.note(`${what} could not be resumed: ${describeError(error)} Resume it by hand: ${byHand}`);
      context.log.error(`Resuming ${what} failed: ${describeError(error)}`);
    }
  };
  for (const follower of replication.followers)
    await resume(`the follower index ${follower}`, () => client.resumeFollow(follower), `POST ${follower}/_ccr/resume_follow`);
  for (const pattern of replication.patterns)
    await resume(
      `the auto-follow pattern ${pattern}`,
      () => client.setAutoFollowPatternActive(pattern, true),
      `POST _ccr/auto_follow/${pattern}/resume`,
    );
}
