/**
 * "Elastic: Change Cross-Cluster API Key": on the cluster that issued a cross-cluster API key,
 * either replaces what the key grants (PUT /_security/cross_cluster/api_key/<id>, pre-filled from
 * the key's current access), or rotates it: a new key with the same access, stored where the old
 * one was (the local cluster's keystore: deployment keystore API on Elastic Cloud / ECE, a Secret on
 * ECK, `elasticsearch-keystore` on self-managed nodes), a check that the remote connects with it
 * (`_remote/info` connected with `cluster_credentials`), and only then the old key invalidated.
 * Until the old key is invalidated every stage can be undone: the old credential goes back (when
 * the user gave it: Elasticsearch never shows a key's value again) and the new key is invalidated.
 */
import type { ElasticsearchClient } from '../api/elasticsearch';
import { ApiError } from '../api/errors';
import type { ApiKeyInfo, CrossClusterAccess, RoleDescriptor } from '../api/types/elasticsearch';
import { BACK, PICK_TEXT_LIMITS, applyAnswer, runSteps, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import { ChangeLog, cancelled, failFlow, finishFlow, recordedWrite, type AppliedChange, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import { CREATION_ID_FIELD, createRecordedKey, invalidateKeys, CREATED_BY_EXTENSION } from './crossClusterKeys';
import { credentialsSecretName, credentialsSecretYaml, credentialsSetting } from './eck';
import { encodedKeyProblem, reloadSecureSettings } from './apiKeyModel';
import { checkCluster, clusterStep, type CheckedCluster } from './pickers';
import { isCloudPlatform, localSteps, type AddRemoteDraft, type FlowStart } from './remoteDraft';
import { remainingConnectionProblem, waitForConnection } from './remoteStatus';
import { confirmEveryIndex, parsePatterns, patternsProblem } from './validation';
import { atLeastVersion, CLOUD_KEYSTORE_AUTO_RELOAD_VERSION } from './versionGates';

const TITLE = 'Change Cross-Cluster API Key';

export type KeyChange = 'access' | 'rotate';

export interface ChangeApiKeyArgs {
  /** The connection to the cluster that issued the key (the remote cluster of the connection using it). */
  connectionId?: string;
  keyId?: string;
  action?: KeyChange;
}

export type ChangeApiKeyResult = FlowResult & { newKeyId?: string };

interface Draft extends AddRemoteDraft {
  key?: ApiKeyInfo;
  action?: KeyChange;
  /** The old key's encoded value, when the user gave it: what the undo puts back. Secret, memory only. */
  oldEncoded?: string;
}

export async function changeCrossClusterApiKey(context: FlowContext, args: ChangeApiKeyArgs = {}): Promise<ChangeApiKeyResult> {
  const pool = new ClientPool(context.connections);
  const start: FlowStart = { context, pool, presetModel: true, presetLocal: false };
  try {
    const draft: Draft = { model: 'api-key', ...(args.action ? { action: args.action } : {}) };
    if (args.connectionId !== undefined) {
      const profile = await connectionById(context, args.connectionId, ['elasticsearch']);
      const checked = profile && (await checkIssuer(context, pool, profile));
      if (!checked) return cancelled();
      draft.remote = checked;
      if (args.keyId !== undefined) {
        const key = await readKey(context, pool, checked, args.keyId);
        if (!key) return cancelled();
        draft.key = key;
      }
    }
    const steps = (current: Draft): FlowStep<Draft>[] => [
      ...(args.connectionId === undefined ? [issuerStep(start)] : []),
      ...(args.keyId === undefined || args.connectionId === undefined ? [keyStep(start)] : []),
      ...(args.action === undefined ? [actionStep(start)] : []),
      ...(current.action === 'access'
        ? [patternStep(start, 'search'), patternStep(start, 'replication')]
        : current.action === 'rotate'
          ? [...(localSteps(start, current) as FlowStep<Draft>[]), aliasStep(start), oldKeyStep(start)]
          : []),
    ];
    if (!(await runSteps(TITLE, draft, steps))) return cancelled();
    return draft.action === 'access' ? await changeAccess(start, draft) : await rotate(start, draft);
  } finally {
    await pool.close();
  }
}

// ---------------------------------------------------------------- steps

async function checkIssuer(
  context: FlowContext,
  pool: ClientPool,
  profile: CheckedCluster['profile'],
): Promise<CheckedCluster | undefined> {
  if (profile.auth === 'apiKey') {
    await context.ui.notify(
      'error',
      `"${profile.name}" signs in with an API key. Elasticsearch lets only the user who owns a cross-cluster API key update it, and only users create one. Use a connection with the owner's user name and password.`,
    );
    return undefined;
  }
  return checkCluster(context, pool, profile);
}

function issuerStep(start: FlowStart): FlowStep<Draft> {
  const { context, pool } = start;
  return clusterStep<'remote', Draft>(context, {
    id: 'issuer',
    field: 'remote',
    placeholder: 'The cluster that issued the key: the remote cluster other clusters connect to with it',
    check: (profile) => checkIssuer(context, pool, profile),
    changed: (draft) => (draft.key = undefined),
  });
}

/** The valid cross-cluster keys of the issuing cluster. */
async function listKeys(pool: ClientPool, issuer: CheckedCluster): Promise<ApiKeyInfo[]> {
  const client = await pool.elasticsearch(issuer.profile);
  const { api_keys: keys } = await client.getApiKeys({});
  return keys.filter((key) => key.type === 'cross_cluster' && !key.invalidated);
}

async function readKey(
  context: FlowContext,
  pool: ClientPool,
  issuer: CheckedCluster,
  id: string,
): Promise<ApiKeyInfo | undefined> {
  try {
    const client = await pool.elasticsearch(issuer.profile);
    const key = (await client.getApiKeys({ id })).api_keys.find((candidate) => candidate.id === id);
    if (key && key.type === 'cross_cluster' && !key.invalidated) return key;
    await context.ui.notify(
      'error',
      key
        ? `The API key ${id} on "${issuer.profile.name}" is ${key.invalidated ? 'invalidated' : 'not a cross-cluster key'}; it cannot be changed here.`
        : `"${issuer.profile.name}" has no API key with the id ${id} (or its user may not see it).`,
    );
  } catch (error) {
    await context.ui.notify('error', `The keys of "${issuer.profile.name}" could not be read: ${describeError(error)}`);
  }
  return undefined;
}

function keyStep(start: FlowStart): FlowStep<Draft> {
  const { context, pool } = start;
  return {
    id: 'key',
    run: async (draft, position) => {
      const issuer = draft.remote as CheckedCluster;
      let keys: ApiKeyInfo[];
      try {
        keys = await context.ui.progress(`Reading the cross-cluster API keys of "${issuer.profile.name}"…`, () =>
          listKeys(pool, issuer),
        );
      } catch (error) {
        await context.ui.notify('error', `The keys of "${issuer.profile.name}" could not be read: ${describeError(error)}`);
        return position.canGoBack ? BACK : undefined;
      }
      if (keys.length === 0) {
        await context.ui.notify(
          'error',
          `"${issuer.profile.name}" has no valid cross-cluster API key that its user may see. Create one with "Elastic: Create Cross-Cluster API Key".`,
        );
        return position.canGoBack ? BACK : undefined;
      }
      // Expiry is wall-clock time, as Elasticsearch reports it.
      const now = Date.now();
      return applyAnswer(
        await context.ui.pick<ApiKeyInfo>({
          ...position,
          placeholder: `The key to change, on "${issuer.profile.name}"`,
          items: keys.map((key) => ({
            label: key.name,
            description: clip(expiryPhrase(key.expiration, now), PICK_TEXT_LIMITS.description),
            detail: clip(
              `${key.id} · ${describeAccess(accessOfKey(key)) ?? 'access not reported by this version'}`,
              PICK_TEXT_LIMITS.detail,
            ),
            value: key,
          })),
          active: keys.find((key) => key.id === draft.key?.id),
        }),
        (key) => (draft.key = key),
      );
    },
  };
}

function actionStep(start: FlowStart): FlowStep<Draft> {
  return {
    id: 'action',
    run: async (draft, position) =>
      applyAnswer(
        await start.context.ui.pick<KeyChange>({
          ...position,
          placeholder: `What should change about "${draft.key?.name}"?`,
          items: [
            {
              label: 'Change its access',
              description: 'indices to search or replicate',
              detail: 'Updates the key in place; connections that use it keep working.',
              value: 'access',
            },
            {
              label: 'Rotate it',
              description: 'new key, same access',
              detail: 'Stores it in the local keystore, checks the connection, invalidates the old key.',
              value: 'rotate',
            },
          ],
          active: draft.action,
        }),
        (action) => (draft.action = action),
      ),
  };
}

function patternStep(start: FlowStart, kind: 'search' | 'replication'): FlowStep<Draft> {
  const field = kind === 'search' ? 'searchPatterns' : 'replicationPatterns';
  return {
    id: kind,
    run: async (draft, position) => {
      const current = namesOf(accessOfKey(draft.key as ApiKeyInfo)?.[kind]);
      for (;;) {
        const answer = await start.context.ui.input({
          ...position,
          prompt:
            kind === 'search'
              ? `Indices the key lets other clusters SEARCH (now: ${current.join(', ') || 'none'}); comma-separated, empty for none`
              : `Indices the key lets other clusters REPLICATE (now: ${current.join(', ') || 'none'}); comma-separated, empty for none`,
          value: (draft[field] ?? current).join(', '),
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

/** The alias on the local cluster whose credentials are the key. */
function aliasStep(start: FlowStart): FlowStep<Draft> {
  const { context, pool } = start;
  return {
    id: 'alias',
    run: async (draft, position) => {
      const local = draft.local as CheckedCluster;
      let aliases: string[];
      try {
        const client = await pool.elasticsearch(local.profile);
        aliases = Object.keys(
          await context.ui.progress(`Reading the remotes of "${local.profile.name}"…`, () => client.remoteInfo()),
        );
      } catch (error) {
        await context.ui.notify('error', `The remotes of "${local.profile.name}" could not be read: ${describeError(error)}`);
        return BACK;
      }
      if (aliases.length === 0) {
        await context.ui.notify('error', `"${local.profile.name}" has no remote clusters, so no alias uses this key there.`);
        return BACK;
      }
      const suggested = typeof draft.key?.metadata?.alias === 'string' ? draft.key.metadata.alias : undefined;
      return applyAnswer(
        await context.ui.pick<string>({
          ...position,
          placeholder: `The remote cluster on "${local.profile.name}" that connects with "${draft.key?.name}"`,
          items: aliases.sort().map((alias) => ({
            label: alias,
            ...(alias === suggested ? { description: 'the key was created for this alias' } : {}),
            value: alias,
          })),
          active: draft.alias ?? (suggested && aliases.includes(suggested) ? suggested : undefined),
        }),
        (alias) => (draft.alias = alias),
      );
    },
  };
}

function oldKeyStep(start: FlowStart): FlowStep<Draft> {
  return {
    id: 'oldKey',
    run: async (draft, position) =>
      applyAnswer(
        await start.context.ui.input({
          ...position,
          prompt: `Optional: the encoded value of the old key, so that the undo can put it back if the new one fails (Elasticsearch never shows it again). Empty: the undo then asks you to restore ${credentialsSetting(draft.alias ?? '<alias>')} yourself.`,
          password: true,
          value: draft.oldEncoded,
          validate: (value) => {
            if (value.trim() === '') return undefined;
            const problem = encodedKeyProblem(value);
            if (problem) return problem;
            const id = Buffer.from(value.trim(), 'base64').toString('utf8').split(':')[0];
            return id === draft.key?.id
              ? undefined
              : `This is the encoded value of the key ${id}, not of "${draft.key?.name}" (${draft.key?.id}).`;
          },
        }),
        (value) => (draft.oldEncoded = value.trim() || undefined),
      ),
  };
}

// ---------------------------------------------------------------- change access

async function changeAccess(start: FlowStart, draft: Draft): Promise<FlowResult> {
  const { context, pool } = start;
  const issuer = draft.remote as CheckedCluster;
  const key = draft.key as ApiKeyInfo;
  const before = accessOfKey(key);
  const after = withPatterns(before, draft.searchPatterns ?? [], draft.replicationPatterns ?? []);
  const restricted = restrictionsKept(after);
  const summary = [
    `On "${issuer.profile.name}": PUT /_security/cross_cluster/api_key/${key.id} — the key "${key.name}" grants ${describeAccess(after)}.`,
    `Now it grants ${describeAccess(before) ?? 'something this Elasticsearch version does not report (the undo cannot restore it)'}.`,
    ...(restricted.length
      ? [
          `Kept for the patterns that stay: the document and field restrictions or restricted-index access of ${restricted.join(', ')}.`,
        ]
      : []),
    'Every cluster that connects with this key gets the new access at once; nothing changes on the local clusters. Users there also need matching remote_indices privileges.',
  ];
  if (!(await context.ui.confirm(`Change the access of "${key.name}"?`, summary.join('\n'), 'Change Access'))) return cancelled();
  const changes = new ChangeLog();
  try {
    const client = await pool.elasticsearch(issuer.profile);
    const outcome = await context.ui.progress(`Updating "${key.name}"…`, () =>
      recordedWrite(context, changes, {
        write: () => client.updateCrossClusterApiKey(key.id, { access: after }),
        isApplied: async () => sameAccess(await readAccess(client, key.id), after),
        change: () => accessChange(client, issuer, key, before, after),
      }),
    );
    if (outcome.answered && !outcome.value.updated)
      changes.note('Elasticsearch reports that nothing changed: the key already granted exactly this.');
  } catch (error) {
    return failFlow(context, TITLE, changes, `Updating the key failed: ${describeError(error)}`, 'The access was not changed.');
  }
  await context.refreshViews();
  return finishFlow(context, TITLE, 'completed', changes, {
    summary: `"${key.name}" on "${issuer.profile.name}" now grants ${describeAccess(after)}.`,
  });
}

function accessChange(
  client: ElasticsearchClient,
  issuer: CheckedCluster,
  key: ApiKeyInfo,
  before: CrossClusterAccess | undefined,
  after: CrossClusterAccess,
): AppliedChange {
  const done = `Changed the access of the key "${key.name}" (${key.id}) on "${issuer.profile.name}" to ${describeAccess(after)}.`;
  if (!before)
    return {
      done,
      manualUndo: `The earlier access of "${key.name}" was not reported by Elasticsearch, so it cannot be restored automatically; set it again with PUT /_security/cross_cluster/api_key/${key.id}.`,
    };
  return {
    done,
    undo: {
      description: `Restoring the access of "${key.name}"`,
      run: async () => void (await client.updateCrossClusterApiKey(key.id, { access: before })),
      byHand: `on "${issuer.profile.name}": PUT /_security/cross_cluster/api_key/${key.id} ${JSON.stringify({ access: before })}`,
      isUndone: async () => sameAccess(await readAccess(client, key.id), before),
    },
  };
}

// ---------------------------------------------------------------- rotate

const COPY_COMMAND = 'Copy Command';
const COPY_KEY = 'Copy Key';
const ADDED = 'Done: Added on Every Node';
const APPLIED = 'Done: Secret Applied';
const RESTARTED = 'Restarted';

/** The name of the new key: the old name with a rotation date instead of an earlier one. */
export function rotatedName(name: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${name.replace(/-rotated-\d{8}-\d{4}$/, '')}-rotated-${stamp}`.slice(0, 500);
}

/** The same lifetime as the old key, in whole days (at least one), when it had one. */
function sameLifetime(key: ApiKeyInfo): string | undefined {
  if (key.expiration === undefined || key.creation === undefined) return undefined;
  return `${Math.max(1, Math.round((key.expiration - key.creation) / 86_400_000))}d`;
}

function summarizeRotation(draft: Draft, newName: string, lifetime: string | undefined): string[] {
  const issuer = draft.remote as CheckedCluster;
  const key = draft.key as ApiKeyInfo;
  const local = draft.local as CheckedCluster;
  const setting = credentialsSetting(draft.alias as string);
  const store = isCloudPlatform(draft.localPlatform)
    ? `In the keystore of deployment "${draft.localDeployment?.deploymentName}": replace ${setting} with the new key (through the API).`
    : draft.localPlatform === 'eck'
      ? `A read-only editor shows the Secret with ${setting} set to the new key; you apply it with kubectl, then the extension reloads the secure settings.`
      : `On every node of "${local.profile.name}": you run bin/elasticsearch-keystore add ${setting} with the new key (the extension shows how), then it reloads the secure settings.`;
  return [
    `1. On "${issuer.profile.name}": create the cross-cluster API key "${newName}" with the same access (${describeAccess(accessOfKey(key)) ?? 'as reported'})${lifetime ? `, expiring after ${lifetime} like the old one` : ''}.`,
    `2. ${store}`,
    `3. On "${local.profile.name}": wait until "${draft.alias}" reports connected with cluster credentials.`,
    `4. On "${issuer.profile.name}": invalidate the old key "${key.name}" (${key.id}). This cannot be undone.`,
    '',
    draft.oldEncoded
      ? 'If a step before 4 fails, "Undo" puts the old key back into the keystore and invalidates the new one.'
      : `If a step before 4 fails, "Undo" invalidates the new key; you put the old value of ${setting} back yourself (you did not give it).`,
  ];
}

async function rotate(start: FlowStart, draft: Draft): Promise<ChangeApiKeyResult> {
  const { context, pool } = start;
  const issuer = draft.remote as CheckedCluster;
  const key = draft.key as ApiKeyInfo;
  const local = draft.local as CheckedCluster;
  const alias = draft.alias as string;
  const access = accessOfKey(key);
  if (!access) {
    await context.ui.notify(
      'error',
      `"${issuer.profile.name}" does not report what "${key.name}" grants, so a new key with the same access cannot be made. Create a new key with "Create Cross-Cluster API Key" instead.`,
    );
    return cancelled();
  }
  const newName = rotatedName(key.name, new Date());
  const lifetime = sameLifetime(key);
  if (
    !(await context.ui.confirm(
      `Rotate "${key.name}" used by "${alias}" on "${local.profile.name}"?`,
      summarizeRotation(draft, newName, lifetime).join('\n'),
      'Rotate',
    ))
  )
    return cancelled();

  const changes = new ChangeLog();
  let stage = 'Creating the new key';
  let newKeyId: string | undefined;
  const fail = async (problem: string) => ({
    ...(await failFlow(context, TITLE, changes, problem, `"${key.name}" was not rotated; the old key is still valid.`)),
    ...(newKeyId ? { newKeyId } : {}),
  });
  try {
    const issuerEs = await pool.elasticsearch(issuer.profile);
    const localEs = await pool.elasticsearch(local.profile);
    if (draft.oldEncoded) localEs.http.registerSecret(draft.oldEncoded);
    const metadata: Record<string, unknown> = {
      ...(key.metadata ?? {}),
      rotated_from: key.id,
      ...CREATED_BY_EXTENSION,
    };
    delete metadata[CREATION_ID_FIELD];
    const created = await context.ui.progress(`Creating the new key on "${issuer.profile.name}"…`, () =>
      createRecordedKey(context, changes, issuerEs, issuer.profile.name, {
        name: newName,
        access,
        metadata,
        ...(lifetime ? { expiration: lifetime } : {}),
      }),
    );
    newKeyId = created.id;
    localEs.http.registerSecret(created.encoded);

    stage = `Storing the new key in the keystore of "${local.profile.name}"`;
    const stored = await storeInPlace(start, draft, created.encoded, changes, localEs);
    if (stored === 'stopped') return await fail(`Stopped before the new key was in the keystore of "${local.profile.name}".`);

    stage = `Checking that "${alias}" connects with the new key`;
    const problem = await remainingConnectionProblem(context, localEs, alias, local.info.version.number, {
      model: 'api-key',
      localPlatform: draft.localPlatform ?? 'self-managed',
      remoteIsCloud: false,
      keystore: stored,
    });
    if (problem) return await fail(`"${alias}" does not connect with the new key. ${problem}`);
    const info = (await localEs.remoteInfo())[alias];
    if (!info?.cluster_credentials)
      return await fail(
        `"${alias}" is connected, but "${local.profile.name}" reports no cluster_credentials for it, so it does not use the API-key model (is the address the remote cluster server's?).`,
      );

    stage = `Invalidating the old key on "${issuer.profile.name}"`;
    try {
      await context.ui.progress(`Invalidating the old key "${key.name}"…`, () => invalidateKeys(issuerEs, [key.id]));
    } catch (error) {
      // The rotation itself worked; only the clean-up is left, and undoing would break a working connection.
      const left = [
        `Invalidate the old key on "${issuer.profile.name}" (as its owner or a user with manage_security): DELETE /_security/api_key {"ids":["${key.id}"]}`,
      ];
      return {
        ...(await finishFlow(context, TITLE, 'failed', changes, {
          summary: `"${alias}" now connects with the new key "${newName}", but the old key "${key.name}" is still valid.`,
          problem: `Invalidating the old key failed: ${describeError(error)}`,
          left,
        })),
        newKeyId,
      };
    }
    changes.record({
      done: `Invalidated the old key "${key.name}" (${key.id}) on "${issuer.profile.name}".`,
      manualUndo: 'An invalidated key cannot be made valid again.',
    });
    // The connection is made again after the old key is gone: it must not have depended on it.
    const after = await waitForConnection(context, localEs, alias, local.info.version.number);
    if (!after.connected)
      changes.note(
        `After the old key was invalidated, "${alias}" did not report connected within the wait. Run "Diagnose Remote Cluster" on it.`,
      );
    await context.refreshViews();
    return {
      ...(await finishFlow(context, TITLE, 'completed', changes, {
        summary: `Rotated "${key.name}": "${alias}" on "${local.profile.name}" connects with the new key "${newName}", and the old key is invalidated.`,
      })),
      newKeyId,
    };
  } catch (error) {
    return await fail(`${stage} failed: ${describeError(error)}`);
  }
}

/**
 * Puts the new key where the old one was, recording an undo that puts the old value back when it
 * is known. Returns how it was stored (for the connection diagnosis), or 'stopped'.
 */
async function storeInPlace(
  start: FlowStart,
  draft: Draft,
  encoded: string,
  changes: ChangeLog,
  localEs: ElasticsearchClient,
): Promise<'api' | 'manual' | 'eck' | 'stopped'> {
  const { context, pool } = start;
  const alias = draft.alias as string;
  const local = draft.local as CheckedCluster;
  const setting = credentialsSetting(alias);
  const old = draft.oldEncoded;

  if (isCloudPlatform(draft.localPlatform) && draft.localDeployment) {
    const deployment = draft.localDeployment;
    const cloud = await pool.cloud(deployment.connection);
    const keystorePath = `/api/v1/deployments/${deployment.deploymentId}/elasticsearch/${deployment.refId}/keystore`;
    const existed = setting in (await cloud.getKeystore(deployment.deploymentId, deployment.refId)).secrets;
    const write = (value: string | null) =>
      cloud.updateKeystore(deployment.deploymentId, deployment.refId, {
        secrets: { [setting]: value === null ? null : { value } },
      });
    await context.ui.progress(`Storing the new key in the keystore of "${deployment.deploymentName}"…`, () =>
      recordedWrite(context, changes, {
        write: () => write(encoded),
        isApplied: async () => {
          // Keystore values never come back: only a setting that was not there before proves anything.
          if (existed) throw new ApiError('unknown', `the keystore held ${setting} before, and its values cannot be read`);
          return setting in (await cloud.getKeystore(deployment.deploymentId, deployment.refId)).secrets;
        },
        change: () => ({
          done: `Stored the new key as ${setting} in the keystore of deployment "${deployment.deploymentName}".`,
          ...(existed && !old
            ? {
                manualUndo: `Put the old key back as ${setting} in the keystore of "${deployment.deploymentName}" (console: Security page), or PATCH ${keystorePath}: its old value cannot be read back.`,
              }
            : {
                undo: {
                  description: old ? `Putting the old key back into ${setting}` : `Removing ${setting} from the keystore`,
                  run: async () => void (await write(old ?? null)),
                  byHand: old
                    ? `put the old key back as ${setting} in the keystore of deployment "${deployment.deploymentName}" (PATCH ${keystorePath})`
                    : `remove ${setting} from the keystore of deployment "${deployment.deploymentName}" (PATCH ${keystorePath} {"secrets":{"${setting}":null}})`,
                },
              }),
        }),
      }),
    );
    if (!atLeastVersion(local.info.version.number, CLOUD_KEYSTORE_AUTO_RELOAD_VERSION)) {
      const answer = await context.ui.notify(
        'info',
        `Restart deployment "${deployment.deploymentName}" to load the new key`,
        [RESTARTED],
        {
          modal: true,
          detail: `It runs Elasticsearch ${local.info.version.number}: before ${CLOUD_KEYSTORE_AUTO_RELOAD_VERSION} the keystore is only read at start-up. Restart Elasticsearch from the deployment's page, wait until it is healthy, then choose "${RESTARTED}".`,
        },
      );
      if (answer !== RESTARTED) return 'stopped';
    }
    return 'api';
  }

  if (draft.localPlatform === 'eck') {
    const secretName = credentialsSecretName(local.info.cluster_name, alias);
    const secret = (value: string) =>
      [
        `# Put this value into the Secret that spec.secureSettings of "${local.info.cluster_name}" lists for ${setting}`,
        `# (shown here under the name ${secretName}; use your Secret's name), e.g. with kubectl apply -f or kubectl edit secret.`,
        '# This text holds a secret: do not commit it.',
        credentialsSecretYaml({ secretName, alias, encodedKey: value }),
      ].join('\n');
    const digests = await keystoreDigests(localEs);
    await context.ui.openReadOnly(`Secret ${secretName} (new key).yaml`, secret(encoded));
    const answer = await context.ui.notify('info', `Apply the new key to "${local.profile.name}"`, [APPLIED], {
      modal: true,
      detail: `Update the Secret with the value shown, wait until ECK has rolled it out to every node, then choose "${APPLIED}": the extension reloads the secure settings and checks the connection.`,
    });
    if (answer !== APPLIED) return 'stopped';
    changes.record(
      old
        ? {
            done: `You applied the Secret holding ${setting} with the new key to "${local.profile.name}".`,
            undo: {
              description: `Putting the old key back into the Secret`,
              run: async () => {
                await context.ui.openReadOnly(`Secret ${secretName} (old key).yaml`, secret(old));
                const back = await context.ui.notify('warning', `Apply the old key to "${local.profile.name}" again`, [APPLIED], {
                  modal: true,
                  detail: `Update the Secret with the value shown (the old key), wait for the rollout, then choose "${APPLIED}".`,
                });
                if (back !== APPLIED) throw new ApiError('configuration', 'The old key was not applied again.');
                await localEs.reloadSecureSettings();
              },
              byHand: `set ${setting} in the Secret back to the old key, apply it, then POST _nodes/reload_secure_settings`,
            },
          }
        : {
            done: `You applied the Secret holding ${setting} with the new key to "${local.profile.name}".`,
            manualUndo: `Set ${setting} in the Secret back to the old key, apply it, then POST _nodes/reload_secure_settings on "${local.profile.name}".`,
          },
    );
    await reloadSecureSettings(context, localEs, local.profile.name, setting, changes);
    await checkKeystoreChanged(localEs, digests, setting);
    return 'eck';
  }

  const command = `bin/elasticsearch-keystore add --force ${setting}`;
  const digests = await keystoreDigests(localEs);
  if (!(await guideKeystoreAdd(context, local.profile.name, command, encoded, 'the new key'))) return 'stopped';
  changes.record(
    old
      ? {
          done: `You replaced ${setting} with the new key in the keystore of the nodes of "${local.profile.name}".`,
          undo: {
            description: 'Putting the old key back into the keystore',
            run: async () => {
              if (!(await guideKeystoreAdd(context, local.profile.name, command, old, 'the OLD key')))
                throw new ApiError('configuration', 'The old key was not put back on the nodes.');
              await localEs.reloadSecureSettings();
            },
            byHand: `on every node of "${local.profile.name}": ${command} with the old key, then POST _nodes/reload_secure_settings`,
          },
        }
      : {
          done: `You replaced ${setting} with the new key in the keystore of the nodes of "${local.profile.name}".`,
          manualUndo: `On every node of "${local.profile.name}": ${command} with the old key, then POST _nodes/reload_secure_settings.`,
        },
  );
  await reloadSecureSettings(context, localEs, local.profile.name, setting, changes);
  await checkKeystoreChanged(localEs, digests, setting);
  return 'manual';
}

/**
 * The keystore digest of every node (reload_secure_settings reports it from 8.x; absent: unknown).
 * Reloading is harmless: the nodes load what their keystores already hold.
 */
async function keystoreDigests(client: ElasticsearchClient): Promise<Map<string, string>> {
  const response = await client.reloadSecureSettings();
  const digests = new Map<string, string>();
  for (const [id, node] of Object.entries(response.nodes ?? {}))
    if (typeof node.keystore_digest === 'string') digests.set(id, node.keystore_digest);
  return digests;
}

/**
 * The old key is still valid, so the connection check alone cannot tell whether the nodes use the
 * new one: a keystore whose digest did not change since before the step still holds the old value.
 */
async function checkKeystoreChanged(client: ElasticsearchClient, before: Map<string, string>, setting: string): Promise<void> {
  if (before.size === 0) return;
  const after = await keystoreDigests(client);
  const unchanged = [...before].filter(([id, digest]) => after.get(id) === digest).map(([id]) => id);
  if (unchanged.length)
    throw new ApiError(
      'configuration',
      `The keystore of ${unchanged.length === before.size ? 'every node' : `node(s) ${unchanged.join(', ')}`} did not change, so ${setting} there still holds the old key. Add the new key on every node (elasticsearch-keystore add --force), then run the rotation again.`,
    );
}

/** The modal that walks through `elasticsearch-keystore add` with a value only copied on request. Resolves to false when dismissed. */
async function guideKeystoreAdd(
  context: FlowContext,
  clusterName: string,
  command: string,
  encoded: string,
  what: string,
): Promise<boolean> {
  for (;;) {
    const answer = await context.ui.notify(
      'info',
      `Put ${what} into the keystore of every node of "${clusterName}"`,
      [ADDED, COPY_KEY, COPY_COMMAND],
      {
        modal: true,
        detail: [
          'On each node, in the Elasticsearch home directory, run:',
          '',
          `    ${command}`,
          '',
          `and paste ${what} when it asks for the value ("${COPY_KEY}" puts it on the clipboard). Every node needs the same value.`,
          '',
          `Then choose "${ADDED}": the extension reloads the secure settings of all nodes.`,
        ].join('\n'),
      },
    );
    if (answer === COPY_COMMAND) await context.ui.copyToClipboard(command);
    else if (answer === COPY_KEY) await context.ui.copyToClipboard(encoded);
    else return answer === ADDED;
  }
}

// ---------------------------------------------------------------- access helpers

/**
 * What a cross-cluster key grants: its `access` (reported from 8.14), else derived from the role
 * descriptor Elasticsearch made from it (read_cross_cluster for search, cross_cluster_replication
 * for replication, as CrossClusterApiKeyRoleDescriptorBuilder builds it).
 */
export function accessOfKey(key: ApiKeyInfo): CrossClusterAccess | undefined {
  if (key.access) return key.access;
  const descriptors = Object.values(key.role_descriptors ?? {}) as RoleDescriptor[];
  if (descriptors.length === 0) return undefined;
  const search: string[] = [];
  const replication: string[] = [];
  for (const descriptor of descriptors)
    for (const entry of descriptor.indices ?? []) {
      const names = Array.isArray(entry.names) ? entry.names : [entry.names];
      if (entry.privileges.includes('read_cross_cluster')) search.push(...names);
      else if (entry.privileges.includes('cross_cluster_replication')) replication.push(...names);
    }
  if (search.length + replication.length === 0) return undefined;
  return {
    ...(search.length ? { search: [{ names: search }] } : {}),
    ...(replication.length ? { replication: [{ names: replication }] } : {}),
  };
}

type AccessEntry = NonNullable<CrossClusterAccess['search']>[number];

/**
 * The new access for these patterns, keeping what the existing entries say beyond their names
 * (`query`, `field_security`, `allow_restricted_indices`): an entry keeps the patterns of it that
 * stay, and patterns no entry had get a plain entry. Rebuilding from names alone would silently
 * drop document- and field-level restrictions, widening what the key grants.
 */
export function withPatterns(
  current: CrossClusterAccess | undefined,
  search: string[],
  replication: string[],
): CrossClusterAccess {
  const rebuild = (entries: AccessEntry[] | undefined, wanted: string[]): AccessEntry[] => {
    const kept = (entries ?? [])
      .map((entry) => ({ ...entry, names: namesOf([entry]).filter((name) => wanted.includes(name)) }))
      .filter((entry) => entry.names.length > 0);
    const covered = new Set(kept.flatMap((entry) => entry.names));
    const added = wanted.filter((name) => !covered.has(name));
    if (added.length === 0) return kept;
    // New patterns join an entry that restricts nothing beyond its names, else get their own.
    const plain = kept.find((entry) => Object.keys(entry).every((field) => field === 'names'));
    if (plain) plain.names = [...plain.names, ...added];
    return plain ? kept : [...kept, { names: added }];
  };
  const searchEntries = rebuild(current?.search, search);
  const replicationEntries = rebuild(current?.replication, replication);
  return {
    ...(searchEntries.length ? { search: searchEntries } : {}),
    ...(replicationEntries.length ? { replication: replicationEntries } : {}),
  };
}

/** The patterns whose entry restricts more than its names (for the summary). */
function restrictionsKept(access: CrossClusterAccess): string[] {
  return [...(access.search ?? []), ...(access.replication ?? [])]
    .filter(
      (entry) =>
        Object.keys(entry).some((field) => field !== 'names' && field !== 'allow_restricted_indices') ||
        (entry as { allow_restricted_indices?: boolean }).allow_restricted_indices === true,
    )
    .flatMap((entry) => namesOf([entry]));
}

function namesOf(entries: Array<{ names: string | string[] }> | undefined): string[] {
  return (entries ?? []).flatMap((entry) => (Array.isArray(entry.names) ? entry.names : [entry.names]));
}

export function describeAccess(access: CrossClusterAccess | undefined): string | undefined {
  if (!access) return undefined;
  const parts = [
    namesOf(access.search).length ? `search ${namesOf(access.search).join(', ')}` : '',
    namesOf(access.replication).length ? `replication ${namesOf(access.replication).join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'nothing';
}

async function readAccess(client: ElasticsearchClient, id: string): Promise<CrossClusterAccess | undefined> {
  const key = (await client.getApiKeys({ id })).api_keys.find((candidate) => candidate.id === id);
  return key ? accessOfKey(key) : undefined;
}

function sameAccess(a: CrossClusterAccess | undefined, b: CrossClusterAccess | undefined): boolean {
  const norm = (access: CrossClusterAccess | undefined) =>
    JSON.stringify([namesOf(access?.search).sort(), namesOf(access?.replication).sort()]);
  return norm(a) === norm(b);
}

function expiryPhrase(expiration: number | undefined, now: number): string {
  if (expiration === undefined) return 'does not expire';
  const days = Math.round((expiration - now) / 86_400_000);
  return expiration <= now ? 'expired' : `expires in ${days} day${days === 1 ? '' : 's'}`;
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
