/**
 * The TLS server name of an ECK cluster's remote cluster server, reached from outside Kubernetes
 * (seed ece-enable-ccs-for-eck, "Connect to the remote cluster"): leave `server_name` empty first;
 * if the handshake fails on the ECK-managed certificate, use `<cluster-name>-es-remote-cluster.<namespace>.svc`.
 */
import type { OpenYamlDocument } from './context';
import { eckResources } from './eck';

export function eckRemoteClusterServerName(name: string, namespace = 'default'): string {
  return `${name}-es-remote-cluster.${namespace}.svc`;
}

/** ECK's Service names: `<name>-es-<service>.<namespace>.svc[.cluster.local]`. */
const ECK_SERVICE_HOST =
  /^([a-z0-9]([a-z0-9-]*[a-z0-9])?)-es-(?:http|internal-http|transport|remote-cluster)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?$/;

/**
 * The server name to suggest for a remote reached on `address`: from the remote connection's URL
 * when it names an ECK Service, else from the only ECK Elasticsearch resource in the open manifests.
 * Undefined when the remote is addressed by an ECK Service already (inside the cluster nothing is
 * needed) or nothing says which ECK cluster it is.
 */
export function eckServerNameSuggestion(
  address: string | undefined,
  remoteUrl: string | undefined,
  documents: OpenYamlDocument[],
): string | undefined {
  const host = (address ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (/\.svc(\.cluster\.local)?$/.test(host)) return undefined;
  let urlHost = '';
  try {
    urlHost = remoteUrl ? new URL(remoteUrl).hostname : '';
  } catch {
    urlHost = '';
  }
  const match = ECK_SERVICE_HOST.exec(urlHost);
  if (match) return eckRemoteClusterServerName(match[1], match[3]);
  const resources = eckResources(documents);
  if (resources.length !== 1) return undefined;
  return eckRemoteClusterServerName(resources[0].name, resources[0].namespace);
}
