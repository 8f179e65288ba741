import { manifestSubset, type EckElasticsearch } from './eck/manifest';
import type { AnalysisOptions } from './model/analysisOptions';
import type { ConfigDocument, ParsedYamlChunk } from './model/configDocument';
import type { Finding, Span } from './types';

/**
 * Incremental analysis of multi-document ECK manifests. A keystroke changes one YAML document of a
 * file that may hold a thousand; the findings of the others are taken from the previous version's
 * analysis (moved with their document) and the rules run only on the documents that changed.
 *
 * That is only done when it gives exactly what a full analysis would. Rules read other documents
 * of the file through a few facts of the Elasticsearch resources (names, namespaces, versions,
 * whether the remote cluster server is on, which Secrets and remotes they refer to, operator
 * images: see `exportedFacts`), so:
 * - every changed document must be an Elasticsearch resource whose facts did not change; any other
 *   change (a Secret, a Service, a name, a new document) makes the analysis run in full;
 * - a reused finding that points into a changed document (its related information) is not reused;
 *   the analysis runs in full instead;
 * - findings of rules that quote line numbers are reused only where the lines did not move;
 * - the options (stack version, keystore aliases, the workspace's other manifests) must be the same;
 * - templates (Helm) always run in full: their masked text hides what changed.
 * test/unit/core/incrementalAnalysis.test.ts checks the result against a full analysis after each of
 * a series of edits.
 */

/** What an analysis keeps so the next version's analysis can reuse its findings. */
export interface ReusableAnalysis {
  document: ConfigDocument;
  optionsKey: string;
  /** Findings of the rules (not the parser's syntax errors), in the positions of `document`. */
  ruleFindings: readonly Finding[];
}

export interface IncrementalPlan {
  /** The document restricted to its changed YAML documents: what the rules run on. */
  view: ConfigDocument;
  /** Whether a finding of the view's analysis belongs to a changed YAML document (the others are dropped). */
  inChangedDocument(span: Span): boolean;
  /** Reused findings, moved to the new positions; their fixes are still to be attached. */
  carried: Finding[];
}

/** Above this share of changed YAML documents a full analysis is as quick and simpler. */
const MAX_CHANGED_SHARE = 0.25;

export function optionsKey(options: AnalysisOptions): string {
  return JSON.stringify([options.stackVersion, options.keystoreCredentialAliases, options.eckWorkspace]);
}

/**
 * How to analyse `document` reusing `previous` (the analysis of the version it replaces), or
 * undefined when it must be analysed in full. `lineQuotingRules` are the ids of rules whose
 * messages name line numbers.
 */
export function planIncrementalAnalysis(
  document: ConfigDocument,
  options: AnalysisOptions,
  previous: ReusableAnalysis,
  lineQuotingRules: ReadonlySet<string>,
): IncrementalPlan | undefined {
  const old = previous.document;
  if (old.uri !== document.uri || old.kind !== 'eck-manifest' || document.kind !== 'eck-manifest') return undefined;
  if (old.template || document.template || !old.yamlChunks || !document.yamlChunks || !old.eck || !document.eck) return undefined;
  const oldChunks = old.yamlChunks;
  const newChunks = document.yamlChunks;
  if (oldChunks.length !== newChunks.length || previous.optionsKey !== optionsKey(options)) return undefined;

  const changed = new Set<number>();
  newChunks.forEach((chunk, index) => {
    if (chunk.text !== oldChunks[index].text) changed.add(index);
  });
  if (changed.size > Math.max(1, oldChunks.length * MAX_CHANGED_SHARE)) return undefined;
  for (const index of changed) {
    const before = exportedFacts(old, oldChunks[index]);
    if (before === undefined || before !== exportedFacts(document, newChunks[index])) return undefined;
  }

  const carried: Finding[] = [];
  for (const finding of previous.ruleFindings) {
    const index = chunkIndexAt(oldChunks, finding.span.start);
    if (changed.has(index)) continue;
    const delta = newChunks[index].start - oldChunks[index].start;
    if (lineQuotingRules.has(finding.ruleId) && linesMoved(old, document, oldChunks[index], newChunks[index])) return undefined;
    const related: Finding['related'] = [];
    for (const item of finding.related ?? []) {
      const relatedIndex = chunkIndexAt(oldChunks, item.span.start);
      if (changed.has(relatedIndex)) return undefined;
      const relatedDelta = newChunks[relatedIndex].start - oldChunks[relatedIndex].start;
      related.push({ span: shift(item.span, relatedDelta), message: item.message });
    }
    // Copied field by field: reading `fixes` would build the old version's fixes.
    const moved: Finding = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      span: shift(finding.span, delta),
    };
    if (finding.tags) moved.tags = finding.tags;
    if (finding.related) moved.related = related;
    carried.push(moved);
  }

  const ranges = [...changed].map((index) => ({
    start: newChunks[index].start,
    end: newChunks[index].start + newChunks[index].text.length,
  }));
  const inChangedDocument = (span: Span) => ranges.some((range) => span.start >= range.start && span.start < range.end);
  const inChanged = (start: number | undefined) => start !== undefined && inChangedDocument({ start, end: start });
  const view: ConfigDocument = {
    ...document,
    scopes: document.scopes.filter((scope) => inChanged(scope.span.start)),
    yamlDocuments: (document.yamlDocuments ?? []).filter((doc) => inChanged(doc.range[0])),
    eck: manifestSubset(document.eck, (object) => inChanged(object.headSpan.start)),
  };
  return { view, inChangedDocument, carried };
}

/** Index of the chunk holding `offset` (chunks are in order and cover the text). */
function chunkIndexAt(chunks: readonly ParsedYamlChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (chunks[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function shift(span: Span, delta: number): Span {
  return delta === 0 ? span : { start: span.start + delta, end: span.end + delta };
}

function linesMoved(old: ConfigDocument, document: ConfigDocument, before: ParsedYamlChunk, after: ParsedYamlChunk): boolean {
  return old.lines.positionAt(before.start).line !== document.lines.positionAt(after.start).line;
}

/**
 * What the rules may read of a YAML document while checking the others, as text to compare; undefined
 * unless the document is exactly one Elasticsearch resource (anything else changed means a full analysis).
 */
function exportedFacts(document: ConfigDocument, chunk: ParsedYamlChunk): string | undefined {
  const end = chunk.start + chunk.text.length;
  const inChunk = (span: Span | undefined) => span !== undefined && span.start >= chunk.start && span.start < end;
  const eck = document.eck!;
  const resources = eck.elasticsearches.filter((es) => inChunk(es.headSpan));
  if (chunk.documents.length !== 1 || resources.length !== 1) return undefined;
  if ([...eck.secrets, ...eck.services].some((object) => inChunk(object.headSpan))) return undefined;
  return JSON.stringify([
    resourceFacts(resources[0]),
    eck.operatorVersions.filter((version) => inChunk(version.span)).map((version) => version.value),
  ]);
}

function resourceFacts(es: EckElasticsearch): unknown {
  return [
    es.apiVersion,
    es.name?.value,
    es.namespace?.value,
    es.version?.value,
    es.remoteClusterServerEnabled,
    es.secureSettings.map((source) => [
      source.secretName?.value,
      source.entries?.map((entry) => [entry.key?.value, entry.path?.value]),
    ]),
    es.remoteClusters.map((entry) => [
      entry.name?.value,
      entry.refName?.value,
      entry.refNamespace?.value,
      !!entry.refServiceNameField,
      !!entry.apiKeyField,
    ]),
  ];
}
