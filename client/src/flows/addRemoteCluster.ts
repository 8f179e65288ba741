/**
 * "Elastic: Add Remote Cluster": runs the steps (model, local cluster and where it runs, then the
 * model's own steps), shows every change before anything is written, and hands over to the model's
 * execution. Arguments from the tree view or tests skip the steps they answer.
 */
import type { Result } from '#core';
import { runSteps, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import { apiKeySteps, executeApiKey, summarizeApiKey } from './apiKeyModel';
import { networkSecurityNote, networkSecurityReminder } from './networkSecurity';
import { twoWayTrustSentence } from './trustRelationships';
import {
  certificateSteps,
  executeCertificate,
  isDeploymentPair,
  planTrust,
  summarizeCertificate,
  type CertificatePlan,
} from './certificateModel';
import { cancelled, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import { checkCluster } from './pickers';
import { ADD_REMOTE_CLUSTER_TITLE, localSteps, modelStep, type AddRemoteDraft, type FlowStart } from './remoteDraft';
import type { SecurityModel } from './platforms';

export interface AddRemoteClusterArgs {
  localConnectionId?: string;
  remoteConnectionId?: string;
  alias?: string;
  model?: SecurityModel;
}

export async function addRemoteCluster(context: FlowContext, args: AddRemoteClusterArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const draft: AddRemoteDraft = {};
    const presetModel = args.model === 'api-key' || args.model === 'certificate';
    if (presetModel) draft.model = args.model;
    if (args.localConnectionId !== undefined) {
      const profile = await connectionById(context, args.localConnectionId, ['elasticsearch']);
      const checked = profile && (await checkCluster(context, pool, profile));
      if (!checked) return cancelled();
      draft.local = checked;
    }
    const remoteProfile =
      args.remoteConnectionId !== undefined
        ? await connectionById(context, args.remoteConnectionId, ['elasticsearch'])
        : undefined;
    if (args.remoteConnectionId !== undefined && !remoteProfile) return cancelled();
    const start: FlowStart = {
      context,
      pool,
      presetModel,
      presetLocal: draft.local !== undefined,
      remoteProfile,
      alias: args.alias,
    };

    const stepsFor = (current: AddRemoteDraft): FlowStep<AddRemoteDraft>[] => [
      ...(presetModel ? [] : [modelStep(start)]),
      ...localSteps(start, current),
      ...(current.model === 'certificate'
        ? certificateSteps(start, current)
        : current.model === 'api-key'
          ? apiKeySteps(start, current)
          : []),
    ];
    if (!(await runSteps(ADD_REMOTE_CLUSTER_TITLE, draft, stepsFor))) return cancelled();

    if (draft.model === 'certificate') {
      let plan: CertificatePlan = { changes: [] };
      if (isDeploymentPair(draft)) {
        let planned: Result<CertificatePlan>;
        try {
          planned = await context.ui.progress('Reading the trust settings of both deployments…', () => planTrust(start, draft));
        } catch (error) {
          await context.ui.notify('error', `The trust settings could not be read: ${describeError(error)}`);
          return cancelled();
        }
        if (!planned.ok) {
          await context.ui.notify('error', planned.problem);
          return cancelled();
        }
        plan = planned.value;
      }
      const certificateLines = [...summarizeCertificate(draft, plan), ...(await networkLines(start, draft))];
      if (!(await confirmSummary(context, certificateLines))) return cancelled();
      return await executeCertificate(start, draft, plan);
    }
    if (!(await confirmSummary(context, [...summarizeApiKey(draft), ...(await networkLines(start, draft))]))) return cancelled();
    return await executeApiKey(start, draft);
  } finally {
    await pool.close();
  }
}

/** The remote deployment's network security policies, read through the Cloud / ECE API (see networkSecurity.ts). */
async function networkLines(start: FlowStart, draft: AddRemoteDraft): Promise<string[]> {
  if (!draft.remoteDeployment) {
    const reminder = networkSecurityReminder(draft.address, draft.localDeployment?.connection.kind === 'ece');
    return reminder ? [reminder] : [];
  }
  const remote = draft.remoteDeployment;
  const local = draft.localDeployment;
  const note = await start.context.ui.progress(`Reading the network security of "${remote.deploymentName}"…`, () =>
    networkSecurityNote(start.pool, remote, local),
  );
  // Deployments of two ECE environments: the platforms must trust each other both ways first (seed 001).
  const platform =
    draft.model === 'certificate' &&
    local?.connection.kind === 'ece' &&
    remote.connection.kind === 'ece' &&
    local.connection.id !== remote.connection.id
      ? await start.context.ui.progress('Checking the platform trust of both ECE environments…', () =>
          twoWayTrustSentence(start.pool, local.connection, remote.connection).then(
            (result) => `Platform trust: ${result.text}`,
            (error: unknown) => `Platform trust could not be checked: ${describeError(error)}`,
          ),
        )
      : undefined;
  return [...(note ? [note] : []), ...(platform ? [platform] : [])];
}

/** The summary of every change, confirmed before anything is written. */
export async function confirmSummary(context: FlowContext, lines: string[]): Promise<boolean> {
  return context.ui.confirm('Make these changes?', lines.map((line, index) => `${index + 1}. ${line}`).join('\n'), 'Apply');
}
