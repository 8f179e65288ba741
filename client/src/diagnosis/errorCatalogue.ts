/**
 * What Elasticsearch's remote-cluster errors and log lines mean, and what to do. Built from
 * Elastic's "Troubleshooting remote clusters" page (elastic/elasticsearch
 * docs/reference/modules/cluster/remote-clusters-troubleshooting.asciidoc) and the Elasticsearch
 * classes that produce the messages; each entry names its source. The patterns match the stable
 * part of each message, so node names, addresses and ids in a pasted line do not matter.
 * Pure: no VS Code imports.
 */
export interface CatalogueEntry {
  id: string;
  /** Matches the message (case-insensitive). */
  pattern: RegExp;
  title: string;
  meaning: string;
  fix: string;
}

export const ERROR_CATALOGUE: readonly CatalogueEntry[] = [
  {
    // server/src/main/java/org/elasticsearch/transport/RemoteClusterAware.java (groupIndices)
    id: 'no-remote-cluster-client-role',
    pattern: /does not have the remote cluster client role enabled/i,
    title: 'The node lacks the remote_cluster_client role',
    meaning: 'The node that coordinated the request cannot open connections to remote clusters.',
    fix: 'Add remote_cluster_client to node.roles on the nodes that receive cross-cluster requests, or send the requests to nodes that have it.',
  },
  {
    // server/src/main/java/org/elasticsearch/transport/NoSuchRemoteClusterException.java
    id: 'no-such-remote-cluster',
    pattern: /no such remote cluster: \[/i,
    title: 'Unknown remote cluster alias',
    meaning: 'The request names an alias the local cluster has not configured (or not enabled: no seeds / proxy_address).',
    fix: 'Check the alias spelling (case matters) against GET /_remote/info, and that cluster.remote.<alias>.seeds or proxy_address is set.',
  },
  {
    // server/src/main/java/org/elasticsearch/transport/ConnectTransportException.java, raised by the
    // transport when a socket cannot be opened (logged by ProxyConnectionStrategy / SniffConnectionStrategy)
    id: 'connect-exception',
    pattern:
      /connect_exception|ConnectTransportException|Connection refused|failed to open any proxy connections|fetching nodes from external cluster/i,
    title: 'The remote cannot be reached',
    meaning:
      'The local nodes could not open a TCP connection to the configured address: wrong host or port, the remote cluster server not enabled, or a firewall in the way.',
    fix: 'Check the host and port; for the API-key model enable remote_cluster_server.enabled and use its port (default 9443); check firewalls between the clusters.',
  },
  {
    // libs/ssl-config/src/main/java/org/elasticsearch/common/ssl/SslDiagnostics.java (via DiagnosticTrustManager)
    id: 'trust-not-established',
    pattern: /failed to establish trust with server|PKIX path building failed|unable to find valid certification path/i,
    title: "The local cluster does not trust the remote's certificate",
    meaning:
      "The remote's certificate is not signed by a CA the local cluster's SSL context trusts (or, if the message says so, its name or dates are wrong). With the API-key model this also happens when the address is the transport port, which presents a different certificate.",
    fix: 'Add the remote CA to xpack.security.remote_cluster_client.ssl.certificate_authorities (API-key model) or xpack.security.transport.ssl.certificate_authorities (certificate model); check the port is the remote cluster server port (9443) for the API-key model.',
  },
  {
    // x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/security/transport/netty4/SecurityNetty4Transport.java
    id: 'client-did-not-trust',
    pattern: /client did not trust this server's certificate/i,
    title: "The connecting cluster rejected this cluster's certificate (remote-side log)",
    meaning:
      'Logged on the remote: the local cluster closed the TLS handshake because it does not trust the certificate this cluster presented.',
    fix: 'On the local cluster, trust this cluster\'s CA (see "failed to establish trust with server" in the local logs for the details).',
  },
  {
    // JDK SSLEngine alert, logged by server/src/main/java/org/elasticsearch/transport/TcpTransport.java
    id: 'bad-certificate',
    pattern: /Received fatal alert: bad_certificate|Empty client certificate chain/i,
    title: 'The server wanted a client certificate',
    meaning:
      'The local cluster connected to the remote transport port, which requires a client certificate, while using the API-key model (which sends none).',
    fix: 'Point the alias at the remote cluster server port (default 9443), not the transport port (9300).',
  },
  {
    // x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/security/authc/DefaultAuthenticationFailureHandler.java
    id: 'missing-authentication',
    pattern: /missing authentication credentials for action \[cluster:internal\/remote_cluster\/handshake\]/i,
    title: 'Handshake without credentials on the transport port',
    meaning: 'The local cluster uses mTLS to reach the transport port but the remote expects the API-key handshake header there.',
    fix: 'Use the remote cluster server port (default 9443) for the API-key model, or drop the credentials for the certificate model.',
  },
  {
    // server/src/main/java/org/elasticsearch/transport/RemoteClusterService.java (remote cluster handshake handler)
    id: 'wrong-channel-profile',
    pattern: /requires channel profile to be \[_remote_cluster\], but got/i,
    title: 'API-key handshake sent to the transport port',
    meaning: 'The address is the remote transport port; the API-key model must connect to the remote cluster server port.',
    fix: 'Change the seeds / proxy_address to the remote cluster server port (remote_cluster.port, default 9443).',
  },
  {
    // x-pack/plugin/security/src/main/java/org/elasticsearch/xpack/security/authc/CrossClusterAccessAuthenticationService.java
    id: 'no-credentials',
    pattern:
      /require transport header \[_cross_cluster_access_credentials\] but none found|Please ensure you have configured remote cluster credentials/i,
    title: 'No cross-cluster API key on the local cluster',
    meaning:
      'The local cluster connected to the remote cluster server port without credentials, so it used the certificate model there.',
    fix: 'Add the cross-cluster API key to the keystore of every local node as cluster.remote.<alias>.credentials, then POST /_nodes/reload_secure_settings.',
  },
  {
    // x-pack/plugin/security/src/main/java/org/elasticsearch/xpack/security/authc/ApiKeyService.java
    id: 'wrong-key-type',
    pattern: /authentication expected API key type of \[cross_cluster\], but API key \[[^\]]*\] has type \[rest\]/i,
    title: 'A REST API key is stored as remote credentials',
    meaning: 'The remote cluster server accepts only cross-cluster API keys; the keystore holds a REST API key.',
    fix: "Create a cross-cluster API key on the remote (POST /_security/cross_cluster/api_key) and replace cluster.remote.<alias>.credentials in every local node's keystore.",
  },
  {
    // x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/security/authc/DefaultAuthenticationFailureHandler.java
    // (the remote-side log line comes from x-pack/plugin/security/.../authc/ApiKeyAuthenticator.java)
    id: 'unable-to-authenticate',
    pattern:
      /unable to authenticate user \[[^\]]*\] for action \[cluster:internal\/remote_cluster|Authentication using apikey failed/i,
    title: 'The cross-cluster API key was rejected',
    meaning: 'The key in the keystore is wrong, was invalidated, or has expired.',
    fix: "Check the key on the remote (GET /_security/api_key?id=<id>); create a new cross-cluster API key and replace the credentials in every local node's keystore.",
  },
  {
    // x-pack/plugin/security/src/main/java/org/elasticsearch/xpack/security/authc/ApiKeyService.java. The
    // "invalidated" text is confirmed by Elasticsearch's ApiKeyAuthcFailureReasonClassifier tests; the
    // "expired" text is unverified (not found in the indexed source), hence the loose pattern.
    id: 'key-expired-or-invalidated',
    pattern: /api key is expired|api key has been invalidated/i,
    title: 'The API key expired or was invalidated',
    meaning: 'The remote no longer accepts the key.',
    fix: 'Create a new cross-cluster API key on the remote and replace the credentials in the local keystore.',
  },
  {
    // x-pack/plugin/security/src/main/java/org/elasticsearch/xpack/security/authz/AuthorizationDenialMessages.java
    id: 'no-remote-indices',
    pattern: /no remote indices privileges apply for the target cluster/i,
    title: 'The local user has no remote_indices for the cluster',
    meaning: "None of the user's roles grants remote_indices whose clusters match the alias.",
    fix: "Add remote_indices (clusters: [<alias>], names, privileges such as read, read_cross_cluster) to the user's role.",
  },
  {
    // x-pack/plugin/security/src/main/java/org/elasticsearch/xpack/security/authz/AuthorizationDenialMessages.java
    id: 'remote-unauthorized',
    pattern: /towards remote cluster (\[[^\]]*\] )?is unauthorized for/i,
    title: 'Insufficient privileges on the remote',
    meaning:
      "The intersection of the local user's remote_indices and the cross-cluster key's access does not allow the action on those indices.",
    fix: "Grant the local role the remote_indices it needs, and make sure the key's access.search / access.replication names cover the same indices.",
  },
  {
    // x-pack/plugin/security/.../authz/AuthorizationDenialMessages.java, for the handshake action
    id: 'handshake-unauthorized',
    pattern: /action \[cluster:internal\/remote_cluster\/handshake\] is unauthorized/i,
    title: 'Anonymous access reached the transport port',
    meaning: 'The remote has anonymous access enabled and the connection landed on its transport port without credentials.',
    fix: 'Use the remote cluster server port (default 9443) for the API-key model.',
  },
  {
    // server/src/main/java/org/elasticsearch/transport/InboundDecoder.java (ensureVersionCompatibility)
    id: 'incompatible-version',
    pattern: /message from unsupported version: \[[^\]]*\] minimal compatible version is/i,
    title: 'Incompatible versions',
    meaning: 'The two clusters run versions that cannot talk over the transport protocol.',
    fix: "Upgrade the older cluster: a major version talks only to the previous major's last minor (7.17 for 8.x, 8.18 / 8.19 for 9.x).",
  },
  {
    // modules/transport-netty4 (Netty's NotSslRecordException) when plaintext reaches a TLS port
    id: 'not-ssl-record',
    pattern: /NotSslRecordException|not an SSL\/TLS record/i,
    title: 'Plaintext sent to a TLS port',
    meaning: 'One side has TLS on its transport / remote cluster interface and the other does not.',
    fix: 'Enable TLS for the interface on both sides (xpack.security.transport.ssl.enabled or xpack.security.remote_cluster_client.ssl.enabled).',
  },
  {
    // server/src/main/java/org/elasticsearch/transport/TcpTransport.java / InboundDecoder.java (HTTP bytes on the transport port)
    id: 'http-on-transport',
    pattern: /This is not an HTTP port|invalid internal transport message format/i,
    title: 'HTTP and transport ports mixed up',
    meaning: 'A transport connection reached an HTTP port, or an HTTP client reached a transport port.',
    fix: 'Remote clusters connect to the transport port (default 9300) or the remote cluster server port (default 9443), never the HTTP port (default 9200).',
  },
  {
    // server/src/main/java/org/elasticsearch/transport/ClusterConnectionManager.java
    id: 'closed-by-remote',
    pattern: /transport connection to \[.*\] closed by remote/i,
    title: 'The connection was closed by the remote',
    meaning: 'A remote node restarted, or the network between the clusters drops idle connections.',
    fix: "If it repeats without restarts, set transport.ping_schedule or OS TCP keepalives shorter than the network's idle timeout.",
  },
  {
    // JDK hostname verification (sun.security.util.HostnameChecker), reported through SslDiagnostics.java
    id: 'hostname-mismatch',
    pattern: /No subject alternative (DNS )?names? matching|No name matching .* found/i,
    title: "The certificate does not carry the server's name",
    meaning: 'Hostname verification failed: the certificate is valid but issued for other names.',
    fix: 'Use a host name (or server_name) the certificate carries, re-issue the certificate with that name, or set verification_mode to certificate if you accept that risk.',
  },
  {
    // JDK CertificateExpiredException, reported through SslDiagnostics.java ("certificate dates are not valid")
    id: 'certificate-expired',
    pattern: /certificate dates are not valid|CertificateExpiredException|certificate has expired/i,
    title: 'An expired certificate',
    meaning: 'The certificate one side presented is outside its validity dates.',
    fix: "Renew the certificate and reload it; check the nodes' clocks.",
  },
];

/** The entries whose pattern appears in `text`, in catalogue order (roughly the order problems occur in a set-up). */
export function explainError(text: string): CatalogueEntry[] {
  const input = text.slice(0, 20_000);
  return ERROR_CATALOGUE.filter((entry) => entry.pattern.test(input));
}

/** Markdown for the Explain Error command. The pasted text is quoted back, shortened. */
export function renderExplanation(text: string): string {
  const entries = explainError(text);
  const quoted = redactTokens(text)
    .trim()
    .split('\n')
    .slice(0, 12)
    .map((line) => `> ${line.slice(0, 400)}`)
    .join('\n');
  const lines = ['# Elasticsearch remote-cluster error explained', '', quoted, ''];
  if (entries.length === 0) {
    lines.push(
      'This message is not in the catalogue of remote-cluster errors. Run **Elastic: Diagnose Remote Cluster** to check the usual causes.',
    );
  }
  for (const entry of entries) {
    lines.push(`## ${entry.title}`, '', `**What it means:** ${entry.meaning}`, '', `**What to do:** ${entry.fix}`, '');
  }
  return lines.join('\n') + '\n';
}

/** Long base64-looking runs (an encoded key someone pasted along with the log line) are never echoed. */
export function redactTokens(text: string): string {
  return text.replace(/[A-Za-z0-9+/_-]{40,}={0,2}/g, '[redacted]');
}
