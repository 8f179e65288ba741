import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { isHelmValuesFile } from '../model/embeddedSettings';
import type { Span } from '../types';
import { headSpan } from './yamlAst';

/**
 * Values of Elastic's ECK Helm charts, which write an Elasticsearch resource's `spec` from them:
 * the eck-elasticsearch chart takes `version`, `nodeSets`, `remoteClusters`, `remoteClusterServer`, …
 * from the top level of its values, the eck-stack chart from its `eck-elasticsearch:` key (see
 * deploy/eck-stack/charts/eck-elasticsearch/templates/elasticsearch.yaml in
 * https://github.com/elastic/cloud-on-k8s). Only a values file (by name) whose map has the shape
 * of a spec is taken: other charts' values have no `nodeSets` of named, counted node sets.
 */

export interface EckChartValues {
  documentIndex: number;
  /** The map the chart reads spec fields from. */
  spec: YAMLMap;
  /** Keys from the document root to `spec`: `[]` (eck-elasticsearch) or `['eck-elasticsearch']` (eck-stack). */
  specPath: string[];
  /** Where to point a finding about the resource as a whole. */
  headSpan: Span;
}

/** The key under which the eck-stack chart passes values to its eck-elasticsearch subchart. */
const STACK_SUBCHART_KEY = 'eck-elasticsearch';

export function eckChartValues(documents: readonly Document.Parsed[], uri: string): EckChartValues[] {
  if (!isHelmValuesFile(uri)) return [];
  const found: EckChartValues[] = [];
  documents.forEach((doc, documentIndex) => {
    const root = doc.contents;
    if (!isMap(root)) return;
    const subchart = root.get(STACK_SUBCHART_KEY, true);
    const candidates: Array<[YAMLMap, string[]]> = isMap(subchart) ? [[subchart, [STACK_SUBCHART_KEY]]] : [[root, []]];
    for (const [spec, specPath] of candidates) {
      const head = headSpan(spec);
      if (head && looksLikeSpec(spec)) found.push({ documentIndex, spec, specPath, headSpan: head });
    }
  });
  return found;
}

function looksLikeSpec(map: YAMLMap): boolean {
  const nodeSets = map.get('nodeSets', true);
  const remoteClusters = map.get('remoteClusters', true);
  const server = map.get('remoteClusterServer', true);
  return (
    (isSeq(nodeSets) && nodeSets.items.some((set) => isMap(set) && set.has('name') && (set.has('count') || set.has('config')))) ||
    (isSeq(remoteClusters) && remoteClusters.items.some((entry) => isMap(entry) && entry.has('elasticsearchRef'))) ||
    (isMap(server) && isScalar(server.get('enabled', true)))
  );
}
