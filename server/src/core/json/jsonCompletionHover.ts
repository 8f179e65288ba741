import type { Node as JsonNode } from 'jsonc-parser';
import { resolveKey } from '../catalog/lookup';
import { DOCS } from '../catalog/settingsCatalog';
import type { CompletionCandidate } from '../types';
import { HTTP_METHODS } from '../console/parse';
import { REQUEST_TEMPLATES, routeFor } from '../console/routes';
import { describeSetting } from '../catalog/describe';
import type { HoverResult } from '../types';
import type { ConfigDocument } from '../model/configDocument';
import { spanContains } from '../text';
import type { Span } from '../types';
import { bodyAt, type JsonBody } from './body';
import { knownDeploymentIds } from './models';
import { keyNode, pathOf, spanOf } from './jsonAst';
import { nodeAtOffset } from './parseJson';
import { inspectPem } from './pem';
import { schemaCompletions, schemaHover } from './service';

/**
 * Completion and hover for JSON bodies and Console files. Schema-driven items come from the
 * language service (unless VS Code's JSON support already serves them for this file); ours add
 * what a schema cannot know: aliases configured elsewhere in the file, what a PEM certificate
 * holds, which deployment an ID belongs to, what a Console request does.
 */

/** Documents whose completion and hover start here (their settings blocks are then handed back). */
export function handlesJsonBodies(document: ConfigDocument): boolean {
  return document.bodies !== undefined;
}

/** A view of a `_cluster/settings` body as a document of its own, for the settings completion. */
function settingsView(document: ConfigDocument, body: JsonBody): ConfigDocument {
  return {
    ...document,
    kind: 'cluster-settings',
    format: 'json',
    jsonRoot: body.root,
    scopes: body.scopes,
    bodies: undefined,
    console: undefined,
  };
}

export function completeJsonBodies(
  document: ConfigDocument,
  offset: number,
  settingsCompletion: (view: ConfigDocument, offset: number) => CompletionCandidate[],
): CompletionCandidate[] {
  const body = bodyAt(document.bodies, offset);
  if (!body) return document.kind === 'console' ? requestLineCompletions(document, offset) : [];
  if (body.kind === 'cluster-settings' && body.scopes.some((scope) => offset > scope.span.start && offset < scope.span.end)) {
    return settingsCompletion(settingsView(document, body), offset);
  }
  const semantic = semanticCompletions(document, body, offset);
  if (semantic) return semantic;
  return body.schemaFromEditor ? [] : schemaCompletions(body, offset);
}

export function hoverJsonBodies(document: ConfigDocument, offset: number): HoverResult | undefined {
  const body = bodyAt(document.bodies, offset);
  if (!body) return document.kind === 'console' ? requestLineHover(document, offset) : undefined;
  // Inside `persistent`/`transient` the settings hover answers.
  if (body.scopes.some((scope) => offset > scope.span.start && offset < scope.span.end)) return undefined;
  return semanticHover(document, body, offset) ?? (body.schemaFromEditor ? undefined : schemaHover(body, offset));
}

// ---------------------------------------------------------------- Console request lines

function requestLineCompletions(document: ConfigDocument, offset: number): CompletionCandidate[] {
  const position = document.lines.positionAt(offset);
  const lineStart = document.lines.lineStart(position.line);
  const before = document.text.slice(lineStart, offset);
  const methodTyped = /^\s*([A-Za-z]*)$/.exec(before);
  if (methodTyped) {
    const start = offset - methodTyped[1].length;
    return HTTP_METHODS.map((method, index) => ({
      label: method,
      kind: 'value' as const,
      insertText: `${method} `,
      isSnippet: false,
      replaceSpan: { start, end: offset },
      sortText: String(index),
    }));
  }
  const pathTyped = /^\s*([A-Za-z]+)\s+(\S*)$/.exec(before);
  if (!pathTyped || !(HTTP_METHODS as readonly string[]).includes(pathTyped[1].toUpperCase())) return [];
  const method = pathTyped[1].toUpperCase();
  const start = offset - pathTyped[2].length;
  const slash = pathTyped[2].startsWith('/') ? '/' : '';
  return REQUEST_TEMPLATES.filter((p) => (p.methods as readonly string[]).includes(method)).map((p, index) => ({
    label: `${slash}${p.path}`,
    kind: 'value' as const,
    detail: p.title,
    insertText: `${slash}${p.snippet}`,
    isSnippet: true,
    replaceSpan: { start, end: offset },
    filterText: `${slash}${p.path}`,
    sortText: String(index).padStart(2, '0'),
  }));
}

const BODY_DOCS: Record<JsonBody['kind'], string> = {
  'cluster-settings':
    'Remote clusters go under `persistent` as `cluster.remote.<alias>.*`; set a setting to `null` to remove it.',
  'cross-cluster-api-key':
    "Run it on the **remote** cluster. Store the `encoded` value of the response in the local cluster's keystore as `cluster.remote.<alias>.credentials`, then `POST _nodes/reload_secure_settings`.",
  'security-role':
    "With the API key model, `remote_indices` and `remote_cluster` grant this role's users access on remote clusters.",
  'cloud-trust': 'Trust settings are used by the certificate security model; set them up on both deployments.',
  'cloud-remote-clusters': 'Deprecated, certificate model only; the PUT replaces the whole list.',
  'cloud-keystore': "For the API key model add `cluster.remote.<alias>.credentials` with the key's `encoded` value.",
};

const BODY_LINKS: Record<JsonBody['kind'], string> = {
  'cluster-settings': DOCS.remoteClusterSettings,
  'cross-cluster-api-key': DOCS.apiKeyModel,
  'security-role': DOCS.apiKeyModel,
  'cloud-trust': DOCS.certModel,
  'cloud-remote-clusters': DOCS.certModel,
  'cloud-keystore': DOCS.apiKeyModel,
};

function requestLineHover(document: ConfigDocument, offset: number): HoverResult | undefined {
  const request = document.console?.requests.find((r) => spanContains(r.lineSpan, offset));
  if (!request) return undefined;
  const match = routeFor(request.route);
  if (!match) return undefined;
  return {
    markdown: [
      `**${match.title}**`,
      '',
      `\`${match.methods.join(' | ')} ${request.route}\``,
      '',
      BODY_DOCS[match.kind],
      '',
      `[Elastic documentation](${BODY_LINKS[match.kind]})`,
    ].join('\n'),
    span: request.lineSpan,
  };
}

// ---------------------------------------------------------------- semantic completion

function nodeAt(body: JsonBody, offset: number): JsonNode | undefined {
  return body.root ? nodeAtOffset(body.root, offset, true) : undefined;
}

/** Remote aliases configured by the `_cluster/settings` bodies of the same document. */
function configuredAliases(document: ConfigDocument): string[] {
  const aliases = new Set<string>();
  for (const scope of document.scopes) {
    for (const occurrence of scope.occurrences) {
      const alias = occurrence.resolved.alias;
      if (alias && occurrence.key.startsWith('cluster.remote.') && /^[-\w]+$/.test(alias)) aliases.add(alias);
    }
  }
  return [...aliases].sort();
}

function semanticCompletions(document: ConfigDocument, body: JsonBody, offset: number): CompletionCandidate[] | undefined {
  const node = nodeAt(body, offset);
  if (!node) return undefined;
  const aliases = configuredAliases(document);
  if (aliases.length === 0) return undefined;
  const path = pathOf(node, body.root);

  // "clusters": ["|"] in a role's remote_indices / remote_cluster entry.
  const inClusters =
    body.kind === 'security-role' &&
    ((node.type === 'string' && path[path.length - 2] === 'clusters') ||
      (node.type === 'array' && path[path.length - 1] === 'clusters'));
  if (inClusters) {
    const replaceSpan: Span = node.type === 'string' ? spanOf(node) : { start: offset, end: offset };
    return aliases.map((alias) => ({
      label: alias,
      kind: 'value' as const,
      detail: 'remote cluster alias configured in this file',
      insertText: JSON.stringify(alias),
      isSnippet: false,
      replaceSpan,
      filterText: JSON.stringify(alias),
    }));
  }

  // A key directly under "secrets" in a keystore body.
  const isKey = node.type === 'string' && node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const object = isKey ? node.parent?.parent : node.type === 'object' ? node : undefined;
  if (body.kind === 'cloud-keystore' && object && pathOf(object, body.root).join('.') === 'secrets') {
    const replaceSpan: Span = isKey ? spanOf(node) : { start: offset, end: offset };
    const credentials = resolveKey('cluster.remote.x.credentials').def;
    return aliases.map((alias) => ({
      label: `cluster.remote.${alias}.credentials`,
      kind: 'property' as const,
      detail: 'API key credentials for a remote configured in this file',
      documentation: credentials ? describeSetting(credentials, `cluster.remote.${alias}.credentials`) : undefined,
      insertText: `"cluster.remote.${alias}.credentials": { "value": "\${1:encoded cross-cluster API key}" }`,
      isSnippet: true,
      replaceSpan,
      filterText: `"cluster.remote.${alias}.credentials"`,
    }));
  }
  return undefined;
}

// ---------------------------------------------------------------- semantic hover

function semanticHover(document: ConfigDocument, body: JsonBody, offset: number): HoverResult | undefined {
  const node = nodeAt(body, offset);
  if (!node || !spanContains(spanOf(node), offset)) return undefined;
  const path = pathOf(node, body.root);
  const field = path[path.length - 1];
  const parentField = path[path.length - 2];

  if (body.kind === 'cloud-trust' && field === 'pem' && node.type === 'string') return pemHover(String(node.value), spanOf(node));
  if (body.kind === 'cloud-trust' && parentField === 'trust_allowlist' && node.type === 'string') {
    const known = knownDeploymentIds(document.bodies ?? [body]).get(String(node.value));
    return {
      markdown: known
        ? `**\`${node.value}\` is a deployment ID**, not an Elasticsearch cluster ID: this entry trusts nothing. Use the Elasticsearch cluster ID of that deployment.`
        : `**Trusted Elasticsearch cluster ID** \`${node.value}\`\n\nUsed only when \`trust_all\` is \`false\`. Cluster IDs are not deployment IDs: find them on the deployment page or in \`resources.elasticsearch[].id\`.`,
      span: spanOf(node),
    };
  }
  if (body.kind === 'security-role' && parentField === 'clusters' && node.type === 'string') {
    return clusterPatternHover(document, String(node.value), spanOf(node));
  }
  if (
    body.kind === 'cloud-keystore' &&
    node.type === 'string' &&
    node.parent?.type === 'property' &&
    keyNode(node.parent) === node &&
    path.length === 1
  ) {
    const def = resolveKey(String(node.value)).def;
    if (def) return { markdown: describeSetting(def, String(node.value)), span: spanOf(node) };
  }
  return undefined;
}

function pemHover(value: string, span: Span): HoverResult {
  const inspection = inspectPem(value);
  if (!inspection.ok) return { markdown: '**Not a readable certificate** — see the diagnostic on this value.', span };
  const lines = inspection.certificates.flatMap((c, index) => [
    inspection.certificates.length > 1 ? `**Certificate ${index + 1}**` : '**Certificate**',
    '',
    `| | |`,
    `|---|---|`,
    `| Subject | \`${c.subject}\` |`,
    `| Issuer | \`${c.issuer}\` |`,
    `| Valid | ${c.validFrom.toISOString().slice(0, 10)} to ${c.validTo.toISOString().slice(0, 10)} |`,
    `| CA | ${c.isCA ? 'yes' : 'no — trust needs the CA that signed the remote nodes, not a node certificate'} |`,
    `| SHA-256 | \`${c.fingerprint256}\` |`,
    '',
  ]);
  return { markdown: lines.join('\n'), span };
}

function clusterPatternHover(document: ConfigDocument, pattern: string, span: Span): HoverResult {
  const aliases = configuredAliases(document);
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  const matching = aliases.filter((alias) => regex.test(alias));
  const lines = [
    `**Remote cluster pattern** \`${pattern}\``,
    '',
    'Matches remote cluster aliases (`cluster.remote.<alias>` on the local cluster); `*` is a wildcard.',
  ];
  if (aliases.length > 0) {
    lines.push(
      '',
      matching.length > 0
        ? `Aliases configured in this file that match: ${matching.map((a) => `\`${a}\``).join(', ')}.`
        : 'No alias configured in this file matches.',
    );
  }
  return { markdown: lines.join('\n'), span };
}
