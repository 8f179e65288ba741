import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { completeAt } from '../../../../server/src/core/completion';
import { hoverAt } from '../../../../server/src/core/hover';
import { applyFix, doc, findings, type Located } from '../../helpers';

const COMPOSE = 'file:///stack/docker-compose.yml';
const MANIFEST = 'file:///k8s/es-config.yaml';
const VALUES = 'file:///charts/search/values.yaml';

/** `rule line:column "text"` for each finding: what the editor shows and where. */
const where = (list: Located[]) => list.map((f) => `${f.ruleId} ${f.line}:${f.column} ${JSON.stringify(f.text)}`);

describe('Docker Compose environment of the Elasticsearch image', () => {
  test('checks `- name=value` list items at their place in the compose file, quoted or not', () => {
    const found = findings(
      `
      services:
        es-west:
          image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0
          environment:
            - discovery.type=single-node
            - ES_JAVA_OPTS=-Xms1g -Xmx1g
            - cluster.remote.east.mode=proxi
            - "cluster.remote.east.proxy_address=es-east"
            - cluster.remote.east.skip_unavailable=true
      `,
      {},
      COMPOSE,
    );
    assert.deepEqual(where(found), ['mode-invalid 7:34 "proxi"', 'address-missing-port 8:44 "es-east"']);
  });

  test('checks `name: value` map entries and skips variables that are not settings', () => {
    const found = findings(
      `
      services:
        es:
          image: elasticsearch:8.15.0
          environment:
            ELASTIC_PASSWORD: changeme
            cluster.remote.east.mode: 'proxi'
            cluster.remote.east.proxy_address: es-east
            cluster.remote.east.skip_unavailable: true
      `,
      {},
      COMPOSE,
    );
    assert.deepEqual(where(found), [`mode-invalid 6:33 "'proxi'"`, 'address-missing-port 7:42 "es-east"']);
  });

  test("reads the image's `ES_SETTING_` form (`_` for a dot, `__` for an underscore), and offers no fix that would rewrite such a name", () => {
    const text = `
      services:
        es:
          image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0
          environment:
            - ES_SETTING_CLUSTER_REMOTE_MY__WEST_MODE=proxi
            - ES_SETTING_CLUSTER_REMOTE_MY__WEST_SKIP__UNAVALIABLE=true
            - ES_SETTING_CLUSTER_REMOTE_MY__WEST_PROXY__ADDRESS=west:9443
          `;
    const document = doc(text, COMPOSE);
    const found = analyze(document).findings;
    const located = found.map((f) => {
      const { line, character } = document.lines.positionAt(f.span.start);
      return `${f.ruleId} ${line + 1}:${character + 1} ${JSON.stringify(document.text.slice(f.span.start, f.span.end))}`;
    });
    assert.deepEqual(located, ['mode-invalid 5:49 "proxi"', 'unknown-setting 6:44 "SKIP__UNAVALIABLE"']);
    const [mode, unknown] = found;
    assert.match(unknown.message, /skip_unavaliable/);
    assert.match(applyFix(document, mode), /_MODE=proxy$/m);
    assert.equal(unknown.fixes, undefined, 'a rename would write `skip_unavailable` into an upper-case name');
  });

  test('takes the stack version from the image tag', () => {
    const text = `
      services:
        es:
          image: docker.elastic.co/elasticsearch/elasticsearch:8.14.0
          environment:
            - cluster.remote.east.seeds=es-east:9300
    `;
    // Before 8.15 skip_unavailable defaulted to false: nothing to say about leaving it out.
    assert.deepEqual(
      findings(text, {}, COMPOSE).filter((f) => f.ruleId === 'skip-unavailable-default'),
      [],
    );
    const newer = findings(text.replace('8.14.0', '8.15.0'), {}, COMPOSE).filter((f) => f.ruleId === 'skip-unavailable-default');
    assert.deepEqual(where(newer), ['skip-unavailable-default 5:24 "east"']);
  });

  test('says nothing about a value Compose fills in from the shell', () => {
    const found = findings(
      `
      services:
        es:
          image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0
          environment:
            - cluster.remote.east.mode=proxy
            - cluster.remote.east.proxy_address=\${EAST_ADDRESS}
            - cluster.remote.east.skip_unavailable=true
      `,
      {},
      COMPOSE,
    );
    assert.deepEqual(where(found), []);
  });

  test('near misses get nothing: other images, no image, names that are not settings, values from the shell', () => {
    const texts = [
      // Bitnami's image reads ELASTICSEARCH_* variables, not dotted names.
      'services:\n  es:\n    image: bitnami/elasticsearch:8\n    environment:\n      - cluster.remote.east.mode=proxi\n',
      'services:\n  es:\n    build: .\n    environment:\n      - cluster.remote.east.mode=proxi\n',
      'services:\n  es:\n    image: docker.elastic.co/kibana/kibana:9.1.0\n    environment:\n      - cluster.remote.east.mode=proxi\n',
      'services:\n  es:\n    image: elasticsearch:9.1.0\n    environment:\n      - CLUSTER.REMOTE.EAST.MODE=proxi\n      - cluster.remote.east.mode\n',
      'services:\n  es:\n    image: elasticsearch:9.1.0\n    environment:\n      cluster.remote.east.mode:\n',
      'services:\n  es:\n    image: bitnami/elasticsearch:9\n    environment:\n      ES_SETTING_CLUSTER_REMOTE_EAST_MODE: proxi\n',
      'services:\n  es:\n    image: elasticsearch:9.1.0\n    environment:\n      - ES_SETTING_=x\n      - ES_SETTING_CLUSTER_REMOTE_=proxi\n',
    ];
    for (const text of texts) {
      const document = doc(text, COMPOSE);
      assert.equal(document.kind, 'unrelated', text);
      assert.deepEqual(analyze(document).findings, [], text);
    }
  });

  test("a fix adds a list item in the anchor item's style", () => {
    const document = doc(
      `
      services:
        es:
          image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0
          environment:
            - "cluster.remote.east.seeds=es-east:9300"
      `,
      COMPOSE,
    );
    const finding = analyze(document).findings.find((f) => f.ruleId === 'skip-unavailable-default');
    assert.ok(finding);
    assert.equal(
      applyFix(document, finding, 0),
      [
        'services:',
        '  es:',
        '    image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0',
        '    environment:',
        '      - "cluster.remote.east.skip_unavailable=false"',
        '      - "cluster.remote.east.seeds=es-east:9300"',
        '',
      ].join('\n'),
    );
  });

  test('a fix replaces the value after `=` and removes a whole list item', () => {
    const document = doc(
      `
      services:
        es:
          image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0
          environment:
            - cluster.remote.east.mode=proxy
            - cluster.remote.east.proxy_address=es-east:9443
            - cluster.remote.east.seeds=es-east:9300
            - cluster.remote.east.skip_unavailable=true
      `,
      COMPOSE,
    );
    const misspelt = doc(document.text.replace('mode=proxy', 'mode=proxi'), COMPOSE);
    const mode = analyze(misspelt).findings.find((f) => f.ruleId === 'mode-invalid');
    assert.ok(mode);
    assert.match(applyFix(misspelt, mode), /^ {6}- cluster\.remote\.east\.mode=proxy$/m);
    const result = analyze(document).findings;
    const seeds = result.find(
      (f) => f.ruleId === 'mode-setting-mismatch' && document.text.slice(f.span.start, f.span.end).includes('seeds'),
    );
    assert.ok(seeds, result.map((f) => f.ruleId).join(', '));
    const removal = seeds.fixes?.findIndex((fix) => fix.title.startsWith('Remove'));
    assert.ok(removal !== undefined && removal >= 0);
    assert.doesNotMatch(applyFix(document, seeds, removal), /seeds/);
    assert.match(
      applyFix(document, seeds, removal),
      /proxy_address=es-east:9443\n {6}- cluster\.remote\.east\.skip_unavailable=true\n$/,
    );
  });
});

describe('Kubernetes ConfigMap and Secret holding elasticsearch.yml', () => {
  test('checks a literal block at its place in the manifest, flat and nested keys', () => {
    const found = findings(
      `
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: es-config
      data:
        log4j2.properties: |
          cluster.remote.x = y
        elasticsearch.yml: |
          cluster:
            remote:
              east:
                mode: proxi
          cluster.remote.east.proxy_address: es-east
      `,
      {},
      MANIFEST,
    );
    assert.deepEqual(where(found), ['mode-invalid 12:17 "proxi"', 'address-missing-port 13:40 "es-east"']);
  });

  test('reads `|-`, a folded `>` block and a one-line quoted value', () => {
    const folded = findings(
      `
      apiVersion: v1
      kind: Secret
      metadata:
        name: es-config
      stringData:
        elasticsearch.yml: >
          cluster.remote.a.mode: proxy

          cluster.remote.a.proxy_address: a.example.com
      `,
      {},
      MANIFEST,
    );
    assert.deepEqual(
      where(folded).filter((w) => w.startsWith('address-missing-port')),
      ['address-missing-port 9:37 "a.example.com"'],
    );
    const chomped = findings(
      'kind: ConfigMap\ndata:\n  elasticsearch.yml: |-\n    cluster.remote.b.mode: sniffy\n',
      {},
      MANIFEST,
    );
    assert.deepEqual(where(chomped), ['mode-invalid 4:28 "sniffy"']);
    const quoted = findings('kind: ConfigMap\ndata:\n  elasticsearch.yml: "cluster.remote.b.mode: sniffy"\n', {}, MANIFEST);
    assert.deepEqual(where(quoted), ['mode-invalid 3:46 "sniffy"']);
  });

  test('lines of a folded block that fold into one are one line to Elasticsearch too', () => {
    const document = doc(
      'kind: ConfigMap\ndata:\n  elasticsearch.yml: >\n    cluster.remote.a.mode: proxy\n    cluster.remote.a.proxy_address: a:9443\n',
      MANIFEST,
    );
    // Folded, the two lines read `cluster.remote.a.mode: proxy cluster.remote.a.proxy_address: a:9443`: not YAML.
    assert.ok(analyze(document).findings.some((f) => f.ruleId === 'yaml-syntax'));
  });

  test('reports a syntax error of the embedded text where it is in the manifest', () => {
    const found = findings(
      'kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n    cluster.remote.a.mode: proxy\n     bad: [\n',
      {},
      MANIFEST,
    );
    const syntax = found.filter((f) => f.ruleId === 'yaml-syntax');
    assert.ok(syntax.length > 0);
    assert.ok(
      syntax.every((f) => f.line >= 4),
      where(syntax).join('\n'),
    );
  });

  test("a fix's new line keeps the block's indentation", () => {
    const document = doc(
      'kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n    cluster.remote.east.seeds: ["es-east:9300"]\n',
      MANIFEST,
    );
    const finding = analyze(document, { stackVersion: '9.1.0' }).findings.find((f) => f.ruleId === 'skip-unavailable-default');
    assert.ok(finding);
    assert.equal(
      applyFix(document, finding, 0),
      'kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n    cluster.remote.east.skip_unavailable: false\n    cluster.remote.east.seeds: ["es-east:9300"]\n',
    );
  });

  test('near misses get nothing: Secret data (base64), other keys, other kinds', () => {
    const texts = [
      `kind: Secret\ndata:\n  elasticsearch.yml: ${Buffer.from('cluster.remote.a.mode: proxi\n').toString('base64')}\n`,
      'kind: ConfigMap\ndata:\n  kibana.yml: |\n    cluster.remote.a.mode: proxi\n',
      'kind: Deployment\ndata:\n  elasticsearch.yml: |\n    cluster.remote.a.mode: proxi\n',
      'kind: ConfigMap\ndata:\n  notes: "see cluster.remote.a.mode in elasticsearch.yml"\n',
    ];
    for (const text of texts) {
      assert.deepEqual(where(findings(text, {}, MANIFEST)), [], text);
    }
  });

  test('a ConfigMap template of a chart is checked around its directives', () => {
    const found = findings(
      `
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ include "es.fullname" . }}
      data:
        elasticsearch.yml: |
          cluster.remote.{{ .Values.alias }}.mode: proxy
          cluster.remote.east.mode: proxi
      `,
      {},
      'file:///charts/es/templates/configmap.yaml',
    );
    assert.deepEqual(where(found), ['mode-invalid 8:31 "proxi"']);
  });
});

describe('Helm values of the elastic/helm-charts Elasticsearch chart', () => {
  test('checks `esConfig` elasticsearch.yml, also under an umbrella chart’s `elasticsearch:` key', () => {
    const own = findings(
      `
      replicas: 3
      esConfig:
        elasticsearch.yml: |
          cluster.remote.east.mode: proxi
      `,
      {},
      VALUES,
    );
    assert.deepEqual(where(own), ['mode-invalid 4:31 "proxi"']);
    const umbrella = findings(
      'elasticsearch:\n  esConfig:\n    elasticsearch.yml: |\n      cluster.remote.east.mode: proxi\n',
      {},
      'file:///charts/platform/values-prod.yaml',
    );
    assert.deepEqual(where(umbrella), ['mode-invalid 4:33 "proxi"']);
  });

  test('near misses get nothing: esConfig outside a values file, other charts, other keys', () => {
    const esConfig = 'esConfig:\n  elasticsearch.yml: |\n    cluster.remote.east.mode: proxi\n';
    assert.deepEqual(where(findings(esConfig, {}, 'file:///charts/search/defaults.yaml')), []);
    assert.deepEqual(where(findings('config:\n  elasticsearch.yml: |\n    cluster.remote.east.mode: proxi\n', {}, VALUES)), []);
    assert.deepEqual(
      where(findings('esConfig:\n  log4j2.properties: |\n    cluster.remote.east.mode = proxi\n', {}, VALUES)),
      [],
    );
  });
});

describe('embedded settings: bad and large input', () => {
  const HOSTS: ReadonlyArray<[string, string]> = [
    [
      'services:\n  es:\n    image: elasticsearch:9.1.0\n    environment:\n      - "cluster.remote.a.mode=proxy"\n      - cluster.remote.a.proxy_address=${A}\n      cluster.remote.b.mode: proxy\n',
      COMPOSE,
    ],
    [
      'kind: ConfigMap\ndata:\n  elasticsearch.yml: >-\n    cluster:\n      remote.a.mode: proxy\n\n    cluster.remote.a.seeds: [a]\n',
      MANIFEST,
    ],
    ['esConfig:\n  elasticsearch.yml: "cluster.remote.a.mode: \\"x\\""\nnodeSets:\n  - name: a\n    count: 1\n', VALUES],
  ];

  test('every prefix of each host parses and analyses, and completion and hover answer at every offset, without throwing', () => {
    for (const [text, uri] of HOSTS) {
      for (let end = 0; end <= text.length; end++) {
        const document = doc(text.slice(0, end), uri);
        analyze(document);
        for (let offset = 0; offset <= end; offset++) {
          completeAt(document, offset);
          hoverAt(document, offset);
        }
      }
    }
  });

  test('a stream of 2000 ConfigMaps, each with an elasticsearch.yml, is read block by block, not file by block', () => {
    const configMap = (i: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: es-${i}\ndata:\n  elasticsearch.yml: |\n    cluster.remote.r${i}.mode: proxi\n`;
    const text = Array.from({ length: 2000 }, (_, i) => configMap(i)).join('---\n');
    const started = Date.now();
    const document = doc(text, MANIFEST);
    const found = analyze(document).findings.filter((f) => f.ruleId === 'mode-invalid');
    assert.equal(found.length, 2000);
    const last = document.lines.positionAt(found[1999].span.start);
    assert.deepEqual(last, { line: 2000 * 8 - 2, character: 31 });
    // Generous: the quadratic way (a parse of the whole file per block) takes minutes here.
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  });
});
