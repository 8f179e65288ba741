import type { HoverResult } from '../types';
import type { ConfigDocument } from '../model/configDocument';
import { elasticsearchAt } from './completion';
import { crdField, crdFieldMarkdown } from './fields';
import { PORTS } from '../catalog/facts';
import { specRelativePath, type EckElasticsearch } from './manifest';
import { documentAt, fieldPattern, locate } from './yamlAst';

/**
 * Hover for the remote-cluster fields of ECK `Elasticsearch` resources. Undefined inside
 * `nodeSets[].config` (the elasticsearch.yml hover answers there) and wherever it knows nothing.
 */
export function eckHover(document: ConfigDocument, offset: number): HoverResult | undefined {
  if (document.scopes.some((scope) => scope.span.start <= offset && offset < scope.span.end)) return undefined;
  const es = elasticsearchAt(document, offset);
  const doc = documentAt(document.yamlDocuments, offset);
  if (!es || !doc) return undefined;
  const location = locate(doc, offset);
  const path = location && specRelativePath(es, location.path);
  if (!location || !path) return undefined;
  const pattern = fieldPattern(path);
  if (location.on === 'value' && pattern === 'spec.remoteClusters[].elasticsearchRef.name') {
    return {
      markdown: describeRemote(document, es, path, String((location.node as { value: unknown }).value)),
      span: location.span,
    };
  }
  const field = crdField(pattern);
  if (!field) return undefined;
  const markdown =
    crdFieldMarkdown(field) +
    (field.v1Only && es.crdVersion === 'v1beta1'
      ? '\n\n**Not in the `v1beta1` schema**: use `apiVersion: elasticsearch.k8s.elastic.co/v1`.'
      : '');
  return { markdown, span: location.span };
}

/** What ECK will do for a `remoteClusters[]` entry: which Service it connects to, and what it knows of the target. */
function describeRemote(
  document: ConfigDocument,
  es: EckElasticsearch,
  path: ReadonlyArray<string | number>,
  name: string,
): string {
  const index = path[2];
  const entry = typeof index === 'number' ? es.remoteClusters.find((candidate) => candidate.index === index) : undefined;
  const namespace = entry?.refNamespace?.value ?? es.namespace?.value ?? '<namespace>';
  const apiKey = !!entry?.apiKeyField;
  const seed = apiKey
    ? `${name}-es-remote-cluster.${namespace}.svc:${PORTS.remoteClusterServer}`
    : `${name}-es-transport.${namespace}.svc:${PORTS.transport}`;
  const lines = [
    `**Remote Elasticsearch \`${name}\`**`,
    '',
    `${apiKey ? 'API-key model' : 'TLS-certificate model'}: ECK connects to \`${seed}\`${entry?.name ? ` under the alias \`${entry.name.value}\`` : ''}.`,
  ];
  const targets = (document.eck?.elasticsearches ?? []).filter((other) => other.name?.value === name);
  if (targets.length === 0) {
    lines.push('', 'Not defined in this file.');
  } else {
    const target = targets[0];
    lines.push(
      '',
      `Defined in this file: version ${target.version?.value ?? 'not set'}, remote cluster server ${targets.some((t) => t.remoteClusterServerEnabled) ? 'enabled' : 'not enabled'}.`,
    );
  }
  return lines.join('\n');
}
