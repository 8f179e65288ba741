import type { Node as JsonNode } from 'jsonc-parser';
import { parseBody, type JsonBody } from '../json/body';
import type { BaseDocument, ConfigDocument } from '../model/configDocument';
import { trackClusterSettings } from './clusterState';
import { parseConsole, withTripleQuotesAsJson } from './parse';
import { routeFor } from './routes';

/** Methods whose body Elasticsearch and the Cloud API read; bodies of others are ignored. */
const BODY_METHODS = new Set(['PUT', 'POST', 'PATCH']);

/**
 * A Console request file: every request whose method and path we know gets its body parsed as
 * that kind. Settings scopes of all `_cluster/settings` bodies are collected on the document, so
 * the elasticsearch.yml rules run on them exactly as on a `.json` body. The requests run in
 * order, so each settings body also carries what the earlier accepted ones stored.
 */
export function parseConsoleDocument(base: BaseDocument): ConfigDocument {
  const consoleFile = parseConsole(base.text);
  const bodies: JsonBody[] = [];
  for (const request of consoleFile.requests) {
    const match = routeFor(request.route);
    if (!match || !request.body || !BODY_METHODS.has(request.method)) continue;
    const text = withTripleQuotesAsJson(base.text.slice(request.body.start, request.body.end));
    bodies.push(
      parseBody(text, request.body, {
        kind: match.kind,
        variant: match.variant,
        request: { ...request, match },
        schemaFromEditor: false,
        syntaxFromEditor: false,
      }),
    );
  }
  trackClusterSettings(bodies);
  return {
    ...base,
    format: 'json',
    kind: 'console',
    scopes: bodies.flatMap((body) => body.scopes),
    syntaxErrors: bodies.flatMap((body) => body.syntaxErrors),
    jsonRoot: bodiesAsArray(bodies, base.text.length),
    bodies,
    console: consoleFile,
  };
}

/**
 * The bodies as one JSON array spanning the file, so code that looks nodes up by offset in
 * `jsonRoot` (quick-fix edits of the settings rules) works in Console files too. The bodies'
 * own roots keep no parent: paths computed from a node still start at its body.
 */
function bodiesAsArray(bodies: JsonBody[], length: number): JsonNode {
  return { type: 'array', offset: 0, length, children: bodies.flatMap((body) => (body.root ? [body.root] : [])) };
}
