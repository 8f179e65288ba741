/**
 * Errors in words, one way for the whole client. ApiError messages are written for people and
 * already scrubbed of secrets; anything else is a bug or a failure of the platform underneath.
 */
import { ApiError } from './api/errors';

/** The error's own message (for evidence lines and logs that say where it came from). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure as a sentence for a notification or a tree item: one line, bounded in length. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return `An unexpected error occurred (${errorText(error).split('\n')[0].slice(0, 200)}).`;
}
