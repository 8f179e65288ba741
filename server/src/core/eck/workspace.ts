import { parseAllDocuments, type Document } from 'yaml';
import type { ConfigDocument } from '../model/configDocument';
import { EMPTY_SUMMARY, type EckWorkspaceSummary, type WorkspaceElasticsearch, type WorkspaceSecret } from './workspaceSummary';
import { splitYamlStream } from '../model/yamlSplit';
import type { AnalysisOptions } from '../model/analysisOptions';
import { appendTo, buildEckManifest, manifestIndex, type EckManifest } from './manifest';

/**
 * Builds workspace summaries (see workspaceSummary.ts) from manifests and looks objects up in
 * them. The language server keeps one summary per file (see lsp/workspaceIndex.ts) and passes the
 * others to the analysis.
 */

/** Cheap pre-check so a workspace scan only parses YAML that can hold something we index. */
export function mayHoldEckObjects(text: string): boolean {
  return text.includes('elasticsearch.k8s.elastic.co') || /\bkind:\s*["']?Secret\b/.test(text) || text.includes('eck-operator');
}

/** What the workspace index keeps besides ECK objects and Secrets: ConfigMaps that volumes may name. */
const CONFIG_MAP_KIND = /\bkind:\s*["']?ConfigMap\b/;

function mayHoldIndexedObjects(text: string): boolean {
  return mayHoldEckObjects(text) || CONFIG_MAP_KIND.test(text);
}

export function summarizeManifest(uri: string, manifest: EckManifest): EckWorkspaceSummary {
  return {
    elasticsearches: manifest.elasticsearches.flatMap((es) =>
      es.name
        ? [
            {
              uri,
              name: es.name.value,
              namespace: es.namespace?.value,
              version: es.version?.value,
              remoteClusterServerEnabled: es.remoteClusterServerEnabled,
            },
          ]
        : [],
    ),
    secrets: manifest.secrets.flatMap((secret) =>
      secret.name
        ? [{ uri, name: secret.name.value, namespace: secret.namespace?.value, keys: secret.entries.map((e) => e.key) }]
        : [],
    ),
    configMaps: manifest.configMaps.flatMap((configMap) =>
      configMap.name
        ? [{ uri, name: configMap.name.value, namespace: configMap.namespace?.value, keys: configMap.entries.map((e) => e.key) }]
        : [],
    ),
    operatorVersions: manifest.operatorVersions.map((v) => v.value),
  };
}

/** Summary of any YAML file's text. Never throws; files that hold nothing relevant give an empty summary. */
export function summarizeYamlText(uri: string, text: string): EckWorkspaceSummary {
  if (!mayHoldIndexedObjects(text)) return EMPTY_SUMMARY;
  try {
    // Only the documents of the stream that can hold an indexed object are parsed (a chart's
    // hundred ConfigMaps next to one Secret cost a text search, not a parse).
    const documents = splitYamlStream(text)
      .filter((chunk) => mayHoldIndexedObjects(chunk.text))
      .flatMap((chunk) => {
        const parsed = parseAllDocuments(chunk.text, { uniqueKeys: false, prettyErrors: false });
        return (Array.isArray(parsed) ? parsed : [parsed]) as Document.Parsed[];
      });
    return summarizeYamlDocuments(uri, text, documents);
  } catch {
    return EMPTY_SUMMARY;
  }
}

/** The same from documents already parsed from `text` (an open document's cached parse). Never throws. */
export function summarizeYamlDocuments(uri: string, text: string, documents: readonly Document.Parsed[]): EckWorkspaceSummary {
  if (!mayHoldIndexedObjects(text)) return EMPTY_SUMMARY;
  try {
    return summarizeManifest(uri, buildEckManifest(documents, []));
  } catch {
    return EMPTY_SUMMARY;
  }
}

/** Objects of a workspace summary by name, indexed once per summary (one summary serves one analysis). */
export interface WorkspaceIndex {
  elasticsearchesByName: Map<string, WorkspaceElasticsearch[]>;
  secretsByName: Map<string, WorkspaceSecret[]>;
  configMapsByName: Map<string, WorkspaceSecret[]>;
}

const workspaceIndexes = new WeakMap<EckWorkspaceSummary, WorkspaceIndex>();

export function workspaceIndex(summary: EckWorkspaceSummary): WorkspaceIndex {
  let index = workspaceIndexes.get(summary);
  if (!index) {
    index = { elasticsearchesByName: new Map(), secretsByName: new Map(), configMapsByName: new Map() };
    for (const es of summary.elasticsearches) appendTo(index.elasticsearchesByName, es.name, es);
    for (const secret of summary.secrets) appendTo(index.secretsByName, secret.name, secret);
    for (const configMap of summary.configMaps ?? []) appendTo(index.configMapsByName, configMap.name, configMap);
    workspaceIndexes.set(summary, index);
  }
  return index;
}

/**
 * Kubernetes namespaces match when equal, or when either side does not say: kustomize bases and
 * `kubectl apply -n` leave `metadata.namespace` out and decide it at deploy time.
 */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export interface KnownElasticsearch {
  name: string;
  namespace?: string;
  version?: string;
  remoteClusterServerEnabled: boolean;
  /** Undefined for the document being analysed. */
  uri?: string;
}

/**
 * Every definition of an Elasticsearch resource with this name, in this file and in the rest of the
 * workspace. A kustomize overlay may define the same resource twice (base + patch).
 */
export function findElasticsearch(
  document: ConfigDocument,
  options: AnalysisOptions,
  name: string,
  namespace: string | undefined,
): KnownElasticsearch[] {
  const sameName = document.eck ? (manifestIndex(document.eck).elasticsearchesByName.get(name) ?? []) : [];
  const local: KnownElasticsearch[] = sameName.flatMap((es) =>
    sameNamespace(es.namespace?.value, namespace)
      ? [
          {
            name,
            namespace: es.namespace?.value,
            version: es.version?.value,
            remoteClusterServerEnabled: es.remoteClusterServerEnabled,
          },
        ]
      : [],
  );
  const elsewhere = options.eckWorkspace ? (workspaceIndex(options.eckWorkspace).elasticsearchesByName.get(name) ?? []) : [];
  const remote = elsewhere.filter((es) => es.uri !== document.uri && sameNamespace(es.namespace, namespace));
  return [...local, ...remote];
}

/** Versions of the ECK operator found in this file or the workspace. */
export function knownOperatorVersions(document: ConfigDocument, options: AnalysisOptions): string[] {
  return [...(document.eck?.operatorVersions.map((v) => v.value) ?? []), ...(options.eckWorkspace?.operatorVersions ?? [])];
}
