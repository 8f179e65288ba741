/**
 * Creating a cross-cluster API key as a recorded change, and taking it back. A create whose answer
 * is lost is found again by its name and a one-time id in its metadata; Elasticsearch never shows
 * a key's secret again, so such a key is recorded (for the undo) but cannot be used. Invalidation
 * is checked key by key: Elasticsearch answers 200 even when it skipped a key (`error_details`).
 */
import { randomUUID } from 'node:crypto';
import type { ElasticsearchClient } from '../api/elasticsearch';
import { ApiError } from '../api/errors';
import type {
  ApiKeyInfo,
  CreateCrossClusterApiKeyRequest,
  CreateCrossClusterApiKeyResponse,
  InvalidateApiKeyResponse,
} from '../api/types/elasticsearch';
import { recordedWrite, type AppliedChange, type ChangeLog } from './changes';
import type { FlowContext } from './context';

/** Metadata field holding the one-time id of the request that created the key. */
export const CREATION_ID_FIELD = 'creation_id';

interface KeyRef {
  remoteName: string;
  name: string;
  creationId: string;
  /** Known once the create answered, or once the key was found again. */
  id?: string;
}

/** Metadata on the keys and roles the extension creates, so that people can tell where they came from. */
export const CREATED_BY_EXTENSION = { created_by: 'vscode-elastic-remote-clusters' } as const;

/**
 * Creates the key on the remote and records the change with its undo (invalidation). When the
 * answer is lost and the key turns out to exist, it is recorded and an error explains that it
 * cannot be used.
 */
export async function createRecordedKey(
  context: FlowContext,
  changes: ChangeLog,
  client: ElasticsearchClient,
  remoteName: string,
  request: CreateCrossClusterApiKeyRequest,
): Promise<CreateCrossClusterApiKeyResponse> {
  const ref: KeyRef = { remoteName, name: request.name, creationId: randomUUID() };
  const outcome = await recordedWrite(context, changes, {
    write: () =>
      client.createCrossClusterApiKey({
        ...request,
        metadata: { ...(request.metadata ?? {}), [CREATION_ID_FIELD]: ref.creationId },
      }),
    isApplied: async () => {
      ref.id = (await keysCreatedBy(client, ref))[0]?.id;
      return ref.id !== undefined;
    },
    change: (created) => {
      if (created) ref.id = created.id;
      return keyChange(client, ref);
    },
  });
  if (!outcome.answered) {
    throw new ApiError(
      'unknown',
      `The cross-cluster API key "${ref.name}" (id ${ref.id}) was created on "${remoteName}", but the answer carrying its value was lost, and Elasticsearch never shows a key's value again. This key cannot be used: undo invalidates it, and running the command again creates a new one.`,
    );
  }
  return outcome.value;
}

function keyChange(client: ElasticsearchClient, ref: KeyRef): AppliedChange {
  const byHand = ref.id
    ? `on "${ref.remoteName}" (for example in Kibana Dev Tools, as a user with manage_security): DELETE /_security/api_key {"ids":["${ref.id}"]}`
    : `on "${ref.remoteName}": GET /_security/api_key?name=${encodeURIComponent(ref.name)} lists it (metadata ${CREATION_ID_FIELD}: ${ref.creationId}); then DELETE /_security/api_key {"ids":["<its id>"]}`;
  return {
    done: `Created the cross-cluster API key "${ref.name}"${ref.id ? ` (id ${ref.id})` : ''} on "${ref.remoteName}".`,
    undo: {
      description: `Invalidating the key ${ref.id ?? `"${ref.name}"`}`,
      run: () => invalidateCreatedKey(client, ref),
      byHand,
      isUndone: async () => (await keysCreatedBy(client, ref)).length === 0,
    },
  };
}

/** Valid keys this flow's request created (normally one). */
async function keysCreatedBy(client: ElasticsearchClient, ref: KeyRef): Promise<ApiKeyInfo[]> {
  const { api_keys: keys } = await client.getApiKeys({ name: ref.name });
  return keys.filter((key) => key.metadata?.[CREATION_ID_FIELD] === ref.creationId && !key.invalidated);
}

async function invalidateCreatedKey(client: ElasticsearchClient, ref: KeyRef): Promise<void> {
  const ids = ref.id ? [ref.id] : (await keysCreatedBy(client, ref)).map((key) => key.id);
  // Not found by its creation id: the create never happened.
  if (ids.length === 0) return;
  await invalidateKeys(client, ids);
}

/**
 * DELETE /_security/api_key for these ids, and a check that each one is invalid afterwards. Throws
 * when Elasticsearch skipped one (`error_details`, e.g. a cross-cluster key without
 * manage_security) or reported nothing about a key that is still valid.
 */
export async function invalidateKeys(client: ElasticsearchClient, ids: string[]): Promise<void> {
  const response = await client.invalidateApiKeys({ ids });
  const unreported = ids.filter(
    (id) => !response.invalidated_api_keys.includes(id) && !(response.previously_invalidated_api_keys ?? []).includes(id),
  );
  if (unreported.length === 0) return;
  if (response.error_count > 0) throw skippedError(response, unreported);
  // Elasticsearch does not find keys that are already invalid: look at them before calling it a failure.
  const stillValid: string[] = [];
  for (const id of unreported) {
    const { api_keys: keys } = await client.getApiKeys({ id });
    if (keys.some((key) => key.id === id && !key.invalidated)) stillValid.push(id);
  }
  if (stillValid.length)
    throw new ApiError(
      'unknown',
      `Elasticsearch did not invalidate the API key ${stillValid.join(', ')} and gave no reason; it is still valid.`,
    );
}

function skippedError(response: InvalidateApiKeyResponse, ids: string[]): ApiError {
  const reasons = (response.error_details ?? [])
    .map((detail) => detail.reason ?? detail.type)
    .filter((reason): reason is string => typeof reason === 'string' && reason !== '');
  const forbidden = (response.error_details ?? []).some((detail) => detail.type === 'security_exception');
  return new ApiError(
    forbidden ? 'forbidden' : 'unknown',
    `Elasticsearch did not invalidate the API key ${ids.join(', ')}${reasons.length ? `: "${reasons.join('; ')}"` : ''}. It is still valid.`,
    undefined,
    { reason: reasons[0] ?? undefined },
  );
}
