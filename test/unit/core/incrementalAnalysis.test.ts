import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, type AnalysisResult } from '../../../server/src/core/analyze';
import type { ConfigDocument } from '../../../server/src/core/model/configDocument';
import { parseConfigDocument } from '../../../server/src/core/model/parseDocument';
import type { AnalysisOptions } from '../../../server/src/core/model/analysisOptions';

const URI = 'file:///k8s/clusters.yaml';
const OPTIONS: AnalysisOptions = { stackVersion: '8.15.0' };

/** A manifest whose documents refer to each other: API-key remotes, secure settings, Services, trust ConfigMaps, an operator image. */
function manifest(clusters: number): string {
  const docs: string[] = [
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: elastic-operator',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: docker.elastic.co/eck/eck-operator:2.9.0',
    ].join('\n'),
  ];
  for (let i = 0; i < clusters; i++) {
    const peer = `cluster-${(i + 1) % clusters}`;
    docs.push(
      [
        'apiVersion: elasticsearch.k8s.elastic.co/v1',
        'kind: Elasticsearch',
        'metadata:',
        `  name: cluster-${i}`,
        `  namespace: ${i === clusters - 1 ? 'other' : 'search'}`,
        'spec:',
        `  version: ${i % 4 === 0 ? '8.8.0' : '8.15.3'}`,
        '  remoteClusterServer:',
        `    enabled: ${i % 2 === 0}`,
        '  remoteClusters:',
        `  - name: ${peer}`,
        '    elasticsearchRef:',
        `      name: ${peer}`,
        '    apiKey:',
        '      access:',
        '        search:',
        '          names: ["logs-*"]',
        '  secureSettings:',
        `  - secretName: cluster-${i}-keys`,
        '  transport:',
        '    service:',
        '      spec:',
        '        ports:',
        '        - port: 9300',
        '          targetPort: 9301',
        '  nodeSets:',
        '  - name: hot',
        '    count: 1',
        '    config:',
        '      node.roles: [master, data_hot]',
        `      cluster.remote.external-${i}.mode: proxy`,
        `      cluster.remote.external-${i}.proxy_address: external-${i}.example.com`,
        // A duplicate (its message names a line) in some resources only: moving lines makes those check in full.
        i % 4 === 1
          ? `      cluster.remote.external-${i}.mode: sniff`
          : `      cluster.remote.external-${i}.skip_unavailable: true`,
        '      xpack.security.remote_cluster_client.ssl.enabled: true',
        // Trust restrictions read from a ConfigMap of another document (certificate model between ECK and ECE).
        ...(i % 3 === 0
          ? [
              '      xpack.security.transport.ssl.trust_restrictions.path: /usr/share/elasticsearch/config/trust/trust.yml',
              '    podTemplate:',
              '      spec:',
              '        volumes:',
              '        - name: trust',
              '          configMap:',
              `            name: cluster-${i}-trust`,
              '        containers:',
              '        - name: elasticsearch',
              '          volumeMounts:',
              '          - name: trust',
              '            mountPath: /usr/share/elasticsearch/config/trust',
            ]
          : []),
        '  - name: warm',
        '    cont: 2',
        '    config:',
        '      cluster:',
        '        remote:',
        `          legacy-${i}:`,
        '            seeds: ["legacy.internal"]',
        '            skip_unavailable: true',
      ].join('\n'),
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        `  name: cluster-${i}-keys`,
        'stringData:',
        `  cluster.remote.external-${i}.credential: "placeholder"`,
      ].join('\n'),
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: cluster-${i}-rcs`,
        'spec:',
        '  selector:',
        `    elasticsearch.k8s.elastic.co/cluster-name: cluster-${i}`,
        '  ports:',
        '  - port: 9443',
      ].join('\n'),
      ...(i % 3 === 0
        ? [
            [
              'apiVersion: v1',
              'kind: ConfigMap',
              'metadata:',
              `  name: cluster-${i}-trust`,
              `  namespace: ${i === clusters - 1 ? 'other' : 'search'}`,
              'data:',
              // Half of them lack the key the path names, so the key check fires across documents.
              `  ${i % 2 === 0 ? 'trust.yml' : 'other.yml'}: |`,
              '    trust.subject_name: ["*.node.ece.es.local"]',
            ].join('\n'),
          ]
        : []),
    );
  }
  return docs.join('\n---\n') + '\n';
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

type Edit = (text: string, pick: (below: number) => number) => string;

function lineBounds(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < line; i++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}

function randomLine(text: string, pick: (below: number) => number, matching?: RegExp): { start: number; end: number } {
  const lines = text.split('\n');
  const candidates = lines.flatMap((line, index) => (!matching || matching.test(line) ? [index] : []));
  return lineBounds(text, candidates[pick(candidates.length)] ?? 0);
}

/** The edits a user makes while typing, most of them inside one resource; some change what other documents see. */
const EDITS: Array<[string, Edit]> = [
  [
    'type a character in a setting value',
    (text, pick) => {
      const line = randomLine(text, pick, /^ {6}\S.*: /);
      return `${text.slice(0, line.end)}${'x9. :'[pick(5)]}${text.slice(line.end)}`;
    },
  ],
  [
    'type a character anywhere',
    (text, pick) => {
      const at = pick(text.length);
      return `${text.slice(0, at)}${'a -:\n'[pick(5)]}${text.slice(at)}`;
    },
  ],
  [
    'delete a character anywhere',
    (text, pick) => {
      const at = pick(text.length);
      return text.slice(0, at) + text.slice(at + 1);
    },
  ],
  [
    'add a setting line to a config',
    (text, pick) => {
      const line = randomLine(text, pick, /^ {4}config:$/);
      const key = ['cluster.remote.added.mode: proxy', 'node.roles: [data]', 'cluster.remote.added.seeds: a:9300'][pick(3)];
      return `${text.slice(0, line.end)}\n      ${key}${text.slice(line.end)}`;
    },
  ],
  [
    'delete a line',
    (text, pick) => {
      const line = randomLine(text, pick);
      return text.slice(0, line.start) + text.slice(Math.min(text.length, line.end + 1));
    },
  ],
  [
    'switch the remote cluster server',
    (text, pick) => {
      const line = randomLine(text, pick, /^ {4}enabled: /);
      const value = text.slice(line.start, line.end).endsWith('true') ? 'false' : 'true';
      return `${text.slice(0, line.start)}    enabled: ${value}${text.slice(line.end)}`;
    },
  ],
  [
    'rename a resource',
    (text, pick) => {
      const line = randomLine(text, pick, /^ {2}name: /);
      return `${text.slice(0, line.end)}z${text.slice(line.end)}`;
    },
  ],
  [
    'duplicate a line',
    (text, pick) => {
      const line = randomLine(text, pick, /^ {6}cluster\.remote\./);
      return `${text.slice(0, line.end)}\n${text.slice(line.start, line.end)}${text.slice(line.end)}`;
    },
  ],
];

/** What a user sees of a finding (fixes included, as a code action would read them). */
function shown(result: AnalysisResult): unknown[] {
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    span: finding.span,
    related: finding.related,
    tags: finding.tags,
    fixes: finding.fixes,
  }));
}

describe('incremental analysis of multi-document ECK manifests', () => {
  test('after each of a series of edits, gives exactly the findings and fixes of a fresh full analysis', () => {
    const pick = random(7);
    const STEPS = 100;
    let text = manifest(8);
    let document: ConfigDocument = parseConfigDocument({ uri: URI, text, version: 0 });
    let result = analyze(document, OPTIONS);
    let incremental = 0;
    for (let step = 1; step <= STEPS; step++) {
      // Typing inside one resource is the common case; the others come less often.
      const [name, edit] = EDITS[pick(3) === 0 ? pick(EDITS.length) : pick(2) * 3];
      text = edit(text, pick);
      document = parseConfigDocument({ uri: URI, text, version: step, previous: document });
      result = analyze(document, OPTIONS, result);
      if (result.reusedFindings !== undefined) incremental++;
      const fresh = analyze(parseConfigDocument({ uri: URI, text, version: step }), OPTIONS);
      const t1 = performance.now();
      assert.deepEqual(shown(result), shown(fresh), `step ${step} (${name})`);
      if (process.env.DEBUG_INC) console.log(step, name, result.reusedFindings, (performance.now() - t1).toFixed(1));
    }
    // Most edits must have been checked incrementally, or this test would compare full analyses only.
    assert.ok(incremental > STEPS / 2, `${incremental} of ${STEPS} edits reused findings`);
  });

  test('checks again what another document refers to when its facts change', () => {
    const text = manifest(3);
    const before = parseConfigDocument({ uri: URI, text });
    const first = analyze(before, OPTIONS);
    const disabled = (result: AnalysisResult) =>
      result.findings.filter((finding) => finding.ruleId === 'eck-api-key-remote-without-server').map((f) => f.message);
    assert.ok(disabled(first).some((message) => message.startsWith('`cluster-1`')));
    // cluster-1 turns its remote cluster server on: cluster-0's finding about it goes away.
    const at = text.indexOf('enabled: false');
    const edited = `${text.slice(0, at)}enabled: true${text.slice(at + 'enabled: false'.length)}`;
    const after = analyze(parseConfigDocument({ uri: URI, text: edited, previous: before }), OPTIONS, first);
    assert.ok(!disabled(after).some((message) => message.startsWith('`cluster-1`')));
  });

  test('reuses nothing when the options changed', () => {
    const text = manifest(2);
    const before = parseConfigDocument({ uri: URI, text });
    const first = analyze(before, OPTIONS);
    const at = text.indexOf('node.roles: [master, data_hot]') + 'node.roles: [master, data_hot'.length;
    const edited = `${text.slice(0, at)}, ml${text.slice(at)}`;
    const after = analyze(parseConfigDocument({ uri: URI, text: edited, previous: before }), { stackVersion: '8.16.0' }, first);
    assert.equal(after.reusedFindings, undefined);
  });
});
