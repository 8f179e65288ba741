/**
 * The remote-cluster settings catalog, as data. Facts come from
 * shared/reference/remote-cluster-settings.md; the summaries are our own words.
 * Rules, completion and hover all read this table: there is no other list of keys.
 */

export type ValueType =
  | 'enum'
  | 'boolean'
  | 'int'
  | 'time'
  | 'string'
  | 'hostname'
  | 'address'
  | 'address-list'
  | 'host-list'
  | 'path'
  | 'path-list'
  | 'byte-size'
  | 'list'
  | 'secure';

/** static: elasticsearch.yml only; dynamic: also `_cluster/settings`; secure: keystore only. */
export type SettingScope = 'static' | 'dynamic' | 'secure' | 'secure-reloadable' | 'unregistered';

export type SettingGroup = 'remote-client' | 'remote-server' | 'tls-server' | 'tls-client' | 'signing' | 'legacy' | 'related';

export interface SettingDef {
  /** Full key; `<alias>` stands for the remote cluster alias. */
  key: string;
  type: ValueType;
  values?: readonly string[];
  default?: string;
  scope: SettingScope;
  /** Connection mode the setting belongs to (affix client settings only). */
  mode?: 'sniff' | 'proxy' | 'both';
  min?: number;
  max?: number;
  since?: string;
  deprecatedSince?: string;
  removedIn?: string;
  replacement?: string;
  group: SettingGroup;
  summary: string;
  docs: string;
  /** Present when the reference marks a fact as unverified; explains which one (shown in hover). */
  unverified?: string;
  /** Which version facts are unverified: rules that rest on them report a warning, never an error. */
  uncertain?: ReadonlyArray<'since' | 'removedIn' | 'valueSince'>;
  /** Allowed values that appeared later than the setting itself (value → first version). */
  valueSince?: Readonly<Record<string, string>>;
}

export const DOCS = {
  remoteClusterSettings: 'https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/remote-clusters',
  networking:
    'https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/networking-settings#remote-cluster-network-settings',
  securitySettings: 'https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/security-settings',
  apiKeyModel: 'https://www.elastic.co/docs/deploy-manage/remote-clusters/remote-clusters-api-key',
  certModel: 'https://www.elastic.co/docs/deploy-manage/remote-clusters/remote-clusters-cert',
  securityModels: 'https://www.elastic.co/docs/deploy-manage/remote-clusters/security-models',
  troubleshooting: 'https://www.elastic.co/docs/troubleshoot/elasticsearch/remote-clusters',
  nodeRoles: 'https://www.elastic.co/docs/deploy-manage/distributed-architecture/clusters-nodes-shards/node-roles',
  eckRemoteClusters: 'https://www.elastic.co/docs/deploy-manage/remote-clusters/eck-remote-clusters',
  eceEckCertificates: 'https://www.elastic.co/docs/deploy-manage/remote-clusters/ece-enable-ccs-for-eck',
} as const;

const ALIAS = 'cluster.remote.<alias>.';

const clientSettings: SettingDef[] = [
  {
    key: `${ALIAS}mode`,
    type: 'enum',
    values: ['sniff', 'proxy'],
    default: 'sniff',
    scope: 'dynamic',
    mode: 'both',
    since: '7.7.0',
    group: 'remote-client',
    summary:
      'How the local cluster reaches this remote. `sniff` discovers gateway nodes from `seeds` and connects to them directly; `proxy` opens every connection to one `proxy_address` (use it for Elastic Cloud, ECE and anything behind a load balancer).',
    docs: DOCS.remoteClusterSettings,
    unverified: 'proxy mode is believed to date from 7.7; the exact minor is not confirmed',
    uncertain: ['since'],
  },
  {
    key: `${ALIAS}seeds`,
    type: 'address-list',
    default: '[] (empty)',
    scope: 'dynamic',
    mode: 'sniff',
    group: 'remote-client',
    summary:
      'Addresses (`host:port`) of nodes in the remote cluster used to discover it in sniff mode. A non-empty list is what turns the remote on. Use the remote cluster server port (9443) for the API-key model, the transport port (9300) for the certificate model. Bracket IPv6 addresses: `[::1]:9443`. Elastic Cloud and ECE endpoints cannot be sniffed: use `mode: proxy` with `proxy_address` and `server_name` instead.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: `${ALIAS}node_connections`,
    type: 'int',
    min: 1,
    default: 'value of cluster.remote.connections_per_cluster (3)',
    scope: 'dynamic',
    mode: 'sniff',
    group: 'remote-client',
    summary: 'How many gateway nodes of the remote cluster to keep connections to (sniff mode).',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: `${ALIAS}proxy`,
    type: 'address',
    default: '(empty)',
    scope: 'dynamic',
    mode: 'sniff',
    group: 'remote-client',
    summary:
      'Legacy sniff-mode proxy address. Elasticsearch keeps it undocumented and does not recommend it: use `mode: proxy` with `proxy_address` instead.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: `${ALIAS}proxy_address`,
    type: 'address',
    default: '(empty)',
    scope: 'dynamic',
    mode: 'proxy',
    since: '7.7.0',
    group: 'remote-client',
    summary:
      'The single `host:port` every proxy-mode connection goes to. Setting it turns the remote on. For Elastic Cloud and ECE use the deployment endpoint with port 9443 (API-key model) or 9400 (certificate model).',
    docs: DOCS.remoteClusterSettings,
    unverified: 'proxy mode is believed to date from 7.7; the exact minor is not confirmed',
    uncertain: ['since'],
  },
  {
    key: `${ALIAS}proxy_socket_connections`,
    type: 'int',
    min: 1,
    default: '18',
    scope: 'dynamic',
    mode: 'proxy',
    since: '7.7.0',
    group: 'remote-client',
    summary: 'Number of sockets opened to the proxy address (proxy mode).',
    docs: DOCS.remoteClusterSettings,
    unverified: 'proxy mode is believed to date from 7.7; the exact minor is not confirmed',
    uncertain: ['since'],
  },
  {
    key: `${ALIAS}server_name`,
    type: 'hostname',
    default: '(empty)',
    scope: 'dynamic',
    mode: 'proxy',
    since: '7.7.0',
    group: 'remote-client',
    summary:
      'Host name sent as TLS SNI when connecting in proxy mode. Elastic Cloud and ECE proxies route on it, so set it to the deployment endpoint host name. Must be a host name, not an IP address, and carries no port.',
    docs: DOCS.remoteClusterSettings,
    unverified: 'proxy mode is believed to date from 7.7; the exact minor is not confirmed',
    uncertain: ['since'],
  },
  {
    key: `${ALIAS}skip_unavailable`,
    type: 'boolean',
    values: ['true', 'false'],
    default: 'true since 8.15 (false before)',
    scope: 'dynamic',
    mode: 'both',
    group: 'remote-client',
    summary:
      'Whether searches that span this remote succeed without it when it cannot be reached. The default became `true` in 8.15; set `false` to make the remote mandatory. Only accepted once the remote is enabled (seeds or proxy_address set).',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: `${ALIAS}transport.ping_schedule`,
    type: 'time',
    default: 'node-wide transport.ping_schedule (-1, disabled)',
    scope: 'dynamic',
    mode: 'both',
    group: 'remote-client',
    summary: 'Interval of application-level pings that keep connections to this remote alive; `-1` turns them off.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: `${ALIAS}transport.compress`,
    type: 'enum',
    values: ['true', 'false', 'indexing_data'],
    default: 'node-wide transport.compress (indexing_data)',
    scope: 'dynamic',
    mode: 'both',
    group: 'remote-client',
    summary:
      'Compression of requests sent to this remote: `true`, `false`, or `indexing_data` (only raw indexing data, e.g. for CCR).',
    docs: DOCS.remoteClusterSettings,
    unverified: 'the `indexing_data` value is believed to date from 7.14 (a plain boolean before)',
    valueSince: { indexing_data: '7.14.0' },
    uncertain: ['valueSince'],
  },
  {
    key: `${ALIAS}transport.compression_scheme`,
    type: 'enum',
    values: ['deflate', 'lz4'],
    default: 'node-wide transport.compression_scheme (lz4)',
    scope: 'dynamic',
    mode: 'both',
    since: '7.14.0',
    group: 'remote-client',
    summary: 'Compression algorithm for requests sent to this remote when compression is on.',
    docs: DOCS.remoteClusterSettings,
    unverified: 'believed to date from 7.14',
    uncertain: ['since'],
  },
  {
    key: `${ALIAS}credentials`,
    type: 'secure',
    scope: 'secure-reloadable',
    mode: 'both',
    since: '8.10.0',
    group: 'remote-client',
    summary:
      'The `encoded` value of a cross-cluster API key created on the remote. Its presence switches this alias to the API-key security model (connect to the remote cluster server port, 9443). Keystore only: `elasticsearch-keystore add cluster.remote.<alias>.credentials`, then `POST _nodes/reload_secure_settings`. Never put it in elasticsearch.yml or `_cluster/settings`.',
    docs: DOCS.apiKeyModel,
  },
];

/** Seed 003 (ECH page) marks the feature "stack: preview 9.3", as the Elasticsearch reference does for self-managed. */
const STRONG_IDENTITY_NOTE =
  'Strong identity verification: a technical preview in 9.3 (Elastic Cloud Hosted included); both clusters need 9.3 or later.';

const signingPerAlias: SettingDef[] = [
  [
    'signing.key',
    'path',
    'Private key (PEM) this cluster signs cross-cluster requests with. Pair it with `signing.certificate`; do not combine with `signing.keystore.path`.',
  ],
  [
    'signing.certificate',
    'path',
    "Certificate (PEM) matching `signing.key`; the remote matches its subject against the API key's `certificate_identity`.",
  ],
  [
    'signing.keystore.path',
    'path',
    'Keystore (JKS or PKCS#12) holding the signing key and certificate. Alternative to `signing.key` + `signing.certificate`.',
  ],
  ['signing.keystore.type', 'string', 'Keystore format; inferred from the file extension when empty.'],
  [
    'signing.keystore.alias',
    'string',
    'Which key entry of the keystore to sign with; needed when the keystore holds more than one private key.',
  ],
  ['signing.keystore.algorithm', 'string', 'Key manager algorithm for the signing keystore (JVM default when unset).'],
].map(([suffix, type, summary]) => ({
  key: `${ALIAS}${suffix}`,
  type: type as ValueType,
  scope: 'dynamic' as const,
  mode: 'both' as const,
  since: '9.3.0',
  group: 'signing' as const,
  summary: `${summary} ${STRONG_IDENTITY_NOTE}`,
  docs: DOCS.remoteClusterSettings,
}));

const signingSecurePerAlias: SettingDef[] = [
  ['signing.secure_key_passphrase', 'Passphrase of the encrypted `signing.key`.'],
  ['signing.keystore.secure_password', 'Password of the signing keystore.'],
  [
    'signing.keystore.secure_key_password',
    'Password of the key inside the signing keystore (defaults to the keystore password).',
  ],
].map(([suffix, summary]) => ({
  key: `${ALIAS}${suffix}`,
  type: 'secure' as const,
  scope: 'secure' as const,
  mode: 'both' as const,
  since: '9.3.0',
  group: 'signing' as const,
  summary: `${summary} Keystore only.`,
  docs: DOCS.remoteClusterSettings,
}));

const globalClientSettings: SettingDef[] = [
  {
    key: 'cluster.remote.connections_per_cluster',
    type: 'int',
    min: 1,
    default: '3',
    scope: 'static',
    group: 'remote-client',
    summary: 'Node-wide default for `cluster.remote.<alias>.node_connections` (sniff mode).',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.node.attr',
    type: 'string',
    scope: 'static',
    group: 'remote-client',
    summary:
      'Name of a node attribute that marks gateway nodes in sniff mode: only remote nodes whose attribute is `true` are connected to.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.initial_connect_timeout',
    type: 'time',
    default: '30s',
    scope: 'static',
    group: 'remote-client',
    summary: 'How long a starting node waits for its remote cluster connections before it goes on without them.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.max_pending_connection_listeners',
    type: 'int',
    scope: 'unregistered',
    group: 'remote-client',
    summary: 'Internal value used by Elasticsearch tests; it is not a registered setting and a node refuses it.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.connect',
    type: 'boolean',
    values: ['true', 'false'],
    default: 'true',
    scope: 'static',
    deprecatedSince: '7.7.0',
    removedIn: '8.0.0',
    replacement: 'node.roles (include or omit remote_cluster_client)',
    group: 'legacy',
    summary:
      'Legacy switch for whether a node may connect to remote clusters. Replaced by the `remote_cluster_client` node role.',
    docs: DOCS.nodeRoles,
    unverified: 'removal in 8.0 is inferred from the 8.x code, not from breaking-change notes',
    uncertain: ['removedIn'],
  },
  {
    key: 'cluster.remote.signing.certificate_authorities',
    type: 'path-list',
    scope: 'dynamic',
    since: '9.3.0',
    group: 'signing',
    summary:
      'CA certificates (PEM) this cluster trusts to verify signed cross-cluster requests. Do not combine with `cluster.remote.signing.truststore.path`. ' +
      STRONG_IDENTITY_NOTE,
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.signing.truststore.path',
    type: 'path',
    scope: 'dynamic',
    since: '9.3.0',
    group: 'signing',
    summary:
      'Truststore used to verify signed cross-cluster requests. Alternative to `cluster.remote.signing.certificate_authorities`. ' +
      STRONG_IDENTITY_NOTE,
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.signing.truststore.secure_password',
    type: 'secure',
    scope: 'secure',
    since: '9.3.0',
    group: 'signing',
    summary: 'Password of the signing truststore. Keystore only.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.signing.truststore.algorithm',
    type: 'string',
    scope: 'dynamic',
    since: '9.3.0',
    group: 'signing',
    summary: 'Trust manager algorithm for the signing truststore (JVM default when unset).',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.signing.truststore.type',
    type: 'string',
    scope: 'dynamic',
    since: '9.3.0',
    group: 'signing',
    summary: 'Signing truststore format; inferred from the file extension when empty.',
    docs: DOCS.remoteClusterSettings,
  },
  {
    key: 'cluster.remote.signing.diagnose.trust',
    type: 'boolean',
    values: ['true', 'false'],
    default: 'true',
    scope: 'dynamic',
    since: '9.3.0',
    group: 'signing',
    summary: 'Log extra detail when a signed request fails trust verification.',
    docs: DOCS.remoteClusterSettings,
  },
];

const serverSettings: SettingDef[] = [
  {
    key: 'remote_cluster_server.enabled',
    type: 'boolean',
    values: ['true', 'false'],
    default: 'false',
    scope: 'static',
    since: '8.10.0',
    group: 'remote-server',
    summary:
      'Turns on the remote cluster server interface (port 9443 by default) that API-key-model clients connect to. Needs `xpack.security.enabled: true`. Every other `remote_cluster.*` setting only matters when this is `true`.',
    docs: DOCS.networking,
  },
  {
    key: 'remote_cluster.host',
    type: 'host-list',
    default: 'transport.bind_host',
    scope: 'static',
    since: '8.10.0',
    group: 'remote-server',
    summary:
      'Address(es) the remote cluster interface binds to and publishes. If nothing is set it may listen on loopback only, out of reach of other clusters.',
    docs: DOCS.networking,
  },
  {
    key: 'remote_cluster.bind_host',
    type: 'host-list',
    default: 'remote_cluster.host',
    scope: 'static',
    since: '8.10.0',
    group: 'remote-server',
    summary: 'Address(es) the remote cluster interface listens on.',
    docs: DOCS.networking,
  },
  {
    key: 'remote_cluster.publish_host',
    type: 'host-list',
    default: 'remote_cluster.host',
    scope: 'static',
    since: '8.10.0',
    group: 'remote-server',
    summary:
      'Address advertised to clients of the remote cluster interface. In sniff mode clients connect to it, so it must be reachable from the local cluster.',
    docs: DOCS.networking,
  },
  {
    key: 'remote_cluster.port',
    type: 'int',
    min: 0,
    max: 65535,
    default: '9443',
    scope: 'static',
    since: '8.10.0',
    group: 'remote-server',
    summary: 'Port of the remote cluster interface: one port, not a range. Clients using the API-key model connect here.',
    docs: DOCS.networking,
  },
  {
    key: 'remote_cluster.publish_port',
    type: 'int',
    min: -1,
    default: '-1 (the bound port)',
    scope: 'static',
    since: '8.10.0',
    group: 'remote-server',
    summary: 'Port advertised to clients, when it differs from the bound port (for example behind NAT).',
    docs: DOCS.networking,
  },
  ...(
    [
      [
        'tcp.keep_alive',
        'boolean',
        'transport.tcp.keep_alive',
        'TCP keep-alive on remote cluster connections.',
        undefined,
        undefined,
      ],
      [
        'tcp.keep_idle',
        'int',
        'transport.tcp.keep_idle',
        'Seconds of idleness before keep-alive probes start (Linux and macOS).',
        -1,
        300,
      ],
      [
        'tcp.keep_interval',
        'int',
        'transport.tcp.keep_interval',
        'Seconds between keep-alive probes (Linux and macOS).',
        -1,
        300,
      ],
      [
        'tcp.keep_count',
        'int',
        'transport.tcp.keep_count',
        'Unanswered keep-alive probes before the connection is dropped.',
        -1,
        undefined,
      ],
      [
        'tcp.no_delay',
        'boolean',
        'transport.tcp.no_delay',
        "Disables Nagle's algorithm on remote cluster connections.",
        undefined,
        undefined,
      ],
      [
        'tcp.reuse_address',
        'boolean',
        'transport.tcp.reuse_address',
        'Whether the address may be reused (SO_REUSEADDR).',
        undefined,
        undefined,
      ],
      ['tcp.send_buffer_size', 'byte-size', 'transport.tcp.send_buffer_size', 'TCP send buffer size.', undefined, undefined],
      [
        'tcp.receive_buffer_size',
        'byte-size',
        'transport.tcp.receive_buffer_size',
        'TCP receive buffer size.',
        undefined,
        undefined,
      ],
    ] as const
  ).map(([suffix, type, fallback, summary, min, max]): SettingDef => ({
    key: `remote_cluster.${suffix}`,
    type,
    values: type === 'boolean' ? ['true', 'false'] : undefined,
    default: fallback,
    scope: 'static',
    since: '8.10.0',
    min,
    max,
    group: 'remote-server',
    summary: `${summary} Remote cluster interface only.`,
    docs: DOCS.networking,
  })),
];

interface SslSuffix {
  suffix: string;
  type: ValueType;
  values?: readonly string[];
  default?: string;
  secure?: boolean;
  server: boolean;
  client: boolean;
  summary: string;
}

const SSL_SUFFIXES: SslSuffix[] = [
  {
    suffix: 'enabled',
    type: 'boolean',
    values: ['true', 'false'],
    default: 'true',
    server: true,
    client: true,
    summary: 'TLS on the remote cluster interface. Leave it on: the traffic carries API keys.',
  },
  {
    suffix: 'supported_protocols',
    type: 'list',
    values: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3', 'SSLv2Hello'],
    default: 'TLSv1.3,TLSv1.2,TLSv1.1 (JVM dependent)',
    server: true,
    client: true,
    summary: 'TLS protocol versions allowed.',
  },
  {
    suffix: 'client_authentication',
    type: 'enum',
    values: ['required', 'optional', 'none'],
    default: 'none',
    server: true,
    client: false,
    summary: 'Whether the server asks clients for a certificate. The API-key model does not need client certificates.',
  },
  {
    suffix: 'verification_mode',
    type: 'enum',
    values: ['full', 'certificate', 'none'],
    default: 'full',
    server: false,
    client: true,
    summary:
      "How the client checks the remote's certificate: `full` (chain and host name), `certificate` (chain only) or `none` (for support diagnostics only).",
  },
  {
    suffix: 'cipher_suites',
    type: 'list',
    server: true,
    client: true,
    summary: 'Cipher suites allowed (JVM dependent default).',
  },
  {
    suffix: 'handshake_timeout',
    type: 'time',
    default: '10s',
    server: true,
    client: true,
    summary: 'How long to wait for a TLS handshake.',
  },
  {
    suffix: 'key',
    type: 'path',
    server: true,
    client: true,
    summary: 'Private key (PEM). Pair with `certificate`; do not combine with `keystore.path`.',
  },
  { suffix: 'certificate', type: 'path', server: true, client: true, summary: 'Certificate or chain (PEM) matching `key`.' },
  {
    suffix: 'certificate_authorities',
    type: 'path-list',
    server: true,
    client: true,
    summary:
      "CA certificates (PEM) to trust. On the client, list the CA that signed the remote's remote cluster server certificate. Do not combine with `truststore.path`.",
  },
  {
    suffix: 'keystore.path',
    type: 'path',
    server: true,
    client: true,
    summary: 'Keystore (JKS or PKCS#12) with the key and certificate. Alternative to `key` + `certificate`.',
  },
  {
    suffix: 'keystore.type',
    type: 'enum',
    values: ['jks', 'PKCS12'],
    default: 'PKCS12 for .p12/.pfx/.pkcs12 files, else jks',
    server: true,
    client: true,
    summary: 'Keystore format.',
  },
  {
    suffix: 'truststore.path',
    type: 'path',
    server: true,
    client: true,
    summary: 'Truststore (JKS or PKCS#12) with trusted CAs. Alternative to `certificate_authorities`.',
  },
  {
    suffix: 'truststore.type',
    type: 'enum',
    values: ['jks', 'PKCS12'],
    server: true,
    client: true,
    summary: 'Truststore format.',
  },
  {
    suffix: 'secure_key_passphrase',
    type: 'secure',
    secure: true,
    server: true,
    client: true,
    summary: 'Passphrase of the encrypted `key`. Keystore only.',
  },
  {
    suffix: 'keystore.secure_password',
    type: 'secure',
    secure: true,
    server: true,
    client: true,
    summary: 'Keystore password. Keystore only.',
  },
  {
    suffix: 'keystore.secure_key_password',
    type: 'secure',
    secure: true,
    server: true,
    client: true,
    summary: 'Password of the key in the keystore. Keystore only.',
  },
  {
    suffix: 'truststore.secure_password',
    type: 'secure',
    secure: true,
    server: true,
    client: true,
    summary: 'Truststore password. Keystore only.',
  },
];

export const SSL_PREFIX_SERVER = 'xpack.security.remote_cluster_server.ssl.';
export const SSL_PREFIX_CLIENT = 'xpack.security.remote_cluster_client.ssl.';

function sslSettings(prefix: string, side: 'server' | 'client'): SettingDef[] {
  return SSL_SUFFIXES.filter((s) => s[side]).map((s) => ({
    key: prefix + s.suffix,
    type: s.type,
    values: s.values,
    default: s.default,
    scope: s.secure ? ('secure' as const) : ('static' as const),
    since: '8.10.0',
    group: side === 'server' ? ('tls-server' as const) : ('tls-client' as const),
    summary: `${side === 'server' ? 'Remote cluster server' : 'Remote cluster client'} TLS: ${s.summary}`,
    docs: DOCS.securitySettings,
  }));
}

const legacySearchRemote: SettingDef[] = [
  // The per-alias settings were dynamic (set through `_cluster/settings` in 6.x), the others static.
  ['search.remote.<alias>.seeds', 'cluster.remote.<alias>.seeds', 'address-list', 'dynamic'],
  ['search.remote.<alias>.skip_unavailable', 'cluster.remote.<alias>.skip_unavailable', 'boolean', 'dynamic'],
  ['search.remote.connections_per_cluster', 'cluster.remote.connections_per_cluster', 'int', 'static'],
  ['search.remote.initial_connect_timeout', 'cluster.remote.initial_connect_timeout', 'time', 'static'],
  ['search.remote.node.attr', 'cluster.remote.node.attr', 'string', 'static'],
  ['search.remote.connect', 'node.roles (remote_cluster_client)', 'boolean', 'static'],
].map(([key, replacement, type, scope]) => ({
  key,
  type: type as ValueType,
  scope: scope as 'static' | 'dynamic',
  deprecatedSince: '6.5.0',
  removedIn: '8.0.0',
  replacement,
  group: 'legacy' as const,
  summary: `Old name kept as a fallback during 7.x; Elasticsearch 8.0 removed it. Use \`${replacement}\`.`,
  docs: DOCS.remoteClusterSettings,
  unverified: 'the 6.5 rename date is approximate',
}));

const relatedSettings: SettingDef[] = [
  {
    key: 'node.roles',
    type: 'list',
    values: [
      'master',
      'data',
      'data_content',
      'data_hot',
      'data_warm',
      'data_cold',
      'data_frozen',
      'ingest',
      'ml',
      'remote_cluster_client',
      'transform',
      'voting_only',
    ],
    default: 'every role',
    scope: 'static',
    group: 'related',
    summary:
      'Roles of this node. When set, it must include `remote_cluster_client` for the node to run cross-cluster search, CCR, ML datafeeds or transforms against remotes.',
    docs: DOCS.nodeRoles,
  },
  {
    key: 'node.remote_cluster_client',
    type: 'boolean',
    values: ['true', 'false'],
    scope: 'static',
    deprecatedSince: '7.9.0',
    removedIn: '8.0.0',
    replacement: 'node.roles',
    group: 'legacy',
    summary: 'Legacy per-role flag. Use `node.roles` with or without `remote_cluster_client`.',
    docs: DOCS.nodeRoles,
    unverified: 'removal in 8.0 not confirmed from breaking-change notes',
    uncertain: ['removedIn'],
  },
  {
    key: 'xpack.security.enabled',
    type: 'boolean',
    values: ['true', 'false'],
    default: 'true',
    scope: 'static',
    group: 'related',
    summary: 'Elasticsearch security features. The remote cluster server (API-key model) refuses to start without them.',
    docs: DOCS.securitySettings,
  },
];

/**
 * Transport TLS trust for the certificate model (ECK with ECE, seed page "Connect Elastic Cloud
 * Enterprise deployments to Elastic Cloud on Kubernetes clusters"). `xpack.security.transport.ssl.`
 * is deliberately not an owned namespace: we know only these keys of it, so other transport keys are
 * never reported as unknown.
 */
const transportTrustSettings: SettingDef[] = [
  {
    key: 'xpack.security.transport.ssl.certificate_authorities',
    type: 'path-list',
    scope: 'static',
    group: 'related',
    summary:
      "CA certificates (PEM) the transport layer trusts. Under the certificate model each cluster lists the other's CA here, on every node. In an ECK `nodeSets[].config` your paths are added to the CAs ECK configures itself, and the file must be mounted into the Pods (a Secret volume in every nodeSet).",
    docs: DOCS.eceEckCertificates,
  },
  {
    key: 'xpack.security.transport.ssl.trust_restrictions.path',
    type: 'path',
    scope: 'static',
    group: 'related',
    summary:
      "A `trust.yml` file listing which certificate subject names the transport layer accepts (`trust.subject_name: [...]`, wildcards allowed). Every transport connection is checked, including those between the nodes of this cluster, so the list must match this cluster's own node certificates too. ECE provides the file for download when you trust an environment; on ECK mount it from a ConfigMap in every nodeSet.",
    docs: DOCS.eceEckCertificates,
  },
  {
    key: 'xpack.security.transport.ssl.trust_restrictions.x509_fields',
    type: 'list',
    values: ['subjectAltName.otherName.commonName', 'subjectAltName.dnsName'],
    default: 'subjectAltName.otherName.commonName',
    scope: 'static',
    group: 'related',
    summary:
      'Which certificate fields `trust.subject_name` patterns are matched against: the `otherName` common name Elastic node certificates carry, and/or DNS names.',
    docs: DOCS.securitySettings,
    // Read from Elasticsearch's RestrictedTrustConfig; the release that added it is not confirmed.
    unverified: 'the release that introduced this setting is not confirmed',
  },
];

export const SETTINGS: readonly SettingDef[] = [
  ...clientSettings,
  ...signingPerAlias,
  ...signingSecurePerAlias,
  ...globalClientSettings,
  ...serverSettings,
  ...sslSettings(SSL_PREFIX_SERVER, 'server'),
  ...sslSettings(SSL_PREFIX_CLIENT, 'client'),
  ...legacySearchRemote,
  ...relatedSettings,
  ...transportTrustSettings,
];

/** Key prefixes whose every key we know; a key under one of them that is not in the catalog is unknown. */
export const OWNED_NAMESPACES = [
  'cluster.remote.',
  'search.remote.',
  'remote_cluster.',
  'remote_cluster_server.',
  SSL_PREFIX_SERVER,
  SSL_PREFIX_CLIENT,
] as const;

/** Keys whose suffix can follow `cluster.remote.<alias>.` */
export const ALIAS_SUFFIXES: readonly string[] = SETTINGS.filter((s) => s.key.startsWith(ALIAS)).map((s) =>
  s.key.slice(ALIAS.length),
);

/** Insecure password variants Elasticsearch does not register for the remote cluster SSL prefixes. */
export const UNREGISTERED_SSL_PASSWORD_SUFFIXES: Readonly<Record<string, string>> = {
  'keystore.password': 'keystore.secure_password',
  'keystore.key_password': 'keystore.secure_key_password',
  key_passphrase: 'secure_key_passphrase',
  'truststore.password': 'truststore.secure_password',
};
