/**
 * Builds the API client for a connection profile: the one place where a profile, its secrets and
 * the environment (proxy, log, shared redactor) meet. Pure: no VS Code imports, so the commands and
 * the tests build clients the same way.
 */
import type { Dispatcher } from 'undici';
import { CloudClient, EceClient } from '../api/cloud';
import { ElasticsearchClient } from '../api/elasticsearch';
import { ApiError } from '../api/errors';
import { HttpClient, type RequestLogger } from '../api/http';
import type { ProxySettings } from '../api/proxy';
import type { SecretRedactor } from '../api/redact';
import {
  authFor,
  DEFAULT_TIMEOUT_SECONDS,
  eceRegion,
  endpointUrl,
  profileProblems,
  requiredSecret,
  type ConnectionProfile,
  type ConnectionSecrets,
} from './profile';

export interface ClientEnvironment {
  proxy?: ProxySettings;
  logger?: RequestLogger;
  redactor?: SecretRedactor;
  /** Tests only: an undici MockAgent or similar. */
  dispatcher?: Dispatcher;
}

export type ConnectionClients =
  | { kind: 'elasticsearch'; profile: ConnectionProfile; elasticsearch: ElasticsearchClient; close(): Promise<void> }
  | { kind: 'cloud'; profile: ConnectionProfile; cloud: CloudClient; close(): Promise<void> }
  | { kind: 'ece'; profile: ConnectionProfile; ece: EceClient; close(): Promise<void> };

/** Throws ApiError('configuration') with an actionable message when the profile cannot be used. */
export function createClients(
  profile: ConnectionProfile,
  secrets: ConnectionSecrets,
  environment: ClientEnvironment = {},
): ConnectionClients {
  const problems = profileProblems(profile);
  if (problems.length) {
    throw new ApiError(
      'configuration',
      `Connection "${profile.name}" cannot be used: ${problems.join(' ')} Edit it in the "elasticRemoteClusters.connections" setting.`,
    );
  }
  const auth = authFor(profile, secrets);
  if (!auth) {
    const missing = requiredSecret(profile) === 'apiKey' ? 'API key' : 'password';
    throw new ApiError(
      'configuration',
      `No ${missing} is stored for connection "${profile.name}". Remove the connection and add it again with "Elastic: Add Connection".`,
    );
  }
  const http = new HttpClient({
    service: profile.kind,
    baseUrl: endpointUrl(profile),
    auth,
    tls: { caFile: profile.caFile, serverName: profile.tlsServerName, skipVerify: profile.skipTlsVerify },
    timeoutMs: (profile.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    proxy: environment.proxy,
    logger: environment.logger,
    redactor: environment.redactor,
    dispatcher: environment.dispatcher,
  });
  const close = () => http.close();
  switch (profile.kind) {
    case 'elasticsearch':
      return { kind: 'elasticsearch', profile, elasticsearch: new ElasticsearchClient(http), close };
    case 'cloud':
      return { kind: 'cloud', profile, cloud: new CloudClient(http), close };
    case 'ece':
      return { kind: 'ece', profile, ece: new EceClient(http, eceRegion(profile)), close };
  }
}
