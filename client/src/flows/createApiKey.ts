/**
 * "Elastic: Create Cross-Cluster API Key": creates a key on the remote cluster for the index
 * patterns the user picks, and hands the encoded value over only on explicit request (clipboard or
 * a new untitled editor). It is never logged, put in a message, or returned.
 */
import { runSteps, applyAnswer, type FlowStep } from '../ui/steps';
import { describeError } from '../errorText';
import { ChangeLog, cancelled, failFlow, finishFlow, type FlowResult } from './changes';
import { createRecordedKey, CREATED_BY_EXTENSION } from './crossClusterKeys';
import { ClientPool, connectionById, type FlowContext } from './context';
import {
  certificateIdentityProblem,
  confirmEveryIndex,
  expirationProblem,
  nameProblem,
  parsePatterns,
  patternsProblem,
} from './validation';
import { atLeastVersion, CERTIFICATE_IDENTITY_VERSION } from './versionGates';
import { checkApiKeyRemote } from './apiKeyModel';
import { clusterStep, type CheckedCluster } from './pickers';
import type { FlowStart } from './remoteDraft';

const TITLE = 'Create Cross-Cluster API Key';

export interface CreateApiKeyArgs {
  connectionId?: string;
}

export type CreateApiKeyResult = FlowResult & { keyId?: string; keyName?: string };

interface Draft {
  remote?: CheckedCluster;
  name?: string;
  search?: string[];
  replication?: string[];
  certificateIdentity?: string;
  expiration?: string;
}

export async function createCrossClusterApiKey(context: FlowContext, args: CreateApiKeyArgs = {}): Promise<CreateApiKeyResult> {
  const pool = new ClientPool(context.connections);
  const start: FlowStart = { context, pool, presetModel: true, presetLocal: true };
  try {
    const draft: Draft = {};
    if (args.connectionId !== undefined) {
      const profile = await connectionById(context, args.connectionId, ['elasticsearch']);
      const checked = profile && (await checkApiKeyRemote(start, profile));
      if (!checked) return cancelled();
      draft.remote = checked;
    }
    const steps = (current: Draft): FlowStep<Draft>[] => [
      ...(args.connectionId === undefined ? [connectionStep(start)] : []),
      nameStep(context),
      patternStep(context, 'search'),
      patternStep(context, 'replication'),
      ...(atLeastVersion(current.remote?.info.version.number, CERTIFICATE_IDENTITY_VERSION)
        ? [certificateIdentityStep(context)]
        : []),
      expirationStep(context),
    ];
    if (!(await runSteps(TITLE, draft, steps))) return cancelled();
    const remote = draft.remote as CheckedCluster;
    const summary = [
      `On "${remote.profile.name}": create the cross-cluster API key "${draft.name}".`,
      ...(draft.search?.length ? [`Search access: ${draft.search.join(', ')}`] : []),
      ...(draft.replication?.length ? [`Replication access: ${draft.replication.join(', ')}`] : []),
      ...(draft.certificateIdentity ? [`Certificate identity: ${draft.certificateIdentity}`] : []),
      draft.expiration ? `Expires after ${draft.expiration}.` : 'Does not expire.',
    ];
    if (!(await context.ui.confirm('Create this key?', summary.join('\n'), 'Create'))) return cancelled();

    const changes = new ChangeLog();
    let created;
    try {
      const client = await pool.elasticsearch(remote.profile);
      created = await context.ui.progress(`Creating the key on "${remote.profile.name}"…`, () =>
        createRecordedKey(context, changes, client, remote.profile.name, {
          name: draft.name as string,
          access: {
            ...(draft.search?.length ? { search: [{ names: draft.search }] } : {}),
            ...(draft.replication?.length ? { replication: [{ names: draft.replication }] } : {}),
          },
          ...(draft.expiration ? { expiration: draft.expiration } : {}),
          ...(draft.certificateIdentity ? { certificate_identity: draft.certificateIdentity } : {}),
          metadata: { ...CREATED_BY_EXTENSION },
        }),
      );
    } catch (error) {
      const problem = `Creating the key failed: ${describeError(error)}`;
      // A key whose answer was lost may exist anyway: then it is recorded, and the undo is offered.
      if (changes.applied.length) return failFlow(context, TITLE, changes, problem, 'No usable key was created.');
      await context.ui.notify('error', problem);
      return finishFlow(context, TITLE, 'failed', changes, { summary: 'No key was created.', problem });
    }
    changes.note(
      'The encoded value goes into cluster.remote.<alias>.credentials in the keystore of the local cluster; "Elastic: Add Remote Cluster" does that for you when it creates the key itself.',
    );
    await handOverKey(context, created.encoded, created.name);
    const result = await finishFlow(context, TITLE, 'completed', changes, {
      summary: `Created the key "${created.name}" on "${remote.profile.name}".`,
    });
    return { ...result, keyId: created.id, keyName: created.name };
  } finally {
    await pool.close();
  }
}

const COPY = 'Copy Encoded Key';
const OPEN = 'Open in Editor';

/** Offers the encoded key until the dialog is closed: it cannot be read back from Elasticsearch later. */
async function handOverKey(context: FlowContext, encoded: string, name: string): Promise<void> {
  for (;;) {
    const answer = await context.ui.notify(
      'info',
      `The key "${name}" was created. Take its encoded value now: Elasticsearch does not show it again.`,
      [COPY, OPEN],
      {
        modal: true,
        detail:
          'The encoded value is what the local cluster needs as cluster.remote.<alias>.credentials. It is not logged or stored by the extension.',
      },
    );
    if (answer === COPY) await context.ui.copyToClipboard(encoded);
    else if (answer === OPEN) await context.ui.openReadOnly(`Encoded key ${name}.txt`, encoded);
    else return;
  }
}

function connectionStep(start: FlowStart): FlowStep<Draft> {
  return clusterStep<'remote', Draft>(start.context, {
    id: 'connection',
    field: 'remote',
    placeholder: 'The remote cluster: the key grants access to its indices',
    check: (profile) => checkApiKeyRemote(start, profile),
  });
}

function nameStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'name',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt: "Name of the key (shown in the remote's API key list)",
          value: draft.name ?? 'cross-cluster-access',
          validate: (value) => nameProblem(value, 'key name'),
        }),
        (value) => (draft.name = value.trim()),
      ),
  };
}

function patternStep(context: FlowContext, kind: 'search' | 'replication'): FlowStep<Draft> {
  return {
    id: kind,
    run: async (draft, position) => {
      for (;;) {
        // No default: what the key grants is typed by the user, never an implied "*".
        const answer = await context.ui.input({
          ...position,
          prompt:
            kind === 'search'
              ? 'Indices the key lets the local cluster SEARCH: names or patterns, comma-separated (empty: none)'
              : 'Indices the key lets the local cluster REPLICATE: comma-separated (empty: none)',
          placeholder: kind === 'search' ? 'logs-*, metrics-*' : 'leader-*',
          value: (draft[kind] ?? []).join(', '),
          validate: (value) =>
            patternsProblem(value) ??
            (kind === 'replication' && parsePatterns(value).length === 0 && !(draft.search ?? []).length
              ? 'Give at least one pattern to search or to replicate: a key that grants nothing cannot be created.'
              : undefined),
        });
        if (typeof answer !== 'string') return answer;
        const patterns = parsePatterns(answer);
        if (!(await confirmEveryIndex(context.ui, patterns, kind === 'search' ? 'search' : 'replicate'))) continue;
        draft[kind] = patterns;
        return 'next';
      }
    },
  };
}

function certificateIdentityStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'certificateIdentity',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt:
            "Certificate identity (9.3+): a pattern the signing certificate's DN must match. Leave empty to not require it.",
          value: draft.certificateIdentity,
          validate: certificateIdentityProblem,
        }),
        (value) => (draft.certificateIdentity = value.trim() || undefined),
      ),
  };
}

function expirationStep(context: FlowContext): FlowStep<Draft> {
  return {
    id: 'expiration',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt: 'Expiration, e.g. 90d (empty: the key does not expire)',
          value: draft.expiration,
          validate: expirationProblem,
        }),
        (value) => (draft.expiration = value.trim() || undefined),
      ),
  };
}
