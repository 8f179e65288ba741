/**
 * "Trust an ECE Environment from an ECK Cluster (Certificate Model)": the ECK half of the
 * certificate-model procedure between ECK and ECE ("Establish trust in the ECK cluster",
 * https://www.elastic.co/docs/deploy-manage/remote-clusters/ece-enable-ccs-for-eck). It edits an
 * open ECK manifest: a Secret with the ECE CA, a ConfigMap with trust.yml, both mounted in every
 * nodeSet, and the two transport settings in every nodeSet's config. The edit is computed by the
 * core (eck/certificateTrust.ts), shown as a preview before it is applied, and undone with the
 * editor's Undo. The CA text is never logged or put in a report.
 */
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { certificateTrustChange, eckNodeSubjectPattern, type CertificateTrustPlan, type Result } from '#core';
import { loadCaFile } from '../api/http';
import { applyAnswer, runSteps, type FlowStep } from '../ui/steps';
import { ChangeLog, cancelled, finishFlow, type FlowResult } from './changes';
import type { FlowContext } from './context';
import { eckResources, type EckResource } from './eck';

export const ECK_CERTIFICATE_TRUST_TITLE = 'Trust an ECE Environment from an ECK Cluster (Certificate Model)';
const TITLE = ECK_CERTIFICATE_TRUST_TITLE;

export interface EckCertificateTrustArgs {
  /** Open manifest to edit (its URI); asked for when several are open. */
  uri?: string;
}

interface Draft {
  resource?: EckResource;
  caPem?: string;
  caFileName?: string;
  subjectNames?: string[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM text, each rewritten as 64-column base64 lines: a PEM pasted into a
 * one-line input arrives with its line breaks turned into spaces. Undefined when there is none.
 */
export function normalizePem(text: string): string | undefined {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => match[1].replace(/\s+/g, ''));
  if (blocks.length === 0 || blocks.some((body) => !/^[A-Za-z0-9+/]+={0,2}$/.test(body))) return undefined;
  return blocks
    .map((body) => ['-----BEGIN CERTIFICATE-----', ...(body.match(/.{1,64}/g) ?? []), '-----END CERTIFICATE-----'].join('\n'))
    .join('\n')
    .concat('\n');
}

/** A Secret key (and file name) from a CA file's name: letters, digits, `-`, `_` and `.`. */
export function caKeyName(path: string | undefined): string {
  const name = (path ? basename(path) : '').replace(/[^-._a-zA-Z0-9]+/g, '-').replace(/^[.-]+/, '');
  return name || 'ece-ca.crt';
}

/** `trust.subject_name` entries from a comma-separated answer or from a trust.yml file ECE offers for download. */
export async function readSubjectNames(answer: string): Promise<Result<string[]>> {
  const value = answer.trim();
  if (/\.ya?ml$/i.test(value)) {
    let text: string;
    try {
      text = await readFile(value, 'utf8');
    } catch {
      return { ok: false, problem: 'This trust.yml file cannot be read.' };
    }
    const names = subjectNamesInTrustYaml(text);
    return names.length ? { ok: true, value: names } : { ok: false, problem: 'This file has no trust.subject_name entries.' };
  }
  const names = value
    .split(',')
    .map((name) => name.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
  if (names.length === 0) return { ok: false, problem: 'Enter at least one subject name or pattern.' };
  const spaced = names.find((name) => /\s/.test(name));
  if (spaced) return { ok: false, problem: `"${spaced}" contains a space; separate names with commas.` };
  return { ok: true, value: names };
}

/** The names of `trust.subject_name` in flat, nested, block or flow form (a small reader: ECE's file is simple). */
function subjectNamesInTrustYaml(text: string): string[] {
  const names: string[] = [];
  let inList = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    const flat = /^\s*(?:trust\.)?subject_name:\s*(.*)$/.exec(line);
    if (flat) {
      const rest = flat[1].trim();
      if (rest.startsWith('['))
        names.push(
          ...rest
            .replace(/^\[|\]$/g, '')
            .split(',')
            .map(unquote)
            .filter(Boolean),
        );
      else if (rest) names.push(unquote(rest));
      inList = !rest;
      continue;
    }
    const item = /^\s*-\s*(.+)$/.exec(line);
    if (inList && item) names.push(unquote(item[1]));
    else if (line.trim()) inList = false;
  }
  return names;
}

function unquote(text: string): string {
  return text.trim().replace(/^["']|["']$/g, '');
}

/** Kubernetes object names derived from the cluster name (DNS-1123, at most 253 characters). */
function objectName(esName: string, suffix: string): string {
  return `${esName}-${suffix}`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 253);
}

export async function eckCertificateTrust(context: FlowContext, args: EckCertificateTrustArgs = {}): Promise<FlowResult> {
  const resources = eckResources(context.manifests.openYamlDocuments()).filter((r) => !args.uri || r.uri === args.uri);
  if (resources.length === 0) {
    await context.ui.notify(
      'error',
      'Open the ECK manifest with the Elasticsearch resource that should trust the ECE environment, then run this command again.',
    );
    return cancelled();
  }
  const draft: Draft = { resource: resources.length === 1 ? resources[0] : undefined };
  const steps: FlowStep<Draft>[] = [];
  if (!draft.resource) steps.push(resourceStep(context, resources));
  steps.push(caStep(context), subjectStep(context));
  if (!(await runSteps(TITLE, draft, steps))) return cancelled();

  const resource = draft.resource as EckResource;
  const document = context.manifests.openYamlDocuments().find((candidate) => candidate.uri === resource.uri);
  if (!document) {
    await context.ui.notify('error', `${resource.label} is no longer open; open it again and rerun the command.`);
    return cancelled();
  }
  const ownNodes = eckNodeSubjectPattern(resource.name, resource.namespace);
  const subjectNames = [...new Set([...(draft.subjectNames ?? []), ownNodes])];
  const plan: CertificateTrustPlan = {
    resourceIndex: resource.index,
    caSecretName: objectName(resource.name, 'ece-ca'),
    caFileName: draft.caFileName ?? 'ece-ca.crt',
    caPem: draft.caPem as string,
    trustConfigMapName: objectName(resource.name, 'trust'),
    subjectNames,
  };
  const change = certificateTrustChange(document.uri, document.text, plan);
  const changes = new ChangeLog();
  if (!change.ok) {
    return finishFlow(context, TITLE, 'failed', changes, {
      summary: `${resource.label} was not changed.`,
      problem: change.problem,
    });
  }
  const { nodeSets, added } = change.value;
  const proceed = await context.ui.confirm(
    `Edit "${resource.name}" in ${resource.label}? Every Pod of the cluster will be recreated.`,
    [
      `Changing the Pod template of every nodeSet (${nodeSets.join(', ')}) makes ECK delete and recreate all Pods, one at a time (a rolling restart that can take a while).`,
      `Adds ${added.length ? added.join(' and ') : 'nothing new'} to the file; mounts them at /usr/share/elasticsearch/config/other and /usr/share/elasticsearch/config/trust-filter in every nodeSet; sets xpack.security.transport.ssl.certificate_authorities and xpack.security.transport.ssl.trust_restrictions.path in every nodeSet.`,
      `trust.subject_name: ${subjectNames.join(', ')} (${ownNodes} keeps this cluster's own nodes trusted: the restrictions apply to every transport connection).`,
      'Certificate model: a superuser on the local cluster gets full read access to the remote cluster, so use it only between clusters of the same security domain. It is deprecated in 9.0; the API-key model is the alternative.',
      'The editor shows the change as a preview; Undo takes it back.',
    ].join('\n\n'),
    'Preview and Apply',
  );
  if (!proceed) return cancelled();
  if (!(await context.manifests.applyEdits(resource.uri, [change.value.edit], { preview: true }))) {
    return finishFlow(context, TITLE, 'failed', changes, {
      summary: `${resource.label} was not changed.`,
      problem: 'The editor did not apply the change (the preview was discarded, or the file changed meanwhile).',
    });
  }
  changes.record({
    done: `Edited "${resource.name}" in ${resource.label} (not saved): ${added.length ? `added ${added.join(' and ')}; ` : ''}mounted them and set the transport trust settings in every nodeSet (${nodeSets.join(', ')}).`,
    manualUndo: `Undo in the editor (or revert ${resource.label}); if already applied, also delete the Secret ${plan.caSecretName} and the ConfigMap ${plan.trustConfigMapName}.`,
  });
  changes.note(`Not what you wanted? Undo in the editor takes the whole change back (${resource.label} is not saved yet).`);
  changes.note(
    'Apply the file (for example kubectl apply -f) and wait until ECK has recreated every Pod. The ECE side must trust this cluster too: add its transport CA (secret <name>-es-transport-certs-public, key ca.crt) as a trusted environment in ECE.',
  );
  changes.note(
    'Under the certificate model a superuser of the local cluster has full read access to the remote cluster (deprecated in 9.0; consider the API-key model).',
  );
  return finishFlow(context, TITLE, 'completed', changes, {
    summary: `The manifest now trusts the ECE environment's CA in every nodeSet of "${resource.name}"; apply it to roll out the change.`,
  });
}

function resourceStep(context: FlowContext, resources: EckResource[]): FlowStep<Draft> {
  return {
    id: 'resource',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.pick({
          ...position,
          placeholder: 'The Elasticsearch resource that should trust the ECE environment',
          items: resources.map((resource) => ({
            label: resource.name,
            description: resource.label,
            detail: resource.namespace ? `namespace ${resource.namespace}` : undefined,
            value: resource,
          })),
          active: draft.resource,
        }),
        (value) => (draft.resource = value),
      ),
  };
}

function caStep(context: FlowContext): FlowStep<Draft> {
  let loaded: { pem: string; fileName: string } | undefined;
  return {
    id: 'ca',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt:
            "The ECE environment's CA certificate (downloaded from the deployment's Security page): the path of the PEM file, or the PEM text pasted here",
          placeholder: '/path/to/ece-ca.crt',
          validate: async (value) => {
            const text = value.trim();
            if (!text) return 'Enter the path of the CA file or paste the certificate.';
            if (text.includes('-----BEGIN')) {
              const pem = normalizePem(text);
              if (!pem)
                return 'This is not a complete PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).';
              loaded = { pem, fileName: caKeyName(undefined) };
              return undefined;
            }
            const file = await loadCaFile(text);
            if (!file.ok) return `This file cannot be used: ${file.problem}`;
            const pem = normalizePem(file.value);
            if (!pem) return 'This file holds no complete PEM certificate.';
            loaded = { pem, fileName: caKeyName(text) };
            return undefined;
          },
        }),
        () => {
          draft.caPem = loaded?.pem;
          draft.caFileName = loaded?.fileName;
        },
      ),
  };
}

function subjectStep(context: FlowContext): FlowStep<Draft> {
  let names: string[] = [];
  return {
    id: 'subjects',
    run: async (draft, position) =>
      applyAnswer(
        await context.ui.input({
          ...position,
          prompt:
            'Subject names to trust (trust.subject_name): the path of the trust.yml ECE offers for download, or names and wildcard patterns separated by commas',
          placeholder: '/path/to/trust.yml  or  *.default.es.local, *.my-ece-scope.ece.local',
          value: draft.subjectNames?.join(', '),
          validate: async (value) => {
            const read = await readSubjectNames(value);
            if (!read.ok) return read.problem;
            names = read.value;
            return undefined;
          },
        }),
        () => (draft.subjectNames = names),
      ),
  };
}
