import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { parseConfigDocument } from '../model/parseDocument';
import type { Result, TextEdit } from '../types';
import { appendSequenceItemEdit, insertEntryEdit, replaceNodeEdit } from './edits';
import type { EckElasticsearch } from './manifest';
import { ES_CONFIG_DIR } from './trustFiles';
import { fieldOf, fieldValue, itemsOf, mapOf, scalarText } from './yamlAst';

/**
 * The certificate-model trust of ECE by an ECK cluster, written into a manifest ("Establish trust
 * in the ECK cluster", https://www.elastic.co/docs/deploy-manage/remote-clusters/ece-enable-ccs-for-eck):
 * a Secret with the ECE CA, a ConfigMap with trust.yml, both mounted in every nodeSet, and the two
 * transport settings in every nodeSet's config. Built from the manifest edit helpers one change at
 * a time (each on a fresh parse of the text the previous one produced), and handed back as one
 * edit of the changed region, so the editor shows one diff and one undo step.
 */

export const TRANSPORT_CA_SETTING = 'xpack.security.transport.ssl.certificate_authorities';
export const TRUST_RESTRICTIONS_SETTING = 'xpack.security.transport.ssl.trust_restrictions.path';
/** The directories the documented procedure mounts the CA and trust.yml at. */
export const CA_MOUNT_DIR = `${ES_CONFIG_DIR}/other`;
export const TRUST_MOUNT_DIR = `${ES_CONFIG_DIR}/trust-filter`;
export const TRUST_FILE_NAME = 'trust.yml';

export interface CertificateTrustPlan {
  /** Position of the Elasticsearch resource among the file's Elasticsearch resources. */
  resourceIndex: number;
  /** Name of the Secret (and of its volume) holding the CA. */
  caSecretName: string;
  /** Key of the Secret, and file name under the CA mount. */
  caFileName: string;
  /** The CA certificate(s), PEM. A public certificate, but callers still never log it. */
  caPem: string;
  /** Name of the ConfigMap (and of its volume) holding trust.yml. */
  trustConfigMapName: string;
  /** `trust.subject_name` entries: subject names or wildcard patterns. */
  subjectNames: string[];
}

export interface CertificateTrustChange {
  /** One edit: the changed region of the text. */
  edit: TextEdit;
  /** The whole text after the edit (for a preview). */
  text: string;
  /** Names (or `#n`) of the nodeSets changed. */
  nodeSets: string[];
  /** Objects added to the file (`Secret ce-ca`, `ConfigMap quickstart-trust`). */
  added: string[];
}

/** The ECK node certificate subject pattern of a cluster (`<pod>.node.<name>.<namespace>.es.local`, ECK's transport CSR code). */
export function eckNodeSubjectPattern(esName: string, namespace: string | undefined): string {
  return `*.node.${esName}.${namespace || 'default'}.es.local`;
}

export function trustYamlText(subjectNames: readonly string[]): string {
  return ['trust.subject_name:', ...subjectNames.map((name) => `  - ${JSON.stringify(name)}`), ''].join('\n');
}

/** Computes the change; a problem (in words) when the manifest's layout cannot be edited safely. Never throws. */
export function certificateTrustChange(
  uri: string,
  original: string,
  plan: CertificateTrustPlan,
): Result<CertificateTrustChange> {
  try {
    return compute(uri, original, plan);
  } catch (error) {
    return {
      ok: false,
      problem: `The manifest cannot be edited safely (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}

function compute(uri: string, original: string, plan: CertificateTrustPlan): Result<CertificateTrustChange> {
  let text = original;
  const parse = () => parseConfigDocument({ uri, text, languageId: 'yaml' });
  const resource = (): EckElasticsearch | undefined => parse().eck?.elasticsearches[plan.resourceIndex];
  const first = resource();
  if (!first?.spec) return { ok: false, problem: 'The Elasticsearch resource has no `spec` map.' };
  if (first.nodeSets.length === 0) return { ok: false, problem: 'The Elasticsearch resource has no nodeSets to change.' };
  const namespace = first.namespace?.value;
  const caPath = `${CA_MOUNT_DIR}/${plan.caFileName}`;
  const trustPath = `${TRUST_MOUNT_DIR}/${TRUST_FILE_NAME}`;
  const nodeSetNames: string[] = [];

  /** Applies the next edit the step finds on a fresh parse; `null` when the step has nothing to do. */
  const step = (where: string, next: (document: ReturnType<typeof parse>) => TextEdit | null | undefined): string | undefined => {
    const edit = next(parse());
    if (edit === null) return undefined;
    if (!edit) return `${where} is written in a form that cannot be edited safely; make this change by hand.`;
    text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    return undefined;
  };

  for (let index = 0; index < first.nodeSets.length; index++) {
    const label = first.nodeSets[index].name?.value ?? `#${index + 1}`;
    nodeSetNames.push(label);
    const where = `nodeSet "${label}"`;
    const nodeSetOf = (document: ReturnType<typeof parse>) => document.eck?.elasticsearches[plan.resourceIndex]?.nodeSets[index];
    const problems = [
      step(`The config of ${where}`, (document) => configEdit(document.text, document, nodeSetOf(document), 'ca', caPath)),
      step(`The config of ${where}`, (document) =>
        configEdit(document.text, document, nodeSetOf(document), 'restrictions', trustPath),
      ),
      step(`The podTemplate of ${where}`, (document) => podSpecEdit(document, nodeSetOf(document)?.node)),
      step(`The volumes of ${where}`, (document) =>
        listEntryEdit(document, podSpecOf(nodeSetOf(document)?.node), 'volumes', plan.caSecretName, [
          `name: ${plan.caSecretName}`,
          'secret:',
          `  secretName: ${plan.caSecretName}`,
        ]),
      ),
      step(`The volumes of ${where}`, (document) =>
        listEntryEdit(document, podSpecOf(nodeSetOf(document)?.node), 'volumes', plan.trustConfigMapName, [
          `name: ${plan.trustConfigMapName}`,
          'configMap:',
          `  name: ${plan.trustConfigMapName}`,
        ]),
      ),
      step(`The containers of ${where}`, (document) => containerEdit(document, podSpecOf(nodeSetOf(document)?.node))),
      step(`The volumeMounts of ${where}`, (document) =>
        mountEdit(document, podSpecOf(nodeSetOf(document)?.node), plan.caSecretName, CA_MOUNT_DIR),
      ),
      step(`The volumeMounts of ${where}`, (document) =>
        mountEdit(document, podSpecOf(nodeSetOf(document)?.node), plan.trustConfigMapName, TRUST_MOUNT_DIR),
      ),
    ];
    const problem = problems.find((p) => p !== undefined);
    if (problem) return { ok: false, problem };
  }

  const added: string[] = [];
  const eck = parse().eck;
  if (!eck?.secrets.some((secret) => secret.name?.value === plan.caSecretName)) {
    text = appendDocument(text, secretYaml(plan, namespace));
    added.push(`Secret ${plan.caSecretName}`);
  }
  if (!eck?.configMaps.some((configMap) => configMap.name?.value === plan.trustConfigMapName)) {
    text = appendDocument(text, configMapYaml(plan, namespace));
    added.push(`ConfigMap ${plan.trustConfigMapName}`);
  }
  return { ok: true, value: { edit: diffEdit(original, text), text, nodeSets: nodeSetNames, added } };
}

type Parsed = ReturnType<typeof parseConfigDocument>;
type NodeSetView = EckElasticsearch['nodeSets'][number];

function configEdit(
  text: string,
  document: Parsed,
  nodeSet: NodeSetView | undefined,
  which: 'ca' | 'restrictions',
  path: string,
): TextEdit | null | undefined {
  if (!nodeSet) return undefined;
  const key = which === 'ca' ? TRANSPORT_CA_SETTING : TRUST_RESTRICTIONS_SETTING;
  const lines = which === 'ca' ? [`${key}:`, `  - ${path}`] : [`${key}: ${path}`];
  const config = nodeSet.configField?.value;
  if (!nodeSet.configField) return insertEntryEdit(text, document.lines, nodeSet.node, 'config', lines);
  if (!isMap(config) || config.flow) return undefined;
  const occurrence = nodeSet.scope?.occurrences.find((o) => o.key === key);
  if (!occurrence) {
    return which === 'ca'
      ? insertEntryEdit(text, document.lines, config, key, [`- ${path}`])
      : insertEntryEdit(text, document.lines, config, key, path);
  }
  const values = occurrence.value.kind === 'list' ? (occurrence.value.items ?? []) : [occurrence.value];
  const texts = values.map((value) => value.text?.trim());
  if (texts.includes(path)) return null;
  // Another trust restrictions file is already configured: which one should win is the user's call.
  if (which === 'restrictions') return undefined;
  const node = valueNodeAt(config, occurrence.value.span.start);
  if (isSeq(node) && !node.flow && node.items.length > 0) return appendSequenceItemEdit(text, document.lines, node, [path]);
  if (isScalar(node) && typeof node.value === 'string')
    return replaceNodeEdit(node, `[${JSON.stringify(node.value)}, ${JSON.stringify(path)}]`);
  return undefined;
}

/** The value node of the config entry whose value starts at `offset` (flat or nested keys). */
function valueNodeAt(map: YAMLMap, offset: number): unknown {
  for (const pair of map.items) {
    const value = pair.value as { range?: [number, number, number] } | null;
    if (!value?.range) continue;
    if (value.range[0] === offset) return value;
    if (isMap(value) && value.range[0] <= offset && offset <= value.range[1]) return valueNodeAt(value, offset);
  }
  return undefined;
}

function podSpecOf(nodeSet: unknown): YAMLMap | undefined {
  return mapOf(mapOf(nodeSet, 'podTemplate'), 'spec');
}

/** Makes sure `podTemplate.spec` exists, with an `elasticsearch` container when it is created. */
function podSpecEdit(document: Parsed, nodeSet: unknown): TextEdit | null | undefined {
  if (!isMap(nodeSet)) return undefined;
  const template = fieldOf(nodeSet, 'podTemplate');
  if (!template) return insertEntryEdit(document.text, document.lines, nodeSet, 'podTemplate', ['spec:', '  containers: []']);
  if (!isMap(template.value)) return undefined;
  if (podSpecOf(nodeSet)) return null;
  if (fieldOf(template.value, 'spec')) return undefined;
  return insertEntryEdit(document.text, document.lines, template.value, 'spec', ['containers: []']);
}

/** Adds a list item named `name` under `field` of `map` (creating the list), unless one with that name exists. */
function listEntryEdit(
  document: Parsed,
  map: YAMLMap | undefined,
  field: string,
  name: string,
  item: string[],
): TextEdit | null | undefined {
  if (!map) return undefined;
  const list = fieldOf(map, field);
  if (!list)
    return insertEntryEdit(document.text, document.lines, map, field, [`- ${item[0]}`, ...item.slice(1).map((l) => `  ${l}`)]);
  if (itemsOf(list.value).some((entry) => scalarText(fieldValue(entry, 'name')) === name)) return null;
  return (
    replaceEmptyFlowList(document, list.value, item) ??
    (isSeq(list.value) ? appendSequenceItemEdit(document.text, document.lines, list.value, item) : undefined)
  );
}

/** `containers: []` (written by podSpecEdit, or by hand) becomes a block list with the given item. */
function replaceEmptyFlowList(document: Parsed, node: unknown, item: string[]): TextEdit | undefined {
  if (!isSeq(node) || !node.flow || node.items.length > 0 || !node.range) return undefined;
  const keyLine = document.lines.positionAt(node.range[0]).line;
  const lineText = document.text.slice(document.lines.lineStart(keyLine), document.lines.lineEnd(keyLine));
  const indent = ' '.repeat(lineText.length - lineText.trimStart().length);
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  const body = [`${indent}- ${item[0]}`, ...item.slice(1).map((line) => `${indent}  ${line}`)];
  // From the end of the key's colon, so no space is left at the end of the line.
  let start = node.range[0];
  while (start > 0 && (document.text[start - 1] === ' ' || document.text[start - 1] === '\t')) start--;
  return { span: { start, end: node.range[1] }, newText: `${eol}${body.join(eol)}` };
}

function elasticsearchContainer(podSpec: YAMLMap | undefined): unknown {
  return itemsOf(fieldValue(podSpec, 'containers')).find((c) => scalarText(fieldValue(c, 'name')) === 'elasticsearch');
}

function containerEdit(document: Parsed, podSpec: YAMLMap | undefined): TextEdit | null | undefined {
  if (!podSpec) return undefined;
  if (elasticsearchContainer(podSpec)) return null;
  return listEntryEdit(document, podSpec, 'containers', 'elasticsearch', ['name: elasticsearch']);
}

function mountEdit(
  document: Parsed,
  podSpec: YAMLMap | undefined,
  volume: string,
  mountPath: string,
): TextEdit | null | undefined {
  const container = elasticsearchContainer(podSpec);
  if (!isMap(container)) return undefined;
  const mounts = fieldOf(container, 'volumeMounts');
  const item = [`name: ${volume}`, `mountPath: ${mountPath}`];
  if (itemsOf(mounts?.value).some((mount) => scalarText(fieldValue(mount, 'mountPath'))?.replace(/\/+$/, '') === mountPath))
    return null;
  if (!mounts) return insertEntryEdit(document.text, document.lines, container, 'volumeMounts', [`- ${item[0]}`, `  ${item[1]}`]);
  return (
    replaceEmptyFlowList(document, mounts.value, item) ??
    (isSeq(mounts.value) ? appendSequenceItemEdit(document.text, document.lines, mounts.value, item) : undefined)
  );
}

function secretYaml(plan: CertificateTrustPlan, namespace: string | undefined): string {
  const pem = plan.caPem.trim().split(/\r?\n/);
  return [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${plan.caSecretName}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'type: Opaque',
    'stringData:',
    `  ${plan.caFileName}: |`,
    ...pem.map((line) => `    ${line}`),
    '',
  ].join('\n');
}

function configMapYaml(plan: CertificateTrustPlan, namespace: string | undefined): string {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${plan.trustConfigMapName}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'data:',
    `  ${TRUST_FILE_NAME}: |`,
    ...trustYamlText(plan.subjectNames)
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`),
    '',
  ].join('\n');
}

function appendDocument(text: string, yaml: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text.length === 0 ? '' : `${text.endsWith('\n') ? '' : eol}---${eol}`;
  return text + separator + yaml.split('\n').join(eol);
}

/** One edit replacing the region where the texts differ. */
function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
