import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { namespaceOf } from '../catalog/lookup';
import { LineIndex } from '../text';
import type { Finding } from '../types';
import { settingsScopeFromJson } from './jsonSettings';
import type { SettingsScope } from './settings';
import { settingsScopeFromYaml } from './yamlSettings';

/**
 * One parse of one document version: format, what kind of document it is for us, and the
 * settings scopes every feature (diagnostics, completion, hover, code actions) reads.
 */

export type DocumentKind = 'elasticsearch-yml' | 'eck-manifest' | 'cluster-settings' | 'unrelated';

export interface ConfigDocument {
  uri: string;
  version: number;
  format: 'yaml' | 'json';
  text: string;
  lines: LineIndex;
  kind: DocumentKind;
  scopes: SettingsScope[];
  /** Syntax errors of the YAML/JSON itself, reported once; rules run on what parsed. */
  syntaxErrors: Finding[];
  yamlDocuments?: Document.Parsed[];
  jsonRoot?: JsonNode;
}

export const ECK_API_GROUP = 'elasticsearch.k8s.elastic.co/';

export interface ParseOptions {
  uri: string;
  text: string;
  version?: number;
  /** Editor language id, when known; otherwise the file extension decides. */
  languageId?: string;
}

export function formatOf(uri: string, languageId?: string): 'yaml' | 'json' | undefined {
  if (languageId === 'yaml') return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (/\.ya?ml$/i.test(uri)) return 'yaml';
  if (/\.jsonc?$/i.test(uri)) return 'json';
  return undefined;
}

export function isElasticsearchYmlName(uri: string): boolean {
  const base = decodeURIComponent(uri.split(/[\\/]/).pop() ?? '');
  return /(^|[._-])elasticsearch\.ya?ml$/i.test(base);
}

export function parseConfigDocument(options: ParseOptions): ConfigDocument {
  const format = formatOf(options.uri, options.languageId);
  const base = {
    uri: options.uri,
    version: options.version ?? 0,
    text: options.text,
    lines: new LineIndex(options.text),
  };
  if (format === 'json') return parseJson(base);
  if (format === 'yaml') return parseYaml(base);
  return { ...base, format: 'yaml', kind: 'unrelated', scopes: [], syntaxErrors: [] };
}

type BaseDocument = Pick<ConfigDocument, 'uri' | 'version' | 'text' | 'lines'>;

function parseYaml(base: BaseDocument): ConfigDocument {
  const documents = parseAllDocuments(base.text, { uniqueKeys: false, prettyErrors: false });
  const yamlDocuments = (Array.isArray(documents) ? documents : [documents]) as Document.Parsed[];
  const syntaxErrors: Finding[] = [];
  for (const doc of yamlDocuments) {
    for (const error of doc.errors) {
      syntaxErrors.push({
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
        span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
      });
    }
  }

  const eckResources = yamlDocuments.filter(isEckElasticsearch);
  if (eckResources.length > 0 || yamlDocuments.some((d) => apiVersionOf(d)?.startsWith(ECK_API_GROUP))) {
    const scopes = eckResources.flatMap(nodeSetConfigScopes);
    return { ...base, format: 'yaml', kind: 'eck-manifest', scopes, syntaxErrors, yamlDocuments };
  }

  const scopes = yamlDocuments
    .map((d) => d.contents as unknown)
    .filter((c): c is YAMLMap => isMap(c))
    .map((root) => settingsScopeFromYaml(root, 'elasticsearch-yml'));
  // Any YAML that sets a remote-cluster key is an elasticsearch.yml to us, whatever its name.
  const relevant =
    isElasticsearchYmlName(base.uri) || scopes.some((scope) => scope.occurrences.some((o) => namespaceOf(o.key)));
  if (!relevant) return { ...base, format: 'yaml', kind: 'unrelated', scopes: [], syntaxErrors: [], yamlDocuments };
  return { ...base, format: 'yaml', kind: 'elasticsearch-yml', scopes, syntaxErrors, yamlDocuments };
}

function apiVersionOf(doc: Document.Parsed): string | undefined {
  if (!isMap(doc.contents)) return undefined;
  const value = doc.contents.get('apiVersion');
  return typeof value === 'string' ? value : undefined;
}

function isEckElasticsearch(doc: Document.Parsed): boolean {
  return isMap(doc.contents) && (doc.contents.get('kind') as unknown) === 'Elasticsearch' && !!apiVersionOf(doc)?.startsWith(ECK_API_GROUP);
}

function nodeSetConfigScopes(doc: Document.Parsed): SettingsScope[] {
  const spec = isMap(doc.contents) ? doc.contents.get('spec', true) : undefined;
  if (!isMap(spec)) return [];
  const versionNode = spec.get('version', true);
  const stackVersion = isScalar(versionNode) && versionNode.value !== null ? String(versionNode.value) : undefined;
  const nodeSets = spec.get('nodeSets', true);
  if (!isSeq(nodeSets)) return [];
  const scopes: SettingsScope[] = [];
  nodeSets.items.forEach((nodeSet, index) => {
    if (!isMap(nodeSet)) return;
    const config = nodeSet.get('config', true);
    if (!isMap(config)) return;
    const name = nodeSet.get('name');
    const label = `nodeSets[${typeof name === 'string' ? name : index}].config`;
    scopes.push({ ...settingsScopeFromYaml(config, 'eck-config', label), stackVersion });
  });
  return scopes;
}

function parseJson(base: BaseDocument): ConfigDocument {
  const errors: ParseError[] = [];
  const root = parseTree(base.text, errors, { allowTrailingComma: true, disallowComments: false });
  const syntaxErrors: Finding[] = errors.map((error) => ({
    ruleId: 'json-syntax',
    severity: 'error',
    message: `JSON syntax error: ${printParseErrorCode(error.error)}`,
    span: { start: error.offset, end: error.offset + Math.max(1, error.length) },
  }));
  const scopes: SettingsScope[] = [];
  if (root?.type === 'object') {
    for (const persistence of ['persistent', 'transient'] as const) {
      const block = findNodeAtLocation(root, [persistence]);
      if (block?.type === 'object') scopes.push(settingsScopeFromJson(block, 'cluster-settings', persistence));
    }
  }
  const relevant = scopes.some((scope) => scope.occurrences.some((o) => namespaceOf(o.key)));
  if (!relevant) return { ...base, format: 'json', kind: 'unrelated', scopes: [], syntaxErrors: [], jsonRoot: root };
  return { ...base, format: 'json', kind: 'cluster-settings', scopes, syntaxErrors, jsonRoot: root };
}
