/**
 * ECE platform trust relationships (seed ece-remote-cluster-other-ece, "Configuring platform level
 * trust", TLS-certificate model between two ECE environments):
 *
 * - "Elastic: Export ECE Trust Parameters": what this environment hands to the other one — its CA
 *   certificate and environment ID (the ECE UI's Platform > Trust Management > Trust parameters) —
 *   as a read-only JSON document, optionally saved to a file the user picks.
 * - "Elastic: Create ECE Trust Relationship": trusts another environment from its exported
 *   parameters (a file, a connected ECE environment read directly, or a CA file plus the ID).
 * - "Elastic: Remove ECE Trust Relationship": deletes one, naming the deployments whose external
 *   trust still refers to it.
 *
 * Each change shows a summary and asks first, reads the state back when the answer is lost, and
 * can be undone (create → delete; replace → the previous values; remove → re-create with the same
 * certificate and environment ID, which gets a new relationship ID). Requests follow the ECE API
 * description in cloud-sdk-go (api/apidocs.json): create-trust-relationship
 * (TrustRelationshipCreateRequest), update-trust-relationship (TrustRelationshipUpdateRequest),
 * delete-trust-relationship (`version` query), get-trust-relationships (`filter`, `include_certificate`).
 */
import type { EceClient } from '../api/cloud';
import { loadCaFile } from '../api/http';
import { isRecord } from '../api/shape';
import type { TrustRelationship, TrustRelationshipCreateRequest } from '../api/types/cloud';
import type { ConnectionProfile } from '../connections/profile';
import { describeError } from '../errorText';
import { applyAnswer, BACK, runSteps, type FlowStep } from '../ui/steps';
import { ChangeLog, cancelled, finishFlow, recordedWrite, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import {
  certificateFingerprintText,
  describeTwoWay,
  environmentIdOf,
  parseTrustParameters,
  readEnvironmentTrust,
  relationshipFor,
  trustParametersOf,
  twoWayTrust,
  type EnvironmentTrust,
  type TrustParameters,
} from './environmentTrust';
import type { StepPosition, Back } from '../ui/steps';
import { readFile } from 'node:fs/promises';

const EXPORT_TITLE = 'Export ECE Trust Parameters';
const CREATE_TITLE = 'Create ECE Trust Relationship';
const REMOVE_TITLE = 'Remove ECE Trust Relationship';

export interface TrustRelationshipArgs {
  connectionId?: string;
  relationshipId?: string;
  /** Create: the connected ECE environment whose trust parameters to use (the view's two-way check passes it). */
  sourceConnectionId?: string;
}

async function eceOf(pool: ClientPool, profile: ConnectionProfile): Promise<EceClient> {
  const ece = await pool.ece(profile);
  if (!ece) throw new Error(`"${profile.name}" is not an ECE connection.`);
  return ece;
}

/** A pick among the saved ECE connections (described by the coordinator's host, which fits the pick's width). */
async function pickConnection(
  context: FlowContext,
  position: StepPosition,
  options: { kinds: ['ece']; placeholder: string; active?: string },
): Promise<ConnectionProfile | Back | undefined> {
  const profiles = context.connections.list().filter((profile) => profile.kind === 'ece');
  if (profiles.length === 0) {
    await context.ui.notify(
      'error',
      'No ECE connection is saved. Add one with "Elastic: Add Connection", then run this command again.',
    );
    return position.canGoBack ? BACK : undefined;
  }
  return context.ui.pick<ConnectionProfile>({
    ...position,
    placeholder: options.placeholder,
    items: profiles.map((profile) => ({ label: profile.name, description: hostOf(profile).slice(0, 40), value: profile })),
    active: profiles.find((profile) => profile.id === options.active),
  });
}

function hostOf(profile: ConnectionProfile): string {
  try {
    return `ECE ${new URL(profile.url ?? '').host}`;
  } catch {
    return 'ECE';
  }
}

/** The ECE connection from the arguments, or asked for. */
async function eceConnection(
  context: FlowContext,
  title: string,
  args: TrustRelationshipArgs,
  placeholder: string,
): Promise<ConnectionProfile | undefined> {
  if (args.connectionId !== undefined) return connectionById(context, args.connectionId, ['ece']);
  const answer = await pickConnection(context, { title, step: 1, canGoBack: false }, { kinds: ['ece'], placeholder });
  return answer === BACK ? undefined : answer;
}

// ---------------------------------------------------------------- export

export async function exportTrustParameters(context: FlowContext, args: TrustRelationshipArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const connection = await eceConnection(context, EXPORT_TITLE, args, 'The ECE environment whose trust parameters to export');
    if (!connection) return cancelled();
    let parameters: TrustParameters | undefined;
    try {
      parameters = await context.ui.progress(`Reading the trust parameters of "${connection.name}"…`, async () => {
        const ece = await eceOf(pool, connection);
        const [environment, account] = await Promise.all([
          readEnvironmentTrust(ece, connection),
          ece.getAccount().catch(() => undefined),
        ]);
        return trustParametersOf(environment, account ? [account.id] : []);
      });
    } catch (error) {
      await context.ui.notify('error', `The trust parameters of "${connection.name}" could not be read: ${describeError(error)}`);
      return cancelled();
    }
    if (!parameters) {
      await context.ui.notify(
        'error',
        `"${connection.name}" lists no local trust relationship with a CA certificate, so there is nothing to hand to the other environment. Check Platform > Trust Management > Trust parameters in its Cloud UI.`,
      );
      return cancelled();
    }
    const text = `${JSON.stringify(parameters, null, 2)}\n`;
    const fileName = `${safeFileName(connection.name)}.ece-trust-parameters.json`;
    await context.ui.openReadOnly(fileName, text);
    const changes = new ChangeLog();
    // The document stays open; saving and copying are offered until the person is done (Escape too).
    for (let round = 0; round < 5; round++) {
      const choice = await context.ui.pick<'save' | 'copy' | 'done'>({
        title: EXPORT_TITLE,
        step: 1,
        canGoBack: false,
        placeholder: `Trust parameters of "${connection.name}" (environment ID ${parameters.environment_id}) are open in an editor`,
        items: [
          { label: 'Save to a file…', description: 'to hand to the other environment', value: 'save' },
          { label: 'Copy the environment ID', value: 'copy' },
          { label: 'Done', value: 'done' },
        ],
      });
      if (choice === 'copy') {
        await context.ui.copyToClipboard(parameters.environment_id);
        continue;
      }
      if (choice === 'save' && context.ui.saveText) {
        const saved = await context.ui.saveText(fileName, text);
        if (saved) changes.note(`Saved to ${saved}.`);
        continue;
      }
      break;
    }
    changes.note(
      "Trust between two ECE environments must go both ways: also export the other environment's parameters and create a relationship with them here.",
    );
    return finishFlow(context, EXPORT_TITLE, 'completed', changes, {
      summary: `Exported the trust parameters of "${connection.name}" (environment ID ${parameters.environment_id}). Nothing was changed.`,
    });
  } finally {
    await pool.close();
  }
}

function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'ece';
}

// ---------------------------------------------------------------- create

type SourceChoice = { kind: 'connection'; profile: ConnectionProfile } | { kind: 'file' } | { kind: 'certificate' };

interface CreateDraft {
  connection?: ConnectionProfile;
  source?: SourceChoice;
  path?: string;
  parameters?: TrustParameters;
  name?: string;
  trustByDefault?: boolean;
}

export async function createTrustRelationship(context: FlowContext, args: TrustRelationshipArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const preset = args.connectionId !== undefined ? await connectionById(context, args.connectionId, ['ece']) : undefined;
    if (args.connectionId !== undefined && !preset) return cancelled();
    const draft: CreateDraft = { connection: preset };
    if (args.sourceConnectionId !== undefined) {
      const source = await connectionById(context, args.sourceConnectionId, ['ece']);
      const parameters = source && (await readParametersOf(context, pool, source));
      if (!source || !parameters) return cancelled();
      draft.source = { kind: 'connection', profile: source };
      draft.parameters = parameters;
    }
    const presetSource = draft.source !== undefined;
    const steps = (current: CreateDraft): FlowStep<CreateDraft>[] => [
      ...(preset ? [] : [connectionStep(context)]),
      ...(presetSource ? [] : [sourceStep(context, pool)]),
      ...(current.source?.kind === 'file' ? [parametersFileStep(context)] : []),
      ...(current.source?.kind === 'certificate' ? [certificateFileStep(context), environmentIdStep(context)] : []),
      nameStep(context),
      defaultTrustStep(context),
    ];
    if (!(await runSteps(CREATE_TITLE, draft, steps))) return cancelled();
    return await applyCreate(context, pool, draft);
  } finally {
    await pool.close();
  }
}

function connectionStep(context: FlowContext): FlowStep<CreateDraft> {
  return {
    id: 'connection',
    run: async (draft, position) =>
      applyAnswer(
        await pickConnection(context, position, {
          kinds: ['ece'],
          placeholder: 'The ECE environment that will trust the other one',
          active: draft.connection?.id,
        }),
        (profile) => {
          if (profile.id !== draft.connection?.id) draft.source = undefined;
          draft.connection = profile;
        },
      ),
  };
}

function sourceStep(context: FlowContext, pool: ClientPool): FlowStep<CreateDraft> {
  return {
    id: 'source',
    run: async (draft, position) => {
      for (;;) {
        const others = context.connections
          .list()
          .filter((profile) => profile.kind === 'ece' && profile.id !== draft.connection?.id);
        const choice = await context.ui.pick<SourceChoice>({
          ...position,
          placeholder: "Where the other environment's trust parameters (CA certificate, environment ID) come from",
          items: [
            ...others.map((profile) => ({
              label: profile.name,
              description: 'connected ECE environment',
              value: { kind: 'connection', profile } as SourceChoice,
            })),
            { label: 'A trust parameters file…', description: 'from Export ECE Trust Parameters', value: { kind: 'file' } },
            {
              label: 'A CA certificate file and environment ID…',
              description: 'from its Trust parameters page',
              value: { kind: 'certificate' },
            },
          ],
          active: draft.source,
        });
        if (choice === undefined || choice === BACK) return choice;
        if (choice.kind !== 'connection') {
          if (draft.source?.kind !== choice.kind) draft.parameters = undefined;
          draft.source = choice;
          return 'next';
        }
        const parameters = await readParametersOf(context, pool, choice.profile);
        if (!parameters) continue;
        draft.source = choice;
        draft.parameters = parameters;
        return 'next';
      }
    },
  };
}

/** The trust parameters of a connected ECE environment; undefined (after saying why) when they cannot be read. */
async function readParametersOf(
  context: FlowContext,
  pool: ClientPool,
  profile: ConnectionProfile,
): Promise<TrustParameters | undefined> {
  try {
    const parameters = await context.ui.progress(`Reading the trust parameters of "${profile.name}"…`, async () => {
      const ece = await eceOf(pool, profile);
      const [environment, account] = await Promise.all([
        readEnvironmentTrust(ece, profile),
        ece.getAccount().catch(() => undefined),
      ]);
      return trustParametersOf(environment, account ? [account.id] : []);
    });
    if (!parameters)
      await context.ui.notify('error', `"${profile.name}" lists no local trust relationship with a CA certificate.`);
    return parameters;
  } catch (error) {
    await context.ui.notify('error', `"${profile.name}" could not be read: ${describeError(error)}`);
    return undefined;
  }
}

function parametersFileStep(context: FlowContext): FlowStep<CreateDraft> {
  let parsed: TrustParameters | undefined;
  return {
    id: 'parametersFile',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt: 'Path of the trust parameters file exported from the other ECE environment (.ece-trust-parameters.json)',
          value: draft.path,
          validate: async (value) => {
            if (!value.trim()) return 'Enter the path of the file.';
            let text: string;
            try {
              text = await readFile(value.trim(), 'utf8');
            } catch (error) {
              return `This file cannot be read: ${describeError(error)}`;
            }
            const result = parseTrustParameters(text);
            if (!result.ok) return `This file cannot be used: ${result.problem}`;
            parsed = result.value;
            return undefined;
          },
        }),
        (value) => {
          draft.path = value.trim();
          draft.parameters = parsed;
        },
      ),
  };
}

function certificateFileStep(context: FlowContext): FlowStep<CreateDraft> {
  let pem = '';
  return {
    id: 'certificateFile',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt:
            "Path of the other environment's CA certificate (PEM), downloaded from its Platform > Trust Management > Trust parameters",
          value: draft.path,
          validate: async (value) => {
            if (!value.trim()) return 'Enter the path of the certificate file.';
            const loaded = await loadCaFile(value.trim());
            if (!loaded.ok) return `This file cannot be used: ${loaded.problem}`;
            pem = loaded.value;
            return undefined;
          },
        }),
        (value) => {
          draft.path = value.trim();
          draft.parameters = {
            kind: 'ece-trust-parameters',
            name: draft.parameters?.name ?? '',
            environment_id: draft.parameters?.environment_id ?? '',
            public_ca_cert: pem,
          };
        },
      ),
  };
}

function environmentIdStep(context: FlowContext): FlowStep<CreateDraft> {
  return {
    id: 'environmentId',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          // The seed warns that these IDs cannot be verified, so they must be entered fully and correctly.
          prompt: "The other environment's environment ID, exactly as its Trust parameters page shows it (it cannot be verified)",
          value: draft.parameters?.environment_id || undefined,
          validate: (value) =>
            /^[A-Za-z0-9_-]+$/.test(value.trim()) ? undefined : 'Enter the ID: letters, digits, "_" and "-".',
        }),
        (value) => {
          if (draft.parameters) draft.parameters = { ...draft.parameters, environment_id: value.trim() };
        },
      ),
  };
}

function nameStep(context: FlowContext): FlowStep<CreateDraft> {
  return {
    id: 'name',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt: 'A name for the trusted environment (deployments pick it by this name when they add trust)',
          value: draft.name ?? (draft.parameters?.name || undefined),
          validate: (value) => (value.trim() ? undefined : 'Enter a name.'),
        }),
        (value) => (draft.name = value.trim()),
      ),
  };
}

function defaultTrustStep(context: FlowContext): FlowStep<CreateDraft> {
  return {
    id: 'trustByDefault',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.pick<boolean>({
          ...position,
          placeholder: 'Should every deployment of this environment trust it by default?',
          items: [
            { label: 'No, deployments opt in', description: 'with Add Trusted Environment', value: false },
            { label: 'Yes, trusted by default', description: 'by all deployments here', value: true },
          ],
          active: draft.trustByDefault ?? false,
        }),
        (value) => (draft.trustByDefault = value),
      ),
  };
}

function describeRelationship(relationship: { name: string; trust_by_default?: boolean; installation_id?: string }): string {
  return `"${relationship.name}" (environment ID ${relationship.installation_id ?? 'not set'}, ${relationship.trust_by_default ? 'trusted by default' : 'deployments opt in'})`;
}

async function applyCreate(context: FlowContext, pool: ClientPool, draft: CreateDraft): Promise<FlowResult> {
  const connection = draft.connection as ConnectionProfile;
  const parameters = draft.parameters as TrustParameters;
  const ece = await eceOf(pool, connection);
  let here: EnvironmentTrust;
  try {
    here = await context.ui.progress(`Reading the trust relationships of "${connection.name}"…`, () =>
      readEnvironmentTrust(ece, connection),
    );
  } catch (error) {
    await context.ui.notify(
      'error',
      `The trust relationships of "${connection.name}" could not be read: ${describeError(error)}`,
    );
    return cancelled();
  }
  if (here.local && environmentIdOf(here.local) === parameters.environment_id) {
    await context.ui.notify(
      'error',
      `Environment ID ${parameters.environment_id} is "${connection.name}" itself: an environment does not need a trust relationship with itself. Use the other environment's trust parameters.`,
    );
    return cancelled();
  }
  const request: TrustRelationshipCreateRequest = {
    name: draft.name as string,
    public_ca_cert: parameters.public_ca_cert,
    installation_id: parameters.environment_id,
    trust_by_default: draft.trustByDefault ?? false,
    // The seed's list example shows the other environment's account under account_ids; whether the
    // service needs it on create is not documented (unverified), so it is sent only when exported.
    ...(parameters.account_ids?.length ? { account_ids: parameters.account_ids } : {}),
  };
  const existing =
    here.trusted.find((relationship) => relationship.installation_id === parameters.environment_id) ??
    here.trusted.find(
      (relationship) =>
        !relationship.installation_id &&
        certificateFingerprintText(relationship.public_ca_cert) === certificateFingerprintText(parameters.public_ca_cert),
    );
  const sameName = here.trusted.find((relationship) => relationship.name === request.name && relationship !== existing);
  if (sameName) {
    await context.ui.notify(
      'error',
      `"${connection.name}" already has a trust relationship named "${request.name}" for another environment. Choose another name.`,
    );
    return cancelled();
  }
  const certificateChanges = existing
    ? certificateFingerprintText(existing.public_ca_cert) !== certificateFingerprintText(request.public_ca_cert)
    : false;
  const detail = [
    existing ? `Replace: ${describeRelationship(existing)}` : undefined,
    `${existing ? 'With' : 'Create'}: ${describeRelationship(request)}${certificateChanges ? ', with a different CA certificate' : ''}`,
    '',
    'Deployments of this environment can then trust that environment\'s deployments (Add Trusted Environment, "An ECE environment").',
    'Trust must go both ways: the other environment needs a trust relationship with this one too.',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  if (
    !(await context.ui.confirm(
      existing
        ? `Replace the trust relationship "${existing.name}" of "${connection.name}"?`
        : `Create a trust relationship in "${connection.name}"?`,
      detail,
      existing ? 'Replace' : 'Create',
    ))
  )
    return cancelled();

  const changes = new ChangeLog();
  const findIt = async () =>
    (await ece.listTrustRelationships({ includeCertificate: true, filter: 'non-local' })).find(
      (relationship) => relationship.installation_id === request.installation_id && relationship.name === request.name,
    );
  try {
    if (existing) {
      const previous = {
        name: existing.name,
        public_ca_cert: existing.public_ca_cert,
        trust_by_default: existing.trust_by_default,
        account_ids: existing.account_ids ?? [],
        ...(existing.installation_id ? { installation_id: existing.installation_id } : {}),
      };
      await context.ui.progress(`Updating the trust relationship "${existing.name}"…`, () =>
        recordedWrite(context, changes, {
          write: () => ece.updateTrustRelationship(existing.id, request),
          isApplied: async () => (await findIt())?.id === existing.id,
          change: () => ({
            done: `Replaced the trust relationship "${existing.name}" (${existing.id}) of "${connection.name}" with ${describeRelationship(request)}.`,
            undo: {
              description: `Restoring the trust relationship "${existing.name}"`,
              run: async () => void (await ece.updateTrustRelationship(existing.id, previous)),
              byHand: `in "${connection.name}", Platform > Trust Management > Trusted environments: set "${request.name}" back to name "${existing.name}" and its previous CA certificate (PUT /api/v1/regions/${ece.region}/platform/configuration/trust-relationships/${existing.id})`,
            },
          }),
        }),
      );
    } else {
      let createdId: string | undefined;
      await context.ui.progress(`Creating the trust relationship "${request.name}"…`, () =>
        recordedWrite(context, changes, {
          write: () => ece.createTrustRelationship(request),
          isApplied: async () => {
            createdId = (await findIt())?.id;
            return createdId !== undefined;
          },
          change: (created) => {
            if (created) createdId = created.id;
            const idOf = async () => createdId ?? (await findIt())?.id;
            return {
              done: `Created the trust relationship ${describeRelationship(request)} in "${connection.name}".`,
              undo: {
                description: `Deleting the trust relationship "${request.name}"`,
                run: async () => {
                  const id = await idOf();
                  if (id) await ece.deleteTrustRelationship(id);
                },
                isUndone: async () => (await findIt()) === undefined,
                byHand: `in "${connection.name}", Platform > Trust Management > Trusted environments: delete "${request.name}" (DELETE /api/v1/regions/${ece.region}/platform/configuration/trust-relationships/<id>)`,
              },
            };
          },
        }),
      );
    }
  } catch (error) {
    const unknown = changes.applied.length > 0;
    const problem = `${existing ? 'Updating' : 'Creating'} the trust relationship in "${connection.name}" failed: ${describeError(error)}${unknown ? '' : ' Nothing was changed.'}`;
    await context.ui.notify('error', problem);
    return finishFlow(context, CREATE_TITLE, 'failed', changes, {
      summary: unknown
        ? `Whether the trust relationship was ${existing ? 'changed' : 'created'} is unknown; check Platform > Trust Management in "${connection.name}".`
        : 'No trust relationship was changed.',
      problem,
    });
  }
  await noteTwoWay(pool, changes, connection, draft.source);
  changes.note(
    existing
      ? `To undo: run this command again with the previous trust parameters (it was ${describeRelationship(existing)}).`
      : `To undo: run "Elastic: Remove ECE Trust Relationship" on "${connection.name}" and pick "${request.name}".`,
  );
  await context.refreshViews();
  return finishFlow(context, CREATE_TITLE, 'completed', changes, {
    summary: existing
      ? `Replaced the trust relationship "${existing.name}" in "${connection.name}".`
      : `"${connection.name}" now trusts the environment "${request.name}" (${request.installation_id}).`,
  });
}

/** After a change, the state of both directions when the other environment is connected; otherwise a reminder. */
async function noteTwoWay(
  pool: ClientPool,
  changes: ChangeLog,
  connection: ConnectionProfile,
  source: SourceChoice | undefined,
): Promise<void> {
  if (source?.kind !== 'connection') {
    changes.note(
      'Trust between two ECE environments must go both ways: create a trust relationship with the trust parameters of this environment in the other one too (Export ECE Trust Parameters here, Create ECE Trust Relationship there).',
    );
    return;
  }
  try {
    const [self, other] = await Promise.all([
      readEnvironmentTrust(await eceOf(pool, connection), connection),
      readEnvironmentTrust(await eceOf(pool, source.profile), source.profile),
    ]);
    const result = describeTwoWay(connection.name, twoWayTrust(self, other));
    changes.note(`Two-way check: ${result.text}`);
  } catch (error) {
    changes.note(`The two-way check could not run: ${describeError(error)}`);
  }
}

// ---------------------------------------------------------------- remove

interface RemoveDraft {
  connection?: ConnectionProfile;
  relationship?: TrustRelationship;
}

/** Deployments read at most when looking for references (one request each). */
const MAX_DEPLOYMENTS_CHECKED = 50;

export async function removeTrustRelationship(context: FlowContext, args: TrustRelationshipArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const preset = args.connectionId !== undefined ? await connectionById(context, args.connectionId, ['ece']) : undefined;
    if (args.connectionId !== undefined && !preset) return cancelled();
    const draft: RemoveDraft = { connection: preset };
    const steps: FlowStep<RemoveDraft>[] = [
      ...(preset ? [] : [removeConnectionStep(context)]),
      ...(args.relationshipId === undefined ? [relationshipStep(context, pool)] : []),
    ];
    if (steps.length && !(await runSteps(REMOVE_TITLE, draft, steps))) return cancelled();
    const connection = draft.connection as ConnectionProfile;
    const ece = await eceOf(pool, connection);
    const id = args.relationshipId ?? (draft.relationship as TrustRelationship).id;
    let read: { relationship: TrustRelationship; version?: string };
    let users: string[];
    let unchecked: number;
    try {
      ({ read, users, unchecked } = await context.ui.progress(`Reading the trust relationship and its users…`, async () => {
        const read = await ece.readTrustRelationship(id);
        const found = await deploymentsReferring(ece, id);
        return { read, ...found };
      }));
    } catch (error) {
      await context.ui.notify(
        'error',
        `The trust relationship ${id} of "${connection.name}" could not be read: ${describeError(error)}`,
      );
      return cancelled();
    }
    const relationship = read.relationship;
    if (relationship.local) {
      await context.ui.notify(
        'error',
        `"${relationship.name}" is the environment's own trust relationship; it cannot be removed.`,
      );
      return cancelled();
    }
    const detail = [
      `Delete: ${describeRelationship(relationship)}`,
      '',
      users.length
        ? `Deployments whose external trust names it (their certificate-model remote clusters with that environment stop working): ${users.join(', ')}.`
        : 'No deployment of this environment names it in its external trust.',
      unchecked ? `${unchecked} more deployment(s) were not checked.` : undefined,
      '',
      'Undo re-creates it with the same name, CA certificate and environment ID, but under a new ID: deployments that named the old ID must then be pointed to the new one.',
    ]
      .filter((line) => line !== undefined)
      .join('\n');
    if (
      !(await context.ui.confirm(
        `Remove the trust relationship "${relationship.name}" from "${connection.name}"?`,
        detail,
        'Remove',
      ))
    )
      return cancelled();
    const changes = new ChangeLog();
    const recreate: TrustRelationshipCreateRequest = {
      name: relationship.name,
      public_ca_cert: relationship.public_ca_cert ?? '',
      trust_by_default: relationship.trust_by_default,
      ...(relationship.installation_id ? { installation_id: relationship.installation_id } : {}),
      ...(relationship.account_ids?.length ? { account_ids: relationship.account_ids } : {}),
    };
    const gone = async () => !(await ece.listTrustRelationships()).some((candidate) => candidate.id === id);
    try {
      await context.ui.progress(`Removing the trust relationship "${relationship.name}"…`, () =>
        recordedWrite(context, changes, {
          write: () => ece.deleteTrustRelationship(id, { version: read.version }),
          isApplied: gone,
          change: () => ({
            done: `Removed the trust relationship ${describeRelationship(relationship)} (${id}) from "${connection.name}".`,
            undo: {
              description: `Re-creating the trust relationship "${relationship.name}"`,
              run: async () => {
                const created = await ece.createTrustRelationship(recreate);
                changes.note(
                  `The trust relationship "${relationship.name}" was re-created with the new ID ${created.id}.${users.length ? ` Point the external trust of ${users.join(', ')} to it.` : ''}`,
                );
              },
              byHand: `in "${connection.name}", Platform > Trust Management > Trusted environments: create "${relationship.name}" again with environment ID ${relationship.installation_id ?? '(as before)'} and the same CA certificate`,
            },
          }),
        }),
      );
    } catch (error) {
      const unknown = changes.applied.length > 0;
      const problem = `Removing the trust relationship "${relationship.name}" failed: ${describeError(error)}${unknown ? '' : ' Nothing was changed.'}`;
      await context.ui.notify('error', problem);
      return finishFlow(context, REMOVE_TITLE, 'failed', changes, {
        summary: unknown
          ? `Whether "${relationship.name}" was removed is unknown; check Platform > Trust Management.`
          : 'Nothing was removed.',
        problem,
      });
    }
    if (users.length)
      changes.note(`Remove the external trust entries that still name ${id} with "Elastic: Edit Trust" on: ${users.join(', ')}.`);
    changes.note(
      `To undo: run "Elastic: Create ECE Trust Relationship" on "${connection.name}" with the other environment's trust parameters (environment ID ${relationship.installation_id ?? 'as before'}); the new relationship gets a new ID.`,
    );
    await context.refreshViews();
    return finishFlow(context, REMOVE_TITLE, 'completed', changes, {
      summary: `Removed the trust relationship "${relationship.name}" from "${connection.name}".`,
    });
  } finally {
    await pool.close();
  }
}

/** The deployments (by name) whose trust has an `external` entry for the relationship. */
async function deploymentsReferring(ece: EceClient, id: string): Promise<{ users: string[]; unchecked: number }> {
  const list = await ece.listDeployments();
  const deployments = list.deployments.slice(0, MAX_DEPLOYMENTS_CHECKED);
  const users: string[] = [];
  for (const deployment of deployments) {
    const details = await ece.getDeployment(deployment.id, { showSettings: true });
    const refers = (details.resources?.elasticsearch ?? []).some(
      (resource) =>
        isRecord(resource) &&
        (resource.info?.settings?.trust?.external ?? []).some((entry) => isRecord(entry) && entry.trust_relationship_id === id),
    );
    if (refers) users.push(`"${deployment.name}"`);
  }
  return { users, unchecked: list.deployments.length - deployments.length };
}

function removeConnectionStep(context: FlowContext): FlowStep<RemoveDraft> {
  return {
    id: 'connection',
    run: async (draft, position) =>
      applyAnswer(
        await pickConnection(context, position, {
          kinds: ['ece'],
          placeholder: 'The ECE environment whose trust relationship to remove',
          active: draft.connection?.id,
        }),
        (profile) => (draft.connection = profile),
      ),
  };
}

function relationshipStep(context: FlowContext, pool: ClientPool): FlowStep<RemoveDraft> {
  return {
    id: 'relationship',
    run: async (draft, position) => {
      const connection = draft.connection as ConnectionProfile;
      let relationships: TrustRelationship[];
      try {
        const ece = await eceOf(pool, connection);
        relationships = await context.ui.progress('Listing trust relationships…', () =>
          ece.listTrustRelationships({ filter: 'non-local' }),
        );
      } catch (error) {
        await context.ui.notify(
          'error',
          `The trust relationships of "${connection.name}" could not be listed: ${describeError(error)}`,
        );
        return position.canGoBack ? BACK : undefined;
      }
      relationships = relationships.filter((relationship) => relationship.local !== true);
      if (relationships.length === 0) {
        await context.ui.notify('info', `"${connection.name}" trusts no other environment; there is nothing to remove.`);
        return position.canGoBack ? BACK : undefined;
      }
      return applyAnswer(
        await context.ui.pick<TrustRelationship>({
          ...position,
          placeholder: 'The trust relationship to remove',
          items: relationships.map((relationship) => ({
            label: relationship.name,
            description: relationship.installation_id ?? relationship.id,
            value: relationship,
          })),
          active: draft.relationship,
        }),
        (relationship) => (draft.relationship = relationship),
      );
    },
  };
}

/** For the two-way check of other flows: whether `self` trusts `other` and back, in a sentence. */
export async function twoWayTrustSentence(
  pool: ClientPool,
  self: ConnectionProfile,
  other: ConnectionProfile,
): Promise<{ ok: boolean; text: string }> {
  const [a, b] = await Promise.all([
    readEnvironmentTrust(await eceOf(pool, self), self),
    readEnvironmentTrust(await eceOf(pool, other), other),
  ]);
  return describeTwoWay(self.name, twoWayTrust(a, b));
}

/**
 * For a deployment trusting another ECE environment (an `external` entry): whether the platform
 * trust between the two environments goes both ways, when the other one is a saved connection.
 * One sentence for the summary, or undefined when there is no other ECE connection to compare with.
 */
export async function externalTrustNote(
  context: FlowContext,
  pool: ClientPool,
  connection: ConnectionProfile,
  relationshipId: string,
): Promise<string | undefined> {
  const others = context.connections.list().filter((profile) => profile.kind === 'ece' && profile.id !== connection.id);
  if (others.length === 0) return undefined;
  try {
    const self = await readEnvironmentTrust(await eceOf(pool, connection), connection);
    const relationship = self.trusted.find((candidate) => candidate.id === relationshipId);
    if (!relationship) return undefined;
    for (const other of others) {
      const environment = await readEnvironmentTrust(await eceOf(pool, other), other);
      if (relationshipFor(self, environment)?.id !== relationshipId) continue;
      return `Platform trust: ${describeTwoWay(connection.name, twoWayTrust(self, environment)).text}`;
    }
    return `Platform trust: "${relationship.name}" is none of your saved ECE connections, so whether it trusts "${connection.name}" back was not checked.`;
  } catch (error) {
    return `Platform trust: the two-way check could not run (${describeError(error)}).`;
  }
}
