import type { Node as JsonNode } from 'jsonc-parser';
import type { Document } from 'yaml';
import type { ConsoleFile } from '../console/parse';
import type { EckManifest } from '../eck/manifest';
import type { JsonBody } from '../json/body';
import type { LineIndex } from '../text';
import type { Finding, Span } from '../types';
import type { EmbeddedRegion, SettingsHost } from './embeddedSettings';
import type { SettingsScope } from './settingsScope';
import type { TemplateInfo } from './template';
import type { YamlChunk } from './yamlSplit';

/**
 * One parse of one document version: format, what kind of document it is for us, and the
 * settings scopes every feature (diagnostics, completion, hover, code actions) reads. Declared
 * apart from the parser (model/parseDocument.ts) so the format-specific parsers it calls can use it.
 */

export type DocumentKind =
  | 'elasticsearch-yml'
  | 'eck-manifest'
  | 'cluster-settings'
  // JSON payloads (see json/kinds.ts) and Kibana Console request files (see console/parse.ts).
  | 'cross-cluster-api-key'
  | 'security-role'
  | 'cloud-trust'
  | 'cloud-remote-clusters'
  | 'cloud-keystore'
  | 'console'
  // The trust restrictions file of the certificate model (see trustRestrictions.ts).
  | 'trust-restrictions'
  | 'unrelated';

export interface ConfigDocument {
  uri: string;
  version: number;
  /** The language settings are written in: Console request bodies are JSON. */
  format: 'yaml' | 'json';
  text: string;
  lines: LineIndex;
  kind: DocumentKind;
  scopes: SettingsScope[];
  /** Syntax errors of the YAML/JSON itself, reported once; rules run on what parsed. */
  syntaxErrors: Finding[];
  yamlDocuments?: Document.Parsed[];
  /** The YAML stream split at document markers, each part with its parse (see `previous` in ParseOptions). */
  yamlChunks?: ParsedYamlChunk[];
  /** JSON files: jsonc-parser's tree (a settings block's properties are parsed when first read; see json/parseJson.ts). */
  jsonRoot?: JsonNode;
  /** JSON bodies: the whole file for a `.json` payload, one per recognised Console request. */
  bodies?: JsonBody[];
  /** Console request files: the requests, comments and request-line problems. */
  console?: ConsoleFile;
  /** ECK manifests: the Elasticsearch, Secret and Service objects of the file (see eck/manifest.ts). */
  eck?: EckManifest;
  /** YAML templates (Helm, Jinja): parsed with their directives masked (see template.ts). */
  template?: TemplateInfo;
  /**
   * Settings embedded in another file (Compose environment, ConfigMap, Helm values; see
   * embeddedSettings.ts): where they are. Completion answers only inside these regions.
   */
  embedded?: EmbeddedRegion[];
  /** Parts of values only known when the host runs (Compose `${VAR}`): nothing is reported on them. */
  interpolations?: Span[];
  /** Text no quick fix may edit: an `ES_SETTING_…` variable name is not written as the setting's name. */
  uneditable?: Span[];
}

export interface ParsedYamlChunk extends YamlChunk {
  documents: Document.Parsed[];
}

/** What every parser starts from. */
export type BaseDocument = Pick<ConfigDocument, 'uri' | 'version' | 'text' | 'lines'>;

/** What each kind of document is, in words a user recognises (status displays, messages). */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  'elasticsearch-yml': 'elasticsearch.yml',
  'eck-manifest': 'ECK manifest',
  'cluster-settings': 'Cluster settings body',
  'cross-cluster-api-key': 'Cross-cluster API key body',
  'security-role': 'Security role body',
  'cloud-trust': 'Elastic Cloud trust settings',
  'cloud-remote-clusters': 'Elastic Cloud remote clusters',
  'cloud-keystore': 'Elastic Cloud keystore settings',
  console: 'Console requests',
  'trust-restrictions': 'trust.yml (transport trust restrictions)',
  unrelated: 'Not about remote clusters',
};

/** Where embedded settings sit, in words a user recognises. */
const HOST_LABELS: Readonly<Record<SettingsHost, string>> = {
  'docker-compose': 'a Compose environment',
  configmap: 'a ConfigMap',
  secret: 'a Secret',
  'helm-values': 'Helm values',
};

/** What a document is to us: its kind's label, and for embedded settings where they sit (`elasticsearch.yml in a ConfigMap`). */
export function documentLabel(document: Pick<ConfigDocument, 'kind' | 'embedded' | 'eck'>): string {
  const hosts = [...new Set((document.embedded ?? []).map((region) => HOST_LABELS[region.host]))];
  // The values of an ECK Helm chart: the spec does not sit under `spec`.
  if (document.eck?.elasticsearches.some((es) => es.specPath[0] !== 'spec')) hosts.push(HOST_LABELS['helm-values']);
  const label = DOCUMENT_KIND_LABELS[document.kind];
  return hosts.length > 0 && document.kind !== 'unrelated' ? `${label} in ${hosts.join(', ')}` : label;
}
