/**
 * "Add Remote Cluster" with the API-key model: the remote creates a cross-cluster API key for the
 * index patterns the user picks; the key goes into the local cluster's keystore as
 * `cluster.remote.<alias>.credentials` (Cloud/ECE keystore API, a Secret and `spec.secureSettings`
 * on ECK, or `elasticsearch-keystore add` plus a reload on self-managed nodes); then the local
 * cluster gets proxy-mode settings pointing at the remote cluster server (port 9443) and the flow
 * waits for `GET _remote/info` to say connected. Every change is recorded with its undo.
 */
import type { ElasticsearchClient } from '../api/elasticsearch';
import { ApiError } from '../api/errors';
import type { CrossClusterAccess, RoleDescriptor } from '../api/types/elasticsearch';
import { describeProfile } from '../connections/profile';
import { BACK, applyAnswer, type FlowStep, type StepPosition } from '../ui/steps';
import { describeError } from '../errorText';
import { ChangeLog, failFlow, finishFlow, recordedWrite, type FlowResult } from './changes';
import { type FlowContext } from './context';
import { createRecordedKey, CREATED_BY_EXTENSION } from './crossClusterKeys';
import { deploymentDetails } from './deployments';
import {
  appendDocumentEdit,
  credentialsSecretName,
  credentialsSecretYaml,
  credentialsSetting,
  eckResources,
  secureSettingsEdit,
  secureSettingsSnippet,
  type EckResource,
} from './eck';
import { PLATFORM_LABELS, PORTS } from './platforms';
import {
  addressProblem,
  confirmEveryIndex,
  nameProblem,
  parsePatterns,
  patternsProblem,
  portOf,
  serverNameProblem,
} from './validation';
import {
  apiKeyVersionVerdict,
  atLeastVersion,
  CERTIFICATE_IDENTITY_VERSION,
  CLOUD_KEYSTORE_AUTO_RELOAD_VERSION,
} from './versionGates';
import { checkCluster, pickDeployment, type CheckedCluster } from './pickers';
import { remainingConnectionProblem } from './remoteStatus';
import { aliasStep, isCloudPlatform, type AddRemoteDraft, type FlowStart } from './remoteDraft';
import { eckServerNameSuggestion } from './eckServerName';
import { writeProxySettings } from './aliasSettings';
import { applySigning, signsHere, strongIdentitySteps, summarizeSigning } from './strongIdentity';
import { applyProxyCa, needsProxyCaStep, proxyCaStep, summarizeProxyCa } from './privateProxyCa';
import { connectionFor, connectionOptionSteps, describeConnectionWrite } from './remoteOptions';

const TITLE = 'Add Remote Cluster (API key)';
const NO_CONNECTION = { noConnection: true } as const;
const RESTARTED = 'Restarted';

export function apiKeySteps(start: FlowStart, draft: AddRemoteDraft): FlowStep<AddRemoteDraft>[] {
  const steps: FlowStep<AddRemoteDraft>[] = [];
  const preset = start.remoteProfile;
  if (!preset) steps.push(remoteStep(start));
  else if (draft.remote?.profile.id !== preset.id) {
    steps.push({
      id: 'presetRemote',
      silent: true,
      run: async (current) => {
        const checked = await checkApiKeyRemote(start, preset);
        if (!checked) return undefined;
        current.remote = checked;
        current.remoteWithoutConnection = false;
        return 'next';
      },
    });
  }
  steps.push(addressStep(start));
  if (draft.address !== undefined)
    steps.push(...connectionOptionSteps(start, draft, draft.remoteDeployment ? undefined : serverNameStep(start)));
  if (draft.remoteWithoutConnection) steps.push(pastedKeyStep(start));
  steps.push(
    aliasStep(start, async (current, alias) => {
      // On Cloud / ECE the keystore may hold credentials for the alias even without settings.
      if (!isCloudPlatform(current.localPlatform) || !current.localDeployment) return [];
      const cloud = await start.pool.cloud(current.localDeployment.connection);
      const keystore = await cloud.getKeystore(current.localDeployment.deploymentId, current.localDeployment.refId);
      return credentialsSetting(alias) in keystore.secrets
        ? [
            `${credentialsSetting(alias)} in the keystore of deployment "${current.localDeployment.deploymentName}" (it would be replaced)`,
          ]
        : [];
    }),
  );
  if (!draft.remoteWithoutConnection) steps.push(searchStep(start), replicationStep(start));
  if (
    draft.remote &&
    draft.local &&
    atLeastVersion(draft.local.info.version.number, CERTIFICATE_IDENTITY_VERSION) &&
    atLeastVersion(draft.remote.info.version.number, CERTIFICATE_IDENTITY_VERSION)
  ) {
    steps.push(...strongIdentitySteps(start, draft));
  }
  if (needsProxyCaStep(draft)) steps.push(proxyCaStep(start));
  if (draft.localPlatform === 'eck') {
    steps.push(eckResourceStep(start));
    if (draft.eckResource) steps.push(eckSecretPlacementStep(start));
  }
  return steps;
}

/** Checks a remote connection for the API-key model; undefined (after saying why) when it cannot be used. */
export async function checkApiKeyRemote(
  start: FlowStart,
  profile: CheckedCluster['profile'],
): Promise<CheckedCluster | undefined> {
  const { context, pool } = start;
  if (profile.auth === 'apiKey') {
    await context.ui.notify(
      'error',
      `"${profile.name}" signs in with an API key, and Elasticsearch only lets users (not API keys) create cross-cluster API keys. Use a connection with a user name and password that has the manage_security privilege, or choose "No connection" and paste a key created in Kibana.`,
    );
    return undefined;
  }
  const checked = await checkCluster(context, pool, profile);
  if (!checked) return undefined;
  const verdict = apiKeyVersionVerdict(checked.info.version.number, undefined, `"${profile.name}"`);
  if (!verdict.ok && verdict.blocking) {
    await context.ui.notify('error', verdict.problem);
    return undefined;
  }
  if (
    !verdict.ok &&
    !(await context.ui.confirm(
      verdict.problem,
      'It may still work; continue only if you know this version supports it.',
      'Continue Anyway',
    ))
  )
    return undefined;
  let enabled: string | undefined;
  try {
    const client = await pool.elasticsearch(profile);
    const settings = await context.ui.progress(`Checking the remote cluster server of "${profile.name}"…`, () =>
      client.getClusterSettings({ flatSettings: true, includeDefaults: true }),
    );
    const key = 'remote_cluster_server.enabled';
    const value = settings.transient[key] ?? settings.persistent[key] ?? settings.defaults?.[key];
    enabled = value === undefined ? undefined : String(value);
  } catch (error) {
    await context.ui.notify(
      'warning',
      `Whether "${profile.name}" has its remote cluster server enabled could not be checked: ${describeError(error)}`,
    );
  }
  if (enabled === 'false') {
    await context.ui.notify(
      'error',
      `The remote cluster server of "${profile.name}" is not enabled, so nothing listens on port ${PORTS.remoteClusterServer} for API-key connections. Set remote_cluster_server.enabled: true in elasticsearch.yml on its nodes and restart them (on ECK: spec.remoteClusterServer.enabled: true; Elastic Cloud deployments have it on).`,
    );
    return undefined;
  }
  return checked;
}

function remoteStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context } = start;
  return {
    id: 'remote',
    run: async (draft, position) => {
      for (;;) {
        const profiles = context.connections
          .list()
          .filter((profile) => profile.kind === 'elasticsearch' && profile.id !== draft.local?.profile.id);
        const answer = await context.ui.pick<CheckedCluster['profile'] | typeof NO_CONNECTION>({
          ...position,
          placeholder: 'The remote cluster: the one whose indices the local cluster reads. It creates the cross-cluster API key.',
          items: [
            ...profiles.map((profile) => ({
              label: profile.name,
              description: describeProfile(profile),
              value: profile as CheckedCluster['profile'] | typeof NO_CONNECTION,
            })),
            {
              label: 'No connection to the remote',
              description: 'type its address, paste a key from it',
              detail: 'Create the key in its Kibana or with POST _security/cross_cluster/api_key',
              value: NO_CONNECTION,
            },
          ],
          active: draft.remoteWithoutConnection ? NO_CONNECTION : draft.remote?.profile,
        });
        if (answer === undefined || answer === BACK) return answer;
        if ('noConnection' in answer) {
          draft.remote = undefined;
          draft.remoteWithoutConnection = true;
          return 'next';
        }
        const checked = await checkApiKeyRemote(start, answer);
        if (!checked) continue;
        if (checked.profile.id !== draft.remote?.profile.id) {
          draft.address = undefined;
          draft.remoteDeployment = undefined;
          draft.serverName = undefined;
        }
        draft.remote = checked;
        draft.remoteWithoutConnection = false;
        draft.pastedKey = undefined;
        return 'next';
      }
    },
  };
}

type AddressChoice = { kind: 'suggested'; address: string } | { kind: 'deployment' } | { kind: 'typed' };

function addressStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context, pool } = start;
  return {
    id: 'address',
    run: async (draft, position) => {
      for (;;) {
        const host = draft.remote ? hostOfUrl(draft.remote.profile) : undefined;
        const suggested = host ? `${host}:${PORTS.remoteClusterServer}` : undefined;
        const choice = await context.ui.pick<AddressChoice>({
          ...position,
          placeholder: `Where is the remote cluster server? The local cluster connects there (port ${PORTS.remoteClusterServer} by default).`,
          items: [
            ...(suggested
              ? [
                  {
                    label: suggested,
                    description: `host of the remote connection, port ${PORTS.remoteClusterServer}`,
                    value: { kind: 'suggested', address: suggested } as AddressChoice,
                  },
                ]
              : []),
            {
              label: 'An Elastic Cloud or ECE deployment…',
              description: 'via the proxy, with its server name',
              value: { kind: 'deployment' },
            },
            { label: 'Enter the address…', description: 'host:port of it or of a load balancer', value: { kind: 'typed' } },
          ],
          active: draft.remoteDeployment
            ? { kind: 'deployment' }
            : draft.address && draft.address === suggested
              ? { kind: 'suggested', address: suggested }
              : draft.address
                ? { kind: 'typed' }
                : undefined,
        });
        if (choice === undefined || choice === BACK) return choice;
        if (choice.kind === 'suggested') {
          draft.remoteDeployment = undefined;
          draft.address = choice.address;
          return 'next';
        }
        if (choice.kind === 'typed') {
          const typed = await context.ui.input({
            ...position,
            prompt: 'Address of the remote cluster server as host:port (no https://)',
            placeholder: `es-remote.example.com:${PORTS.remoteClusterServer}`,
            value: draft.remoteDeployment ? undefined : draft.address,
            validate: apiKeyAddressProblem,
          });
          if (typed === undefined) return undefined;
          if (typed === BACK) continue;
          draft.remoteDeployment = undefined;
          draft.address = typed.trim();
          return 'next';
        }
        const target = await pickDeployment(context, pool, position, {
          kinds: ['cloud', 'ece'],
          placeholder: 'The remote deployment',
          exclude: (candidate) =>
            candidate.deploymentId === draft.localDeployment?.deploymentId && candidate.refId === draft.localDeployment.refId,
          preselect: (candidate) => candidate.clusterId === draft.remote?.info.cluster_name,
        });
        if (target === undefined) return undefined;
        if (target === BACK) continue;
        try {
          const details = await context.ui.progress(`Reading deployment "${target.deploymentName}"…`, async () =>
            deploymentDetails(await pool.cloud(target.connection), target),
          );
          if (!details.endpoint) {
            await context.ui.notify(
              'error',
              `Deployment "${target.deploymentName}" reports no endpoint, so its proxy address is unknown. Enter the address instead.`,
            );
            continue;
          }
          draft.remoteDeployment = { ...target, endpoint: details.endpoint, version: details.version };
          draft.address = `${details.endpoint}:${details.proxyPorts.apiKey}`;
          draft.serverName = details.endpoint;
          return 'next';
        } catch (error) {
          await context.ui.notify('error', `Deployment "${target.deploymentName}" could not be read: ${describeError(error)}`);
        }
      }
    },
  };
}

export function apiKeyAddressProblem(value: string): string | undefined {
  const problem = addressProblem(value);
  if (problem) return problem;
  const port = portOf(value);
  if (port === PORTS.transport || port === PORTS.cloudCertificateProxy) {
    return `Port ${port} is the certificate model's (transport) port. API-key connections go to the remote cluster server, port ${PORTS.remoteClusterServer} by default.`;
  }
  return undefined;
}

function serverNameStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'serverName',
    run: async (draft, position) => {
      // An ECK remote reached from outside: try without, then its remote-cluster Service name (seed 004).
      const eck = eckServerNameSuggestion(draft.address, draft.remote?.profile.url, start.context.manifests.openYamlDocuments());
      return applyAnswer(
        await start.context.ui.input({
          ...position,
          prompt: eck
            ? `TLS server name (SNI). For an ECK cluster reached from outside, leave it empty first; if the handshake fails on the ECK-managed certificate, use ${eck}.`
            : 'TLS server name (SNI), when a proxy in front of the remote routes by it or the certificate is for another name. Leave empty otherwise.',
          placeholder: eck ?? 'es-remote.example.com',
          value: draft.serverName,
          validate: serverNameProblem,
        }),
        (value) => (draft.serverName = value.trim() || undefined),
      );
    },
  };
}

function pastedKeyStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'pastedKey',
    run: async (draft, position) =>
      applyAnswer(
        await start.context.ui.input({
          ...position,
          prompt: 'The "encoded" value of the cross-cluster API key created on the remote. It is not stored by the extension.',
          password: true,
          value: draft.pastedKey,
          validate: encodedKeyProblem,
        }),
        (value) => (draft.pastedKey = value.trim()),
      ),
  };
}

/** The `encoded` value is base64 of `id:api_key`. */
export function encodedKeyProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Paste the encoded key.';
  if (/^ApiKey\s/i.test(text)) return 'Paste only the key, without "ApiKey ".';
  if (!/^[A-Za-z0-9+/=_-]+$/.test(text))
    return 'This is not an encoded key: it is base64 text without spaces (the "encoded" field of the create response).';
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  return /^[^:\s]+:[^:\s]+$/.test(decoded)
    ? undefined
    : 'This is not an encoded key: it should decode to "id:api_key". Paste the "encoded" field, not the "api_key" or "id".';
}

function searchStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'search',
    run: async (draft, position) => {
      for (;;) {
        // No default: what the key may read is the user's choice, typed, never an implied "*".
        const answer = await start.context.ui.input({
          ...position,
          prompt: 'Indices the local cluster may SEARCH on the remote: names or patterns, comma-separated (empty: none)',
          placeholder: 'logs-*, metrics-*',
          value: (draft.searchPatterns ?? []).join(', '),
          validate: patternsProblem,
        });
        if (typeof answer !== 'string') return answer;
        const patterns = parsePatterns(answer);
        if (!(await confirmEveryIndex(start.context.ui, patterns, 'search'))) continue;
        draft.searchPatterns = patterns;
        return 'next';
      }
    },
  };
}

function replicationStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'replication',
    run: async (draft, position) =>
      applyAnswer(
        await start.context.ui.input({
          ...position,
          prompt: 'Indices the local cluster may REPLICATE (cross-cluster replication): comma-separated (empty: none)',
          placeholder: 'leader-*',
          value: (draft.replicationPatterns ?? []).join(', '),
          validate: (value) =>
            patternsProblem(value) ??
            (parsePatterns(value).length === 0 && (draft.searchPatterns ?? []).length === 0
              ? 'Give at least one index pattern to search or to replicate: a key that grants nothing cannot be created.'
              : undefined),
        }),
        (value) => (draft.replicationPatterns = parsePatterns(value)),
      ),
  };
}

function eckResourceStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context } = start;
  return {
    id: 'eckResource',
    run: async (draft, position) => {
      const resources = eckResources(context.manifests.openYamlDocuments());
      const newFile = {
        label: 'Show it in a read-only editor',
        description: 'the Secret and the secureSettings lines',
        value: null,
      };
      return applyAnswer(
        await context.ui.pick<EckResource | null>({
          ...position,
          placeholder: `The ECK manifest of "${draft.local?.profile.name}": the key is loaded through a Secret listed in spec.secureSettings`,
          items: [
            ...resources.map((resource) => ({
              label: resource.name,
              description: `${resource.label}${resource.namespace ? ` · namespace ${resource.namespace}` : ''}`,
              detail: 'Add the spec.secureSettings entry to this Elasticsearch resource',
              value: resource as EckResource | null,
            })),
            newFile,
          ],
          active: draft.eckResource ?? undefined,
        }),
        (resource) => (draft.eckResource = resource),
      );
    },
  };
}

function eckSecretPlacementStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'eckSecretPlacement',
    run: async (draft, position) =>
      applyAnswer(
        await start.context.ui.pick<boolean>({
          ...position,
          placeholder: 'Where should the Secret holding the key go?',
          items: [
            { label: 'A read-only editor (recommended)', description: 'save outside version control, then apply', value: false },
            {
              label: `Into ${draft.eckResource?.label ?? 'the manifest'}`,
              description: 'the file holds the key: do not commit it',
              value: true,
            },
          ],
          active: draft.eckSecretInManifest,
        }),
        (value) => (draft.eckSecretInManifest = value),
      ),
  };
}

function hostOfUrl(profile: CheckedCluster['profile']): string | undefined {
  if (!profile.url) return undefined;
  try {
    return new URL(profile.url).hostname.replace(/^\[|\]$/g, '') || undefined;
  } catch {
    return undefined;
  }
}

export function keyName(draft: AddRemoteDraft): string {
  const local = (draft.local?.info.cluster_name ?? 'local').replace(/[^\w@.\-+ ]+/g, '-');
  return `remote-cluster-${draft.alias}-for-${local}`.slice(0, 500);
}

export function accessOf(draft: AddRemoteDraft): CrossClusterAccess {
  return {
    ...(draft.searchPatterns?.length ? { search: [{ names: draft.searchPatterns }] } : {}),
    ...(draft.replicationPatterns?.length ? { replication: [{ names: draft.replicationPatterns }] } : {}),
  };
}

/** The changes about to be made, one line each, for the confirmation before anything is written. */
export function summarizeApiKey(draft: AddRemoteDraft): string[] {
  const alias = draft.alias ?? '';
  const local = draft.local?.profile.name ?? 'the local cluster';
  const setting = credentialsSetting(alias);
  const lines: string[] = [];
  if (draft.remote) {
    const access = [
      draft.searchPatterns?.length ? `search ${draft.searchPatterns.join(', ')}` : '',
      draft.replicationPatterns?.length ? `replication ${draft.replicationPatterns.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(
      `On "${draft.remote.profile.name}": create the cross-cluster API key "${keyName(draft)}" (${access}${draft.certificateIdentity ? `; certificate identity ${draft.certificateIdentity}` : ''}).`,
    );
  } else {
    lines.push('Use the cross-cluster API key you pasted.');
  }
  switch (draft.localPlatform) {
    case 'cloud':
    case 'ece':
      lines.push(
        `In the keystore of deployment "${draft.localDeployment?.deploymentName}": set ${setting} (${PLATFORM_LABELS[draft.localPlatform]} reloads it).`,
      );
      break;
    case 'eck':
      lines.push(
        draft.eckResource
          ? `In ${draft.eckResource.label}: add a spec.secureSettings entry to "${draft.eckResource.name}"; the Secret with ${setting} goes ${draft.eckSecretInManifest ? 'into the same file' : 'into a read-only editor'}. You apply them with kubectl.`
          : `A read-only editor with the Secret holding ${setting} and the spec.secureSettings lines to add. You apply them with kubectl.`,
      );
      lines.push(`On "${local}": POST _nodes/reload_secure_settings once the change is rolled out.`);
      break;
    default:
      lines.push(
        `On every node of "${local}": you run bin/elasticsearch-keystore add ${setting} (the extension shows how), then it runs POST _nodes/reload_secure_settings.`,
      );
  }
  const replaced =
    draft.existing && Object.keys(draft.existing.persistent).length + Object.keys(draft.existing.transient).length > 0;
  lines.push(...summarizeProxyCa(draft), ...summarizeSigning(draft));
  lines.push(describeConnectionWrite(local, alias, draft, Boolean(replaced)));
  lines.push(`Then wait for GET _remote/info to report "${alias}" as connected.`);
  return lines;
}

const COPY_COMMAND = 'Copy Command';
const COPY_KEY = 'Copy Key';
const ADDED = 'Done: Added on Every Node';
const APPLIED = 'Done: Manifest Applied';

/** Carries out the changes; every step's undo is recorded before the next one starts. */
export async function executeApiKey(start: FlowStart, draft: AddRemoteDraft): Promise<FlowResult> {
  const { context, pool } = start;
  const changes = new ChangeLog();
  const alias = draft.alias as string;
  const local = draft.local as CheckedCluster;
  let stage = 'Creating the cross-cluster API key';
  try {
    const localEs = await pool.elasticsearch(local.profile);
    let encoded: string;
    if (draft.remote) {
      const remote = draft.remote;
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
          },
          ...(draft.certificateIdentity ? { certificate_identity: draft.certificateIdentity } : {}),
        }),
      );
      encoded = created.encoded;
    } else {
      encoded = draft.pastedKey as string;
    }
    // Never let the key into a log line or message, whichever client may echo it.
    localEs.http.registerSecret(encoded);

    stage = 'Storing the key in the local keystore';
    const keystore = await storeCredentials(start, draft, encoded, changes);
    if (keystore === 'stopped') {
      return await fail(context, changes, `Stopped before the key was in the keystore of "${local.profile.name}".`, draft);
    }

    if (draft.proxyCa) {
      stage = `Adding the remote's proxy CA to the trust of "${draft.localDeployment?.deploymentName}"`;
      await applyProxyCa(start, draft, changes);
    }
    if (draft.signing && draft.signing.source !== 'none') {
      stage = signsHere(draft) ? 'Setting up strong identity verification' : stage;
      await applySigning(start, draft, changes);
    }

    stage = `Writing the remote-cluster settings on "${local.profile.name}"`;
    await writeProxySettings(context, changes, localEs, {
      alias,
      clusterName: local.profile.name,
      connection: connectionFor(draft),
    });

    stage = `Waiting for "${alias}" to connect`;
    const expected = {
      model: 'api-key',
      localPlatform: draft.localPlatform ?? 'self-managed',
      remoteIsCloud: Boolean(draft.remoteDeployment),
      keystore,
      certificateIdentity: Boolean(draft.certificateIdentity),
    } as const;
    const notConnected = await remainingConnectionProblem(context, localEs, alias, local.info.version.number, expected);
    if (notConnected) return await fail(context, changes, notConnected, draft);
    await context.refreshViews();
    await offerRole(start, draft, localEs, changes);
    return await finishFlow(context, TITLE, 'completed', changes, {
      summary: `"${local.profile.name}" is connected to the remote cluster "${alias}" (API key, ${draft.address}).`,
    });
  } catch (error) {
    return await fail(context, changes, `${stage} failed: ${describeError(error)}`, draft);
  }
}

function fail(context: FlowContext, changes: ChangeLog, problem: string, draft: AddRemoteDraft): Promise<FlowResult> {
  return failFlow(context, TITLE, changes, problem, `"${draft.alias}" was not set up.`);
}

/**
 * Puts the encoded key into the local keystore the way the platform allows. Returns how it was
 * done (for the diagnosis when the connection fails), or 'stopped' when the user did not finish.
 */
export async function storeCredentials(
  start: FlowStart,
  draft: AddRemoteDraft,
  encoded: string,
  changes: ChangeLog,
): Promise<'api' | 'manual' | 'eck' | 'stopped'> {
  const { context, pool } = start;
  const alias = draft.alias as string;
  const local = draft.local as CheckedCluster;
  const setting = credentialsSetting(alias);

  if (isCloudPlatform(draft.localPlatform) && draft.localDeployment) {
    const deployment = draft.localDeployment;
    const cloud = await pool.cloud(deployment.connection);
    const keystorePath = `/api/v1/deployments/${deployment.deploymentId}/elasticsearch/${deployment.refId}/keystore`;
    await context.ui.progress(`Storing the key in the keystore of "${deployment.deploymentName}"…`, async () => {
      const existed = setting in (await cloud.getKeystore(deployment.deploymentId, deployment.refId)).secrets;
      await recordedWrite(context, changes, {
        write: () =>
          cloud.updateKeystore(deployment.deploymentId, deployment.refId, { secrets: { [setting]: { value: encoded } } }),
        isApplied: async () => {
          // Values never come back, so a setting that was there before proves nothing.
          if (existed) throw new ApiError('unknown', `the keystore held ${setting} before, and its values cannot be read`);
          return setting in (await cloud.getKeystore(deployment.deploymentId, deployment.refId)).secrets;
        },
        change: () => ({
          done: `Stored ${setting} in the keystore of deployment "${deployment.deploymentName}".`,
          ...(existed
            ? {
                manualUndo: `The keystore of "${deployment.deploymentName}" held an earlier ${setting}; its old value cannot be read back, so it was not restored.`,
              }
            : {
                undo: {
                  description: `Removing ${setting} from the keystore`,
                  run: async () =>
                    void (await cloud.updateKeystore(deployment.deploymentId, deployment.refId, {
                      secrets: { [setting]: null },
                    })),
                  byHand: `remove ${setting} from the keystore of deployment "${deployment.deploymentName}" (console: the deployment's Security page), or PATCH ${keystorePath} {"secrets":{"${setting}":null}}`,
                  isUndone: async () =>
                    !(setting in (await cloud.getKeystore(deployment.deploymentId, deployment.refId)).secrets),
                },
              }),
        }),
      });
    });
    // From 8.14 the deployment loads keystore changes by itself; before, the seeds' procedure restarts it.
    if (!atLeastVersion(local.info.version.number, CLOUD_KEYSTORE_AUTO_RELOAD_VERSION)) {
      const answer = await context.ui.notify(
        'info',
        `Restart deployment "${deployment.deploymentName}" to load the key`,
        [RESTARTED],
        {
          modal: true,
          detail: `It runs Elasticsearch ${local.info.version.number}: before ${CLOUD_KEYSTORE_AUTO_RELOAD_VERSION} the keystore is only read at start-up. On the deployment's page open Actions and choose Restart Elasticsearch, wait until it is healthy again, then choose "${RESTARTED}".`,
        },
      );
      if (answer !== RESTARTED) return 'stopped';
      changes.record({ done: `You restarted deployment "${deployment.deploymentName}" so that it loads ${setting}.` });
    }
    return 'api';
  }

  const localEs = await pool.elasticsearch(local.profile);
  if (draft.localPlatform === 'eck') {
    // Whether ECK reloads secure settings by itself after a secureSettings change is not verified
    // here, so the user confirms the rollout and the flow reloads explicitly (harmless if loaded).
    const done = await writeEckManifest(start, draft, encoded, changes);
    if (!done) return 'stopped';
    await reloadSecureSettings(context, localEs, local.profile.name, setting, changes);
    return 'eck';
  }

  const command = `bin/elasticsearch-keystore add ${setting}`;
  for (;;) {
    const answer = await context.ui.notify(
      'info',
      `Add the key to the keystore of every node of "${local.profile.name}"`,
      [ADDED, COPY_KEY, COPY_COMMAND],
      {
        modal: true,
        detail: [
          'On each node, in the Elasticsearch home directory, run:',
          '',
          `    ${command}`,
          '',
          `and paste the encoded key when it asks for the value ("${COPY_KEY}" puts it on the clipboard). Every node needs the same value.`,
          '',
          `Then choose "${ADDED}": the extension reloads the secure settings of all nodes. The key is not shown again after this flow, and it is never logged.`,
        ].join('\n'),
      },
    );
    if (answer === COPY_COMMAND) await context.ui.copyToClipboard(command);
    else if (answer === COPY_KEY) await context.ui.copyToClipboard(encoded);
    else if (answer === ADDED) break;
    else return 'stopped';
  }
  changes.record({
    done: `You added ${setting} to the keystore of the nodes of "${local.profile.name}".`,
    manualUndo: `Remove it from every node of "${local.profile.name}": bin/elasticsearch-keystore remove ${setting}, then POST _nodes/reload_secure_settings.`,
  });
  await reloadSecureSettings(context, localEs, local.profile.name, setting, changes);
  return 'manual';
}

/** POST _nodes/reload_secure_settings and a check that every node now has the setting. Throws when a node failed. */
export async function reloadSecureSettings(
  context: FlowContext,
  client: ElasticsearchClient,
  name: string,
  setting: string,
  changes: ChangeLog,
): Promise<void> {
  const response = await context.ui.progress(`Reloading the secure settings of "${name}"…`, () => client.reloadSecureSettings());
  const failures: string[] = [];
  const missing: string[] = [];
  for (const [id, node] of Object.entries(response.nodes ?? {})) {
    if (node.reload_exception) failures.push(`${node.name ?? id}: ${node.reload_exception.reason ?? node.reload_exception.type}`);
    else if (Array.isArray(node.secure_setting_names) && !node.secure_setting_names.includes(setting))
      missing.push(node.name ?? id);
  }
  if ((response._nodes?.failed ?? 0) > 0 && failures.length === 0)
    failures.push(`${response._nodes?.failed} node(s) failed to reload`);
  if (failures.length) throw new ApiError('unknown', `Reloading the keystore failed on ${failures.join('; ')}.`);
  if (missing.length) {
    throw new ApiError(
      'unknown',
      `The keystore of ${missing.join(', ')} does not hold ${setting}. Add it on those nodes too (every node needs it), then try again.`,
    );
  }
  changes.note(`Reloaded the secure settings of "${name}".`);
}

/** ECK: edits the chosen manifest and/or shows the Secret in a read-only editor, then waits for the user to apply them. */
async function writeEckManifest(start: FlowStart, draft: AddRemoteDraft, encoded: string, changes: ChangeLog): Promise<boolean> {
  const { context } = start;
  const alias = draft.alias as string;
  const resource = draft.eckResource ?? undefined;
  const secretName = credentialsSecretName(resource?.name ?? draft.local?.info.cluster_name ?? 'elasticsearch', alias);
  const secretYaml = credentialsSecretYaml({ secretName, namespace: resource?.namespace, alias, encodedKey: encoded });
  if (resource) {
    const document = context.manifests.openYamlDocuments().find((candidate) => candidate.uri === resource.uri);
    if (!document)
      throw new ApiError('configuration', `${resource.label} is no longer open; open it again and rerun the command.`);
    const edit = secureSettingsEdit(document, resource.index, secretName);
    if (!edit.ok) throw new ApiError('configuration', edit.problem);
    const edits = [
      ...(edit.value ? [edit.value] : []),
      ...(draft.eckSecretInManifest ? [appendDocumentEdit(document.text, secretYaml)] : []),
    ];
    if (edits.length && !(await context.manifests.applyEdits(resource.uri, edits)))
      throw new ApiError('configuration', `${resource.label} could not be edited.`);
    changes.record({
      done: `Added a spec.secureSettings entry for the Secret "${secretName}" to "${resource.name}" in ${resource.label}${draft.eckSecretInManifest ? ', and the Secret itself to the same file' : ''} (not saved).`,
      manualUndo: `Remove the secureSettings entry${draft.eckSecretInManifest ? ' and the Secret' : ''} from ${resource.label} (Undo in the editor); if already applied, also run kubectl delete secret ${secretName}${resource.namespace ? ` -n ${resource.namespace}` : ''}.`,
    });
    if (!draft.eckSecretInManifest) {
      await context.ui.openReadOnly(`Secret ${secretName}.yaml`, secretYaml);
      changes.record({
        done: `Showed the Secret "${secretName}" in a read-only editor (use File: Save As to keep it outside version control).`,
        manualUndo: `If you applied it: kubectl delete secret ${secretName}${resource.namespace ? ` -n ${resource.namespace}` : ''}.`,
      });
    }
  } else {
    const instructions = [
      '# Add this Secret to your ECK manifests and list it in the Elasticsearch resource:',
      ...secureSettingsSnippet(secretName)
        .split('\n')
        .map((line) => `#   ${line}`),
      '# This file holds a secret: do not commit it.',
      '',
    ].join('\n');
    await context.ui.openReadOnly(`Secret ${secretName}.yaml`, instructions + secretYaml);
    changes.record({
      done: `Showed the Secret "${secretName}" and the secureSettings lines in a read-only editor (use File: Save As to keep it outside version control).`,
      manualUndo: `If you applied it: kubectl delete secret ${secretName} and remove the secureSettings entry.`,
    });
  }
  const answer = await context.ui.notify('info', `Apply the changes to the "${draft.local?.profile.name}" cluster`, [APPLIED], {
    modal: true,
    detail: `Apply the Secret and the updated Elasticsearch resource (for example with kubectl apply -f <file>), and wait until ECK has rolled the change out to every node. Then choose "${APPLIED}": the extension reloads the secure settings and connects.`,
  });
  return answer === APPLIED;
}

/** After a successful connection: offers a local role that grants the same patterns on the remote through `remote_indices`. */
async function offerRole(
  start: FlowStart,
  draft: AddRemoteDraft,
  localEs: ElasticsearchClient,
  changes: ChangeLog,
): Promise<void> {
  const { context } = start;
  const alias = draft.alias as string;
  const search = draft.searchPatterns ?? [];
  const replication = draft.replicationPatterns ?? [];
  if (search.length + replication.length === 0) return;
  const create = 'Create Role';
  const answer = await context.ui.notify(
    'info',
    `"${alias}" is connected. Create a role on "${draft.local?.profile.name}" that lets users search or replicate these indices?`,
    [create],
    {
      modal: true,
      detail: `Users of the local cluster need remote_indices privileges for "${alias}" as well; the key only limits what the local cluster may reach.`,
    },
  );
  if (answer !== create) return;
  const position: StepPosition = { title: TITLE, step: 1, totalSteps: 1, canGoBack: false };
  for (;;) {
    const name = await context.ui.input({
      ...position,
      prompt: 'Name of the role to create on the local cluster',
      value: `remote-${alias}-access`,
      validate: (value) => nameProblem(value, 'role name'),
    });
    if (name === undefined || name === BACK) return;
    try {
      const existing = await localEs.getRoles([name.trim()]);
      if (
        existing[name.trim()] &&
        !(await context.ui.confirm(
          `The role "${name.trim()}" exists. Replace it?`,
          'Its current privileges are replaced by the remote_indices privileges for this alias.',
          'Replace',
        ))
      )
        continue;
      await localEs.putRole(name.trim(), roleFor(alias, search, replication));
      changes.record({
        done: `Created the role "${name.trim()}" with remote_indices privileges on "${alias}" on "${draft.local?.profile.name}".`,
      });
    } catch (error) {
      changes.note(`The role could not be created: ${describeError(error)}`);
    }
    return;
  }
}

/** Read access for search patterns, the follower's privileges for replication patterns. */
export function roleFor(alias: string, search: string[], replication: string[]): RoleDescriptor {
  return {
    ...(replication.length ? { cluster: ['manage_ccr'] } : {}),
    remote_indices: [
      ...(search.length
        ? [{ clusters: [alias], names: search, privileges: ['read', 'read_cross_cluster', 'view_index_metadata'] }]
        : []),
      ...(replication.length ? [{ clusters: [alias], names: replication, privileges: ['cross_cluster_replication'] }] : []),
    ],
    metadata: { ...CREATED_BY_EXTENSION },
  };
}
