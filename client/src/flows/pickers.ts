/**
 * Steps several flows share: choosing a saved connection (checked with a real request before the
 * flow goes on) and choosing a deployment of the saved Elastic Cloud / ECE connections.
 */
import type { RootInfo } from '../api/types/elasticsearch';
import type { ConnectionKind, ConnectionProfile } from '../connections/profile';
import { describeProfile } from '../connections/profile';
import { BACK, type Back, type FlowStep, type StepPosition } from '../ui/steps';
import { describeError } from '../errorText';
import { type ClientPool, type FlowContext } from './context';
import { listDeploymentTargets, type DeploymentTarget } from './deployments';

export interface CheckedCluster {
  profile: ConnectionProfile;
  info: RootInfo;
}

/** GET / on the connection, under a progress notification; undefined (after saying why) when it fails. */
export async function checkCluster(
  context: FlowContext,
  pool: ClientPool,
  profile: ConnectionProfile,
): Promise<CheckedCluster | undefined> {
  try {
    const info = await context.ui.progress(`Checking "${profile.name}"…`, async () => (await pool.elasticsearch(profile)).info());
    return { profile, info };
  } catch (error) {
    await context.ui.notify('error', `"${profile.name}" cannot be used: ${describeError(error)}`);
    return undefined;
  }
}

/** A pick among saved connections of the given kinds; says what to do when there are none. */
export async function pickConnection(
  context: FlowContext,
  position: StepPosition,
  options: { kinds: ConnectionKind[]; placeholder: string; active?: string },
): Promise<ConnectionProfile | Back | undefined> {
  const profiles = context.connections.list().filter((profile) => options.kinds.includes(profile.kind));
  if (profiles.length === 0) {
    await context.ui.notify(
      'error',
      `No suitable connection is saved. Add one with "Elastic: Add Connection" (${options.kinds.join(' or ')}), then run this command again.`,
    );
    return position.canGoBack ? BACK : undefined;
  }
  return context.ui.pick<ConnectionProfile>({
    ...position,
    placeholder: options.placeholder,
    items: profiles.map((profile) => ({ label: profile.name, description: describeProfile(profile), value: profile })),
    active: profiles.find((profile) => profile.id === options.active),
  });
}

/**
 * A saved connection that passes `check` (which says why when one does not): the pick is shown
 * again until one passes, Back is taken, or the pick is dismissed.
 */
export async function pickCheckedConnection<T>(
  context: FlowContext,
  position: StepPosition,
  options: { kinds: ConnectionKind[]; placeholder: string; active?: string },
  check: (profile: ConnectionProfile) => Promise<T | undefined>,
): Promise<T | Back | undefined> {
  for (;;) {
    const answer = await pickConnection(context, position, options);
    if (answer === undefined || answer === BACK) return answer;
    const checked = await check(answer);
    if (checked !== undefined) return checked;
  }
}

/**
 * The step that picks the saved Elasticsearch connection playing one part in a flow (the local
 * cluster, the remote, the key's issuer) into `draft[field]`: shown again until `check` passes.
 * Choosing another cluster than the one in the draft first calls `changed`, which drops what was
 * worked out for the previous one.
 */
export function clusterStep<K extends string, D extends { [P in K]?: CheckedCluster }>(
  context: FlowContext,
  options: {
    id: string;
    field: K;
    placeholder: string | ((draft: D) => string);
    check: (profile: ConnectionProfile, draft: D) => Promise<CheckedCluster | undefined>;
    changed?: (draft: D) => void;
  },
): FlowStep<D> {
  return {
    id: options.id,
    run: async (draft, position) => {
      const current = draft[options.field];
      const placeholder = typeof options.placeholder === 'string' ? options.placeholder : options.placeholder(draft);
      const checked = await pickCheckedConnection(
        context,
        position,
        { kinds: ['elasticsearch'], placeholder, active: current?.profile.id },
        (answer) => options.check(answer, draft),
      );
      if (checked === undefined || checked === BACK) return checked;
      if (checked.profile.id !== current?.profile.id) options.changed?.(draft);
      (draft as { [P in K]?: CheckedCluster })[options.field] = checked;
      return 'next';
    },
  };
}

/**
 * A pick among the Elasticsearch resources of the deployments of the saved Cloud / ECE connections
 * of the given kinds. `preselect` picks the active item (e.g. the deployment whose cluster ID is the
 * connected cluster's name, as on Elastic Cloud).
 */
export async function pickDeployment(
  context: FlowContext,
  pool: ClientPool,
  position: StepPosition,
  options: {
    kinds: ConnectionKind[];
    placeholder: string;
    /** Only the deployments of this connection. */
    connection?: ConnectionProfile;
    preselect?: (target: DeploymentTarget) => boolean;
    exclude?: (target: DeploymentTarget) => boolean;
  },
): Promise<DeploymentTarget | Back | undefined> {
  const connections = options.connection
    ? [options.connection]
    : context.connections.list().filter((profile) => options.kinds.includes(profile.kind));
  if (connections.length === 0) {
    await context.ui.notify(
      'error',
      `This needs a saved ${options.kinds.includes('ece') && !options.kinds.includes('cloud') ? 'ECE' : 'Elastic Cloud'} connection. Add one with "Elastic: Add Connection" and run this command again.`,
    );
    return position.canGoBack ? BACK : undefined;
  }
  const { targets, problems } = await context.ui.progress('Listing deployments…', () => listDeploymentTargets(pool, connections));
  const shown = targets.filter((target) => !options.exclude?.(target));
  if (problems.length) await context.ui.notify('warning', problems.join(' '));
  if (shown.length === 0) {
    await context.ui.notify('error', 'No deployment was found through the saved Elastic Cloud / ECE connections.');
    return position.canGoBack ? BACK : undefined;
  }
  return context.ui.pick<DeploymentTarget>({
    ...position,
    placeholder: options.placeholder,
    items: shown.map((target) => ({
      label: target.deploymentName,
      description: `${target.refId} · ${target.connection.name}`,
      detail: `Deployment ${target.deploymentId} · cluster ${target.clusterId}`,
      value: target,
    })),
    active: shown.find((target) => options.preselect?.(target)),
  });
}
