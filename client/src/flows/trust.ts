/**
 * "Elastic: Add Trusted Environment" and "Elastic: Edit Trust": the trust settings of an Elastic
 * Cloud Hosted / ECE deployment (whose certificates it accepts for TLS-certificate remote
 * clusters). An entry trusts an Elastic Cloud organization, an ECE environment (`external`, by
 * trust relationship) or a self-managed / other environment by its CA (`direct`, type `generic`),
 * for all its clusters or for listed Elasticsearch cluster IDs (offered from the connected account).
 * An organization is an `accounts` entry on Elastic Cloud (seed 002); on ECE, whose only account is
 * its own (seed 003), it is a `direct` entry of type `ESS` with the organization ID as scope ID and
 * the regions' CA certificates (seed 000).
 * The deployment update replaces the whole trust object, so every write reads the current trust
 * right before and changes only the one entry.
 */
import type { CloudClient } from '../api/cloud';
import { loadCaFile } from '../api/http';
import type { AccountTrust, DirectTrust, ExternalTrust, TrustSettings } from '../api/types/cloud';
import type { ConnectionProfile } from '../connections/profile';
import { BACK, runSteps, applyAnswer, type Back, type FlowStep, type StepPosition } from '../ui/steps';
import { describeError } from '../errorText';
import { ChangeLog, cancelled, finishFlow, recordedWrite, type FlowResult } from './changes';
import { ClientPool, connectionById, type FlowContext } from './context';
import {
  ChangedMeanwhileError,
  confirmOnTop,
  deploymentDetails,
  describeTrustEntry,
  listDeploymentTargets,
  trustEntries,
  trustChangeApplied,
  trustEntryKey,
  writeTrustEntry,
  type DeploymentTarget,
  type TrustEntry,
  type TrustKind,
} from './deployments';
import { looksLikeClusterId } from './validation';
import {
  BEFORE_FEBRUARY_2021_NOTE,
  ccsVersionProblem,
  ORGANIZATION_DEFAULT_NOTE,
  SPECIFIC_DEPLOYMENTS_NOTE,
} from './organizationTrust';
import { pickDeployment } from './pickers';
import { externalTrustNote } from './trustRelationships';

const ADD_TITLE = 'Add Trusted Environment';
const EDIT_TITLE = 'Edit Trust';

export interface TrustArgs {
  connectionId?: string;
  deploymentId?: string;
}

interface Scope {
  trustAll: boolean;
  clusterIds: string[];
}

/** What the person chose to trust; `ess` is an Elastic Cloud organization seen from ECE (a direct entry). */
type AddChoice = TrustKind | 'ess';

interface AddDraft {
  target?: DeploymentTarget;
  kind?: AddChoice;
  /** accounts: organization ID; external: trust relationship ID; direct and ess: name. */
  id?: string;
  /** direct and ess. */
  caFile?: string;
  caPems?: string[];
  /** direct: the environment's scope; ess: the organization ID. */
  scopeId?: string;
  scope?: Scope;
}

/** Resolves the deployment from the arguments, or adds a step that asks for it. */
async function targetFromArgs(
  context: FlowContext,
  pool: ClientPool,
  args: TrustArgs,
): Promise<{ target?: DeploymentTarget; connection?: ConnectionProfile } | undefined> {
  if (args.connectionId === undefined) return {};
  const connection = await connectionById(context, args.connectionId, ['cloud', 'ece']);
  if (!connection) return undefined;
  if (args.deploymentId === undefined) return { connection };
  const { targets, problems } = await context.ui.progress('Reading the deployment…', () =>
    listDeploymentTargets(pool, [connection]),
  );
  const target = targets.find((candidate) => candidate.deploymentId === args.deploymentId);
  if (!target) {
    await context.ui.notify('error', problems[0] ?? `"${connection.name}" has no deployment with the ID "${args.deploymentId}".`);
    return undefined;
  }
  return { target, connection };
}

function deploymentStep<D extends { target?: DeploymentTarget }>(
  context: FlowContext,
  pool: ClientPool,
  connection: ConnectionProfile | undefined,
): FlowStep<D> {
  return {
    id: 'deployment',
    run: async (draft, position) =>
      applyAnswer(
        await pickDeployment(context, pool, position, {
          kinds: ['cloud', 'ece'],
          connection,
          placeholder: 'The deployment whose trust settings change',
          preselect: (candidate) => candidate.deploymentId === draft.target?.deploymentId,
        }),
        (target) => (draft.target = target),
      ),
  };
}

export async function addTrustedEnvironment(context: FlowContext, args: TrustArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const resolved = await targetFromArgs(context, pool, args);
    if (!resolved) return cancelled();
    return await runAddTrust(context, pool, { target: resolved.target }, resolved.connection);
  } finally {
    await pool.close();
  }
}

async function runAddTrust(
  context: FlowContext,
  pool: ClientPool,
  draft: AddDraft,
  connection: ConnectionProfile | undefined,
): Promise<FlowResult> {
  const presetTarget = draft.target !== undefined;
  const stepsFor = (current: AddDraft): FlowStep<AddDraft>[] => [
    ...(presetTarget ? [] : [deploymentStep<AddDraft>(context, pool, connection)]),
    kindStep(context),
    ...(current.kind === 'direct'
      ? [directNameStep(context), caFileStep(context), scopeIdStep(context)]
      : current.kind === 'ess'
        ? [organizationStep(context), directNameStep(context), caFileStep(context)]
        : [idStep(context, pool)]),
    scopeStep<AddDraft>(context, pool, ADD_TITLE, (current) => current.kind === 'accounts'),
  ];
  if (!(await runSteps(ADD_TITLE, draft, stepsFor))) return cancelled();
  const target = draft.target as DeploymentTarget;
  const entry = entryOf(draft);
  const cloud = await pool.cloud(target.connection);
  let seen: TrustSettings;
  let existing: TrustEntry[];
  try {
    seen = (await context.ui.progress('Reading the current trust…', () => deploymentDetails(cloud, target))).trust;
    existing = trustEntries(seen);
  } catch (error) {
    await context.ui.notify(
      'error',
      `The trust settings of "${target.deploymentName}" could not be read: ${describeError(error)}`,
    );
    return cancelled();
  }
  const replaced = existing.find((candidate) => trustEntryKey(candidate) === trustEntryKey(entry));
  const kept = existing.filter((candidate) => candidate !== replaced);
  const scopeNote = draft.scopeId === undefined ? undefined : scopeIdProblem(draft.scopeId).note;
  // Deployments of two ECE environments can only trust each other once the platforms do, both ways (seed 001).
  const platformNote =
    draft.kind === 'external' && target.connection.kind === 'ece'
      ? await context.ui.progress('Checking the platform trust both ways…', () =>
          externalTrustNote(context, pool, target.connection, draft.id as string),
        )
      : undefined;
  const detail = [
    replaced ? `Replace: ${describeTrustEntry(replaced)}` : undefined,
    `${replaced ? 'With' : 'Add'}: ${describeTrustEntry(entry)}`,
    replaced ? narrowingNote(replaced, entry) : undefined,
    scopeNote,
    platformNote,
    '',
    kept.length ? 'Kept as they are:' : 'No other trust entries.',
    ...kept.map((candidate) => `• ${describeTrustEntry(candidate)}`),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  if (
    !(await context.ui.confirm(
      `Change the trust of deployment "${target.deploymentName}"?`,
      detail,
      replaced ? 'Replace' : 'Add',
    ))
  )
    return cancelled();
  return writeAndReport(
    context,
    cloud,
    target,
    ADD_TITLE,
    { set: entry },
    seen,
    replaced
      ? `Replaced the trust entry in deployment "${target.deploymentName}": ${describeTrustEntry(entry)}.`
      : `Added to the trust of deployment "${target.deploymentName}": ${describeTrustEntry(entry)}.`,
  );
}

async function writeAndReport(
  context: FlowContext,
  cloud: CloudClient,
  target: DeploymentTarget,
  title: string,
  change: { set: TrustEntry } | { remove: string },
  seen: TrustSettings | undefined,
  done: string,
): Promise<FlowResult> {
  const changes = new ChangeLog();
  try {
    await context.ui.progress(`Updating the trust of "${target.deploymentName}"…`, () =>
      recordedWrite(context, changes, {
        write: () =>
          writeTrustEntry(cloud, target, change, { seen, confirm: confirmOnTop(context, 'Apply your change on top of it?') }),
        isApplied: async () => trustChangeApplied((await deploymentDetails(cloud, target)).trust, change),
        change: () => ({ done }),
      }),
    );
  } catch (error) {
    if (error instanceof ChangedMeanwhileError) {
      await context.ui.notify('info', error.message);
      return cancelled(changes);
    }
    // A change recorded despite the failure was possibly made: the answer was lost and could not be checked.
    const unknown = changes.applied.length > 0;
    const problem = `Updating the trust of "${target.deploymentName}" failed: ${describeError(error)}${unknown ? '' : ' Nothing was changed.'}`;
    await context.ui.notify('error', problem);
    return finishFlow(context, title, 'failed', changes, {
      summary: unknown
        ? `Whether the trust settings changed is unknown; check them in "${target.deploymentName}".`
        : 'The trust settings are unchanged.',
      problem,
    });
  }
  changes.note('The certificate model needs trust on both sides: the other environment must trust this deployment too.');
  if (target.connection.kind === 'cloud' && 'set' in change && change.set.kind === 'accounts')
    changes.note(`${ORGANIZATION_DEFAULT_NOTE} ${BEFORE_FEBRUARY_2021_NOTE}`);
  await context.refreshViews();
  return finishFlow(context, title, 'completed', changes, { summary: done });
}

function entryOf(draft: AddDraft): TrustEntry {
  const scope = draft.scope ?? { trustAll: true, clusterIds: [] };
  const common = { trust_all: scope.trustAll, ...(scope.trustAll ? {} : { trust_allowlist: scope.clusterIds }) };
  switch (draft.kind) {
    case 'external':
      return { kind: 'external', entry: { trust_relationship_id: draft.id as string, ...common } satisfies ExternalTrust };
    case 'direct':
    case 'ess':
      return {
        kind: 'direct',
        entry: {
          name: draft.id as string,
          type: draft.kind === 'ess' ? 'ESS' : 'generic',
          scope_id: draft.scopeId,
          certificates: (draft.caPems ?? []).map((pem) => ({ pem })),
          ...common,
        } satisfies DirectTrust,
      };
    default:
      return { kind: 'accounts', entry: { account_id: draft.id as string, ...common } satisfies AccountTrust };
  }
}

function kindStep(context: FlowContext): FlowStep<AddDraft> {
  return {
    id: 'kind',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.pick<AddChoice>({
          ...position,
          placeholder: 'What should the deployment trust?',
          items: [
            draft.target?.connection.kind === 'ece'
              ? { label: 'An Elastic Cloud organization', description: 'by organization ID and regional CAs', value: 'ess' }
              : { label: 'An Elastic Cloud organization', description: 'by organization ID', value: 'accounts' },
            { label: 'An ECE environment', description: 'by trust relationship', value: 'external' },
            {
              label: 'A self-managed or other environment',
              description: 'by CA certificate (ECK, self-managed)',
              value: 'direct',
            },
          ],
          active: draft.kind,
        }),
        (kind) => {
          if (kind !== draft.kind) draft.id = undefined;
          draft.kind = kind;
        },
      ),
  };
}

function idStep(context: FlowContext, pool: ClientPool): FlowStep<AddDraft> {
  return {
    id: 'id',
    run: async (draft, position) => {
      const target = draft.target as DeploymentTarget;
      if (draft.kind === 'external') {
        const ece = await pool.ece(target.connection);
        if (ece) {
          // ECE lists the environments it knows; pick one (the local environment is trusted through accounts).
          try {
            const relationships = (
              await context.ui.progress('Listing trust relationships…', () => ece.listTrustRelationships())
            ).filter((relationship) => !relationship.local);
            if (relationships.length) {
              return applyAnswer(
                await context.ui.pick<string>({
                  ...position,
                  placeholder: 'The environment to trust',
                  items: relationships.map((relationship) => ({
                    label: relationship.name,
                    description: relationship.id,
                    value: relationship.id,
                  })),
                  active: draft.id,
                }),
                (id) => (draft.id = id),
              );
            }
          } catch (error) {
            await context.ui.notify(
              'warning',
              `Trust relationships could not be listed (${describeError(error)}); enter the ID instead.`,
            );
          }
        }
      }
      return applyAnswer(
        await context.ui.input({
          ...position,
          prompt:
            draft.kind === 'external'
              ? 'ID of the trust relationship of the environment to trust'
              : 'ID of the Elastic Cloud organization to trust',
          value: draft.id,
          validate: (value) =>
            /^[A-Za-z0-9_-]+$/.test(value.trim()) ? undefined : 'Enter the ID: letters, digits, "_" and "-".',
        }),
        (value) => (draft.id = value.trim()),
      );
    },
  };
}

function directNameStep(context: FlowContext): FlowStep<AddDraft> {
  return {
    id: 'directName',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt: 'A name for the trusted environment',
          placeholder: draft.kind === 'ess' ? 'My Organization' : 'on-prem-dc1',
          value: draft.id ?? (draft.kind === 'ess' && draft.scopeId ? `Elastic Cloud organization ${draft.scopeId}` : undefined),
          validate: (value) => (value.trim() ? undefined : 'Enter a name.'),
        }),
        (value) => (draft.id = value.trim()),
      ),
  };
}

/** ECE trusting an Elastic Cloud organization: its ID becomes the scope ID of the direct entry (seed 000). */
function organizationStep(context: FlowContext): FlowStep<AddDraft> {
  return {
    id: 'organization',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt: 'ID of the Elastic Cloud organization to trust (shown next to the organization name; usually digits)',
          value: draft.scopeId,
          validate: (value) => scopeIdProblem(value.trim()).problem,
        }),
        (value) => (draft.scopeId = value.trim()),
      ),
  };
}

function caFileStep(context: FlowContext): FlowStep<AddDraft> {
  let pems: string[] = [];
  return {
    id: 'caFile',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt:
            draft.kind === 'ess'
              ? "Path of the PEM file with the CA certificates of the organization's regions (from the Security page of its deployments; one file may hold several)"
              : "Path of the PEM file with the CA certificate that signed the environment's transport certificates",
          placeholder: '/path/to/transport-ca.crt',
          value: draft.caFile,
          validate: async (value) => {
            if (value.trim() === '') return 'Enter the path of the CA certificate.';
            const loaded = await loadCaFile(value.trim());
            if (!loaded.ok) return `This file cannot be used: ${loaded.problem}`;
            pems = splitCertificates(loaded.value);
            return undefined;
          },
        }),
        (value) => {
          draft.caFile = value.trim();
          draft.caPems = pems;
        },
      ),
  };
}

/** Each certificate of a PEM bundle, as its own `certificates[]` entry. */
function splitCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [pem];
}

/**
 * The API description calls `scope_id` "a lowercase alphanumerical string of max 32 characters",
 * but the ECE ↔ ECK procedure (seed 004) has the person enter `default.es.local`. Dotted or dashed
 * lowercase names are therefore accepted, with a note; the service's own rule is not verified.
 */
export function scopeIdProblem(value: string): { problem?: string; note?: string } {
  if (/^[a-z0-9]{1,32}$/.test(value)) return {};
  if (value.length <= 32 && /^[a-z0-9]+([.-][a-z0-9]+)*$/.test(value)) {
    return {
      note: `The API description asks for lowercase letters and digits only; "${value}" follows the ECE ↔ ECK procedure (for example default.es.local). If the update is refused, use the scope as the service expects it.`,
    };
  }
  return { problem: 'Use 1 to 32 lowercase letters and digits (dots or dashes between them, as in default.es.local).' };
}

function scopeIdStep(context: FlowContext): FlowStep<AddDraft> {
  return {
    id: 'scopeId',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt:
            "Scope ID: the part of the environment's node certificate names that identifies it (lowercase letters and digits, up to 32; default.es.local for ECK)",
          value: draft.scopeId,
          validate: (value) => scopeIdProblem(value.trim()).problem,
        }),
        (value) => (draft.scopeId = value.trim()),
      ),
  };
}

const ALL = 'all';
const LISTED = 'listed';

/** All clusters, or a list of Elasticsearch cluster IDs picked from the connected account plus typed ones. */
function scopeStep<D extends { target?: DeploymentTarget; scope?: Scope }>(
  context: FlowContext,
  pool: ClientPool,
  title: string,
  /** An organization entry: specific deployments get the cross-cluster search version check (seed 003). */
  isOrganization: (draft: D) => boolean = () => false,
): FlowStep<D> {
  return {
    id: 'scope',
    run: async (draft, position) => {
      for (;;) {
        const choice = await context.ui.pick<string>({
          ...position,
          placeholder: 'Which clusters of that environment?',
          items: [
            { label: 'All of its deployments and clusters', value: ALL },
            { label: 'Only specific Elasticsearch clusters…', description: 'by cluster ID (not deployment ID)', value: LISTED },
          ],
          active: draft.scope ? (draft.scope.trustAll ? ALL : LISTED) : undefined,
        });
        if (choice === undefined || choice === BACK) return choice;
        if (choice === ALL) {
          draft.scope = { trustAll: true, clusterIds: [] };
          return 'next';
        }
        const ids = await pickClusterIds(
          context,
          pool,
          position,
          draft.target as DeploymentTarget,
          draft.scope?.clusterIds ?? [],
          title,
          isOrganization(draft),
        );
        if (ids === undefined) return undefined;
        if (ids === BACK) continue;
        draft.scope = { trustAll: false, clusterIds: ids };
        return 'next';
      }
    },
  };
}

async function pickClusterIds(
  context: FlowContext,
  pool: ClientPool,
  position: StepPosition,
  target: DeploymentTarget,
  current: string[],
  title: string,
  versionPolicy = false,
): Promise<string[] | Back | undefined> {
  const connections = context.connections.list().filter((profile) => profile.kind === 'cloud' || profile.kind === 'ece');
  const { targets } = await context.ui.progress('Listing the clusters of the connected accounts…', () =>
    listDeploymentTargets(pool, connections),
  );
  const known = targets.filter((candidate) => candidate.clusterId !== target.clusterId);
  const knownIds = new Set(known.map((candidate) => candidate.clusterId));
  for (;;) {
    let picked: string[] = [];
    if (known.length) {
      const answer = await context.ui.pickMany<string>({
        ...position,
        title,
        placeholder: 'Clusters to trust (others can be typed next)',
        items: known.map((candidate) => ({
          label: candidate.deploymentName,
          description: candidate.clusterId,
          detail: `${candidate.refId} · ${candidate.connection.name}`,
          value: candidate.clusterId,
        })),
        selected: current.filter((id) => knownIds.has(id)),
      });
      if (answer === undefined || answer === BACK) return answer;
      picked = answer;
    }
    const typed = await context.ui.input({
      ...position,
      title,
      prompt: 'More Elasticsearch cluster IDs, comma-separated (optional). Cluster IDs, not deployment IDs.',
      value: current.filter((id) => !knownIds.has(id)).join(', '),
      validate: (value) => {
        const ids = splitIds(value);
        const bad = ids.find((id) => !/^[A-Za-z0-9_-]+$/.test(id));
        if (bad) return `"${bad}" is not a cluster ID.`;
        if (ids.length + picked.length === 0) return 'Pick or enter at least one cluster, or go back and trust all.';
        return undefined;
      },
    });
    if (typed === undefined) return undefined;
    if (typed === BACK) {
      if (known.length) continue;
      return BACK;
    }
    const ids = [...new Set([...picked, ...splitIds(typed)])];
    const odd = ids.filter((id) => !looksLikeClusterId(id) && !knownIds.has(id));
    // 32 lowercase hex is the usual shape (seen in examples, not documented): ask, do not refuse.
    if (
      odd.length &&
      !(await context.ui.confirm(
        `${odd.join(', ')} ${odd.length === 1 ? 'does' : 'do'} not look like an Elasticsearch cluster ID (32 hex characters). Use anyway?`,
        'Allowlists applyAnswer cluster IDs, not deployment IDs or names.',
        'Use Anyway',
      ))
    )
      continue;
    if (versionPolicy && !(await versionPolicyAccepted(context, pool, target, known, ids))) continue;
    return ids;
  }
}

/**
 * Specific deployments of an organization: the console only offers those that pass the stricter
 * cross-cluster search version policy (seed 003). The API takes any; the person is told which
 * pairs the console would refuse and decides (replication-only trust is the documented reason).
 */
async function versionPolicyAccepted(
  context: FlowContext,
  pool: ClientPool,
  target: DeploymentTarget,
  known: DeploymentTarget[],
  ids: string[],
): Promise<boolean> {
  const picked = known.filter((candidate) => ids.includes(candidate.clusterId));
  if (picked.length === 0) return true;
  const versionOf = async (candidate: DeploymentTarget) => {
    try {
      return (await deploymentDetails(await pool.cloud(candidate.connection), candidate)).version;
    } catch {
      return undefined;
    }
  };
  const [own, ...others] = await context.ui.progress('Comparing the Elasticsearch versions…', () =>
    Promise.all([target, ...picked].map(versionOf)),
  );
  // "The deployments trusted to be used as remote clusters" (seed 003): this deployment searches them.
  const problems = picked.flatMap((candidate, index) => {
    const problem = ccsVersionProblem(own, others[index]);
    return problem ? [`"${target.deploymentName}" searching "${candidate.deploymentName}": ${problem}`] : [];
  });
  if (problems.length === 0) return true;
  return context.ui.confirm(
    'Some of these deployments fall outside the cross-cluster search version policy. Trust them anyway?',
    [
      ...problems.map((problem) => `• ${problem}`),
      '',
      SPECIFIC_DEPLOYMENTS_NOTE,
      'Cross-cluster search between these versions fails; trust them anyway only for cross-cluster replication.',
    ].join('\n'),
    'Trust Anyway',
  );
}

function splitIds(text: string): string[] {
  return text
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

interface EditDraft {
  target?: DeploymentTarget;
  /** The trust as read for the entry list: what the user's choice is based on. */
  seen?: TrustSettings;
  entry?: TrustEntry | 'add';
  action?: 'all' | 'listed' | 'remove';
  scope?: Scope;
}

export async function editTrust(context: FlowContext, args: TrustArgs = {}): Promise<FlowResult> {
  const pool = new ClientPool(context.connections);
  try {
    const resolved = await targetFromArgs(context, pool, args);
    if (!resolved) return cancelled();
    const draft: EditDraft = { target: resolved.target };
    const presetTarget = draft.target !== undefined;
    const stepsFor = (current: EditDraft): FlowStep<EditDraft>[] => [
      ...(presetTarget ? [] : [deploymentStep<EditDraft>(context, pool, resolved.connection)]),
      entryStep(context, pool),
      ...(current.entry === 'add' ? [] : [actionStep(context, pool)]),
    ];
    if (!(await runSteps(EDIT_TITLE, draft, stepsFor))) return cancelled();
    const target = draft.target as DeploymentTarget;
    if (draft.entry === 'add') return await runAddTrust(context, pool, { target }, target.connection);
    const entry = draft.entry as TrustEntry;
    const key = trustEntryKey(entry);
    const cloud = await pool.cloud(target.connection);
    if (draft.action === 'remove') {
      if (
        !(await context.ui.confirm(
          `Remove this trust from deployment "${target.deploymentName}"?`,
          `${describeTrustEntry(entry)}\n\nRemote clusters that connect with that environment through the TLS certificate model stop working. The other trust entries are kept.`,
          'Remove',
        ))
      )
        return cancelled();
      return await writeAndReport(
        context,
        cloud,
        target,
        EDIT_TITLE,
        { remove: key },
        draft.seen,
        `Removed from the trust of deployment "${target.deploymentName}": ${describeTrustEntry(entry)}.`,
      );
    }
    const scope = draft.scope as Scope;
    const updated = {
      kind: entry.kind,
      entry: { ...entry.entry, trust_all: scope.trustAll, trust_allowlist: scope.trustAll ? [] : scope.clusterIds },
    } as TrustEntry;
    if (
      !(await context.ui.confirm(
        `Change this trust of deployment "${target.deploymentName}"?`,
        [
          `Before: ${describeTrustEntry(entry)}`,
          `After: ${describeTrustEntry(updated)}`,
          narrowingNote(entry, updated),
          '',
          'The other trust entries are kept.',
        ]
          .filter((line) => line !== undefined)
          .join('\n'),
        'Apply',
      ))
    )
      return cancelled();
    return await writeAndReport(
      context,
      cloud,
      target,
      EDIT_TITLE,
      { set: updated },
      draft.seen,
      `Changed the trust of deployment "${target.deploymentName}": ${describeTrustEntry(updated)}.`,
    );
  } finally {
    await pool.close();
  }
}

function entryStep(context: FlowContext, pool: ClientPool): FlowStep<EditDraft> {
  return {
    id: 'entry',
    run: async (draft, position) => {
      const target = draft.target as DeploymentTarget;
      let entries: TrustEntry[];
      try {
        const cloud = await pool.cloud(target.connection);
        draft.seen = (
          await context.ui.progress(`Reading the trust of "${target.deploymentName}"…`, () => deploymentDetails(cloud, target))
        ).trust;
        entries = trustEntries(draft.seen);
      } catch (error) {
        await context.ui.notify(
          'error',
          `The trust settings of "${target.deploymentName}" could not be read: ${describeError(error)}`,
        );
        return position.canGoBack ? BACK : undefined;
      }
      return applyAnswer(
        await context.ui.pick<TrustEntry | 'add'>({
          ...position,
          placeholder: entries.length ? 'The trust entry to change' : 'This deployment trusts no other environment yet',
          items: [
            ...entries.map((entry) => ({ label: describeTrustEntry(entry), value: entry as TrustEntry | 'add' })),
            { label: 'Add a trusted environment…', value: 'add' },
          ],
          active: draft.entry,
        }),
        (entry) => (draft.entry = entry),
      );
    },
  };
}

function actionStep(context: FlowContext, pool: ClientPool): FlowStep<EditDraft> {
  const scope = scopeStep<EditDraft>(
    context,
    pool,
    EDIT_TITLE,
    (current) => current.entry !== undefined && current.entry !== 'add' && current.entry.kind === 'accounts',
  );
  return {
    id: 'action',
    run: async (draft, position) => {
      for (;;) {
        const action = await context.ui.pick<'scope' | 'remove'>({
          ...position,
          placeholder: describeTrustEntry(draft.entry as TrustEntry),
          items: [
            { label: 'Change which clusters are trusted', value: 'scope' },
            { label: 'Remove this trust', description: 'certificate-model remotes disconnect', value: 'remove' },
          ],
          active: draft.action === 'remove' ? 'remove' : draft.action ? 'scope' : undefined,
        });
        if (action === undefined || action === BACK) return action;
        if (action === 'remove') {
          draft.action = 'remove';
          return 'next';
        }
        const entry = draft.entry as TrustEntry;
        if (!draft.scope) draft.scope = { trustAll: entry.entry.trust_all, clusterIds: entry.entry.trust_allowlist ?? [] };
        const outcome = await scope.run(draft, position);
        if (outcome === BACK) continue;
        if (outcome === undefined) return undefined;
        draft.action = draft.scope.trustAll ? 'all' : 'listed';
        return 'next';
      }
    },
  };
}

/** Said before a change from "all deployments" to a list: everything else, new deployments included, stops being trusted. */
function narrowingNote(before: TrustEntry, after: TrustEntry): string | undefined {
  if (!before.entry.trust_all || after.entry.trust_all) return undefined;
  return 'This narrows the trust from all deployments to the listed ones: every other deployment, and every deployment created later, is no longer trusted, and their certificate-model remote clusters disconnect.';
}
