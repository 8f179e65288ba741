/**
 * The answers "Add Remote Cluster" collects, and the steps both security models start with:
 * the model, the local cluster (checked with GET /), where it runs, and its deployment on Elastic
 * Cloud / ECE. The model-specific steps are in apiKeyModel.ts and certificateModel.ts.
 */
import type { ConnectionProfile } from '../connections/profile';
import { BACK, applyAnswer, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import type { ClientPool, FlowContext } from './context';
import type { DeploymentTarget } from './deployments';
import type { EckResource } from './eck';
import { guessPlatform, PLATFORM_LABELS, type Platform, type SecurityModel } from './platforms';
import { aliasProblem } from './validation';
import { apiKeyVersionVerdict } from './versionGates';
import { checkCluster, clusterStep, pickDeployment, type CheckedCluster } from './pickers';
import { describeAliasSettings, hasAnySetting, readAliasSettings, type AliasSettings } from './aliasSettings';

export const ADD_REMOTE_CLUSTER_TITLE = 'Add Remote Cluster';

export interface AddRemoteDraft {
  model?: SecurityModel;
  local?: CheckedCluster;
  localPlatform?: Platform;
  /** Elastic Cloud / ECE: the local cluster's deployment (keystore, trust, remote-clusters list). */
  localDeployment?: DeploymentTarget;

  /** A saved connection to the remote cluster (creates the key; reads its version). */
  remote?: CheckedCluster;
  /** API-key model without a remote connection: the user pastes a key created elsewhere. */
  remoteWithoutConnection?: boolean;
  /** The remote is an Elastic Cloud / ECE deployment: reached through the proxy at its endpoint. */
  remoteDeployment?: DeploymentTarget & { endpoint: string; version?: string };
  /** `host:port` the local cluster connects to (`proxy_address`). */
  address?: string;
  /** TLS server name (SNI) sent to the proxy; required for Elastic Cloud / ECE. */
  serverName?: string;
  /** Sniff mode (self-managed / ECK only), with `seeds`; proxy mode otherwise. */
  mode?: 'proxy' | 'sniff';
  seeds?: string[];
  /** `proxy_socket_connections` or `node_connections`; undefined leaves Elasticsearch's default. */
  connectionCount?: number;
  /** undefined: not set, the version's default applies (true from 8.15). */
  skipUnavailable?: boolean;
  alias?: string;
  /** The alias's settings before the change (possibly empty); replacing them was confirmed. */
  existing?: AliasSettings;

  searchPatterns?: string[];
  replicationPatterns?: string[];
  certificateIdentity?: string;
  /** Strong identity verification (9.3+): who signs, with what, and what the remote trusts. */
  signing?: SigningDraft;
  /** Local on Elastic Cloud / ECE, remote behind a private CA: the CA the local deployment is told to trust; null: public CA. */
  proxyCa?: ProxyCaDraft | null;
  /** A cross-cluster key created elsewhere (secret; only kept in memory for the flow). */
  pastedKey?: string;
  /** ECK: the resource to add `secureSettings` to; null for "write everything to a new file". */
  eckResource?: EckResource | null;
  /** ECK: put the Secret into the same manifest instead of showing it in a read-only editor. */
  eckSecretInManifest?: boolean;
}

/** Strong identity verification (strongIdentity.ts). */
export type SigningSource = 'none' | 'node' | 'custom' | 'identity-only';

export interface SigningDraft {
  source: SigningSource;
  /** Paths the local cluster signs with (node / custom). */
  certificate?: string;
  key?: string;
  /** The organization (Elastic Cloud) or environment (ECE) ID in the node certificates' DN, when it could be read. */
  scopeId?: string;
  /** What the remote is told to trust for signed requests (node / custom). */
  remoteCa?: { choice: 'internal' | 'regional' | 'custom'; path: string };
  /** Remote without a deployment: CA files it must keep trusting (its current value cannot be read). */
  keepCas?: string[];
}

/** The private CA of the remote's proxy (privateProxyCa.ts). */
export interface ProxyCaDraft {
  /** The name of the trusted environment (shown on the deployment's Security page). */
  name: string;
  /** The root CA certificate (PEM). */
  pem: string;
  /** Where it came from, in words, for the summary. */
  source: string;
}

export interface FlowStart {
  context: FlowContext;
  pool: ClientPool;
  /** The model came as an argument: no model step. */
  presetModel: boolean;
  /** The local connection came as an argument (and was checked): no local step. */
  presetLocal: boolean;
  /** The remote connection came as an argument; it is checked at the remote step. */
  remoteProfile?: ConnectionProfile;
  /** Alias suggested by the caller (still shown, so it can be checked and changed). */
  alias?: string;
}

export function modelStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'model',
    run: async (draft, position) =>
      applyAnswer(
        await start.context.ui.pick<SecurityModel>({
          ...position,
          placeholder: 'How should the two clusters authenticate each other?',
          items: [
            {
              label: 'API key (recommended)',
              description: 'cross-cluster API key, port 9443',
              detail: "Remote's cross-cluster API key in the local keystore. Elasticsearch 8.14+ (ECK 8.10+).",
              value: 'api-key',
            },
            {
              label: 'TLS certificate (deprecated)',
              description: 'mutual TLS trust, transport port',
              detail: "Both clusters trust each other's certificates. Deprecated since Elasticsearch 9.0.",
              value: 'certificate',
            },
          ],
          active: draft.model,
        }),
        (model) => {
          if (model !== draft.model) {
            // Remote-side answers depend on the model (ports, keys); ask them again.
            draft.remote = undefined;
            draft.remoteDeployment = undefined;
            draft.remoteWithoutConnection = undefined;
            draft.address = undefined;
            draft.serverName = undefined;
          }
          draft.model = model;
        },
      ),
  };
}

/** Local cluster, where it runs, and its deployment on Elastic Cloud / ECE. */
export function localSteps(start: FlowStart, draft: AddRemoteDraft): FlowStep<AddRemoteDraft>[] {
  const { context, pool } = start;
  const steps: FlowStep<AddRemoteDraft>[] = [];
  if (!start.presetLocal) {
    steps.push(
      clusterStep<'local', AddRemoteDraft>(context, {
        id: 'local',
        field: 'local',
        placeholder: 'The local cluster: the one that searches or replicates from the remote',
        check: (profile) => checkCluster(context, pool, profile),
        changed: (current) => {
          current.localPlatform = undefined;
          current.localDeployment = undefined;
        },
      }),
    );
  }
  steps.push({
    id: 'localPlatform',
    run: async (current, position) => {
      for (;;) {
        const answer = await context.ui.pick<Platform>({
          ...position,
          placeholder: `Where does "${current.local?.profile.name}" run? It decides how the key and settings get there.`,
          items: (['cloud', 'ece', 'eck', 'self-managed'] as const).map((platform) => ({
            label: PLATFORM_LABELS[platform],
            description: platformHint(platform, current.model),
            value: platform,
          })),
          active: current.localPlatform ?? (current.local ? guessPlatform(current.local.profile) : undefined),
        });
        if (answer === undefined || answer === BACK) return answer;
        if (current.model === 'api-key' && current.local) {
          const verdict = apiKeyVersionVerdict(current.local.info.version.number, answer, `"${current.local.profile.name}"`);
          if (!verdict.ok && verdict.blocking) {
            await context.ui.notify('error', verdict.problem);
            continue;
          }
          if (
            !verdict.ok &&
            !(await context.ui.confirm(
              verdict.problem,
              'It may still work; continue only if you know this version supports it.',
              'Continue Anyway',
            ))
          )
            continue;
        }
        if (answer !== current.localPlatform) {
          current.localDeployment = undefined;
          current.eckResource = undefined;
        }
        current.localPlatform = answer;
        return 'next';
      }
    },
  });
  if (draft.localPlatform === 'cloud' || draft.localPlatform === 'ece') {
    steps.push({
      id: 'localDeployment',
      run: async (current, position) =>
        applyAnswer(
          await pickDeployment(context, pool, position, {
            kinds: [current.localPlatform === 'ece' ? 'ece' : 'cloud'],
            placeholder: `The deployment "${current.local?.profile.name}" belongs to`,
            // On Elastic Cloud the cluster name GET / reports is the Elasticsearch cluster ID.
            preselect: (target) =>
              target.deploymentId === current.localDeployment?.deploymentId ||
              target.clusterId === current.local?.info.cluster_name,
          }),
          (target) => (current.localDeployment = target),
        ),
    });
  }
  return steps;
}

function platformHint(platform: Platform, model: SecurityModel | undefined): string {
  if (model === 'certificate')
    return platform === 'cloud' || platform === 'ece' ? 'trust through the deployment settings' : 'trust through transport CAs';
  switch (platform) {
    case 'cloud':
    case 'ece':
      return 'key via the deployment keystore API';
    case 'eck':
      return 'key via a Secret in spec.secureSettings';
    case 'self-managed':
      return 'elasticsearch-keystore on every node';
  }
}

export function isCloudPlatform(platform: Platform | undefined): platform is 'cloud' | 'ece' {
  return platform === 'cloud' || platform === 'ece';
}

/**
 * The alias step: checked for Elasticsearch's alias grammar (and lowercase where a keystore is
 * involved on Cloud, ECE and ECK), then against what the local cluster already has under that
 * alias. Replacing an existing alias needs an explicit confirmation. `alsoExisting` adds places
 * beyond the cluster settings (a deployment's keystore or remote-clusters list).
 */
export function aliasStep(
  start: FlowStart,
  alsoExisting?: (draft: AddRemoteDraft, alias: string) => Promise<string[]>,
): FlowStep<AddRemoteDraft> {
  const { context, pool } = start;
  return {
    id: 'alias',
    run: async (draft, position) => {
      const lowercase = draft.model === 'api-key' && draft.localPlatform !== 'self-managed';
      for (;;) {
        const answer = await context.ui.input({
          ...position,
          prompt: `Alias for the remote cluster on "${draft.local?.profile.name}": searches then name indices as "<alias>:<index>"`,
          placeholder: 'e.g. europe',
          value: draft.alias ?? start.alias ?? suggestAlias(draft),
          validate: (value) => aliasProblem(value, { lowercase }),
        });
        if (answer === undefined || answer === BACK) return answer;
        const alias = answer.trim();
        if (!draft.local) return undefined;
        let existing: AliasSettings;
        let elsewhere: string[];
        try {
          const client = await pool.elasticsearch(draft.local.profile);
          [existing, elsewhere] = await context.ui.progress(`Checking whether "${alias}" is in use…`, async () => [
            await readAliasSettings(client, alias),
            (await alsoExisting?.(draft, alias)) ?? [],
          ]);
        } catch (error) {
          await context.ui.notify(
            'error',
            `The settings of "${draft.local.profile.name}" could not be read: ${describeError(error)}`,
          );
          continue;
        }
        if (hasAnySetting(existing) || elsewhere.length) {
          const detail = [
            'It has:',
            ...describeAliasSettings(existing).map((line) => `• ${line}`),
            ...elsewhere.map((line) => `• ${line}`),
            '',
            'Replacing it changes where this alias points for every search and follower index that uses it.',
          ].join('\n');
          if (
            !(await context.ui.confirm(
              `"${draft.local.profile.name}" already has a remote cluster "${alias}". Replace it?`,
              detail,
              'Replace',
            ))
          )
            continue;
        }
        draft.alias = alias;
        draft.existing = existing;
        return 'next';
      }
    },
  };
}

function suggestAlias(draft: AddRemoteDraft): string {
  const source = draft.remoteDeployment?.deploymentName ?? draft.remote?.info.cluster_name ?? '';
  const alias = source
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return alias && !/^[0-9a-f]{32}$/.test(alias) ? alias : '';
}
