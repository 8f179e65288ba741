import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { fieldOf, itemsOf, nodeSpan, contentSpan } from '../../eck/yamlAst';
import type { ConfigDocument } from '../../model/configDocument';
import { closestMatch } from '../../suggest';
import type { Fix } from '../../types';
import type { DocumentRule, FindingInput } from '../rule';
import { ECK_KINDS, elasticsearchesOf } from './common';

/**
 * The remote-cluster parts of the `v1` Elasticsearch schema, from ECK's Go types
 * (pkg/apis/elasticsearch/v1/elasticsearch_types.go, remote_cluster.go; common/v1 `LocalObjectSelector`,
 * `ServiceTemplate`, `SecretRef`, `ConfigMapRef`, `SubjectAlternativeName`). The CRD does not keep
 * unknown fields there: the API server drops them (or refuses them under strict field validation),
 * so ECK never sees what was meant. `query` (free-form) and Service specs are not walked.
 */
interface Shape {
  /**
   * A Map: the keys looked up are read from the file, not interned strings, which V8 looks up in
   * an object through its string table every time.
   */
  fields: ReadonlyMap<string, Shape | null>;
  /** The value is a list whose items have this shape. */
  list: boolean;
}

function shapeOf(fields: Readonly<Record<string, Shape | null>>, list = false): Shape {
  return { fields: new Map(Object.entries(fields)), list };
}

const leaf = null;
const SERVICE_TEMPLATE = shapeOf({ metadata: leaf, spec: leaf });
const SEARCH = shapeOf({
  names: leaf,
  field_security: shapeOf({ grant: leaf, except: leaf }),
  query: leaf,
  allow_restricted_indices: leaf,
});
const REMOTE_CLUSTER = shapeOf(
  {
    name: leaf,
    elasticsearchRef: shapeOf({ name: leaf, namespace: leaf, serviceName: leaf }),
    apiKey: shapeOf({ access: shapeOf({ search: SEARCH, replication: shapeOf({ names: leaf }) }) }),
  },
  true,
);
/**
 * `ElasticsearchSpec` itself and `NodeSet`: every field ECK's `v1` has had (none was ever removed;
 * newer ones such as `revisionHistoryLimit`, `remoteClusterServer`, `zoneAwareness` and `resources`
 * are listed too, so a manifest for a newer operator is never flagged). Free-form parts (`config`,
 * `podTemplate`, `volumeClaimTemplates`, `http`, `auth`, …) are not walked.
 */
const NODE_SET = shapeOf(
  {
    name: leaf,
    config: leaf,
    count: leaf,
    resources: leaf,
    zoneAwareness: leaf,
    podTemplate: leaf,
    volumeClaimTemplates: leaf,
  },
  true,
);
const SPEC_LEAVES = [
  'version',
  'image',
  'http',
  'updateStrategy',
  'podDisruptionBudget',
  'auth',
  'secureSettings',
  'serviceAccountName',
  'volumeClaimDeletePolicy',
  'monitoring',
  'revisionHistoryLimit',
] as const;
const SPEC_PARTS: Readonly<Record<string, Shape>> = {
  nodeSets: NODE_SET,
  remoteClusters: REMOTE_CLUSTER,
  remoteClusterServer: shapeOf({ enabled: leaf, service: SERVICE_TEMPLATE }),
  transport: shapeOf({
    service: SERVICE_TEMPLATE,
    tls: shapeOf({
      otherNameSuffix: leaf,
      subjectAltNames: shapeOf({ dns: leaf, ip: leaf }, true),
      certificate: shapeOf({ secretName: leaf }),
      certificateAuthorities: shapeOf({ configMapName: leaf }),
      selfSignedCertificates: shapeOf({ disabled: leaf }),
    }),
  }),
};

const SPEC = shapeOf({ ...Object.fromEntries(SPEC_LEAVES.map((name) => [name, leaf])), ...SPEC_PARTS });

export const eckUnknownField: DocumentRule = {
  id: 'eck-unknown-field',
  severity: 'error',
  title:
    'Unknown field in the Elasticsearch `spec`, `nodeSets[]`, `remoteClusters[]`, `remoteClusterServer` or `transport` (the API server drops or refuses it), with "did you mean" and a fix that moves a misplaced `apiKey`',
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const es of elasticsearchesOf(document)) {
      if (es.crdVersion !== 'v1' || !es.spec) continue;
      if (es.specPath.length === 1 && es.specPath[0] === 'spec') {
        walk(document, es.spec, SPEC, 'spec', 0, report);
        continue;
      }
      // Chart values: the chart's own keys (`labels`, `ingress`, …) sit beside the spec's; only the spec's are read.
      for (const pair of es.spec.items as Array<Pair<unknown, unknown>>) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const inner = typeof key === 'string' ? SPEC.fields.get(key) : undefined;
        const keySpan = nodeSpan(pair.key);
        if (inner && keySpan) walk(document, pair.value, inner, `spec.${String(key)}`, keySpan.start, report);
      }
    }
  },
};

/** `ownerKey`: offset of the key whose value `node` is (list items: of the list's key). */
function walk(
  document: ConfigDocument,
  node: unknown,
  shape: Shape,
  path: string,
  ownerKey: number,
  report: (finding: FindingInput) => void,
): void {
  if (shape.list) {
    if (isSeq(node)) {
      const itemShape = { fields: shape.fields, list: false };
      for (const item of itemsOf(node)) walk(document, item, itemShape, `${path}[]`, ownerKey, report);
    }
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items as Array<Pair<unknown, unknown>>) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
    const key = pair.key.value;
    const keyStart = pair.key.range[0];
    // Kustomize strategic-merge directives (`$patch`, `$retainKeys`, …) are not fields, and a key a
    // template writes is only known once rendered.
    if (key.startsWith('$') || inTemplateDirective(document, pair.key.range)) continue;
    const inner = shape.fields.get(key);
    if (inner !== undefined) {
      if (inner) walk(document, pair.value, inner, `${path}.${key}`, keyStart, report);
      continue;
    }
    // Only a finding needs the key's span: every known key of every resource gets here without one.
    const keySpan = { start: keyStart, end: pair.key.range[1] };
    if (key === 'apiKey' && path.endsWith('[].elasticsearchRef')) {
      report({
        message:
          '`apiKey` belongs to the `remoteClusters` entry, next to `elasticsearchRef`, not inside it. Here the API server drops it and ECK connects with the certificate model instead of an API key.',
        span: keySpan,
        fixes: moveOutFix(document, node, pair as Pair, ownerKey),
      });
      continue;
    }
    const known = [...shape.fields.keys()];
    const suggestion = closestMatch(
      key,
      known.filter((candidate) => !fieldOf(node, candidate)),
    );
    report({
      message: `\`${key}\` is not a field of \`${path}\` (known: ${known.map((k) => `\`${k}\``).join(', ')}), so the API server drops or refuses it and ECK never sees it.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      span: keySpan,
      fixes: suggestion
        ? [{ title: `Rename to \`${suggestion}\``, isPreferred: true, edits: [{ span: keySpan, newText: suggestion }] }]
        : undefined,
    });
  }
}

/**
 * Moves a block entry out of its parent block map to the parent's own level: one edit from the
 * entry's first line to the end of the parent block, rewritten as the parent's remaining lines
 * followed by the entry, dedented by the difference in indentation.
 */
function moveOutFix(document: ConfigDocument, parent: YAMLMap, pair: Pair, parentKey: number): Fix[] | undefined {
  const { text, lines } = document;
  const keySpan = nodeSpan(pair.key);
  const parentSpan = contentSpan(parent, text);
  if (parent.flow || !keySpan || !parentSpan) return undefined;
  const lineStart = lines.lineStart(lines.positionAt(keySpan.start).line);
  if (text.slice(lineStart, keySpan.start).trim() !== '') return undefined;
  const parentColumn = lines.positionAt(parentKey).character;
  const shift = keySpan.start - lineStart - parentColumn;
  if (shift <= 0) return undefined;
  const entryEnd = nextLineStart(document, contentSpan(pair.value, text)?.end ?? keySpan.end);
  const blockEnd = nextLineStart(document, parentSpan.end);
  if (entryEnd > blockEnd) return undefined;
  const entry = text.slice(lineStart, entryEnd).replace(new RegExp(`^ {${shift}}`, 'gm'), '');
  let rest = text.slice(entryEnd, blockEnd);
  if (rest !== '' && !rest.endsWith('\n')) rest += '\n';
  return [
    {
      title: 'Move `apiKey` out of `elasticsearchRef`',
      isPreferred: true,
      edits: [{ span: { start: lineStart, end: blockEnd }, newText: rest + entry }],
    },
  ];
}

/** `range`: the key's `[start, end]` as yaml's nodes hold it. */
function inTemplateDirective(document: ConfigDocument, range: readonly number[]): boolean {
  return document.template?.spans.some((directive) => directive.start < range[1] && range[0] < directive.end) ?? false;
}

function nextLineStart(document: ConfigDocument, offset: number): number {
  const line = document.lines.positionAt(offset).line;
  return line + 1 < document.lines.lineCount ? document.lines.lineStart(line + 1) : document.text.length;
}
