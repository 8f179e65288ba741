/**
 * Waiting for a new remote connection (a connection attempt, then `GET _remote/info`, until
 * `connected` or a timeout), and the likely cause when it does not come up, from what
 * `_remote/info` and the attempt show and what the flow knows about the set-up. Causes follow the
 * troubleshooting facts in remote-cluster-settings.md (sections 2, 5, 6) and validation-rules.md
 * (sections C, D, G, H).
 */
import type { ElasticsearchClient } from '../api/elasticsearch';
import { ApiError } from '../api/errors';
import type { RemoteClusterInfo } from '../api/types/elasticsearch';
import { describeError } from '../errorText';
import { type FlowContext } from './context';
import { PORTS, type Platform, type SecurityModel } from './platforms';
import { portOf } from './validation';
import { atLeastVersion, RESOLVE_CLUSTER_VERSION } from './versionGates';

export interface PollResult {
  connected: boolean;
  /** The last `_remote/info` entry of the alias (undefined when the alias was not listed). */
  info?: RemoteClusterInfo;
  /** Set when `_remote/info` itself could not be read at the end. */
  error?: string;
  /** What the last reconnection attempt reported: the resolve-cluster `error`, or why the attempt itself failed. */
  attemptProblem?: string;
  waitedMs: number;
}

/**
 * Elasticsearch does not retry a disconnected remote by itself (ClusterRemoteInfoRequest in the
 * specification); a cross-cluster request makes it try. The resolve-cluster API (8.13+) exists for
 * this; older clusters get a search that returns no hits on `<alias>:*`, as the official
 * multi_cluster/20_info.yml test does before reading `_remote/info`.
 */
type Trigger = 'resolve-cluster' | 'search';

/**
 * A route the cluster does not have: Elasticsearch answers 400 "no handler found for uri" (405 when
 * the path exists for other methods). A 404 is not that: it is "no such remote cluster".
 */
function isMissingEndpoint(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 405 || (error.status === 400 && /no handler found/i.test(error.details.reason ?? ''));
}

/** Bounds each resolve-cluster call; without it a silent remote holds the request for the transport's timeout. */
const RESOLVE_TIMEOUT = '10s';

/** Makes the local cluster try to connect to `alias` once. Returns the trigger that works here and any problem reported. */
async function triggerConnection(
  client: ElasticsearchClient,
  alias: string,
  trigger: Trigger,
): Promise<{ trigger: Trigger; problem?: string }> {
  const expression = `${alias}:*`;
  if (trigger === 'resolve-cluster') {
    try {
      const entry = (await client.resolveCluster([expression], { timeout: RESOLVE_TIMEOUT }))[alias];
      return { trigger, problem: entry?.error };
    } catch (error) {
      if (!isMissingEndpoint(error)) return { trigger, problem: describeError(error) };
      trigger = 'search';
    }
  }
  try {
    await client.searchWithoutHits([expression]);
    return { trigger };
  } catch (error) {
    return { trigger, problem: describeError(error) };
  }
}

/**
 * Waits for the alias to connect: before each read of `_remote/info` it makes the local cluster
 * attempt the connection (see Trigger), since a first attempt that failed, for example while a
 * trust change or keystore reload was still being applied, is not repeated on its own.
 * `localVersion` picks the trigger; when unknown, resolve-cluster is tried and a cluster without
 * it falls back to the search.
 */
export async function waitForConnection(
  context: FlowContext,
  client: ElasticsearchClient,
  alias: string,
  localVersion?: string,
): Promise<PollResult> {
  const { timing } = context;
  const started = timing.now();
  let trigger: Trigger =
    localVersion === undefined || atLeastVersion(localVersion, RESOLVE_CLUSTER_VERSION) ? 'resolve-cluster' : 'search';
  return context.ui.progress(`Waiting for "${alias}" to connect…`, async (report) => {
    let info: RemoteClusterInfo | undefined;
    let error: string | undefined;
    let attemptProblem: string | undefined;
    for (;;) {
      try {
        ({ trigger, problem: attemptProblem } = await triggerConnection(client, alias, trigger));
        info = (await client.remoteInfo())[alias];
        error = undefined;
        if (info?.connected) return { connected: true, info, waitedMs: timing.now() - started };
      } catch (failure) {
        error = describeError(failure);
      }
      const elapsed = timing.now() - started;
      if (elapsed >= timing.connectTimeoutMs) return { connected: false, info, error, attemptProblem, waitedMs: elapsed };
      report(
        `not connected yet (${Math.round(elapsed / 1000)} s of ${Math.round(timing.connectTimeoutMs / 1000)} s)${attemptProblem ? `: ${attemptProblem}` : ''}`,
      );
      await timing.sleep(Math.min(timing.pollIntervalMs, timing.connectTimeoutMs - elapsed));
    }
  });
}

export interface ConnectionExpectations {
  model: SecurityModel;
  localPlatform: Platform;
  /** The remote is an Elastic Cloud / ECE deployment (reached through the proxy). */
  remoteIsCloud: boolean;
  /** How the flow delivered the credentials (API-key model). */
  keystore?: 'api' | 'manual' | 'eck';
  /** The key carries a `certificate_identity` (strong identity verification). */
  certificateIdentity?: boolean;
}

/** The likely causes of a connection that did not come up, most likely first. */
export function likelyCauses(result: PollResult, expected: ConnectionExpectations): string[] {
  const causes: string[] = [];
  const info = result.info;
  if (result.error) causes.push(`The connection status could not be read: ${result.error}`);
  if (result.attemptProblem) causes.push(`The last connection attempt reported: ${result.attemptProblem}`);
  if (!info) {
    causes.push(
      'The local cluster does not list the alias in GET _remote/info: the settings did not take effect (check GET _cluster/settings for the alias).',
    );
    return causes;
  }
  const address = info.mode === 'proxy' ? info.proxy_address : info.seeds.join(', ');
  const port = info.mode === 'proxy' ? portOf(info.proxy_address) : undefined;
  if (expected.model === 'api-key') {
    if (info.cluster_credentials === undefined) {
      causes.push(
        expected.keystore === 'manual'
          ? 'The local cluster has no credentials for this alias loaded: add cluster.remote.<alias>.credentials to the keystore of every node, then run POST _nodes/reload_secure_settings (or restart the nodes).'
          : expected.keystore === 'eck'
            ? 'The local cluster has no credentials for this alias loaded: apply the manifest with the Secret and spec.secureSettings entry, wait for ECK to roll it out, then run POST _nodes/reload_secure_settings.'
            : 'The local cluster has no credentials for this alias loaded: check the deployment keystore holds cluster.remote.<alias>.credentials.',
      );
    }
    if (port === PORTS.transport || port === PORTS.cloudCertificateProxy) {
      causes.push(
        `The address ${address} uses port ${port}, the certificate model's port. API-key connections go to the remote cluster server, port ${PORTS.remoteClusterServer} by default.`,
      );
    }
  } else if (port === PORTS.remoteClusterServer) {
    causes.push(
      `The address ${address} uses port ${PORTS.remoteClusterServer}, the remote cluster server. Without credentials the certificate model is used, which talks to the transport port (${PORTS.transport}, or ${PORTS.cloudCertificateProxy} through the Cloud proxy).`,
    );
  }
  if (expected.remoteIsCloud) {
    if (info.mode !== 'proxy') causes.push('Elastic Cloud and ECE deployments are only reachable in proxy mode.');
    else if (!info.server_name)
      causes.push("Elastic Cloud and ECE deployments need server_name set to the deployment's endpoint: the proxy routes by it.");
  }
  if (expected.model === 'api-key') {
    if (expected.certificateIdentity) {
      causes.push(
        "The key requires a certificate identity: the local cluster must sign its requests (cluster.remote.<alias>.signing.certificate and .key), the remote must trust the signer's CA (cluster.remote.signing.certificate_authorities), and the certificate's DN must match the pattern. A deployment applies user settings only once its configuration change has finished.",
      );
    }
    causes.push(
      expected.localPlatform === 'cloud' || expected.localPlatform === 'ece'
        ? "The deployment may not trust the certificate of the remote's proxy or remote cluster server: when a private CA issued it (an ECE environment with its own certificates), add that CA to the deployment's trust as a trusted environment of type proxy (Add Remote Cluster asks for it)."
        : 'The local cluster may not trust the certificate of the remote cluster server: it must trust the CA that signed it (xpack.security.remote_cluster_client.ssl.certificate_authorities), unless that certificate is publicly trusted as on Elastic Cloud.',
    );
    causes.push(
      'The remote cluster server may not be reachable from the local nodes: it binds to remote_cluster.host (loopback only when nothing is set), and firewalls or Cloud traffic filters can block port 9443.',
    );
    causes.push('The cross-cluster API key may have been invalidated or expired, or belong to another cluster.');
  } else {
    causes.push(
      expected.localPlatform === 'cloud' || expected.localPlatform === 'ece' || expected.remoteIsCloud
        ? "The two deployments may not trust each other: both sides' trust settings must include the other."
        : "Each cluster must trust the CA of the other's transport certificates (xpack.security.transport.ssl.certificate_authorities on both sides).",
    );
    causes.push(`The remote's transport port may not be reachable from the local nodes (address ${address}).`);
  }
  causes.push("The local cluster's Elasticsearch log names the exact error of the failed connection attempts.");
  return causes;
}

/** What to tell the user when a new remote did not connect in time. */
function notConnectedProblem(context: FlowContext, alias: string, causes: string[]): string {
  return `"${alias}" did not connect within ${Math.round(context.timing.connectTimeoutMs / 1000)} s. Likely causes:\n${causes.map((cause) => `• ${cause}`).join('\n')}`;
}

/**
 * The last step of both Add Remote Cluster models: waits for the alias to connect. Resolves to
 * undefined once it is connected, else to the problem with its likely causes, for the flow's report.
 */
export async function remainingConnectionProblem(
  context: FlowContext,
  client: ElasticsearchClient,
  alias: string,
  localVersion: string,
  expected: ConnectionExpectations,
): Promise<string | undefined> {
  const poll = await waitForConnection(context, client, alias, localVersion);
  return poll.connected ? undefined : notConnectedProblem(context, alias, likelyCauses(poll, expected));
}
