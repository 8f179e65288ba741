import { dedent } from '../../helpers';

/** An ECK Elasticsearch resource with the given `spec` body (written as if at column 0 under `spec:`). */
export function elasticsearch(
  name: string,
  spec: string,
  namespace?: string,
  apiVersion = 'elasticsearch.k8s.elastic.co/v1',
): string {
  const specLines = dedent(spec)
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `  ${line}`);
  return [
    `apiVersion: ${apiVersion}`,
    'kind: Elasticsearch',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    ...specLines,
    '',
  ].join('\n');
}

/** A resource with one nodeSet whose `config` holds the given lines. */
export function withConfig(config: string, spec = 'version: 8.15.0'): string {
  const configLines = dedent(config)
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `      ${line}`);
  return elasticsearch(
    'a',
    `${dedent(spec).replace(/\s+$/, '')}\nnodeSets:\n  - name: default\n    count: 3\n    config:\n${configLines.join('\n')}`,
  );
}

export const API_KEY_ENTRY = `
remoteClusters:
  - name: west
    elasticsearchRef:
      name: west
    apiKey:
      access:
        search:
          - names: ["logs-*"]
`;

export const local = elasticsearch('local', 'version: 8.15.0\nsecureSettings:\n  - secretName: remote-api-keys');

export const secret = (entries: string, section = 'stringData') =>
  dedent(`
    apiVersion: v1
    kind: Secret
    metadata:
      name: remote-api-keys
    ${section}:
  `) +
  dedent(entries).replace(/\s+$/, '').replace(/^/gm, '  ') +
  '\n';

export const rcsService = (ports: string) =>
  elasticsearch(
    'a',
    `version: 8.15.0\nremoteClusterServer:\n  enabled: true\n  service:\n    spec:\n      type: LoadBalancer\n      ports:\n${dedent(ports).replace(/\s+$/, '').replace(/^/gm, '        ')}`,
  );

/** A short name for tests that write many manifests. */
export const es = elasticsearch;
