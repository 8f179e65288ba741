/**
 * Domain facts that several rules, the hovers and the client's guided flows rely on, kept in one
 * place. Exported through the core's entry (`#core`) as:
 *   PORTS          { transport: 9300, cloudCertificateProxy: 9400, remoteClusterServer: 9443, http: 9200 }
 *   VERSION_GATES  { apiKeyModel, apiKeyModelGa, certificateModelDeprecated, certificateIdentity, skipUnavailableDefaultTrue,
 *                  transientSettingsDeprecated }
 *   SecurityModel  'api-key' | 'certificate' | 'unknown'
 */

/** Default ports of the interfaces remote clusters connect to. */
export const PORTS = {
  /** The transport interface, used by the TLS-certificate model (self-managed and ECK). */
  transport: 9300,
  /** The Elastic Cloud / ECE proxy port of the TLS-certificate model. */
  cloudCertificateProxy: 9400,
  /** The remote cluster server, used by the API-key model on every platform. */
  remoteClusterServer: 9443,
  /** The HTTP (REST) interface. */
  http: 9200,
} as const;

/** Elasticsearch versions where remote-cluster behaviour changes. */
export const VERSION_GATES = {
  /** First version with the remote cluster server and cross-cluster API keys (beta until 8.14; ECK's webhook gate). */
  apiKeyModel: '8.10.0',
  /** The API-key model is generally available; the self-managed, Cloud and ECE docs list it as the minimum. */
  apiKeyModelGa: '8.14.0',
  /** Transient cluster settings are deprecated from here on (7.x deprecation check `checkTransientSettingsExistence`). */
  transientSettingsDeprecated: '7.16.0',
  /** `skip_unavailable` defaults to true from here on. */
  skipUnavailableDefaultTrue: '8.15.0',
  /** TLS-certificate remote clusters are deprecated from here on. */
  certificateModelDeprecated: '9.0.0',
  /** Strong identity verification (`certificate_identity`, request signing). */
  certificateIdentity: '9.3.0',
} as const;

/**
 * How a remote alias authenticates: a cross-cluster API key in the keystore, TLS certificates on
 * the transport port, or not known (no keystore information, so model-dependent checks stay silent).
 */
export type SecurityModel = 'api-key' | 'certificate' | 'unknown';
