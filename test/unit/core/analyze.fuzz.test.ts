/**
 * Robustness: generated and mutated documents (YAML and JSON, plus Console files) go through
 * the analysis core and every language feature. For each: nothing throws, every range stays
 * inside the document, and the same text always gives the same results.
 * 10,000+ documents in all (see RUNS); a failure prints the shrunk counter-example and seed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/core/analyze';
import { completeAt } from '../../../server/src/core/completion';
import { hoverAt } from '../../../server/src/core/hover';
import { parseConfigDocument } from '../../../server/src/core/model/parseDocument';
import type { ConfigDocument } from '../../../server/src/core/model/configDocument';
import type { Span } from '../../../server/src/core/types';

const RUNS = { yml: 3500, eck: 2000, json: 3000, console: 1000, raw: 1000 };
const FEATURE_PROBES = 4;

// ---------------------------------------------------------------- vocabulary

const alias = fc.oneof(
  fc.constantFrom('west', 'east', 'my-remote', 'r_1', 'Prod', 'a.b', '', 'ü', 'cloud-eu'),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
);
const suffix = fc.constantFrom(
  'mode',
  'seeds',
  'node_connections',
  'proxy',
  'proxy_address',
  'proxy_socket_connections',
  'server_name',
  'skip_unavailable',
  'transport.ping_schedule',
  'transport.compress',
  'transport.compression_scheme',
  'credentials',
  'signing.key',
  'signing.certificate',
  'seed',
  'proxy_adress',
  'skipUnavailable',
);
const globalKey = fc.constantFrom(
  'cluster.remote.initial_connect_timeout',
  'cluster.remote.connections_per_cluster',
  'cluster.remote.node.attr',
  'cluster.remote.connect',
  'remote_cluster_server.enabled',
  'remote_cluster.port',
  'remote_cluster.host',
  'xpack.security.enabled',
  'xpack.security.remote_cluster_client.ssl.enabled',
  'xpack.security.remote_cluster_server.ssl.key',
  'xpack.security.remote_cluster_client.ssl.verification_mode',
  'search.remote.a.seeds',
  'node.roles',
  'network.host',
  'transport.profiles._remote_cluster.port',
);
const settingKey = fc.oneof(
  fc.tuple(alias, suffix).map(([a, s]) => `cluster.remote.${a}.${s}`),
  globalKey,
);
const scalar = fc.oneof(
  fc.constantFrom('proxy', 'sniff', 'PROXY', 'true', 'false', 'null', '~', '9443', '-1', '70000', '30s', 'indexing_data'),
  fc.constantFrom('host:9300', 'host:9443', '[::1]:9443', '::1:9300', 'https://h:9243/', 'h', 'a.es.io:9400', 'h:abc', 'a:1,b:2'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -100000, max: 100000 }).map(String),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('mode', 'seeds', 'x'), scalar, { maxKeys: 2 }) },
);
const settings = fc.array(fc.tuple(settingKey, value), { maxLength: 12 });

// ---------------------------------------------------------------- renderers

const yamlScalar = (v: unknown): string => {
  if (v === null) return 'null';
  if (typeof v === 'string') return /^[\w.-]*$/.test(v) && v !== '' ? v : JSON.stringify(v);
  return JSON.stringify(v);
};

function renderYamlValue(v: unknown, indent: string): string {
  if (Array.isArray(v)) return v.length === 0 ? ' []' : v.map((item) => `\n${indent}- ${yamlScalar(item)}`).join('');
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length === 0 ? ' {}' : entries.map(([k, item]) => `\n${indent}  ${k}: ${yamlScalar(item)}`).join('');
  }
  return ` ${yamlScalar(v)}`;
}

/** Flat keys, or nested maps split at a random depth, mixed in one file. */
function renderYamlSettings(entries: Array<[string, unknown]>, nestMask: number, indent = ''): string {
  return entries
    .map(([key, v], i) => {
      const parts = key.split('.');
      const depth = (nestMask >> (i % 16)) & 3;
      const head = parts.slice(0, Math.min(depth, parts.length - 1));
      const tail = parts.slice(head.length).join('.');
      let text = '';
      head.forEach((part, level) => (text += `${indent}${'  '.repeat(level)}${part}:\n`));
      const leafIndent = indent + '  '.repeat(head.length);
      return text + `${leafIndent}${tail}:${renderYamlValue(v, leafIndent + '  ')}`;
    })
    .join('\n');
}

function renderEck(entries: Array<[string, unknown]>, nestMask: number, version: string, extra: string): string {
  const config = renderYamlSettings(entries, nestMask, '      ');
  return [
    'apiVersion: elasticsearch.k8s.elastic.co/v1',
    'kind: Elasticsearch',
    'metadata:',
    '  name: local',
    'spec:',
    `  version: ${version}`,
    '  remoteClusters:',
    '  - name: west',
    '    elasticsearchRef:',
    '      name: remote',
    '    apiKey:',
    '      access:',
    '        search:',
    '          names: ["logs-*"]',
    '  nodeSets:',
    '  - name: default',
    '    count: 1',
    '    config:',
    config || '      {}',
    '---',
    extra,
  ].join('\n');
}

const eckExtra = fc.constantFrom(
  'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: remote\nspec:\n  version: 8.15.0\n  remoteClusterServer:\n    enabled: true\n  nodeSets: []',
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: keys\nstringData:\n  cluster.remote.west.credentials: abc',
  'apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 443\n    targetPort: 9443',
  '',
  'kind: [',
);

const jsonBody = fc.oneof(
  settings.map((entries) => ({ persistent: Object.fromEntries(entries) })),
  settings.map((entries) => ({
    transient: Object.fromEntries(entries),
    persistent: { cluster: { remote: { a: { seeds: null } } } },
  })),
  fc.record({
    name: scalar,
    access: fc.record({ search: fc.array(fc.record({ names: fc.array(scalar, { maxLength: 2 }) }), { maxLength: 2 }) }),
    certificate_identity: scalar,
  }),
  fc.record({
    remote_indices: fc.array(
      fc.record({ clusters: fc.array(scalar, { maxLength: 2 }), names: fc.array(scalar), privileges: fc.array(scalar) }),
      { maxLength: 2 },
    ),
    remote_cluster: fc.array(fc.record({ clusters: fc.array(scalar), privileges: fc.array(scalar) }), { maxLength: 2 }),
  }),
  fc.record({
    trust: fc.record({
      accounts: fc.array(
        fc.record({ account_id: scalar, trust_all: fc.boolean(), trust_allowlist: fc.array(scalar, { maxLength: 2 }) }),
        { maxLength: 2 },
      ),
      direct: fc.array(
        fc.record({
          name: scalar,
          type: scalar,
          scope_id: scalar,
          trust_all: fc.boolean(),
          certificates: fc.array(fc.record({ pem: scalar }), { maxLength: 1 }),
        }),
        { maxLength: 2 },
      ),
    }),
  }),
  fc.record({
    resources: fc.array(
      fc.record({ alias: scalar, deployment_id: scalar, elasticsearch_ref_id: scalar, skip_unavailable: fc.boolean() }),
      { maxLength: 2 },
    ),
  }),
);

const consoleFile = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'PUT _cluster/settings',
        'POST /_security/cross_cluster/api_key',
        'PUT /_security/role/r',
        'GET _remote/info',
        'put _cluster/settings',
        'PUT',
        '',
      ),
      fc.oneof(
        jsonBody.map((b) => JSON.stringify(b, null, 2)),
        fc.constant(''),
        fc.constant('{ "persistent": {'),
      ),
      fc.constantFrom('', '# comment\n', '// note\n'),
    ),
    { maxLength: 4 },
  )
  .map((requests) => requests.map(([line, body, comment]) => `${comment}${line}\n${body}`).join('\n\n'));

// ---------------------------------------------------------------- mutations

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>((t) => t),
  fc.nat().map<Mutation>((n) => (t) => t.slice(0, t.length ? n % (t.length + 1) : 0)), // truncated
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 8 })).map<Mutation>(([n, junk]) => (t) => {
    const at = t.length ? n % (t.length + 1) : 0;
    return t.slice(0, at) + junk + t.slice(at);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 20 })).map<Mutation>(([n, len]) => (t) => {
    const at = t.length ? n % (t.length + 1) : 0;
    return t.slice(0, at) + t.slice(at + len);
  }),
  fc.constantFrom<Mutation>(
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => t.replace(/ {2}/g, '\t'),
    (t) => '\uFEFF' + t,
    (t) => t + '\n' + 'x'.repeat(20000),
    (t) => t + '\n' + '['.repeat(300),
    (t) => t + '\n' + '{"a":'.repeat(300),
    (t) =>
      t +
      '\ncluster.remote.deep:' +
      '\n'.padEnd(1, ' ') +
      Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:`).join('\n'),
    (t) => t + '\n\u0000\u0001\u0002\u00ff\ud800',
    (t) => t.replace(/:/g, ': &a *a'),
  ),
);

// ---------------------------------------------------------------- the property

function assertSpanInside(span: Span, text: string, what: string): void {
  assert.ok(
    Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      span.start >= 0 &&
      span.start <= span.end &&
      span.end <= text.length,
    `${what} span ${JSON.stringify(span)} outside the document (length ${text.length})`,
  );
}

function summarize(document: ConfigDocument): string {
  const { findings } = analyze(document, { stackVersion: '8.15.0' });
  return JSON.stringify(findings);
}

function checkDocument(uri: string, text: string, probes: number[]): void {
  const document = parseConfigDocument({ uri, text });
  const { findings, ruleErrors } = analyze(document, { stackVersion: '8.15.0' });
  assert.deepEqual(ruleErrors, [], 'no rule throws');
  for (const finding of findings) {
    assertSpanInside(finding.span, text, `finding ${finding.ruleId}`);
    for (const fix of finding.fixes ?? [])
      for (const edit of fix.edits) assertSpanInside(edit.span, text, `fix of ${finding.ruleId}`);
    for (const related of finding.related ?? []) assertSpanInside(related.span, text, `related of ${finding.ruleId}`);
    const range = document.lines.rangeOf(finding.span);
    assert.ok(range.start.line >= 0 && range.end.line < document.lines.lineCount, 'range lines inside the document');
  }
  for (const probe of probes) {
    const offset = text.length ? probe % (text.length + 1) : 0;
    for (const candidate of completeAt(document, offset))
      assertSpanInside(candidate.replaceSpan, text, `completion ${candidate.label}`);
    const hover = hoverAt(document, offset);
    if (hover) assertSpanInside(hover.span, text, 'hover');
  }
  // Deterministic: a fresh parse of the same text gives the same findings.
  assert.equal(summarize(parseConfigDocument({ uri, text })), JSON.stringify(findings));
}

const probes = fc.array(fc.nat(), { minLength: 1, maxLength: FEATURE_PROBES });

describe('robustness under generated and mutated input', () => {
  test(`elasticsearch.yml: ${RUNS.yml} documents`, () => {
    fc.assert(
      fc.property(settings, fc.nat(), mutation, probes, (entries, nestMask, mutate, at) => {
        checkDocument('file:///fuzz/elasticsearch.yml', mutate(renderYamlSettings(entries, nestMask)), at);
      }),
      { numRuns: RUNS.yml, includeErrorInReport: true },
    );
  });

  test(`ECK manifests: ${RUNS.eck} documents`, () => {
    fc.assert(
      fc.property(
        settings,
        fc.nat(),
        fc.constantFrom('8.15.0', '8.9.1', '9.3.0', 'latest', '7.17'),
        eckExtra,
        mutation,
        probes,
        (entries, nestMask, version, extra, mutate, at) => {
          checkDocument('file:///fuzz/k8s/es.yaml', mutate(renderEck(entries, nestMask, version, extra)), at);
        },
      ),
      { numRuns: RUNS.eck, includeErrorInReport: true },
    );
  });

  test(`JSON bodies: ${RUNS.json} documents`, () => {
    fc.assert(
      fc.property(jsonBody, fc.boolean(), mutation, probes, (body, pretty, mutate, at) => {
        checkDocument('file:///fuzz/body.json', mutate(JSON.stringify(body, null, pretty ? 2 : undefined)), at);
      }),
      { numRuns: RUNS.json, includeErrorInReport: true },
    );
  });

  test(`Console request files: ${RUNS.console} documents`, () => {
    fc.assert(
      fc.property(consoleFile, mutation, probes, (text, mutate, at) => {
        checkDocument('file:///fuzz/requests.es', mutate(text), at);
      }),
      { numRuns: RUNS.console, includeErrorInReport: true },
    );
  });

  test(`arbitrary text under our file names: ${RUNS.raw} documents`, () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom('elasticsearch.yml', 'x.yaml', 'x.json', 'x.es'),
        probes,
        (text, name, at) => {
          checkDocument(`file:///fuzz/${name}`, text, at);
        },
      ),
      { numRuns: RUNS.raw, includeErrorInReport: true },
    );
  });

  test('extreme shapes: deep nesting, huge scalars, many keys', () => {
    const deepYaml = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const deepJson = '{"persistent":' + '{"a":'.repeat(3000) + '1' + '}'.repeat(3001);
    const hugeScalar = `cluster.remote.a.seeds: ["${'h'.repeat(1_000_000)}:9300"]\n`;
    const manyKeys = Array.from({ length: 5000 }, (_, i) => `cluster.remote.r${i}.mode: proxy`).join('\n');
    for (const [uri, text] of [
      ['file:///x/elasticsearch.yml', deepYaml],
      ['file:///x/body.json', deepJson],
      ['file:///x/elasticsearch.yml', hugeScalar],
      ['file:///x/elasticsearch.yml', manyKeys],
    ] as const) {
      checkDocument(uri, text, [0, Math.floor(text.length / 2), text.length]);
    }
  });
});
