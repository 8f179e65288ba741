/**
 * Errors in words, one way for the whole client. ApiError messages are written for people and
 * already scrubbed of secrets; anything else is a bug or a failure of the platform underneath.
 */
import { ApiError } from './api/errors';
import type { ConnectionProfile } from './connections/profile';

/** The error's own message (for evidence lines and logs that say where it came from). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure as a sentence for a notification or a tree item: one line, bounded in length. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return `An unexpected error occurred (${errorText(error).split('\n')[0].slice(0, 200)}).`;
}

/**
 * A failure of a request made with a saved connection. A 401 names what the connection
 * authenticates with: a user whose password was refused, an API key that is invalid, expired or
 * invalidated, an Elastic Cloud organization key, or no credentials at all. Other errors as
 * describeError.
 */
export function describeConnectionError(
  error: unknown,
  connection: Pick<ConnectionProfile, 'name' | 'kind' | 'auth' | 'username'>,
): string {
  if (!(error instanceof ApiError) || error.kind !== 'unauthorized') return describeError(error);
  const reason = typeof error.details?.reason === 'string' ? error.details.reason.split('\n')[0].slice(0, 200) : undefined;
  const said = reason ? ` The server said: "${reason}".` : '';
  const fix = 'Correct it with "Elastic: Edit Connection".';
  const name = `"${connection.name}"`;
  if (connection.auth === 'basic')
    return `${name} was refused (401): the user name "${connection.username ?? ''}" or its password is wrong, or the user is disabled. ${fix}${said}`;
  if (connection.auth === 'none')
    return `${name} was refused (401): the server needs credentials and this connection sends none. Choose an API key or a user name and password with "Elastic: Edit Connection".${said}`;
  switch (connection.kind) {
    case 'cloud':
      return `${name} was refused (401): the Elastic Cloud API key is invalid, expired or was deleted (Elastic Cloud console → Organization → API keys). Enter a current key with "Elastic: Edit Connection".${said}`;
    case 'ece':
      return `${name} was refused (401): the ECE API key is invalid or was revoked (Cloud UI → your user → API keys). Enter a current key with "Elastic: Edit Connection".${said}`;
    default:
      return `${name} was refused (401): the API key is invalid, expired or invalidated (revoked). A cross-cluster API key cannot be used for REST requests either. Enter a current key with "Elastic: Edit Connection".${said}`;
  }
}
