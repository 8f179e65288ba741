/**
 * Checks made before a saved connection is used: credentials that would cross the network in
 * clear text are only sent when the user says so, and a connection that does not verify TLS
 * certificates says so every time a command uses it. Pure: VS Code's dialogs come in as functions.
 */
import { isIP } from 'node:net';
import { ApiError } from '../api/errors';
import { endpointUrl, requiredSecret, type ConnectionProfile } from './profile';

/** 127.0.0.0/8, ::1 and localhost: traffic to them never leaves this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

/** The host credentials would be sent to unencrypted, or undefined when they would not be. */
export function plaintextCredentialsHost(profile: ConnectionProfile): string | undefined {
  if (!requiredSecret(profile)) return undefined;
  let url: URL;
  try {
    url = new URL(endpointUrl(profile));
  } catch {
    return undefined; // profileProblems() reports a URL that does not parse.
  }
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname) ? url.host : undefined;
}

export const SEND_ONCE = 'Send This Time';
export const ALLOW_FOR_SESSION = 'Allow Until VS Code Restarts';

export interface TransportPrompts {
  /** A modal question; resolves to the chosen button or undefined when dismissed. */
  ask(message: string, detail: string, buttons: string[]): Promise<string | undefined>;
  /** A non-modal warning. */
  warn(message: string): void;
  now(): number;
}

/** How often the same connection's "TLS verification is off" warning may repeat. */
const TLS_WARNING_INTERVAL_MS = 60_000;

export class TransportGuard {
  private readonly allowedPlaintext = new Set<string>();
  private readonly lastTlsWarning = new Map<string, number>();

  constructor(private readonly prompts: TransportPrompts) {}

  /** Resolves when the connection may be used; throws ApiError('configuration') when the user declined. */
  async check(profile: ConnectionProfile): Promise<void> {
    const host = plaintextCredentialsHost(profile);
    if (host) {
      // Keyed by URL too: an edited address asks again.
      const key = `${profile.id} ${endpointUrl(profile)}`;
      if (!this.allowedPlaintext.has(key)) {
        const secret = requiredSecret(profile) === 'apiKey' ? 'API key' : 'password';
        const answer = await this.prompts.ask(
          `Send the ${secret} of "${profile.name}" unencrypted?`,
          `The connection uses http:// to ${host}, which is not this machine: the ${secret} would cross the network in clear text, readable by anyone on the way. If the cluster serves HTTPS, change the connection's URL to https://.`,
          [SEND_ONCE, ALLOW_FOR_SESSION],
        );
        if (answer === ALLOW_FOR_SESSION) this.allowedPlaintext.add(key);
        else if (answer !== SEND_ONCE) {
          throw new ApiError(
            'configuration',
            `Nothing was sent to "${profile.name}": it uses plain http:// to ${host}, and sending its ${secret} unencrypted was not allowed.`,
          );
        }
      }
    }
    if (profile.skipTlsVerify) {
      const last = this.lastTlsWarning.get(profile.id);
      const now = this.prompts.now();
      if (last === undefined || now - last >= TLS_WARNING_INTERVAL_MS) {
        this.lastTlsWarning.set(profile.id, now);
        this.prompts.warn(
          `TLS certificate verification is off for "${profile.name}": anyone between you and the cluster can read or change its traffic, credentials included.`,
        );
      }
    }
  }
}
