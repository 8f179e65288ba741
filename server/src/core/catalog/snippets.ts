/**
 * Whole-block snippets for remote clusters, as data. Completion renders them for the place the
 * cursor is in (top level of elasticsearch.yml, inside a nested `cluster: remote:` map, or a
 * `_cluster/settings` body). They are served by the language server only, not contributed as
 * VS Code snippets: a contribution would offer them in every YAML file, in the wrong shape for a
 * nested map, and twice in an elasticsearch.yml.
 */

export type SnippetValue = { text: string; kind: 'string' | 'raw' };

export interface RemoteBlockSnippet {
  /** Title shown in VS Code's snippet picker. */
  name: string;
  prefix: string;
  description: string;
  /** `cluster.remote.<alias>.<suffix>` settings, in order; the alias is tab stop 1. */
  aliasSettings: ReadonlyArray<readonly [suffix: string, value: SnippetValue]>;
  /** Comment lines (YAML only), written after the alias settings. */
  notes?: readonly string[];
  /** Other top-level settings (static, so never offered in `_cluster/settings` bodies). */
  nodeSettings?: ReadonlyArray<readonly [key: string, value: SnippetValue]>;
}

const ALIAS_STOP = '${1:remote_alias}';
const str = (text: string): SnippetValue => ({ text, kind: 'string' });
const raw = (text: string): SnippetValue => ({ text, kind: 'raw' });
const KEYSTORE_NOTE = `API key: bin/elasticsearch-keystore add cluster.remote.${ALIAS_STOP}.credentials`;
const CLIENT_TLS: RemoteBlockSnippet['nodeSettings'] = [
  ['xpack.security.remote_cluster_client.ssl.enabled', raw('true')],
  ['xpack.security.remote_cluster_client.ssl.certificate_authorities', raw('[ "${4:remote-ca.crt}" ]')],
];

export const REMOTE_BLOCK_SNIPPETS: readonly RemoteBlockSnippet[] = [
  {
    name: 'Remote cluster: API-key model, proxy mode',
    prefix: 'remote-cluster-api-key-proxy',
    description:
      'Connect to a remote cluster through one proxy address on the remote cluster server port (9443); use this for Elastic Cloud, ECE and load balancers. Store the cross-cluster API key with: bin/elasticsearch-keystore add cluster.remote.<alias>.credentials',
    aliasSettings: [
      ['mode', str('proxy')],
      ['proxy_address', str('${2:remote.example.com}:9443')],
      ['server_name', str('${2:remote.example.com}')],
      ['skip_unavailable', raw('${3|true,false|}')],
    ],
    notes: [KEYSTORE_NOTE],
    nodeSettings: CLIENT_TLS,
  },
  {
    name: 'Remote cluster: API-key model, sniff mode',
    prefix: 'remote-cluster-api-key-sniff',
    description:
      "Discover the remote's gateway nodes from seeds on the remote cluster server port (9443). Store the cross-cluster API key with: bin/elasticsearch-keystore add cluster.remote.<alias>.credentials",
    aliasSettings: [
      ['mode', str('sniff')],
      ['seeds', raw('[ "${2:remote-node-1}:9443" ]')],
      ['skip_unavailable', raw('${3|true,false|}')],
    ],
    notes: [KEYSTORE_NOTE],
    nodeSettings: CLIENT_TLS,
  },
  {
    name: 'Remote cluster: TLS certificate model (deprecated in 9.0)',
    prefix: 'remote-cluster-certificate',
    description:
      'Connect over the transport port (9300) with mutual TLS trust between the clusters. Deprecated since Elasticsearch 9.0: prefer the API-key model.',
    aliasSettings: [
      ['mode', str('sniff')],
      ['seeds', raw('[ "${2:remote-node-1}:9300" ]')],
      ['skip_unavailable', raw('${3|true,false|}')],
    ],
  },
  {
    name: 'Remote cluster server (accept API-key connections)',
    prefix: 'remote-cluster-server',
    description:
      'Turn on the remote cluster server interface on port 9443 so other clusters can connect with cross-cluster API keys.',
    aliasSettings: [],
    nodeSettings: [
      ['remote_cluster_server.enabled', raw('true')],
      ['remote_cluster.host', str('${1:0.0.0.0}')],
      ['remote_cluster.port', raw('9443')],
      ['xpack.security.remote_cluster_server.ssl.enabled', raw('true')],
      ['xpack.security.remote_cluster_server.ssl.key', str('${2:certs/remote-cluster.key}')],
      ['xpack.security.remote_cluster_server.ssl.certificate', str('${3:certs/remote-cluster.crt}')],
    ],
  },
];

/** Lines of the snippet as top-level, flat-key elasticsearch.yml. */
export function renderFlatYaml(snippet: RemoteBlockSnippet): string[] {
  return [
    ...snippet.aliasSettings.map(([suffix, value]) => `cluster.remote.${ALIAS_STOP}.${suffix}: ${value.text}`),
    ...(snippet.notes ?? []).map((note) => `# ${note}`),
    ...(snippet.nodeSettings ?? []).map(([key, value]) => `${key}: ${value.text}`),
    '$0',
  ];
}

/** Lines of the alias block for the inside of a nested `cluster: remote:` map (relative indent). */
export function renderNestedYaml(snippet: RemoteBlockSnippet, indent = '  '): string[] | undefined {
  if (snippet.aliasSettings.length === 0) return undefined;
  return [
    `${ALIAS_STOP}:`,
    ...snippet.aliasSettings.map(([suffix, value]) => `${indent}${suffix}: ${value.text}`),
    ...(snippet.notes ?? []).map((note) => `${indent}# ${note}`),
    '$0',
  ];
}

/** Properties for a `persistent` object of `_cluster/settings`: only the dynamic alias settings. */
export function renderJsonProperties(snippet: RemoteBlockSnippet): string[] | undefined {
  if (snippet.aliasSettings.length === 0) return undefined;
  const lines = snippet.aliasSettings.map(
    ([suffix, value]) => `"cluster.remote.${ALIAS_STOP}.${suffix}": ${value.kind === 'string' ? `"${value.text}"` : value.text}`,
  );
  return lines.map((line, i) => (i < lines.length - 1 ? `${line},` : `${line}$0`));
}
