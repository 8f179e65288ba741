import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { SettingsScope } from '../model/settingsScope';
import type { EckChartValues } from './chartValues';
import type { Span } from '../types';
import { parseVersion, type Version } from '../version';
import {
  fieldOf,
  fieldValue,
  headSpan,
  isTrue,
  itemsOf,
  mapAtPath,
  mapOf,
  nodeSpan,
  scalarField,
  scalarText,
  textField,
  type Field,
  type Spanned,
} from './yamlAst';

/**
 * Typed view of the Kubernetes objects in one YAML file that matter for remote clusters:
 * ECK `Elasticsearch` resources, `Secret`s and `Service`s, plus ECK operator images (their tag is
 * the operator version). Built once per document version from the parsed documents; every span
 * points into the file, so rules report at exact positions. Partial documents (kustomize patches)
 * are normal: every field is optional.
 */

export const ECK_ES_API_GROUP = 'elasticsearch.k8s.elastic.co';
/** Label ECK puts on every Pod of a cluster; a Service selecting on it targets Elasticsearch Pods. */
export const ECK_CLUSTER_NAME_LABEL = 'elasticsearch.k8s.elastic.co/cluster-name';

/**
 * A Service of your own that selects the Pods of an ECK cluster by its cluster-name label, such as
 * the one `kubectl expose service <name>-es-remote-cluster` writes (seed ece-enable-ccs-for-eck,
 * ECK 3.0–3.2): ECK material even in a file of its own.
 */
export function isEckPodService(root: unknown): boolean {
  if (!isMap(root)) return false;
  if (textField(root, 'kind')?.value !== 'Service' || textField(root, 'apiVersion')?.value !== 'v1') return false;
  return stringMap(mapAtPath(root, ['spec', 'selector']))[ECK_CLUSTER_NAME_LABEL] !== undefined;
}

export interface K8sObject {
  /** Index of the YAML document in the file (`---` separated). */
  documentIndex: number;
  apiVersion: string;
  kind: string;
  root: YAMLMap;
  /** Where to point a finding about the object as a whole: its `kind` value. */
  headSpan: Span;
  name?: Spanned<string>;
  namespace?: Spanned<string>;
}

export interface ServicePort {
  node: unknown;
  span: Span;
  name?: Spanned<string>;
  port?: Spanned<string | number | boolean>;
  targetPort?: Spanned<string | number | boolean>;
}

/** A `ServiceTemplate` (`{metadata, spec}`) inside the Elasticsearch spec, or a standalone Service's spec. */
export interface ServiceShape {
  /** The `service:` entry of a template; absent for a standalone Service. */
  field?: Field;
  spec?: YAMLMap;
  type?: Spanned<string>;
  portsField?: Field;
  ports: ServicePort[];
}

export interface RemoteClusterEntry {
  index: number;
  node: unknown;
  span: Span;
  nameField?: Field;
  name?: Spanned<string>;
  refField?: Field;
  refName?: Spanned<string>;
  refNamespace?: Spanned<string>;
  refServiceNameField?: Field;
  apiKeyField?: Field;
  accessField?: Field;
}

export interface SecureSettingsSource {
  node: unknown;
  span: Span;
  secretName?: Spanned<string>;
  /** `entries[]`: when present only these keys are loaded, each under `path` (or its own key). */
  entries?: Array<{ key?: Spanned<string>; path?: Spanned<string> }>;
}

export interface VolumeMount {
  container: string;
  name?: Spanned<string>;
  mountPath?: Spanned<string>;
  /** `subPath`: the mount shows one entry of the volume, not the volume itself. */
  subPath?: Spanned<string>;
  /** `subPathExpr` is set: which entry the mount shows is decided per Pod. */
  subPathExpr?: boolean;
}

/** A `podTemplate.spec.volumes[]` entry backed by a Secret or a ConfigMap. */
export interface VolumeSource {
  name: Spanned<string>;
  kind: 'Secret' | 'ConfigMap';
  /** `secret.secretName` or `configMap.name`. */
  objectName?: Spanned<string>;
  /** `items[]`: when present only these keys appear, each as its `path`. */
  items?: Array<{ key?: string; path?: string }>;
}

export interface NodeSet {
  index: number;
  node: YAMLMap;
  name?: Spanned<string>;
  configField?: Field;
  /** The settings scope the document model built for `config`, when it is a map. */
  scope?: SettingsScope;
  /** Names of `podTemplate.spec.volumes[]`. */
  volumes: Spanned<string>[];
  /** The Secret and ConfigMap volumes among them. */
  volumeSources: VolumeSource[];
  /** Names of `volumeClaimTemplates[].metadata.name`. */
  claimTemplates: Spanned<string>[];
  /** Mounts of every container and init container of the Pod template. */
  volumeMounts: VolumeMount[];
}

export interface EckElasticsearch extends K8sObject {
  kind: 'Elasticsearch';
  /**
   * Keys from the document root to the spec: `['spec']` for a resource; for the values of an ECK
   * Helm chart (see chartValues.ts), `[]` or `['eck-elasticsearch']`, where the chart's own keys sit beside the spec's.
   */
  specPath: readonly string[];
  /** `v1`, `v1beta1`, …: the part of `apiVersion` after the group. */
  crdVersion: string;
  spec?: YAMLMap;
  version?: Spanned<string>;
  stackVersion?: Version;
  remoteClusterServerField?: Field;
  remoteClusterServerEnabledField?: Field;
  /** `spec.remoteClusterServer.enabled` is the YAML boolean `true`. */
  remoteClusterServerEnabled: boolean;
  remoteClusterServerService?: ServiceShape;
  remoteClustersField?: Field;
  remoteClusters: RemoteClusterEntry[];
  transportField?: Field;
  transportService?: ServiceShape;
  secureSettingsField?: Field;
  secureSettings: SecureSettingsSource[];
  serviceAccountName?: Spanned<string>;
  nodeSets: NodeSet[];
}

export interface SecretEntry {
  key: string;
  keySpan: Span;
  section: 'data' | 'stringData' | 'binaryData';
  /** The value node; rules may inspect it but must never print it. */
  value: unknown;
}

export interface K8sSecret extends K8sObject {
  kind: 'Secret';
  entries: SecretEntry[];
}

export interface K8sConfigMap extends K8sObject {
  kind: 'ConfigMap';
  /** `data` and `binaryData` entries (`section` says which; `binaryData` counts as `data`). */
  entries: SecretEntry[];
}

export interface K8sService extends K8sObject {
  kind: 'Service';
  selector: Record<string, string>;
  shape: ServiceShape;
}

export interface EckManifest {
  elasticsearches: EckElasticsearch[];
  secrets: K8sSecret[];
  configMaps: K8sConfigMap[];
  services: K8sService[];
  /** Tags of `docker.elastic.co/eck/eck-operator` images found in the file (the operator version). */
  operatorVersions: Spanned<string>[];
}

const OPERATOR_IMAGE = /(?:^|\/)eck\/eck-operator(?:-[a-z]+)?:v?(\d+\.\d+\.\d+[^\s@]*)/;

/** Builds the manifest model. Never throws: unexpected shapes simply leave fields unset. */
export function buildEckManifest(
  documents: readonly Document.Parsed[],
  scopes: readonly SettingsScope[],
  chartValues: readonly EckChartValues[] = [],
): EckManifest {
  const manifest = assembleEckManifest(documents.map((doc, documentIndex) => eckDocumentModel(doc, documentIndex, scopes)));
  addChartValues(manifest, documents, scopes, chartValues);
  return manifest;
}

/** What one YAML document adds to the manifest model. */
export interface EckDocumentModel {
  object?: EckElasticsearch | K8sSecret | K8sConfigMap | K8sService;
  operatorVersions: Spanned<string>[];
}

/** nodeSet `config` scopes by where their map starts (the first one wins, as a search in order would). */
function configScopesByStart(scopes: readonly SettingsScope[]): Map<number, SettingsScope> {
  const configScopes = new Map<number, SettingsScope>();
  for (const scope of scopes)
    if (scope.origin === 'eck-config' && !configScopes.has(scope.span.start)) configScopes.set(scope.span.start, scope);
  return configScopes;
}

/**
 * Whether a YAML text can hold an ECK operator image: a value can spell `eck-operator` only where
 * its source does, or through an escape (`\u002d`) of a double-quoted scalar; folding a multi-line
 * scalar adds a space or a line break, which the image pattern does not allow. A text without
 * either is not walked for images (a walk of every node of every document).
 */
export function mayNameOperatorImage(text: string): boolean {
  return text.includes('eck-operator') || text.includes('\\');
}

/**
 * The model of one YAML document; `scopes` holds (at least) the settings scopes built for its nodeSet
 * configs. `operatorImages`: false when the document's text cannot name an operator image (mayNameOperatorImage).
 */
export function eckDocumentModel(
  doc: Document.Parsed,
  documentIndex: number,
  scopes: readonly SettingsScope[],
  operatorImages = true,
): EckDocumentModel {
  const model: EckDocumentModel = { operatorVersions: [] };
  const root = doc.contents;
  if (!isMap(root)) return model;
  const base = objectBase(root, documentIndex);
  if (!base) return model;
  if (base.kind === 'Elasticsearch' && base.apiVersion.startsWith(`${ECK_ES_API_GROUP}/`)) {
    model.object = elasticsearchOf(base, configScopesByStart(scopes));
  } else if (base.kind === 'Secret' && base.apiVersion === 'v1') {
    model.object = { ...base, kind: 'Secret', entries: secretEntries(root) };
  } else if (base.kind === 'ConfigMap' && base.apiVersion === 'v1') {
    model.object = { ...base, kind: 'ConfigMap', entries: secretEntries(root, ['data', 'binaryData']) };
  } else if (base.kind === 'Service' && base.apiVersion === 'v1') {
    model.object = {
      ...base,
      kind: 'Service',
      selector: stringMap(mapAtPath(root, ['spec', 'selector'])),
      shape: serviceShape(mapOf(root, 'spec')),
    };
  }
  if (operatorImages) collectOperatorImages(root, model.operatorVersions);
  return model;
}

/** The manifest of a file from the models of its YAML documents, in file order. */
export function assembleEckManifest(models: readonly EckDocumentModel[]): EckManifest {
  const manifest: EckManifest = { elasticsearches: [], secrets: [], configMaps: [], services: [], operatorVersions: [] };
  for (const { object, operatorVersions } of models) {
    if (object?.kind === 'Elasticsearch') manifest.elasticsearches.push(object);
    else if (object?.kind === 'Secret') manifest.secrets.push(object);
    else if (object?.kind === 'ConfigMap') manifest.configMaps.push(object);
    else if (object?.kind === 'Service') manifest.services.push(object);
    manifest.operatorVersions.push(...operatorVersions);
  }
  return manifest;
}

/** Adds the Elasticsearch specs that the values of ECK's Helm charts hold (see chartValues.ts). */
export function addChartValues(
  manifest: EckManifest,
  documents: readonly Document.Parsed[],
  scopes: readonly SettingsScope[],
  chartValues: readonly EckChartValues[],
): void {
  if (chartValues.length === 0) return;
  const configScopes = configScopesByStart(scopes);
  for (const values of chartValues) {
    const root = documents[values.documentIndex]?.contents;
    if (!isMap(root)) continue;
    const base: K8sObject = {
      documentIndex: values.documentIndex,
      apiVersion: `${ECK_ES_API_GROUP}/v1`,
      kind: 'Elasticsearch',
      root,
      headSpan: values.headSpan,
      // The chart names the resource after fullnameOverride, else after the release.
      name: textField(values.spec, 'fullnameOverride'),
    };
    manifest.elasticsearches.push(elasticsearchOf(base, configScopes, values.spec, values.specPath));
  }
}

function objectBase(root: YAMLMap, documentIndex: number): K8sObject | undefined {
  const apiVersion = textField(root, 'apiVersion');
  const kind = textField(root, 'kind');
  if (!apiVersion || !kind) return undefined;
  const metadata = mapOf(root, 'metadata');
  return {
    documentIndex,
    apiVersion: apiVersion.value,
    kind: kind.value,
    root,
    headSpan: kind.span,
    name: textField(metadata, 'name'),
    namespace: textField(metadata, 'namespace'),
  };
}

function elasticsearchOf(
  base: K8sObject,
  configScopes: ReadonlyMap<number, SettingsScope>,
  spec = mapOf(base.root, 'spec'),
  specPath: readonly string[] = ['spec'],
): EckElasticsearch {
  const version = textField(spec, 'version');
  const remoteClusterServerField = fieldOf(spec, 'remoteClusterServer');
  const remoteClusterServerEnabledField = fieldOf(remoteClusterServerField?.value, 'enabled');
  const remoteClustersField = fieldOf(spec, 'remoteClusters');
  const transportField = fieldOf(spec, 'transport');
  const secureSettingsField = fieldOf(spec, 'secureSettings');
  const rcsServiceField = fieldOf(remoteClusterServerField?.value, 'service');
  const transportServiceField = fieldOf(transportField?.value, 'service');
  // Every field written out rather than `...base`: V8 builds an object literal that starts with a
  // spread and goes on with many properties a property at a time, ~100× slower (measured on the
  // 20,000-line bench manifest: 5 ms of each parse).
  return {
    documentIndex: base.documentIndex,
    apiVersion: base.apiVersion,
    kind: 'Elasticsearch',
    root: base.root,
    headSpan: base.headSpan,
    name: base.name,
    namespace: base.namespace,
    specPath,
    crdVersion: base.apiVersion.slice(ECK_ES_API_GROUP.length + 1),
    spec,
    version,
    stackVersion: parseVersion(version?.value),
    remoteClusterServerField,
    remoteClusterServerEnabledField,
    remoteClusterServerEnabled: isTrue(remoteClusterServerEnabledField?.value),
    remoteClusterServerService: rcsServiceField
      ? { ...serviceShape(mapOf(rcsServiceField.value, 'spec')), field: rcsServiceField }
      : undefined,
    remoteClustersField,
    remoteClusters: itemsOf(remoteClustersField?.value).flatMap((node, index) => remoteClusterEntry(node, index)),
    transportField,
    transportService: transportServiceField
      ? { ...serviceShape(mapOf(transportServiceField.value, 'spec')), field: transportServiceField }
      : undefined,
    secureSettingsField,
    secureSettings: itemsOf(secureSettingsField?.value).flatMap((node) => secureSettingsSource(node)),
    serviceAccountName: textField(spec, 'serviceAccountName'),
    nodeSets: itemsOf(fieldValue(spec, 'nodeSets')).flatMap((node, index) => nodeSetOf(node, index, configScopes)),
  };
}

function remoteClusterEntry(node: unknown, index: number): RemoteClusterEntry[] {
  const span = headSpan(node);
  if (!span) return [];
  const nameField = fieldOf(node, 'name');
  const refField = fieldOf(node, 'elasticsearchRef');
  const apiKeyField = fieldOf(node, 'apiKey');
  return [
    {
      index,
      node,
      span,
      nameField,
      name: textField(node, 'name'),
      refField,
      refName: textField(refField?.value, 'name'),
      refNamespace: textField(refField?.value, 'namespace'),
      refServiceNameField: fieldOf(refField?.value, 'serviceName'),
      apiKeyField,
      accessField: fieldOf(apiKeyField?.value, 'access'),
    },
  ];
}

function secureSettingsSource(node: unknown): SecureSettingsSource[] {
  const span = headSpan(node);
  if (!span) return [];
  const entriesField = fieldOf(node, 'entries');
  return [
    {
      node,
      span,
      secretName: textField(node, 'secretName'),
      entries: entriesField
        ? itemsOf(entriesField.value).map((entry) => ({ key: textField(entry, 'key'), path: textField(entry, 'path') }))
        : undefined,
    },
  ];
}

function serviceShape(spec: YAMLMap | undefined): ServiceShape {
  const portsField = fieldOf(spec, 'ports');
  const ports: ServicePort[] = itemsOf(portsField?.value).flatMap((node) => {
    const span = headSpan(node);
    if (!span || !isMap(node)) return [];
    return [
      { node, span, name: textField(node, 'name'), port: scalarField(node, 'port'), targetPort: scalarField(node, 'targetPort') },
    ];
  });
  return { spec, type: textField(spec, 'type'), portsField, ports };
}

function nodeSetOf(node: unknown, index: number, configScopes: ReadonlyMap<number, SettingsScope>): NodeSet[] {
  if (!isMap(node)) return [];
  const configField = fieldOf(node, 'config');
  const configStart = nodeSpan(configField?.value)?.start;
  const podSpec = mapAtPath(node, ['podTemplate', 'spec']);
  const volumeMounts: VolumeMount[] = [];
  for (const list of ['initContainers', 'containers']) {
    for (const container of itemsOf(fieldValue(podSpec, list))) {
      const containerName = scalarText(fieldValue(container, 'name')) ?? '';
      for (const mount of itemsOf(fieldValue(container, 'volumeMounts'))) {
        volumeMounts.push({
          container: containerName,
          name: textField(mount, 'name'),
          mountPath: textField(mount, 'mountPath'),
          subPath: textField(mount, 'subPath'),
          subPathExpr: fieldOf(mount, 'subPathExpr') !== undefined || undefined,
        });
      }
    }
  }
  const volumeNodes = itemsOf(fieldValue(podSpec, 'volumes'));
  return [
    {
      index,
      node,
      name: textField(node, 'name'),
      configField,
      scope: configStart === undefined ? undefined : configScopes.get(configStart),
      volumes: volumeNodes.flatMap((volume) => optional(textField(volume, 'name'))),
      volumeSources: volumeNodes.flatMap(volumeSourceOf),
      claimTemplates: itemsOf(fieldValue(node, 'volumeClaimTemplates')).flatMap((claim) =>
        optional(textField(mapOf(claim, 'metadata'), 'name')),
      ),
      volumeMounts,
    },
  ];
}

function volumeSourceOf(volume: unknown): VolumeSource[] {
  const name = textField(volume, 'name');
  if (!name) return [];
  for (const [field, kind, nameKey] of [
    ['secret', 'Secret', 'secretName'],
    ['configMap', 'ConfigMap', 'name'],
  ] as const) {
    const source = mapOf(volume, field);
    if (!source) continue;
    const itemsField = fieldOf(source, 'items');
    return [
      {
        name,
        kind,
        objectName: textField(source, nameKey),
        items: itemsField
          ? itemsOf(itemsField.value).map((item) => ({
              key: textField(item, 'key')?.value,
              path: textField(item, 'path')?.value,
            }))
          : undefined,
      },
    ];
  }
  return [];
}

function secretEntries(
  root: YAMLMap,
  sections: ReadonlyArray<'data' | 'stringData' | 'binaryData'> = ['data', 'stringData'],
): SecretEntry[] {
  const entries: SecretEntry[] = [];
  for (const section of sections) {
    const map = mapOf(root, section);
    if (!map) continue;
    for (const pair of map.items) {
      const keySpan = nodeSpan(pair.key);
      const key = scalarText(pair.key);
      if (keySpan && key !== undefined) entries.push({ key, keySpan, section, value: pair.value });
    }
  }
  return entries;
}

function stringMap(map: YAMLMap | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of map?.items ?? []) {
    const key = scalarText(pair.key);
    const value = scalarText(pair.value);
    if (key !== undefined && value !== undefined) result[key] = value;
  }
  return result;
}

/** Finds `image: …/eck/eck-operator:X.Y.Z` anywhere in a document (Deployments, StatefulSets of the operator). */
function collectOperatorImages(node: unknown, into: Spanned<string>[], depth = 0): void {
  if (depth > 12) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === 'image') {
        const image = scalarText(pair.value);
        const match = image ? OPERATOR_IMAGE.exec(image) : null;
        const span = nodeSpan(pair.value);
        if (match && span) into.push({ value: match[1], span });
      } else {
        collectOperatorImages(pair.value, into, depth + 1);
      }
    }
  } else {
    for (const item of itemsOf(node)) collectOperatorImages(item, into, depth + 1);
  }
}

/**
 * A path in the document (keys, `[]` or indexes for list items) as a path from the resource's root
 * (`spec`, …), or undefined when it lies outside the spec. Chart values hold the spec at another path.
 */
export function specRelativePath<T extends string | number>(
  es: EckElasticsearch,
  path: readonly T[],
): Array<T | 'spec'> | undefined {
  if (es.specPath.length === 1 && es.specPath[0] === 'spec') return [...path];
  if (path.length < es.specPath.length || es.specPath.some((key, index) => path[index] !== key)) return undefined;
  return ['spec', ...path.slice(es.specPath.length)];
}

/** Lookups the rules make for every resource and nodeSet, indexed once per manifest. */
export interface ManifestIndex {
  /** The resource and nodeSet each `nodeSets[].config` scope belongs to. */
  ownerOfScope: Map<SettingsScope, { es: EckElasticsearch; nodeSet: NodeSet }>;
  /** Elasticsearch resources, Secrets and ConfigMaps by `metadata.name`, in file order. */
  elasticsearchesByName: Map<string, EckElasticsearch[]>;
  secretsByName: Map<string, K8sSecret[]>;
  configMapsByName: Map<string, K8sConfigMap[]>;
}

const manifestIndexes = new WeakMap<EckManifest, ManifestIndex>();

export function manifestIndex(manifest: EckManifest): ManifestIndex {
  let index = manifestIndexes.get(manifest);
  if (!index) {
    index = { ownerOfScope: new Map(), elasticsearchesByName: new Map(), secretsByName: new Map(), configMapsByName: new Map() };
    for (const es of manifest.elasticsearches) {
      for (const nodeSet of es.nodeSets) {
        if (nodeSet.scope && !index.ownerOfScope.has(nodeSet.scope)) index.ownerOfScope.set(nodeSet.scope, { es, nodeSet });
      }
      if (es.name) appendTo(index.elasticsearchesByName, es.name.value, es);
    }
    for (const secret of manifest.secrets) if (secret.name) appendTo(index.secretsByName, secret.name.value, secret);
    for (const configMap of manifest.configMaps)
      if (configMap.name) appendTo(index.configMapsByName, configMap.name.value, configMap);
    manifestIndexes.set(manifest, index);
  }
  return index;
}

/**
 * The manifest restricted to the objects `keep` accepts, for rules that should check only those;
 * lookups by name (manifestIndex) still see every object of the file.
 */
export function manifestSubset(manifest: EckManifest, keep: (object: K8sObject) => boolean): EckManifest {
  const subset: EckManifest = {
    elasticsearches: manifest.elasticsearches.filter(keep),
    secrets: manifest.secrets.filter(keep),
    configMaps: manifest.configMaps.filter(keep),
    services: manifest.services.filter(keep),
    operatorVersions: manifest.operatorVersions,
  };
  manifestIndexes.set(subset, manifestIndex(manifest));
  return subset;
}

export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
