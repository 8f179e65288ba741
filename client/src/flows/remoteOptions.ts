/**
 * The connection options Add Remote Cluster asks for after the address, and Edit Remote Cluster
 * shares: the connection mode (sniff with seeds where the local cluster can reach the remote's
 * nodes directly: self-managed and ECK; Elastic Cloud / ECE deployments only connect in proxy
 * mode), the number of sockets or node connections (optional; Elasticsearch's default otherwise)
 * and `skip_unavailable`, whose default became true in 8.15.
 */
import { VERSION_GATES } from '#core';
import { applyAnswer, type FlowStep, type PickItem } from '../ui/steps';
import type { ProxyConnection } from './aliasSettings';
import { isCloudPlatform, type AddRemoteDraft, type FlowStart } from './remoteDraft';
import { countProblem, parseCount, parseSeeds } from './remoteEdit';
import { addressProblem } from './validation';
import { atLeastVersion } from './versionGates';

type SkipAnswer = 'true' | 'false' | 'unset';

/** The skip_unavailable question: the default depends on the local cluster's version (true from 8.15). */
export function skipUnavailablePlaceholder(version: string | undefined): string {
  const since = VERSION_GATES.skipUnavailableDefaultTrue.replace(/\.0$/, '');
  return `skip_unavailable: may searches leave this remote out when it is unreachable? The default became true in ${since}${version ? ` (this cluster: ${version})` : ''}.`;
}

export function skipUnavailableItems(version: string | undefined): PickItem<SkipAnswer>[] {
  const defaultTrue = version === undefined ? undefined : atLeastVersion(version, VERSION_GATES.skipUnavailableDefaultTrue);
  return [
    { label: 'true — skip it when unreachable', description: 'searches report it as skipped', value: 'true' },
    { label: 'false — fail the search', description: 'the remote is mandatory', value: 'false' },
    {
      label: 'Leave unset',
      description: defaultTrue === undefined ? 'the version default' : `default here: ${defaultTrue ? 'true' : 'false'}`,
      value: 'unset',
    },
  ];
}

/** Whether sniff mode can be offered: the local nodes must reach the remote's nodes directly. */
export function sniffAllowed(draft: AddRemoteDraft): boolean {
  return !isCloudPlatform(draft.localPlatform) && !draft.remoteDeployment;
}

/** The steps after the address: mode (where sniff is possible), seeds, connection count, skip_unavailable. */
export function connectionOptionSteps(
  start: FlowStart,
  draft: AddRemoteDraft,
  /** Proxy mode's server-name question, asked right after the mode. */
  serverNameStep?: FlowStep<AddRemoteDraft>,
): FlowStep<AddRemoteDraft>[] {
  const { context } = start;
  const steps: FlowStep<AddRemoteDraft>[] = [];
  const sniff = sniffAllowed(draft) && draft.mode === 'sniff';
  if (sniffAllowed(draft)) {
    steps.push({
      id: 'connectionMode',
      run: async (current, position) =>
        applyAnswer(
          await context.ui.pick<'proxy' | 'sniff'>({
            ...position,
            placeholder: `How should "${current.local?.profile.name}" connect to ${current.address}?`,
            items: [
              { label: 'Proxy mode', description: 'only this address (recommended)', value: 'proxy' },
              {
                label: 'Sniff mode',
                description: 'seed nodes, then discovered nodes',
                detail: 'The local nodes must reach every remote gateway node directly.',
                value: 'sniff',
              },
            ],
            active: current.mode ?? 'proxy',
          }),
          (mode) => (current.mode = mode),
        ),
    });
  }
  if (!sniff && serverNameStep) steps.push(serverNameStep);
  if (sniff) {
    steps.push({
      id: 'seeds',
      run: async (current, position) =>
        applyAnswer(
          await context.ui.input({
            ...position,
            prompt: 'Seeds: addresses (host:port) of remote nodes, separated by commas; the first one is the address above',
            value: (current.seeds?.length ? current.seeds : current.address ? [current.address] : []).join(', '),
            validate: (value) => {
              const list = parseSeeds(value);
              if (list.length === 0) return 'Enter at least one seed (host:port).';
              for (const seed of list) {
                const problem = addressProblem(seed);
                if (problem) return `${seed}: ${problem}`;
              }
              return undefined;
            },
          }),
          (value) => (current.seeds = parseSeeds(value)),
        ),
    });
  }
  steps.push({
    id: 'connectionCount',
    run: async (current, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt: sniff
            ? 'node_connections: how many remote nodes to keep connections to (leave empty for the default, 3)'
            : 'proxy_socket_connections: how many sockets to open to the address (leave empty for the default, 18)',
          value: current.connectionCount?.toString() ?? '',
          validate: countProblem,
        }),
        (value) => (current.connectionCount = parseCount(value)),
      ),
  });
  steps.push(skipUnavailableStep(start));
  return steps;
}

/** skip_unavailable alone (an Elastic Cloud / ECE remote-clusters entry takes only this option). */
export function skipUnavailableStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context } = start;
  return {
    id: 'skipUnavailable',
    run: async (current, position) =>
      applyAnswer(
        await context.ui.pick<SkipAnswer>({
          ...position,
          placeholder: skipUnavailablePlaceholder(current.local?.info.version.number),
          items: skipUnavailableItems(current.local?.info.version.number),
          active: current.skipUnavailable === undefined ? 'unset' : current.skipUnavailable ? 'true' : 'false',
        }),
        (answer) => (current.skipUnavailable = answer === 'unset' ? undefined : answer === 'true'),
      ),
  };
}

/** What to write for the alias, from the answers. */
export function connectionFor(draft: AddRemoteDraft): ProxyConnection {
  const sniff = sniffAllowed(draft) && draft.mode === 'sniff';
  return {
    address: draft.address as string,
    ...(sniff ? { seeds: draft.seeds?.length ? draft.seeds : [draft.address as string] } : { serverName: draft.serverName }),
    ...(draft.connectionCount !== undefined ? { connections: draft.connectionCount } : {}),
    ...(draft.skipUnavailable !== undefined ? { skipUnavailable: draft.skipUnavailable } : {}),
  };
}

/** The summary line of the settings write. */
export function describeConnectionWrite(local: string, alias: string, draft: AddRemoteDraft, replaced: boolean): string {
  const connection = connectionFor(draft);
  const parts = connection.seeds
    ? [`mode: sniff`, `seeds: ${connection.seeds.join(', ')}`]
    : [
        `mode: proxy`,
        `proxy_address: ${connection.address}`,
        ...(connection.serverName ? [`server_name: ${connection.serverName}`] : []),
      ];
  if (connection.connections !== undefined)
    parts.push(`${connection.seeds ? 'node_connections' : 'proxy_socket_connections'}: ${connection.connections}`);
  parts.push(
    `skip_unavailable: ${connection.skipUnavailable === undefined ? "not set (the version's default)" : connection.skipUnavailable}`,
  );
  return `On "${local}": PUT _cluster/settings — cluster.remote.${alias}.${parts.join(', ')}${replaced ? " (replacing the alias's current settings)" : ''}.`;
}
