/**
 * API-key remote clusters from an ECE or Elastic Cloud Hosted deployment to a remote whose proxy
 * (or load balancer) certificate comes from a private CA: "Add trusted environment → ECE → API
 * keys → The CA is private" in
 * https://www.elastic.co/docs/deploy-manage/remote-clusters/ece-remote-cluster-other-ece (seed 001;
 * seed 000 is the public-CA case). Besides the key in the keystore, the local deployment must
 * trust the remote proxy's root CA. Through the API that is a `direct` trust entry of type `proxy`
 * (DirectTrustRelationship: "If proxy is specified, trust_all should be false and trust_allowlist,
 * scope_id and additional_node_names should be omitted"), with the CA certificate. The root comes
 * from the remote ECE's proxy chain (Platform → Settings → TLS certificates → Proxy; the API's
 * get-tls-certificate, the last certificate of the chain) or from a PEM file.
 */
import { X509Certificate } from 'node:crypto';
import { loadCaFile } from '../api/http';
import type { DirectTrust } from '../api/types/cloud';
import type { ConnectionProfile } from '../connections/profile';
import { BACK, type FlowStep, type StepPosition } from '../ui/steps';
import { describeError } from '../errorText';
import { recordedWrite, type ChangeLog } from './changes';
import {
  confirmOnTop,
  deploymentDetails,
  restoreTrustByHand,
  restoreTrustEntry,
  restoringChange,
  trustChangeApplied,
  trustEntryKey,
  writeTrustEntry,
  type TrustEntry,
} from './deployments';
import { isCloudPlatform, type AddRemoteDraft, type FlowStart, type ProxyCaDraft } from './remoteDraft';
import type { TrustSettings } from '../api/types/cloud';

/**
 * Asked when the local cluster is an Elastic Cloud / ECE deployment and the remote is not an
 * Elastic Cloud Hosted deployment (whose proxy has a public certificate: seeds 000, 002).
 */
export function needsProxyCaStep(draft: AddRemoteDraft): boolean {
  return (
    draft.model === 'api-key' &&
    isCloudPlatform(draft.localPlatform) &&
    draft.localDeployment !== undefined &&
    draft.remoteDeployment?.connection.kind !== 'cloud'
  );
}

type Choice = 'public' | 'ece' | 'file';

/** The last certificate of a PEM chain: the root, as the ECE procedure says to copy. */
export function rootOf(chain: string[]): string | undefined {
  const certificates = chain.flatMap(
    (entry) => entry.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [],
  );
  const last = certificates[certificates.length - 1];
  return last ? `${last}\n` : undefined;
}

/** "CN=…, valid until …" for a PEM certificate, or a note that it cannot be read. */
export function describeCertificate(pem: string): string {
  try {
    const certificate = new X509Certificate(pem);
    const subject = certificate.subject.split('\n').join(', ');
    return `${subject}, valid until ${new Date(certificate.validTo).toISOString().slice(0, 10)}`;
  } catch {
    return 'a certificate that could not be parsed';
  }
}

export function proxyCaStep(start: FlowStart): FlowStep<AddRemoteDraft> {
  const { context } = start;
  return {
    id: 'proxyCa',
    run: async (draft, position) => {
      for (;;) {
        const choice = await context.ui.pick<Choice>({
          ...position,
          placeholder: `Who issued the certificate of the remote's proxy or load balancer? Deployment "${draft.localDeployment?.deploymentName}" must trust it.`,
          items: [
            { label: 'A public CA', description: 'nothing to add', value: 'public' },
            { label: 'A private CA: fetch the root from an ECE connection…', description: 'its proxy chain', value: 'ece' },
            { label: 'A private CA: choose a PEM file…', description: 'the root certificate (.crt)', value: 'file' },
          ],
          active: draft.proxyCa === null ? 'public' : undefined,
        });
        if (choice === undefined || choice === BACK) return choice;
        if (choice === 'public') {
          draft.proxyCa = null;
          return 'next';
        }
        const fetched = choice === 'ece' ? await fromEce(start, draft, position) : await fromFile(start, draft, position);
        if (fetched === undefined) return undefined;
        if (fetched === BACK) continue;
        const name = await context.ui.input({
          ...position,
          prompt: "A name for the trusted environment (it appears in the trust summary of the deployment's Security page)",
          value: draft.proxyCa?.name ?? `Proxy of ${draft.alias ?? 'the remote'}`,
          validate: (value) => (value.trim() ? undefined : 'Enter a name.'),
        });
        if (name === undefined) return undefined;
        if (name === BACK) continue;
        draft.proxyCa = { ...fetched, name: name.trim() };
        return 'next';
      }
    },
  };
}

async function fromEce(
  start: FlowStart,
  draft: AddRemoteDraft,
  position: StepPosition,
): Promise<Omit<ProxyCaDraft, 'name'> | typeof BACK | undefined> {
  const { context, pool } = start;
  const connections = context.connections.list().filter((profile) => profile.kind === 'ece');
  if (connections.length === 0) {
    await context.ui.notify(
      'info',
      'No ECE connection is saved. Add one for the remote environment (Elastic: Add Connection), or choose a PEM file: in the remote ECE Cloud UI, Platform → Settings → TLS certificates → Proxy → Show certificate chain, copy the last (root) certificate into a .crt file.',
    );
    return BACK;
  }
  const preferred = draft.remoteDeployment?.connection.id;
  const connection = await context.ui.pick<ConnectionProfile>({
    ...position,
    placeholder: 'The ECE environment of the remote: its proxy certificate chain is read from the platform settings',
    items: connections.map((profile) => ({ label: profile.name, description: profile.url, value: profile })),
    active: connections.find((profile) => profile.id === preferred),
  });
  if (connection === undefined || connection === BACK) return connection;
  try {
    const ece = await pool.ece(connection);
    if (!ece) return BACK;
    const chain = await context.ui.progress(`Reading the proxy certificate chain of "${connection.name}"…`, () =>
      ece.getTlsCertificateChain('proxy'),
    );
    const pem = rootOf(chain.chain);
    if (!pem) {
      await context.ui.notify('error', `"${connection.name}" returned no certificate for its proxy.`);
      return BACK;
    }
    return { pem, source: `the root of the proxy chain of ECE "${connection.name}" (${describeCertificate(pem)})` };
  } catch (error) {
    await context.ui.notify('error', `The proxy certificate of "${connection.name}" could not be read: ${describeError(error)}`);
    return BACK;
  }
}

async function fromFile(
  start: FlowStart,
  draft: AddRemoteDraft,
  position: StepPosition,
): Promise<Omit<ProxyCaDraft, 'name'> | typeof BACK | undefined> {
  let pem: string | undefined;
  const path = await start.context.ui.input({
    ...position,
    prompt: "Path of the PEM file with the root CA of the remote's proxy (from a chain, the last certificate is used)",
    placeholder: '/path/to/proxy-root-ca.crt',
    value: draft.proxyCa?.source.startsWith('file ') ? draft.proxyCa.source.slice(5).split(' (')[0] : undefined,
    validate: async (value) => {
      if (value.trim() === '') return 'Enter the path of the file.';
      const loaded = await loadCaFile(value.trim());
      if (!loaded.ok) return `This file cannot be used: ${loaded.problem}`;
      pem = rootOf([loaded.value]);
      return pem ? undefined : 'This file holds no complete PEM certificate.';
    },
  });
  if (path === undefined || path === BACK) return path;
  return { pem: pem as string, source: `file ${path.trim()} (${describeCertificate(pem as string)})` };
}

function entryOf(proxyCa: ProxyCaDraft): TrustEntry {
  const entry: DirectTrust = { name: proxyCa.name, type: 'proxy', trust_all: false, certificates: [{ pem: proxyCa.pem }] };
  return { kind: 'direct', entry };
}

export function summarizeProxyCa(draft: AddRemoteDraft): string[] {
  if (!draft.proxyCa) return [];
  return [
    `In the trust of deployment "${draft.localDeployment?.deploymentName}": add the trusted environment "${draft.proxyCa.name}" (type proxy) with ${draft.proxyCa.source}, so it trusts the remote's proxy certificate. Other trust entries are kept.`,
  ];
}

/** Adds the proxy CA to the local deployment's trust; the undo puts the entry back as it was. */
export async function applyProxyCa(start: FlowStart, draft: AddRemoteDraft, changes: ChangeLog): Promise<void> {
  const { context, pool } = start;
  const target = draft.localDeployment;
  const proxyCa = draft.proxyCa;
  if (!target || !proxyCa) return;
  const cloud = await pool.cloud(target.connection);
  const entry = entryOf(proxyCa);
  const key = trustEntryKey(entry);
  const confirm = confirmOnTop(context, "Apply this flow's change on top of it?");
  let before: TrustSettings = {};
  await context.ui.progress(`Adding the proxy CA to the trust of "${target.deploymentName}"…`, () =>
    recordedWrite(context, changes, {
      write: () => writeTrustEntry(cloud, target, { set: entry }, { confirm, onBefore: (read) => (before = read) }),
      isApplied: async () => trustChangeApplied((await deploymentDetails(cloud, target)).trust, { set: entry }),
      change: () => ({
        done: `Added the trusted environment "${proxyCa.name}" (the remote proxy's CA) to deployment "${target.deploymentName}".`,
        undo: {
          description: `Restoring the trust of "${target.deploymentName}"`,
          run: () => restoreTrustEntry(cloud, target, key, before, confirm),
          byHand: restoreTrustByHand(target, key, before, entry),
          isUndone: async () => trustChangeApplied((await deploymentDetails(cloud, target)).trust, restoringChange(key, before)),
        },
      }),
    }),
  );
}
