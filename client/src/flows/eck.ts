/**
 * ECK: how the cross-cluster API key reaches the local cluster's keystore. ECK loads keystore
 * entries from Secrets listed in `spec.secureSettings` (the Secret's key is the setting name), so
 * the flow writes a Secret and adds a `secureSettings` entry to the Elasticsearch resource in an
 * open manifest. Edits are computed on the text around the parsed nodes (server core), so comments
 * and layout elsewhere stay as they are.
 */
import { isSeq } from 'yaml';
import {
  contentSpan,
  type EckElasticsearch,
  insertEntryEdit,
  nodeSpan,
  parseConfigDocument,
  type Result,
  type TextEdit,
} from '#core';
import type { OpenYamlDocument } from './context';

export interface EckResource {
  uri: string;
  label: string;
  /** Position of the resource among the file's Elasticsearch resources. */
  index: number;
  name: string;
  namespace?: string;
  version?: string;
  /** Secret names already listed in `spec.secureSettings`. */
  secureSettingsSecrets: string[];
}

/** The ECK Elasticsearch resources of the open YAML documents. Never throws on bad YAML. */
export function eckResources(documents: OpenYamlDocument[]): EckResource[] {
  const found: EckResource[] = [];
  for (const document of documents) {
    for (const [index, es] of elasticsearchesIn(document).entries()) {
      if (!es.name) continue;
      found.push({
        uri: document.uri,
        label: document.label,
        index,
        name: es.name.value,
        namespace: es.namespace?.value,
        version: es.version?.value,
        secureSettingsSecrets: es.secureSettings.flatMap((source) => (source.secretName ? [source.secretName.value] : [])),
      });
    }
  }
  return found;
}

function elasticsearchesIn(document: OpenYamlDocument): EckElasticsearch[] {
  try {
    return parseConfigDocument({ uri: document.uri, text: document.text, languageId: 'yaml' }).eck?.elasticsearches ?? [];
  } catch {
    return [];
  }
}

/** A Kubernetes name for the Secret: lowercase, DNS-1123, at most 253 characters. */
export function credentialsSecretName(esName: string, alias: string): string {
  const name = `${esName}-remote-${alias}-credentials`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return name.slice(0, 253);
}

export function credentialsSetting(alias: string): string {
  return `cluster.remote.${alias}.credentials`;
}

/** The Secret manifest holding the encoded key. The text contains the secret: callers never log it. */
export function credentialsSecretYaml(options: {
  secretName: string;
  namespace?: string;
  alias: string;
  encodedKey: string;
}): string {
  return [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${options.secretName}`,
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'type: Opaque',
    'stringData:',
    `  ${credentialsSetting(options.alias)}: "${options.encodedKey}"`,
    '',
  ].join('\n');
}

/** The `spec.secureSettings` lines a resource needs, for instructions when no manifest is open. */
export function secureSettingsSnippet(secretName: string): string {
  return ['spec:', '  secureSettings:', `    - secretName: ${secretName}`].join('\n');
}

/**
 * The edit that lists `secretName` in the resource's `spec.secureSettings`, or a problem when the
 * manifest's layout cannot be edited safely. No edit when it is listed already.
 */
export function secureSettingsEdit(
  document: OpenYamlDocument,
  resourceIndex: number,
  secretName: string,
): Result<TextEdit | undefined> {
  const parsed = parseConfigDocument({ uri: document.uri, text: document.text, languageId: 'yaml' });
  const es = parsed.eck?.elasticsearches[resourceIndex];
  if (!es?.spec)
    return { ok: false, problem: `The Elasticsearch resource in ${document.label} has no "spec" map to add secureSettings to.` };
  if (es.secureSettings.some((source) => source.secretName?.value === secretName)) return { ok: true, value: undefined };
  const field = es.secureSettingsField;
  if (!field) {
    const edit = insertEntryEdit(document.text, parsed.lines, es.spec, 'secureSettings', [`- secretName: ${secretName}`]);
    return edit
      ? { ok: true, value: edit }
      : {
          ok: false,
          problem: `The "spec" of ${es.name?.value ?? 'the resource'} in ${document.label} is written in a form that cannot be edited safely.`,
        };
  }
  const list = field.value;
  if (!isSeq(list) || list.flow || list.items.length === 0) {
    return {
      ok: false,
      problem: `"spec.secureSettings" in ${document.label} is not a block list; add "- secretName: ${secretName}" to it by hand.`,
    };
  }
  const first = nodeSpan(list.items[0]);
  const last = contentSpan(list.items[list.items.length - 1], document.text);
  if (!first || !last) return { ok: false, problem: `"spec.secureSettings" in ${document.label} cannot be edited safely.` };
  // Items start after "- "; the dash sits two columns to the left of the item's first key.
  const itemColumn = parsed.lines.positionAt(first.start).character;
  const dashColumn = Math.max(0, itemColumn - 2);
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  const lineEnd = parsed.lines.lineEnd(parsed.lines.positionAt(last.end).line);
  return {
    ok: true,
    value: { span: { start: lineEnd, end: lineEnd }, newText: `${eol}${' '.repeat(dashColumn)}- secretName: ${secretName}` },
  };
}

/** Appends a YAML document (`---` separated) at the end of the file. */
export function appendDocumentEdit(text: string, yaml: string): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text.length === 0 ? '' : `${text.endsWith('\n') ? '' : eol}---${eol}`;
  return { span: { start: text.length, end: text.length }, newText: separator + yaml.split('\n').join(eol) };
}
