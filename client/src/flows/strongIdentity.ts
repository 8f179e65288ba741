/**
 * Strong identity verification (Elasticsearch 9.3, technical preview) for "Add Remote Cluster"
 * with the API-key model, following "API key with strong identity verification" in
 * https://www.elastic.co/docs/deploy-manage/remote-clusters/ec-remote-cluster-same-ess (seed 003).
 * It has three halves, and the flow sets up all of them:
 * - the local cluster signs its cross-cluster requests: `cluster.remote.<alias>.signing.certificate`
 *   and `.key`, either the node certificates every Elastic Cloud / ECE node has (`node.crt`,
 *   `node.key`) or files of the person's own (on Cloud uploaded as a bundle under /app/config/…);
 * - the remote verifies the signature against `cluster.remote.signing.certificate_authorities`:
 *   `internal_tls_ca.crt` when both deployments share cloud provider and region, the local
 *   deployment's regional CA (uploaded to the remote as a bundle) otherwise, or the custom CA;
 * - the cross-cluster key carries a `certificate_identity` pattern for the signer's DN, on Elastic
 *   Cloud `CN=<node_id>.node.<cluster_id>.cluster.<scope_id>`, where the scope is the organization
 *   (Elastic Cloud Hosted) or the ECE environment.
 * On Elastic Cloud / ECE deployments the settings go into the deployment's user settings
 * (elasticsearch.yml, through the deployment API); elsewhere through `PUT _cluster/settings`
 * (all of them are dynamic). Elasticsearch hides them from `GET _cluster/settings` (they are
 * "filtered" settings), so on a cluster reached only through its API their earlier values cannot
 * be read: the flow asks for what the remote must keep trusting.
 */
import { findElasticsearchResource } from '../api/cloud';
import type { ElasticsearchClient } from '../api/elasticsearch';
import { BACK, applyAnswer, type FlowStep, type StepPosition } from '../ui/steps';
import { describeError } from '../errorText';
import { recordedWrite, type ChangeLog } from './changes';
import type { FlowContext } from './context';
import type { DeploymentTarget } from './deployments';
import { isCloudPlatform, type AddRemoteDraft, type FlowStart, type SigningDraft, type SigningSource } from './remoteDraft';
import { certificateIdentityProblem } from './validation';
import { readUserSettings, recordedUserSettingsWrite } from './userSettings';

export const SIGNING_SETTING_CA = 'cluster.remote.signing.certificate_authorities';
/** The node certificate files of every Elastic Cloud / ECE deployment (seed 003). */
export const NODE_CERTIFICATE = 'node.crt';
export const NODE_KEY = 'node.key';
/** The regional CA file present on every Elastic Cloud deployment (seed 003). */
export const INTERNAL_CA = 'internal_tls_ca.crt';

export function signingSettings(alias: string, signing: SigningDraft): Record<string, string> {
  return {
    [`cluster.remote.${alias}.signing.certificate`]: signing.certificate as string,
    [`cluster.remote.${alias}.signing.key`]: signing.key as string,
  };
}

/** Whether the flow itself writes the signing settings (not just the key's pattern). */
export function signsHere(draft: AddRemoteDraft): boolean {
  return draft.signing?.source === 'node' || draft.signing?.source === 'custom';
}

/** The steps after the index patterns, when both clusters run 9.3 or later. */
export function strongIdentitySteps(start: FlowStart, draft: AddRemoteDraft): FlowStep<AddRemoteDraft>[] {
  const steps: FlowStep<AddRemoteDraft>[] = [sourceStep(start)];
  const source = draft.signing?.source;
  if (source === 'custom') steps.push(customPathsStep(start));
  if (source && source !== 'none') steps.push(identityStep(start));
  if (source === 'node' || source === 'custom') steps.push(remoteCaStep(start));
  return steps;
}

function sourceStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'strongIdentity',
    run: async (draft, position) => {
      const onCloud = isCloudPlatform(draft.localPlatform) && draft.localDeployment !== undefined;
      return applyAnswer(
        await start.context.ui.pick<SigningSource>({
          ...position,
          placeholder:
            'Strong identity verification (9.3, technical preview): the local cluster signs its requests, the remote checks the signer',
          items: [
            // Seed 003 names node.crt / node.key for Elastic Cloud deployments and gives the ECE
            // environment ID as the DN scope, so ECE deployments are offered them too (not confirmed on ECE).
            ...(onCloud
              ? [
                  {
                    label: 'Sign with the deployment node certificates',
                    description: `${NODE_CERTIFICATE} / ${NODE_KEY} (on every node)`,
                    value: 'node' as SigningSource,
                  },
                ]
              : []),
            {
              label: 'Sign with my own certificate and key',
              description: onCloud ? 'uploaded as a bundle (/app/config/…)' : 'files on every local node',
              value: 'custom',
            },
            {
              label: 'Only require a certificate identity on the key',
              description: 'you configure signing yourself',
              value: 'identity-only',
            },
            { label: 'No strong identity verification', description: 'the API key alone', value: 'none' },
          ],
          active: draft.signing?.source,
        }),
        (source) => {
          if (source !== draft.signing?.source) {
            draft.signing = { source, scopeId: draft.signing?.scopeId };
            draft.certificateIdentity = undefined;
          }
          if (source === 'node') Object.assign(draft.signing as SigningDraft, { certificate: NODE_CERTIFICATE, key: NODE_KEY });
          if (source === 'none') draft.certificateIdentity = undefined;
        },
      );
    },
  };
}

/** A path as Elasticsearch reads it: relative to the config directory, or absolute. */
export function signingPathProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Enter the path of the file.';
  if (/\s/.test(text)) return 'A path without spaces, please (as elasticsearch.yml would hold it).';
  if (/^https?:\/\//i.test(text)) return 'A file path on the nodes, not a URL.';
  return undefined;
}

function customPathsStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  return {
    id: 'signingPaths',
    run: async (draft, position) => {
      const signing = draft.signing as SigningDraft;
      const onCloud = isCloudPlatform(draft.localPlatform);
      for (;;) {
        const certificate = await start.context.ui.input({
          ...position,
          prompt: onCloud
            ? 'Signing certificate (PEM) as the deployment sees it: in your uploaded bundle, /app/config/<bundle>/<file>.crt'
            : 'Signing certificate (PEM) on every local node: a path relative to the config directory, or absolute',
          placeholder: onCloud ? '/app/config/signing/signing.crt' : 'certs/signing.crt',
          value: signing.certificate,
          validate: signingPathProblem,
        });
        if (certificate === undefined || certificate === BACK) return certificate;
        const key = await start.context.ui.input({
          ...position,
          prompt: 'The private key (PEM) of that certificate, same place',
          placeholder: onCloud ? '/app/config/signing/signing.key' : 'certs/signing.key',
          value: signing.key,
          validate: signingPathProblem,
        });
        if (key === undefined) return undefined;
        if (key === BACK) continue;
        signing.certificate = certificate.trim();
        signing.key = key.trim();
        return 'next';
      }
    },
  };
}

/** The organization (Elastic Cloud) or environment (ECE) ID of the local deployment, or undefined when it cannot be read. */
async function readScopeId(start: FlowStart, target: DeploymentTarget): Promise<string | undefined> {
  try {
    if (target.connection.kind === 'ece') {
      // The ECE environment ID: the installation ID of the platform's own trust relationship. Not
      // confirmed against a real ECE (the API description calls it "the installation ID").
      const ece = await start.pool.ece(target.connection);
      const local = (await ece?.listTrustRelationships())?.find((relationship) => relationship.local);
      return local?.installation_id ?? local?.id;
    }
    // Elastic Cloud: the organization of the API key (get-current-account).
    return (await (await start.pool.cloud(target.connection)).getAccount()).id;
  } catch {
    return undefined;
  }
}

/** Patterns matching the node certificates of the local deployment, the seed's examples made concrete. */
export function nodeIdentityPatterns(
  clusterId: string,
  scopeId: string | undefined,
  scope: 'organization' | 'environment' = 'organization',
): Array<{ label: string; pattern: string }> {
  return [
    ...(scopeId
      ? [{ label: `This deployment, this ${scope}`, pattern: `CN=.*\\.node\\.${clusterId}\\.cluster\\.${scopeId}` }]
      : []),
    { label: 'This deployment (any organization or environment)', pattern: `CN=.*\\.node\\.${clusterId}\\.cluster\\..*` },
    ...(scopeId ? [{ label: `Every deployment of this ${scope}`, pattern: `CN=.*\\.node\\..*\\.cluster\\.${scopeId}` }] : []),
  ];
}

const TYPED = '\u0000typed';

function identityStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context } = start;
  return {
    id: 'certificateIdentity',
    run: async (draft, position) => {
      const signing = draft.signing as SigningDraft;
      if (signing.source === 'node' && draft.localDeployment) {
        const target = draft.localDeployment;
        if (signing.scopeId === undefined)
          signing.scopeId = await context.ui.progress('Reading the organization or environment of the local deployment…', () =>
            readScopeId(start, target),
          );
        for (;;) {
          const options = nodeIdentityPatterns(
            target.clusterId,
            signing.scopeId,
            target.connection.kind === 'ece' ? 'environment' : 'organization',
          );
          const answer = await context.ui.pick<string>({
            ...position,
            placeholder: `Which signers may use the key? Nodes of "${target.deploymentName}" have the DN CN=<node>.node.${target.clusterId}.cluster.<${target.connection.kind === 'ece' ? 'environment' : 'organization'}>`,
            items: [
              ...options.map((option) => ({ label: option.label, detail: option.pattern, value: option.pattern })),
              { label: 'Enter a pattern…', description: 'a regular expression for the DN', value: TYPED },
            ],
            active: draft.certificateIdentity
              ? options.some((option) => option.pattern === draft.certificateIdentity)
                ? draft.certificateIdentity
                : TYPED
              : undefined,
          });
          if (answer === undefined || answer === BACK) return answer;
          if (answer !== TYPED) {
            draft.certificateIdentity = answer;
            return 'next';
          }
          const typed = await typedIdentity(start, draft, position);
          if (typed === BACK) continue;
          return typed;
        }
      }
      return typedIdentity(start, draft, position);
    },
  };
}

async function typedIdentity(start: FlowStart, draft: AddRemoteDraft, position: StepPosition) {
  return applyAnswer(
    await start.context.ui.input({
      ...position,
      prompt:
        "certificate_identity: a regular expression the DN of the local cluster's signing certificate must match (for example CN=local-cluster.*,O=Example Corp,C=US)",
      value: draft.certificateIdentity,
      validate: (value) => (value.trim() === '' ? 'Enter the pattern.' : certificateIdentityProblem(value)),
    }),
    (value) => (draft.certificateIdentity = value.trim()),
  );
}

async function regionOf(start: FlowStart, target: DeploymentTarget): Promise<string | undefined> {
  try {
    const cloud = await start.pool.cloud(target.connection);
    return findElasticsearchResource(await cloud.getDeployment(target.deploymentId, { showSettings: false }), target.refId)
      .region;
  } catch {
    return undefined;
  }
}

function remoteCaStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context } = start;
  return {
    id: 'remoteSigningCa',
    run: async (draft, position) => {
      const signing = draft.signing as SigningDraft;
      const local = draft.localDeployment;
      const remote = draft.remoteDeployment;
      let sameRegion = false;
      if (signing.source === 'node' && local && remote && local.connection.id === remote.connection.id) {
        const [localRegion, remoteRegion] = await context.ui.progress('Comparing the regions of both deployments…', () =>
          Promise.all([regionOf(start, local), regionOf(start, remote)]),
        );
        sameRegion = localRegion !== undefined && localRegion === remoteRegion;
      }
      for (;;) {
        const remoteName = remote ? `deployment "${remote.deploymentName}"` : `"${draft.remote?.profile.name}"`;
        const choice = await context.ui.pick<'internal' | 'regional' | 'custom'>({
          ...position,
          placeholder: `Which CA should ${remoteName} trust for signed requests? (cluster.remote.signing.certificate_authorities)`,
          items: [
            ...(sameRegion
              ? [
                  {
                    label: INTERNAL_CA,
                    description: 'same provider and region: already there',
                    value: 'internal' as const,
                  },
                ]
              : []),
            ...(signing.source === 'node'
              ? [
                  {
                    label: `The regional CA of "${local?.deploymentName}"`,
                    description: 'other region: upload it as a bundle',
                    value: 'regional' as const,
                  },
                ]
              : []),
            { label: 'A custom CA', description: 'it issued the signing certificate', value: 'custom' as const },
          ],
          active: signing.remoteCa?.choice ?? (sameRegion ? 'internal' : signing.source === 'node' ? 'regional' : 'custom'),
        });
        if (choice === undefined || choice === BACK) return choice;
        if (choice === 'internal') {
          signing.remoteCa = { choice, path: INTERNAL_CA };
        } else {
          if (choice === 'regional' && local) {
            try {
              const ca = await context.ui.progress(`Reading the CA of "${local.deploymentName}"…`, async () =>
                (await start.pool.cloud(local.connection)).getCertificateAuthority(local.deploymentId),
              );
              const pems = [...ca.public_certificates].sort((a, b) => Number(b.active ?? false) - Number(a.active ?? false));
              await context.ui.openReadOnly(
                `Regional CA of ${local.deploymentName}.crt`,
                pems.map((certificate) => certificate.pem.trim()).join('\n') + '\n',
              );
            } catch (error) {
              await context.ui.notify(
                'warning',
                `The CA of "${local.deploymentName}" could not be read (${describeError(error)}); download it from the deployment's Security page (CA certificates).`,
              );
            }
          }
          const path = await context.ui.input({
            ...position,
            prompt: remote
              ? `Path of the CA file in the bundle you upload to "${remote.deploymentName}": /app/config/<bundle>/<file>.crt (save it as .crt, zip it, add the bundle to the deployment)`
              : `Path of the CA file on every node of "${draft.remote?.profile.name}" (relative to its config directory, or absolute)`,
            placeholder: remote ? '/app/config/signing-ca/ca.crt' : 'certs/signing-ca.crt',
            value: signing.remoteCa?.choice === choice ? signing.remoteCa.path : undefined,
            validate: signingPathProblem,
          });
          if (path === undefined) return undefined;
          if (path === BACK) continue;
          signing.remoteCa = { choice, path: path.trim() };
        }
        if (!remote) {
          // Hidden from GET _cluster/settings: ask instead of overwriting what the remote trusts already.
          const keep = await context.ui.input({
            ...position,
            prompt: `Other CA files "${draft.remote?.profile.name}" must keep trusting for signed requests, comma-separated (Elasticsearch does not show this setting, so it cannot be read; empty: none)`,
            value: (signing.keepCas ?? []).join(', '),
            validate: (value) =>
              value
                .split(',')
                .map((item) => item.trim())
                .filter(Boolean)
                .map(signingPathProblem)
                .find(Boolean),
          });
          if (keep === undefined) return undefined;
          if (keep === BACK) continue;
          signing.keepCas = keep
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item && item !== signing.remoteCa?.path);
        }
        return 'next';
      }
    },
  };
}

/** Summary lines for the confirmation. */
export function summarizeSigning(draft: AddRemoteDraft): string[] {
  const signing = draft.signing;
  if (!signing || signing.source === 'none') return [];
  const alias = draft.alias ?? '';
  const local = draft.local?.profile.name ?? 'the local cluster';
  if (signing.source === 'identity-only')
    return [
      `Strong identity verification (technical preview): you configure cluster.remote.${alias}.signing.* on "${local}" and ${SIGNING_SETTING_CA} on the remote yourself.`,
    ];
  const where =
    isCloudPlatform(draft.localPlatform) && draft.localDeployment
      ? `In the user settings of deployment "${draft.localDeployment.deploymentName}" (its nodes restart to apply them)`
      : `On "${local}": PUT _cluster/settings`;
  const lines = [
    `${where}: cluster.remote.${alias}.signing.certificate: ${signing.certificate}, cluster.remote.${alias}.signing.key: ${signing.key}.`,
  ];
  const ca = signing.remoteCa?.path ?? '';
  if (draft.remoteDeployment) {
    lines.push(
      `In the user settings of deployment "${draft.remoteDeployment.deploymentName}": add ${ca} to ${SIGNING_SETTING_CA} (CAs already listed stay).${signing.remoteCa?.choice === 'internal' ? '' : ' Upload the bundle with that file first.'}`,
    );
  } else {
    const list = [...(signing.keepCas ?? []), ca];
    lines.push(
      `On "${draft.remote?.profile.name}": PUT _cluster/settings — ${SIGNING_SETTING_CA}: ${list.join(', ')} (this replaces its current value; the file must be on every node).`,
    );
  }
  return lines;
}

/**
 * Writes the signing settings on the local cluster and the CA on the remote; every write is
 * recorded with its undo. Called after the key is stored and before the proxy settings, so the
 * first connection attempt is already signed.
 */
export async function applySigning(start: FlowStart, draft: AddRemoteDraft, changes: ChangeLog): Promise<void> {
  const { context, pool } = start;
  const signing = draft.signing as SigningDraft;
  const alias = draft.alias as string;
  if (signing.source === 'identity-only') {
    changes.note(
      `The key requires the certificate identity ${draft.certificateIdentity}. Configure cluster.remote.${alias}.signing.certificate and .key on the local cluster and ${SIGNING_SETTING_CA} on the remote, or requests are refused.`,
    );
    return;
  }
  const settings = signingSettings(alias, signing);
  if (isCloudPlatform(draft.localPlatform) && draft.localDeployment) {
    const target = draft.localDeployment;
    const cloud = await pool.cloud(target.connection);
    await context.ui.progress(`Writing the signing settings of "${target.deploymentName}"…`, () =>
      recordedUserSettingsWrite(context, changes, cloud, target, settings),
    );
  } else {
    const localEs = await pool.elasticsearch(draft.local?.profile as NonNullable<AddRemoteDraft['local']>['profile']);
    await context.ui.progress(`Writing the signing settings on "${draft.local?.profile.name}"…`, () =>
      clusterSettingsWrite(context, changes, localEs, draft.local?.profile.name as string, settings, null),
    );
  }

  const ca = signing.remoteCa?.path as string;
  if (draft.remoteDeployment) {
    const target = draft.remoteDeployment;
    const cloud = await pool.cloud(target.connection);
    await context.ui.progress(`Adding the signing CA to "${target.deploymentName}"…`, async () => {
      const current = await readUserSettings(cloud, target);
      const listed = [current[SIGNING_SETTING_CA] ?? []].flat();
      if (listed.includes(ca)) {
        changes.note(`Deployment "${target.deploymentName}" already trusts ${ca} for signed requests.`);
        return;
      }
      await recordedUserSettingsWrite(context, changes, cloud, target, { [SIGNING_SETTING_CA]: [...listed, ca] });
    });
  } else if (draft.remote) {
    const remoteEs = await pool.elasticsearch(draft.remote.profile);
    const keep = signing.keepCas ?? [];
    await context.ui.progress(`Writing ${SIGNING_SETTING_CA} on "${draft.remote.profile.name}"…`, () =>
      clusterSettingsWrite(
        context,
        changes,
        remoteEs,
        draft.remote?.profile.name as string,
        { [SIGNING_SETTING_CA]: [...keep, ca] },
        keep.length ? { [SIGNING_SETTING_CA]: keep } : null,
      ),
    );
  }
}

/**
 * PUT _cluster/settings (persistent) for filtered settings: Elasticsearch does not show them back,
 * so a lost answer cannot be checked (the change counts as possibly made), and the undo writes
 * `restore` (or removes the keys).
 */
async function clusterSettingsWrite(
  context: FlowContext,
  changes: ChangeLog,
  client: ElasticsearchClient,
  clusterName: string,
  settings: Record<string, string | string[]>,
  restore: Record<string, string | string[]> | null,
): Promise<void> {
  const undoBody = restore ?? Object.fromEntries(Object.keys(settings).map((key) => [key, null]));
  const describe = (body: Record<string, unknown>) =>
    Object.entries(body)
      .map(([key, value]) => `${key}: ${value === null ? 'null' : [value].flat().join(', ')}`)
      .join(', ');
  await recordedWrite(context, changes, {
    write: () => client.putClusterSettings({ persistent: settings }, { flatSettings: true }),
    isApplied: () => {
      throw new Error('Elasticsearch does not show these settings in GET _cluster/settings');
    },
    change: () => ({
      done: `Set ${describe(settings)} on "${clusterName}" (persistent).`,
      undo: {
        description: `Restoring the signing settings on "${clusterName}"`,
        run: async () => void (await client.putClusterSettings({ persistent: undoBody }, { flatSettings: true })),
        byHand: `PUT _cluster/settings {"persistent":${JSON.stringify(undoBody)}} on "${clusterName}"`,
      },
    }),
  });
}
