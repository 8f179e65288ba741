/** Shared helpers for the client tests (not a test file itself). */
import { MockAgent } from 'undici';
import { ApiError } from '../../../client/src/api/errors';
import {
  HttpClient,
  type Auth,
  type HttpClientOptions,
  type RequestLogEntry,
  type RequestLogger,
} from '../../../client/src/api/http';

/** A RequestLogger that keeps every line and warning, for assertions. */
export class RecordingLogger implements RequestLogger {
  readonly entries: RequestLogEntry[] = [];
  readonly warnings: string[] = [];
  request(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
  /** Everything that was logged, as one text, for "does not contain the secret" checks. */
  text(): string {
    return JSON.stringify({ entries: this.entries, warnings: this.warnings });
  }
}

export const ELASTIC: Auth = { type: 'basic', username: 'elastic', password: 'changeme' };

export function esHttp(baseUrl: string, options: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({ service: 'elasticsearch', baseUrl, auth: ELASTIC, ...options });
}

/** A MockAgent that refuses real network access. */
export function mockAgent(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return agent;
}

export const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };

/** Awaits a promise that must reject with an ApiError, and returns it. */
export async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}
