/**
 * Generators of large, realistic inputs for the benchmark (and for anyone who wants a big file
 * to try the extension on: `node out/test/bench/generate.js <kind> > file`).
 * Deterministic: the same arguments give the same text.
 */

/** An elasticsearch.yml with `remotes` remote clusters in a mix of flat and nested forms. */
export function largeElasticsearchYml(remotes: number): string {
  const lines = [
    'cluster.name: bench-local',
    'node.roles: [master, data, remote_cluster_client]',
    'xpack.security.enabled: true',
    '',
  ];
  // The nested-form remotes share one `cluster: remote:` block: a YAML map key may appear only once.
  const nested: string[] = ['cluster:', '  remote:'];
  for (let i = 0; i < remotes; i++) {
    const alias = `remote_${i}`;
    if (i % 3 === 0) {
      lines.push(
        `cluster.remote.${alias}.mode: proxy`,
        `cluster.remote.${alias}.proxy_address: ${alias}.example.com:9443`,
        `cluster.remote.${alias}.server_name: ${alias}.example.com`,
        `cluster.remote.${alias}.skip_unavailable: true`,
        '',
      );
    } else if (i % 3 === 1) {
      nested.push(
        `    ${alias}:`,
        '      mode: sniff',
        `      seeds: ["${alias}-a.internal:9300", "${alias}-b.internal:9300"]`,
        '      transport.compress: true',
      );
    } else {
      lines.push(
        `cluster.remote.${alias}:`,
        '  mode: proxy',
        `  proxy_address: "10.${i % 250}.0.${(i * 7) % 250}:9400"`,
        `  server_name: ${alias}.es.example.com`,
        '  transport.ping_schedule: 30s',
        '',
      );
    }
  }
  return [...lines, ...nested, ''].join('\n');
}

/** A multi-document ECK manifest of at least `targetLines` lines: clusters, Secrets, Services. */
export function largeEckManifest(targetLines: number): string {
  const docs: string[] = [];
  let lines = 0;
  for (let i = 0; lines < targetLines; i++) {
    const name = `cluster-${i}`;
    const peer = `cluster-${i + 1}`;
    const doc = [
      'apiVersion: elasticsearch.k8s.elastic.co/v1',
      'kind: Elasticsearch',
      'metadata:',
      `  name: ${name}`,
      '  namespace: search',
      'spec:',
      '  version: 8.15.3',
      '  remoteClusterServer:',
      '    enabled: true',
      '  remoteClusters:',
      `  - name: ${peer}`,
      '    elasticsearchRef:',
      `      name: ${peer}`,
      '    apiKey:',
      '      access:',
      '        search:',
      '          names: ["logs-*", "metrics-*"]',
      '        replication:',
      '          names: ["archive-*"]',
      '  transport:',
      '    service:',
      '      spec:',
      '        type: LoadBalancer',
      '  secureSettings:',
      `  - secretName: ${name}-remote-keys`,
      '  nodeSets:',
      '  - name: hot',
      '    count: 3',
      '    config:',
      '      node.roles: [master, data_hot, remote_cluster_client]',
      `      cluster.remote.external-${i}.mode: proxy`,
      `      cluster.remote.external-${i}.proxy_address: external-${i}.example.com:9443`,
      `      cluster.remote.external-${i}.server_name: external-${i}.example.com`,
      '      xpack.security.remote_cluster_client.ssl.enabled: true',
      '  - name: warm',
      '    count: 2',
      '    config:',
      '      node.roles: [data_warm, remote_cluster_client]',
      '      cluster:',
      '        remote:',
      `          legacy-${i}:`,
      '            mode: sniff',
      `            seeds: ["legacy-${i}.internal:9300"]`,
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      `  name: ${name}-remote-keys`,
      'type: Opaque',
      'stringData:',
      `  cluster.remote.external-${i}.credentials: "placeholder-not-a-secret"`,
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${name}-rcs-lb`,
      'spec:',
      '  type: LoadBalancer',
      '  selector:',
      `    elasticsearch.k8s.elastic.co/cluster-name: ${name}`,
      '  ports:',
      '  - name: rcs',
      '    port: 9443',
      '    targetPort: 9443',
    ];
    docs.push(doc.join('\n'));
    lines += doc.length + 1;
  }
  return docs.join('\n---\n') + '\n';
}

/** A `PUT _cluster/settings` body with `remotes` aliases in persistent settings, nested and flat. */
export function largeClusterSettingsBody(remotes: number): string {
  const persistent: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  for (let i = 0; i < remotes; i++) {
    const alias = `remote_${i}`;
    if (i % 2 === 0) {
      persistent[`cluster.remote.${alias}.mode`] = 'proxy';
      persistent[`cluster.remote.${alias}.proxy_address`] = `${alias}.example.com:9443`;
      persistent[`cluster.remote.${alias}.server_name`] = `${alias}.example.com`;
      persistent[`cluster.remote.${alias}.skip_unavailable`] = true;
    } else {
      nested[alias] = { mode: 'sniff', seeds: [`${alias}-a.internal:9300`, `${alias}-b.internal:9300`], skip_unavailable: false };
    }
  }
  persistent.cluster = { remote: nested };
  return JSON.stringify({ persistent }, null, 2) + '\n';
}

if (require.main === module) {
  const [kind, size] = process.argv.slice(2);
  const n = Number(size);
  const generators: Record<string, (n: number) => string> = {
    yml: (count) => largeElasticsearchYml(count || 500),
    eck: (count) => largeEckManifest(count || 20000),
    json: (count) => largeClusterSettingsBody(count || 2000),
  };
  const generate = generators[kind];
  if (!generate) {
    process.stderr.write('usage: node out/test/bench/generate.js yml|eck|json [size]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(generate(n));
  }
}

/** A YAML file that has nothing to do with Elasticsearch (an OpenAPI description) of about `bytes` characters. */
export function unrelatedYaml(bytes: number): string {
  const lines = ['openapi: 3.0.3', 'info:', '  title: Inventory API', '  version: 1.0.0', 'paths:'];
  let size = lines.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const block = [
      `  /items/${i}:`,
      '    get:',
      `      summary: Returns item ${i}`,
      '      parameters:',
      '        - {name: expand, in: query, schema: {type: boolean}}',
      '      responses:',
      "        '200':",
      '          description: The item.',
    ].join('\n');
    lines.push(block);
    size += block.length + 1;
  }
  return lines.join('\n') + '\n';
}

/** An elasticsearch.yml of about `bytes` characters (the remote-cluster layout of largeElasticsearchYml). */
export function elasticsearchYmlOfSize(bytes: number): string {
  const perRemote = largeElasticsearchYml(300).length / 300;
  return largeElasticsearchYml(Math.ceil(bytes / perRemote));
}

/** An elasticsearch.yml that sets the same key `count` times. */
export function repeatedKeys(count: number): string {
  return Array.from({ length: count }, (_, i) => `path.logs: /var/log/elasticsearch/${i}\n`).join('');
}
