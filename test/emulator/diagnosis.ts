/**
 * What the emulator adds for the remote-cluster diagnosis: node roles (GET /_nodes), the
 * resolve-cluster API (GET /_resolve/cluster/<alias>:*) and the local node certificates
 * (GET /_ssl/certificates). Kept apart from the core routes so the _remote/info model stays as it is.
 * The error texts resolve-cluster reports are the ones Elasticsearch logs for each cause (see
 * client/src/diagnosis/errorCatalogue.ts for their sources).
 */
import type { Reply } from './router';
import type { EmulatedCluster, RemoteStatus } from './state';

const DEFAULT_ROLES = ['data', 'ingest', 'master', 'remote_cluster_client', 'transform'];
const nodeRoles = new WeakMap<EmulatedCluster, string[]>();
const certificateSubjects = new WeakMap<EmulatedCluster, string>();

/** Replaces the roles of the cluster's (single) node; e.g. without remote_cluster_client. */
export function setNodeRoles(cluster: EmulatedCluster, roles: string[]): void {
  nodeRoles.set(cluster, [...roles]);
}

export function rolesOf(cluster: EmulatedCluster): string[] {
  return nodeRoles.get(cluster) ?? DEFAULT_ROLES;
}

export function setCertificateSubject(cluster: EmulatedCluster, subjectDn: string): void {
  certificateSubjects.set(cluster, subjectDn);
}

export function nodesReply(cluster: EmulatedCluster): Reply {
  const node = {
    name: cluster.nodeName,
    version: cluster.version,
    roles: rolesOf(cluster),
    transport_address: cluster.transportAddress,
  };
  return {
    status: 200,
    body: { _nodes: { total: 1, successful: 1, failed: 0 }, cluster_name: cluster.name, nodes: { [cluster.nodeId]: node } },
  };
}

export function sslCertificatesReply(cluster: EmulatedCluster): Reply {
  const subject = certificateSubjects.get(cluster) ?? `CN=${cluster.name}-node-0, O=Emulated`;
  return {
    status: 200,
    body: [
      {
        path: 'certs/transport.p12',
        format: 'PKCS12',
        alias: 'instance',
        subject_dn: subject,
        serial_number: '01',
        has_private_key: true,
        expiry: '2099-01-01T00:00:00.000Z',
      },
    ],
  };
}

/**
 * The `error` resolve-cluster reports for a remote that did not connect, or undefined when it
 * reports none: Elasticsearch's TransportResolveClusterAction leaves it out for failures to connect
 * (its notConnectedError), and gives the exception's message otherwise. Which handshake failures
 * surface as which message is approximate (not checked against a real cluster).
 */
export function resolveClusterError(status: RemoteStatus): string | undefined {
  const problem = status.problem ?? 'unknown';
  const keyId = 'the configured key';
  if (/no emulated cluster listens|remote cluster server is not enabled/.test(problem)) return undefined;
  if (/must be the remote cluster server/.test(problem))
    return 'remote cluster handshake action requires channel profile to be [_remote_cluster], but got [default]';
  if (/REST API key/.test(problem))
    return `authentication expected API key type of [cross_cluster], but API key [${keyId}] has type [rest]`;
  if (/invalidated|expired|not a key of the remote/.test(problem))
    return `unable to authenticate user [${keyId}] for action [cluster:internal/remote_cluster/handshake]`;
  if (/does not trust/.test(problem)) return `failed to establish trust with server: ${problem}`;
  if (/certificate model is used/.test(problem))
    return 'Cross cluster requests through the dedicated remote cluster server port require transport header [_cross_cluster_access_credentials] but none found. Please ensure you have configured remote cluster credentials on the cluster originating the request.';
  return problem;
}
