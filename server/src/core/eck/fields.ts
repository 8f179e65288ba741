import { DOCS } from '../catalog/settingsCatalog';

/**
 * The remote-cluster related fields of the ECK `Elasticsearch` resource, as data. Facts come from
 * shared/reference/eck-remote-cluster-fields.md; the wording is ours. Hover and completion read
 * this table; rules keep their own checks but link to the same documentation.
 */

export const ECK_DOCS = {
  remoteClusters: DOCS.eckRemoteClusters,
  toExternal: 'https://www.elastic.co/docs/deploy-manage/remote-clusters/eck-remote-clusters-to-external',
  secureSettings: 'https://www.elastic.co/docs/deploy-manage/security/k8s-secure-settings',
  transport: 'https://www.elastic.co/docs/deploy-manage/security/k8s-transport-settings',
  nodeConfiguration: 'https://www.elastic.co/docs/deploy-manage/deploy/cloud-on-k8s/node-configuration',
  settingsManagedByEck: 'https://www.elastic.co/docs/deploy-manage/deploy/cloud-on-k8s/settings-managed-by-eck',
  customFiles: 'https://www.elastic.co/docs/deploy-manage/deploy/cloud-on-k8s/custom-configuration-files-plugins',
  crossNamespace: 'https://www.elastic.co/docs/deploy-manage/deploy/cloud-on-k8s/restrict-cross-namespace-resource-associations',
} as const;

export type CrdFieldType = 'object' | 'list' | 'string' | 'boolean' | 'integer' | 'int-or-string' | 'free-form';

export interface CrdField {
  /** Path from the resource root; `[]` marks list items: `spec.remoteClusters[].name`. */
  path: string;
  type: CrdFieldType;
  summary: string;
  required?: boolean;
  default?: string;
  values?: readonly string[];
  /** First ECK release with the field. */
  eckSince?: string;
  /** Minimum Elasticsearch version the webhook demands when the field is used. */
  stackMinimum?: string;
  notes?: readonly string[];
  docs: string;
  /** Completion: what follows `key:` (YAML, relative indentation, snippet syntax). Defaults by type. */
  insert?: string;
  /** Not part of the `v1beta1` schema (the API server drops it there). */
  v1Only?: boolean;
}

const LICENSE_NOTE =
  'Needs an Enterprise (or trial) license: without it ECK configures nothing and only records a warning event on the resource.';

/** Fields of a Kubernetes `ServiceTemplate` as ECK uses it for one of its services. */
function serviceTemplateFields(
  prefix: string,
  serviceName: string,
  port: number,
  portName: string,
  extra: Partial<CrdField>,
): CrdField[] {
  return [
    {
      path: `${prefix}.service`,
      type: 'object',
      summary: `Template for the \`${serviceName}\` Service ECK creates (\`metadata\` and a Kubernetes Service \`spec\`).`,
      insert: '\n  spec:\n    type: ${1|LoadBalancer,ClusterIP,NodePort|}',
      ...extra,
      notes: [
        "When `spec.type` is empty ECK makes it a headless `ClusterIP` service; it always publishes not-ready addresses and selects the cluster's Pods unless you give a selector.",
        ...(extra.notes ?? []),
      ],
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
    },
    {
      path: `${prefix}.service.metadata`,
      type: 'object',
      summary: 'Labels and annotations for the Service (for example load-balancer annotations of your cloud provider).',
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
    {
      path: `${prefix}.service.spec`,
      type: 'object',
      summary: 'A Kubernetes Service spec. ECK fills in what you leave out.',
      notes: [
        `Without \`ports\` ECK adds \`${portName}\` on port ${port}. A \`ports\` list you write replaces that default entirely.`,
      ],
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
    {
      path: `${prefix}.service.spec.type`,
      type: 'string',
      values: ['ClusterIP', 'NodePort', 'LoadBalancer'],
      default: 'ClusterIP (headless)',
      summary: `How \`${serviceName}\` is exposed. \`LoadBalancer\` makes it reachable from outside Kubernetes on cloud providers that provision load balancers.`,
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
    {
      path: `${prefix}.service.spec.ports`,
      type: 'list',
      summary: `Ports of \`${serviceName}\`. Replaces ECK's default (\`${portName}\`, ${port}).`,
      notes: [
        `If \`port\` is not ${port}, set \`targetPort: ${port}\`: Kubernetes otherwise sends traffic to the same port number on the Pod, where nothing listens.`,
      ],
      insert: `\n  - name: ${portName}\n    port: \${1:${port}}\n    targetPort: ${port}`,
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
    {
      path: `${prefix}.service.spec.ports[].name`,
      type: 'string',
      summary: 'Name of the Service port.',
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
    {
      path: `${prefix}.service.spec.ports[].port`,
      type: 'integer',
      summary: 'Port the Service listens on.',
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
    {
      path: `${prefix}.service.spec.ports[].targetPort`,
      type: 'int-or-string',
      summary: `Container port traffic goes to. Elasticsearch listens on ${port} for this interface.`,
      default: 'the value of `port`',
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
    {
      path: `${prefix}.service.spec.ports[].protocol`,
      type: 'string',
      values: ['TCP'],
      default: 'TCP',
      summary: 'Transport protocol; Elasticsearch needs TCP.',
      docs: extra.docs ?? ECK_DOCS.remoteClusters,
      v1Only: extra.v1Only,
    },
  ];
}

export const CRD_FIELDS: readonly CrdField[] = [
  {
    path: 'spec.version',
    type: 'string',
    required: true,
    summary: 'Elasticsearch version to run (`8.15.3`, `9.1.0`). Version-dependent checks in this file read it.',
    notes: ['The remote cluster server and API-key remote clusters need 8.10.0 or later.'],
    docs: ECK_DOCS.nodeConfiguration,
    insert: ' ${1:9.1.0}',
  },
  {
    path: 'spec.remoteClusterServer',
    type: 'object',
    eckSince: '2.16.0',
    summary:
      'The remote cluster server interface of **this** cluster: turn it on when other clusters connect to this one with cross-cluster API keys.',
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  enabled: true',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusterServer.enabled',
    type: 'boolean',
    default: 'false',
    eckSince: '2.16.0',
    stackMinimum: '8.10.0',
    values: ['true', 'false'],
    summary:
      "Lets ECK run the remote cluster server (port 9443): it enables it in Elasticsearch, binds and publishes it, gives it ECK's transport certificates and creates the `<name>-es-remote-cluster` Service.",
    notes: [
      'Set it here rather than `remote_cluster_server.enabled` in a nodeSet `config`, or ECK creates neither the Service nor the TLS settings.',
      'Changing it restarts the Pods one by one.',
    ],
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  ...serviceTemplateFields('spec.remoteClusterServer', '<name>-es-remote-cluster', 9443, 'rcs', {
    eckSince: '3.3.0',
    v1Only: true,
  }),
  {
    path: 'spec.remoteClusters',
    type: 'list',
    eckSince: '1.1.0',
    summary:
      'Connections from this cluster to other Elasticsearch clusters managed by the same ECK operator. ECK writes the `cluster.remote.<name>.*` settings for you.',
    notes: [
      LICENSE_NOTE,
      'Without `apiKey` an entry uses the TLS-certificate model (seed `<remote>-es-transport.<ns>.svc:9300`, deprecated since Elasticsearch 9.0); with `apiKey` ECK creates a cross-cluster API key and connects to `<remote>-es-remote-cluster.<ns>.svc:9443`.',
    ],
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  - name: ${1:remote}\n    elasticsearchRef:\n      name: ${2:remote-cluster}',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].name',
    type: 'string',
    required: true,
    summary: 'Alias of the remote cluster: searches address it as `<name>:index`. Must be unique in the list.',
    notes: ['Use lowercase letters, digits, `_` and `-`.'],
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].elasticsearchRef',
    type: 'object',
    summary: 'The remote `Elasticsearch` resource. Entries without `name` here are ignored by ECK.',
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  name: ${1:remote-cluster}',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].elasticsearchRef.name',
    type: 'string',
    summary: 'Name of the remote `Elasticsearch` resource.',
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].elasticsearchRef.namespace',
    type: 'string',
    default: 'the namespace of this resource',
    summary: 'Namespace of the remote `Elasticsearch` resource.',
    notes: [
      'Across namespaces, an operator that restricts associations checks `spec.serviceAccountName` access in both directions.',
    ],
    docs: ECK_DOCS.crossNamespace,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].elasticsearchRef.serviceName',
    type: 'string',
    summary: "Not used for remote clusters: ECK always connects to the remote's transport or remote-cluster Service.",
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey',
    type: 'object',
    eckSince: '2.16.0',
    stackMinimum: '8.10.0',
    summary:
      "Switches this connection to the API-key model: ECK creates a cross-cluster API key on the remote with the `access` below and stores it in this cluster's keystore.",
    notes: ['The remote must set `spec.remoteClusterServer.enabled: true`.'],
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  access:\n    search:\n      names: [ "${1:logs-*}" ]',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access',
    type: 'object',
    required: true,
    summary: 'What the key may do on the remote, as in the create cross-cluster API key API: `search` and/or `replication`.',
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  search:\n    names: [ "${1:logs-*}" ]',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.search',
    type: 'object',
    summary: 'Index patterns this cluster may search on the remote (cross-cluster search).',
    notes: ["One object, not a list: ECK's CRD types it as a single entry (the Elasticsearch API body uses an array here)."],
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  names: [ "${1:logs-*}" ]',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.search.names',
    type: 'list',
    required: true,
    summary: 'Index names or patterns.',
    docs: ECK_DOCS.remoteClusters,
    insert: ' [ "${1:logs-*}" ]',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.search.field_security',
    type: 'object',
    summary: 'Field-level security: give both `grant` and `except`.',
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  grant: [ "${1:*}" ]\n  except: [ ${2} ]',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.search.field_security.grant',
    type: 'list',
    required: true,
    summary: 'Fields that may be read.',
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.search.field_security.except',
    type: 'list',
    required: true,
    summary: 'Fields excluded from `grant` (may be an empty list).',
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.search.query',
    type: 'free-form',
    summary: 'Document-level security query limiting which documents may be read.',
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.search.allow_restricted_indices',
    type: 'boolean',
    values: ['true', 'false'],
    default: 'false',
    summary: 'Whether the patterns may match restricted system indices.',
    docs: ECK_DOCS.remoteClusters,
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.replication',
    type: 'object',
    summary: 'Indices this cluster may follow from the remote (cross-cluster replication).',
    notes: ["One object, not a list: ECK's CRD types it as a single entry (the Elasticsearch API body uses an array here)."],
    docs: ECK_DOCS.remoteClusters,
    insert: '\n  names: [ "${1:leader-*}" ]',
    v1Only: true,
  },
  {
    path: 'spec.remoteClusters[].apiKey.access.replication.names',
    type: 'list',
    required: true,
    summary: 'Index names or patterns.',
    docs: ECK_DOCS.remoteClusters,
    insert: ' [ "${1:leader-*}" ]',
    v1Only: true,
  },
  {
    path: 'spec.transport',
    type: 'object',
    eckSince: '1.1.0',
    summary: 'The transport layer (port 9300): its Service and its TLS certificates.',
    docs: ECK_DOCS.transport,
    insert: '\n  service:\n    spec:\n      type: ${1|LoadBalancer,ClusterIP,NodePort|}',
    v1Only: true,
  },
  ...serviceTemplateFields('spec.transport', '<name>-es-transport', 9300, 'tls-transport', {
    eckSince: '1.1.0',
    v1Only: true,
    docs: ECK_DOCS.transport,
    notes: [
      'Clusters that connect with the TLS-certificate model use this Service as their seed; expose it to reach the cluster from outside Kubernetes.',
    ],
  }),
  {
    path: 'spec.transport.tls',
    type: 'object',
    summary: 'Transport TLS certificates. ECK also uses them for the remote cluster server.',
    docs: ECK_DOCS.transport,
    v1Only: true,
  },
  {
    path: 'spec.transport.tls.certificateAuthorities',
    type: 'object',
    summary:
      "ConfigMap with extra CA certificates (key `ca.crt`) the nodes trust on the transport layer: the way to trust a remote cluster's CA in the TLS-certificate model. ECK also adds them to the remote-cluster client trust.",
    docs: ECK_DOCS.transport,
    insert: '\n  configMapName: ${1:remote-ca}',
    v1Only: true,
  },
  {
    path: 'spec.transport.tls.certificateAuthorities.configMapName',
    type: 'string',
    summary: 'Name of the ConfigMap holding `ca.crt`.',
    docs: ECK_DOCS.transport,
    v1Only: true,
  },
  {
    path: 'spec.transport.tls.certificate',
    type: 'object',
    summary: 'Secret with your own CA (`ca.crt` and `ca.key`) from which ECK issues the node transport certificates.',
    docs: ECK_DOCS.transport,
    insert: '\n  secretName: ${1:transport-ca}',
    v1Only: true,
  },
  {
    path: 'spec.transport.tls.certificate.secretName',
    type: 'string',
    summary: 'Name of the Secret holding `ca.crt` and `ca.key`.',
    docs: ECK_DOCS.transport,
    v1Only: true,
  },
  {
    path: 'spec.transport.tls.otherNameSuffix',
    type: 'string',
    summary: 'Suffix of the otherName ECK writes into each node certificate (`<pod>.<suffix>`).',
    docs: ECK_DOCS.transport,
    v1Only: true,
  },
  {
    path: 'spec.transport.tls.subjectAltNames',
    type: 'list',
    summary: 'Extra subject alternative names for the node transport certificates.',
    docs: ECK_DOCS.transport,
    v1Only: true,
  },
  {
    path: 'spec.secureSettings',
    type: 'list',
    eckSince: '1.0.0',
    summary:
      'Secrets whose keys ECK loads into the Elasticsearch keystore. For a remote cluster outside this operator, store the cross-cluster API key under the key `cluster.remote.<alias>.credentials`.',
    docs: ECK_DOCS.secureSettings,
    insert: '\n  - secretName: ${1:remote-api-keys}',
  },
  {
    path: 'spec.secureSettings[].secretName',
    type: 'string',
    required: true,
    summary: 'Secret to load; every key becomes a keystore setting of the same name (unless `entries` picks some).',
    docs: ECK_DOCS.secureSettings,
  },
  {
    path: 'spec.secureSettings[].entries',
    type: 'list',
    summary: 'Load only these keys of the Secret, optionally under another setting name (`path`).',
    docs: ECK_DOCS.secureSettings,
    insert: '\n  - key: ${1:cluster.remote.remote.credentials}',
  },
  {
    path: 'spec.secureSettings[].entries[].key',
    type: 'string',
    required: true,
    summary: 'Key in the Secret.',
    docs: ECK_DOCS.secureSettings,
  },
  {
    path: 'spec.secureSettings[].entries[].path',
    type: 'string',
    summary: 'Keystore setting name to use instead of the key.',
    docs: ECK_DOCS.secureSettings,
  },
  {
    path: 'spec.serviceAccountName',
    type: 'string',
    summary:
      'Service account used when the operator checks whether this cluster may associate with resources in other namespaces, such as remote clusters.',
    docs: ECK_DOCS.crossNamespace,
    v1Only: true,
  },
  {
    path: 'spec.nodeSets',
    type: 'list',
    required: true,
    summary: 'Groups of nodes sharing a configuration and a Pod template.',
    notes: ['Remote-cluster TLS and trust settings in `config` must be repeated in every nodeSet.'],
    docs: ECK_DOCS.nodeConfiguration,
  },
  {
    path: 'spec.nodeSets[].name',
    type: 'string',
    required: true,
    summary: 'Name of the nodeSet (part of the Pod names).',
    docs: ECK_DOCS.nodeConfiguration,
  },
  {
    path: 'spec.nodeSets[].count',
    type: 'integer',
    required: true,
    summary: 'Number of nodes in this nodeSet.',
    docs: ECK_DOCS.nodeConfiguration,
  },
  {
    path: 'spec.nodeSets[].config',
    type: 'free-form',
    summary:
      'Settings of `elasticsearch.yml` for these nodes, merged over what ECK generates (yours win). The same checks as for `elasticsearch.yml` run here.',
    notes: [
      'ECK manages some keys itself (cluster name, discovery, network and TLS basics); overriding them only draws a warning but can break the cluster.',
    ],
    docs: ECK_DOCS.nodeConfiguration,
  },
  {
    path: 'spec.nodeSets[].podTemplate',
    type: 'object',
    summary:
      "Pod template for these nodes: mount extra files (such as a remote cluster CA) with `spec.volumes` and the `elasticsearch` container's `volumeMounts`.",
    docs: ECK_DOCS.customFiles,
  },
  {
    path: 'spec.nodeSets[].podTemplate.spec.volumes',
    type: 'list',
    summary: 'Volumes of the Pod. Every `volumeMounts[].name` must name one of them (or a `volumeClaimTemplates` entry).',
    docs: ECK_DOCS.customFiles,
  },
  {
    path: 'spec.nodeSets[].podTemplate.spec.containers[].volumeMounts',
    type: 'list',
    summary:
      'Where volumes appear in the container. Files under `/usr/share/elasticsearch/config/` can be referenced by relative path from `config`.',
    docs: ECK_DOCS.customFiles,
  },
  {
    path: 'spec.nodeSets[].volumeClaimTemplates',
    type: 'list',
    summary: "Persistent volume claims of each Pod; a claim named `elasticsearch-data` replaces ECK's default data volume.",
    docs: ECK_DOCS.customFiles,
  },
];

const byPath = new Map(CRD_FIELDS.map((field) => [field.path, field]));

export function crdField(path: string): CrdField | undefined {
  return byPath.get(path);
}

/** Fields directly under a parent path (`spec`, `spec.remoteClusters[]`, …). */
export function crdChildren(parentPath: string): CrdField[] {
  return CRD_FIELDS.filter((field) => {
    if (!field.path.startsWith(parentPath ? `${parentPath}.` : '')) return false;
    const rest = field.path.slice(parentPath ? parentPath.length + 1 : 0);
    return rest.length > 0 && !rest.includes('.') && !rest.endsWith('[]');
  });
}

export function crdFieldMarkdown(field: CrdField): string {
  const rows: string[] = ['| | |', '|---|---|', `| Type | ${typeLabel(field)} |`];
  if (field.required) rows.push('| Required | yes |');
  if (field.default) rows.push(`| Default | ${field.default.includes(' ') ? field.default : `\`${field.default}\``} |`);
  if (field.eckSince) rows.push(`| ECK | ${field.eckSince} or later |`);
  if (field.stackMinimum) rows.push(`| Elasticsearch | ${field.stackMinimum} or later |`);
  if (field.v1Only) rows.push('| API version | `v1` only |');
  const name = field.path.split('.').pop() ?? field.path;
  return [
    `**\`${name}\`** · \`${field.path}\``,
    '',
    field.summary,
    '',
    ...rows,
    '',
    ...(field.notes ?? []).flatMap((note) => [`- ${note}`]),
    '',
    `[ECK documentation](${field.docs})`,
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function typeLabel(field: CrdField): string {
  if (field.values) return field.values.map((v) => `\`${v}\``).join(' \\| ');
  const labels: Record<CrdFieldType, string> = {
    object: 'object',
    list: 'list',
    string: 'string',
    boolean: 'boolean',
    integer: 'integer',
    'int-or-string': 'port number or name',
    'free-form': 'map (free-form)',
  };
  return labels[field.type];
}
