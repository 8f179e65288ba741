/**
 * "Add Remote Cluster" with the deprecated TLS-certificate model. Two deployments of the same
 * Elastic Cloud / ECE connection: each deployment's trust settings must let the other in (they are
 * read, merged and written back), then the alias is added to the local deployment's
 * remote-clusters list (read, merged, written back: the PUT replaces the list). Anything else:
 * the user confirms the transport CAs trust each other, and the local cluster gets proxy-mode
 * settings to the transport port (9300 self-managed/ECK, 9400 through the Cloud proxy).
 */
import { BEFORE_FEBRUARY_2021_NOTE, ccsVersionProblem, SPECIFIC_DEPLOYMENTS_NOTE } from './organizationTrust';
import type { Result } from '#core';
import { describeProfile } from '../connections/profile';
import { ApiError } from '../api/errors';
import { isRecord } from '../api/shape';
import type { RemoteResourceRef, TrustSettings } from '../api/types/cloud';
import { BACK, applyAnswer, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import { ChangeLog, failFlow, finishFlow, recordedWrite, type FlowResult } from './changes';
import { type FlowContext } from './context';
import {
  confirmOnTop,
  deploymentDetails,
  remoteClusterChangeApplied,
  restoreTrustByHand,
  restoreTrustEntry,
  restoringChange,
  trustChangeApplied,
  trustEntryKey,
  trustEntryFor,
  trustsCluster,
  writeRemoteClusterRef,
  writeTrustEntry,
  type DeploymentTarget,
  type TrustEntry,
} from './deployments';
import { PORTS } from './platforms';
import { addressProblem, portOf } from './validation';
import { atLeastVersion, CERTIFICATE_MODEL_DEPRECATED_VERSION } from './versionGates';
import { checkCluster, pickDeployment, type CheckedCluster } from './pickers';
import { remainingConnectionProblem } from './remoteStatus';
import { aliasStep, isCloudPlatform, type AddRemoteDraft, type FlowStart } from './remoteDraft';
import { writeProxySettings } from './aliasSettings';
import { connectionFor, connectionOptionSteps, describeConnectionWrite, skipUnavailableStep } from './remoteOptions';

const TITLE = 'Add Remote Cluster (TLS certificate)';

type RemoteChoice = { kind: 'connection'; profile: CheckedCluster['profile'] } | { kind: 'deployment' } | { kind: 'typed' };

/** True when both sides are deployments reached through the same Cloud / ECE connection. */
export function isDeploymentPair(draft: AddRemoteDraft): boolean {
  return Boolean(
    isCloudPlatform(draft.localPlatform) &&
    draft.localDeployment &&
    draft.remoteDeployment &&
    draft.remoteDeployment.connection.id === draft.localDeployment.connection.id,
  );
}

export function certificateSteps(start: FlowStart, draft: AddRemoteDraft): FlowStep<AddRemoteDraft>[] {
  const steps: FlowStep<AddRemoteDraft>[] = [];
  const preset = start.remoteProfile;
  if (!preset) steps.push(remoteStep(start));
  else if (draft.remote?.profile.id !== preset.id) {
    steps.push({
      id: 'presetRemote',
      silent: true,
      run: async (current) => {
        const checked = await checkCluster(start.context, start.pool, preset);
        if (!checked) return undefined;
        current.remote = checked;
        current.remoteDeployment = undefined;
        return 'next';
      },
    });
  }
  if (!draft.remoteDeployment) steps.push(addressStep(start));
  // A deployment pair is joined through the deployment's remote-clusters list, which only takes skip_unavailable.
  if (isDeploymentPair(draft)) steps.push(skipUnavailableStep(start));
  else if (draft.address !== undefined) steps.push(...connectionOptionSteps(start, draft));
  steps.push(
    aliasStep(start, async (current, alias) => {
      if (!isDeploymentPair(current) || !current.localDeployment) return [];
      const cloud = await start.pool.cloud(current.localDeployment.connection);
      const list = await cloud.getRemoteClusters(current.localDeployment.deploymentId, current.localDeployment.refId);
      return list.resources.some((ref) => ref.alias === alias)
        ? [`an entry in the remote-clusters list of deployment "${current.localDeployment.deploymentName}"`]
        : [];
    }),
  );
  if (!isDeploymentPair(draft)) steps.push(trustConfirmStep(start));
  return steps;
}

function remoteStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context, pool } = start;
  return {
    id: 'remote',
    run: async (draft, position) => {
      for (;;) {
        const profiles = context.connections
          .list()
          .filter((profile) => profile.kind === 'elasticsearch' && profile.id !== draft.local?.profile.id);
        const choice = await context.ui.pick<RemoteChoice>({
          ...position,
          placeholder: 'The remote cluster: the one whose indices the local cluster reads',
          items: [
            ...profiles.map((profile) => ({
              label: profile.name,
              description: describeProfile(profile),
              value: { kind: 'connection', profile } as RemoteChoice,
            })),
            {
              label: 'An Elastic Cloud or ECE deployment…',
              description: isCloudPlatform(draft.localPlatform)
                ? 'set up through the deployment API'
                : 'through the Cloud proxy on port 9400',
              value: { kind: 'deployment' },
            },
            { label: 'Enter the address…', description: "host:port of the remote's transport", value: { kind: 'typed' } },
          ],
          active: draft.remoteDeployment
            ? { kind: 'deployment' }
            : draft.remote
              ? { kind: 'connection', profile: draft.remote.profile }
              : undefined,
        });
        if (choice === undefined || choice === BACK) return choice;
        if (choice.kind === 'typed') {
          draft.remote = undefined;
          draft.remoteDeployment = undefined;
          draft.serverName = undefined;
          return 'next';
        }
        if (choice.kind === 'connection') {
          const checked = await checkCluster(context, pool, choice.profile);
          if (!checked) continue;
          if (checked.profile.id !== draft.remote?.profile.id) draft.address = undefined;
          draft.remote = checked;
          draft.remoteDeployment = undefined;
          draft.serverName = undefined;
          return 'next';
        }
        const target = await pickDeployment(context, pool, position, {
          kinds: ['cloud', 'ece'],
          placeholder: 'The remote deployment',
          exclude: (candidate) =>
            candidate.deploymentId === draft.localDeployment?.deploymentId && candidate.refId === draft.localDeployment.refId,
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
              `Deployment "${target.deploymentName}" reports no endpoint, so its proxy address is unknown.`,
            );
            continue;
          }
          draft.remote = undefined;
          draft.remoteDeployment = { ...target, endpoint: details.endpoint, version: details.version };
          draft.address = `${details.endpoint}:${details.proxyPorts.certificate}`;
          draft.serverName = details.endpoint;
          return 'next';
        } catch (error) {
          await context.ui.notify('error', `Deployment "${target.deploymentName}" could not be read: ${describeError(error)}`);
        }
      }
    },
  };
}

function addressStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'certAddress',
    run: async (draft, position) => {
      const host = draft.remote?.profile.url ? safeHost(draft.remote.profile.url) : undefined;
      return applyAnswer(
        await start.context.ui.input({
          ...position,
          prompt: `Address of the remote's transport interface as host:port (port ${PORTS.transport} by default)`,
          placeholder: `es-remote.example.com:${PORTS.transport}`,
          value: draft.address ?? (host ? `${host}:${PORTS.transport}` : undefined),
          validate: certificateAddressProblem,
        }),
        (value) => (draft.address = value.trim()),
      );
    },
  };
}

export function certificateAddressProblem(value: string): string | undefined {
  const problem = addressProblem(value);
  if (problem) return problem;
  if (portOf(value) === PORTS.remoteClusterServer) {
    return `Port ${PORTS.remoteClusterServer} is the remote cluster server of the API-key model. The certificate model connects to the transport port (${PORTS.transport} by default).`;
  }
  return undefined;
}

const TRUSTED = 'trusted';
const EXPLAIN = 'explain';

function trustConfirmStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context } = start;
  return {
    id: 'trustConfirm',
    run: async (draft, position) => {
      for (;;) {
        const answer = await context.ui.pick<string>({
          ...position,
          placeholder:
            "The certificate model needs both clusters to trust each other's transport certificates. Is that in place?",
          items: [
            { label: 'Yes, both sides trust each other', value: TRUSTED },
            { label: 'Show what has to be in place', description: 'opens the instructions in an editor', value: EXPLAIN },
          ],
        });
        if (answer === undefined || answer === BACK) return answer;
        if (answer === TRUSTED) return 'next';
        await context.ui.openReadOnly('Certificate trust instructions.md', trustInstructions(draft));
      }
    },
  };
}

function trustInstructions(draft: AddRemoteDraft): string {
  const local = draft.local?.profile.name ?? 'the local cluster';
  const remote = draft.remoteDeployment?.deploymentName ?? draft.remote?.profile.name ?? 'the remote cluster';
  return [
    `# Mutual TLS trust between "${local}" and "${remote}"`,
    '',
    'With the certificate model the clusters authenticate each other with their transport certificates:',
    '',
    `- "${local}" must trust the CA that signed the transport certificates of "${remote}".`,
    `- "${remote}" must trust the CA that signed the transport certificates of "${local}".`,
    '',
    "Self-managed: add the other cluster's CA certificate to `xpack.security.transport.ssl.certificate_authorities` on every node, and restart them.",
    "ECK: list the other cluster's CA (its `<name>-es-transport-certs-public` Secret, `ca.crt`) in `spec.transport.tls.certificateAuthorities`.",
    'Elastic Cloud / ECE: add the other environment with **Elastic: Add Trusted Environment** (self-managed clusters as a direct trust with their CA).',
    '',
    'The certificate model is deprecated since Elasticsearch 9.0; the API-key model needs no mutual trust.',
    '',
  ].join('\n');
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '') || undefined;
  } catch {
    return undefined;
  }
}

interface TrustChange {
  target: DeploymentTarget;
  entry: TrustEntry;
  /** The deployment's trust as read for the plan (a later write compares with it). */
  seen: TrustSettings;
  /** For the summary, before anything is written. */
  description: string;
  /** For the report, once written. */
  done: string;
}

/** What the summary of a deployment pair shows and the writes are checked against. */
export interface CertificatePlan {
  changes: TrustChange[];
  /** The local deployment's remote-clusters list as read for the summary. */
  remoteClusters?: RemoteResourceRef[];
}

/** What the two deployments' trust needs, and the current remote clusters; a problem when an entry to extend cannot be chosen. */
export async function planTrust(start: FlowStart, draft: AddRemoteDraft): Promise<Result<CertificatePlan>> {
  const local = draft.localDeployment as DeploymentTarget;
  const remote = draft.remoteDeployment as DeploymentTarget;
  const cloud = await start.pool.cloud(local.connection);
  const [localDetails, remoteDetails, remoteClusters, account] = await Promise.all([
    deploymentDetails(cloud, local),
    deploymentDetails(cloud, remote),
    cloud.getRemoteClusters(local.deploymentId, local.refId).then((list) => list.resources.filter(isRecord)),
    cloud.getAccount(),
  ]);
  const changes: TrustChange[] = [];
  for (const [side, details, other] of [
    [local, localDetails, remoteDetails],
    [remote, remoteDetails, localDetails],
  ] as const) {
    // Both deployments belong to the account of this connection: only its entry counts.
    const owner = { clusterId: other.clusterId, accountId: account.id };
    if (trustsCluster(details.trust, owner)) continue;
    const own = trustEntryFor(details.trust, owner);
    // The local deployment searches the remote: specific deployments follow the stricter search version policy (seed 003).
    const versionProblem = side === local ? ccsVersionProblem(localDetails.version, remoteDetails.version) : undefined;
    const versionNote = versionProblem
      ? ` ${SPECIFIC_DEPLOYMENTS_NOTE} Here "${local.deploymentName}" searching "${remote.deploymentName}": ${versionProblem}.`
      : '';
    if (own === undefined) {
      // No entry for its own organization: it trusts only itself, as deployments created before February 2021 do (seed 003).
      changes.push({
        target: side,
        seen: details.trust,
        entry: { kind: 'accounts', entry: { account_id: account.id, trust_all: false, trust_allowlist: [other.clusterId] } },
        description: `Trust of deployment "${side.deploymentName}": it has no entry for its own organization and trusts only itself (${BEFORE_FEBRUARY_2021_NOTE}) Add organization ${account.id} trusting cluster ${other.clusterId}.${versionNote}`,
        done: `Added organization ${account.id} trusting cluster ${other.clusterId} to the trust of deployment "${side.deploymentName}".`,
      });
      continue;
    }
    if (own.kind !== 'accounts') {
      return {
        ok: false,
        problem: `Deployment "${side.deploymentName}" does not trust cluster ${other.clusterId}, and it has no trust entry for its own organization (${account.id}) to extend. Set it up with "Elastic: Edit Trust" or "Elastic: Add Trusted Environment", then run this again.`,
      };
    }
    const entry = own.entry;
    changes.push({
      target: side,
      seen: details.trust,
      entry: {
        kind: 'accounts',
        entry: { ...entry, trust_all: false, trust_allowlist: [...(entry.trust_allowlist ?? []), other.clusterId] },
      },
      description: `Trust of deployment "${side.deploymentName}": add cluster ${other.clusterId} to the allowlist of organization ${entry.account_id}.${versionNote}`,
      done: `Added cluster ${other.clusterId} to the trust allowlist of organization ${entry.account_id} in deployment "${side.deploymentName}".`,
    });
  }
  return { ok: true, value: { changes, remoteClusters } };
}

export function summarizeCertificate(draft: AddRemoteDraft, plan: CertificatePlan): string[] {
  const alias = draft.alias ?? '';
  const local = draft.local?.profile.name ?? 'the local cluster';
  const lines: string[] = [];
  if (isDeploymentPair(draft)) {
    lines.push(
      ...(plan.changes.length
        ? plan.changes.map((change) => change.description)
        : ['Trust: both deployments already trust each other; nothing to change.']),
    );
    const kept = (plan.remoteClusters ?? []).filter((ref) => ref.alias !== alias).map((ref) => `"${ref.alias}"`);
    const replaced = (plan.remoteClusters ?? []).some((ref) => ref.alias === alias);
    lines.push(
      `Remote clusters of deployment "${draft.localDeployment?.deploymentName}": ${replaced ? 'replace' : 'add'} "${alias}" → "${draft.remoteDeployment?.deploymentName}" (${kept.length ? `${kept.join(', ')} kept as they are` : 'no other entries'}), skip_unavailable: ${draft.skipUnavailable ?? 'not set'}.`,
    );
  } else {
    lines.push(describeConnectionWrite(local, alias, draft, false));
  }
  lines.push(`Then wait for GET _remote/info to report "${alias}" as connected.`);
  // Seeds ec-remote-cluster-other-ess and ece-enable-ccs-for-eck: role names are passed to the remote.
  lines.push(
    `Security: with TLS certificates, a superuser on "${local}" gets full read access to "${draft.remoteDeployment?.deploymentName ?? draft.remote?.profile.name ?? draft.address}": use this model only between clusters of one security domain (an API key limits every request to its own privileges).`,
  );
  if (deprecatedHere(draft)) {
    lines.push('Note: TLS-certificate remote clusters are deprecated since Elasticsearch 9.0; consider the API-key model.');
  }
  return lines;
}

/** Whether either side is known to run 9.0 or later, where the certificate model is deprecated. */
function deprecatedHere(draft: AddRemoteDraft): boolean {
  return [draft.local?.info.version.number, draft.remote?.info.version.number, draft.remoteDeployment?.version].some((version) =>
    atLeastVersion(version, CERTIFICATE_MODEL_DEPRECATED_VERSION),
  );
}

export async function executeCertificate(start: FlowStart, draft: AddRemoteDraft, plan: CertificatePlan): Promise<FlowResult> {
  const { context, pool } = start;
  const changes = new ChangeLog();
  const alias = draft.alias as string;
  const local = draft.local as CheckedCluster;
  let stage = 'Updating the trust settings';
  try {
    const localEs = await pool.elasticsearch(local.profile);
    if (isDeploymentPair(draft)) {
      const localDeployment = draft.localDeployment as DeploymentTarget;
      const remoteDeployment = draft.remoteDeployment as DeploymentTarget;
      const cloud = await pool.cloud(localDeployment.connection);
      const confirm = confirmOnTop(context, "Apply this flow's change on top of it?");
      for (const change of plan.changes) {
        stage = `Updating the trust of deployment "${change.target.deploymentName}"`;
        const key = trustEntryKey(change.entry);
        let before = change.seen;
        await context.ui.progress(`${stage}…`, () =>
          recordedWrite(context, changes, {
            write: () =>
              writeTrustEntry(
                cloud,
                change.target,
                { set: change.entry },
                { seen: change.seen, confirm, onBefore: (read) => (before = read) },
              ),
            isApplied: async () =>
              trustChangeApplied((await deploymentDetails(cloud, change.target)).trust, { set: change.entry }),
            change: () => ({
              done: change.done,
              undo: {
                description: `Restoring the trust of "${change.target.deploymentName}"`,
                run: () => restoreTrustEntry(cloud, change.target, key, before, confirm),
                byHand: restoreTrustByHand(change.target, key, before, change.entry),
                isUndone: async () =>
                  trustChangeApplied((await deploymentDetails(cloud, change.target)).trust, restoringChange(key, before)),
              },
            }),
          }),
        );
      }
      stage = `Adding "${alias}" to the remote clusters of "${localDeployment.deploymentName}"`;
      const ref: RemoteResourceRef = {
        deployment_id: remoteDeployment.deploymentId,
        elasticsearch_ref_id: remoteDeployment.refId,
        alias,
        ...(draft.skipUnavailable !== undefined ? { skip_unavailable: draft.skipUnavailable } : {}),
      };
      let listBefore = plan.remoteClusters ?? [];
      await context.ui.progress(`${stage}…`, () =>
        recordedWrite(context, changes, {
          write: () =>
            writeRemoteClusterRef(
              cloud,
              localDeployment,
              { set: ref },
              { seen: plan.remoteClusters, confirm, onBefore: (read) => (listBefore = read) },
            ),
          isApplied: async () => {
            if (
              remoteClusterChangeApplied(
                (await cloud.getRemoteClusters(localDeployment.deploymentId, localDeployment.refId)).resources.filter(isRecord),
                { set: ref },
              )
            )
              return true;
            // The PUT answers 202 Accepted: a list without the alias may just not be updated yet.
            throw new ApiError(
              'unknown',
              `the list does not show "${alias}" yet, and the service may still be applying the update`,
            );
          },
          change: () => {
            const previous = listBefore.find((candidate) => candidate.alias === alias);
            const restoring = previous ? { set: previous } : { remove: alias };
            return {
              done: `Added "${alias}" (deployment "${remoteDeployment.deploymentName}") to the remote clusters of deployment "${localDeployment.deploymentName}".`,
              undo: {
                description: `Taking "${alias}" out of the remote clusters list`,
                run: async () => void (await writeRemoteClusterRef(cloud, localDeployment, restoring, { confirm })),
                isUndone: async () =>
                  remoteClusterChangeApplied(
                    (await cloud.getRemoteClusters(localDeployment.deploymentId, localDeployment.refId)).resources.filter(
                      isRecord,
                    ),
                    restoring,
                  ),
                byHand: `in the remote clusters of deployment "${localDeployment.deploymentName}" (the console's Security page), ${previous ? `point "${alias}" back to deployment ${previous.deployment_id}` : `remove "${alias}"`}`,
              },
            };
          },
        }),
      );
    } else {
      stage = `Writing the remote-cluster settings on "${local.profile.name}"`;
      await writeProxySettings(context, changes, localEs, {
        alias,
        clusterName: local.profile.name,
        connection: connectionFor(draft),
      });
    }

    stage = `Waiting for "${alias}" to connect`;
    const expected = {
      model: 'certificate',
      localPlatform: draft.localPlatform ?? 'self-managed',
      remoteIsCloud: Boolean(draft.remoteDeployment),
    } as const;
    const notConnected = await remainingConnectionProblem(context, localEs, alias, local.info.version.number, expected);
    if (notConnected) return await fail(context, changes, notConnected, alias);
    await context.refreshViews();
    if (deprecatedHere(draft)) {
      changes.note('TLS-certificate remote clusters are deprecated since Elasticsearch 9.0; plan a move to the API-key model.');
    }
    return await finishFlow(context, TITLE, 'completed', changes, {
      summary: `"${local.profile.name}" is connected to the remote cluster "${alias}" (TLS certificate).`,
    });
  } catch (error) {
    return await fail(context, changes, `${stage} failed: ${describeError(error)}`, alias);
  }
}

function fail(context: FlowContext, changes: ChangeLog, problem: string, alias: string): Promise<FlowResult> {
  return failFlow(context, TITLE, changes, problem, `"${alias}" was not set up.`);
}
