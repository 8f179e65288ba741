/**
 * The checks, each a small unit: an id, a title, and `run` over the shared context. Each says
 * passed / failed / warning / not-checked with the evidence it saw and, when it did not pass, the
 * fix. A check fails only on what surely keeps the remote from working; what merely might is a
 * warning. Network checks run from this machine and say so: the cluster's nodes may see a
 * different network.
 */
import { ApiError } from '../api/errors';
import { errorText } from '../errorText';
import { explainError } from './errorCatalogue';
import { type Check, type CheckResult, type DiagnosisContext, type EndpointReport } from './checkContext';
import { ccsCompatibility, parseVersion } from './versions';

const DAY_MS = 86_400_000;
/** Keys expiring within this many days are flagged, so a renewal can happen before searches break. */
export const EXPIRY_WARNING_DAYS = 30;
const FROM_HERE = 'Checked from this machine; the cluster nodes may see a different network (firewalls, DNS, proxies).';

const notChecked = (why: string, evidence: string[] = []): CheckResult => ({
  status: 'not-checked',
  evidence: [...evidence, why],
});
const apiFailure = (what: string, error: unknown): CheckResult => notChecked(`${what} failed: ${errorText(error)}`);

// ------------------------------------------------------------------ the local cluster's view

const aliasKnown: Check = {
  id: 'local.alias',
  title: 'The local cluster knows the alias',
  section: 'local',
  async run(context) {
    let info;
    try {
      info = await context.remoteInfo();
    } catch (error) {
      return apiFailure('GET /_remote/info', error);
    }
    const entry = info[context.alias];
    if (entry) {
      const model = entry.cluster_credentials ? 'API key (cluster_credentials present)' : 'certificate (no cluster_credentials)';
      return {
        status: 'passed',
        evidence: [
          `GET /_remote/info lists "${context.alias}": mode ${entry.mode}, connected ${entry.connected}, security model ${model}.`,
        ],
      };
    }
    const known = Object.keys(info);
    const settings = await context.settings().catch(() => ({}) as Record<string, unknown>);
    const configured = Object.keys(settings).some((key) => key.startsWith(`cluster.remote.${context.alias}.`));
    const nodes = await context.nodes().catch(() => undefined);
    if (nodes && nodes.length > 0 && !nodes.some((node) => node.roles.includes('remote_cluster_client'))) {
      return {
        status: 'failed',
        evidence: [
          `GET /_remote/info is ${known.length ? 'missing the alias' : 'empty'}, and no node has the remote_cluster_client role.`,
        ],
        fix: 'Add remote_cluster_client to node.roles of the nodes that coordinate searches (see the roles check below).',
        action: { kind: 'addRole', role: 'remote_cluster_client' },
      };
    }
    if (configured) {
      const { mode } = await context.addresses();
      return {
        status: 'failed',
        evidence: [
          `Cluster settings mention cluster.remote.${context.alias}.*, but GET /_remote/info does not list it: it has no ${mode === 'proxy' ? 'proxy_address' : 'seeds'}, so Elasticsearch has not enabled it.`,
        ],
        fix: `Set cluster.remote.${context.alias}.${mode === 'proxy' ? 'proxy_address' : 'seeds'}.`,
        action: { kind: 'openSetting', alias: context.alias, setting: mode === 'proxy' ? 'proxy_address' : 'seeds' },
      };
    }
    const similar = known.filter((alias) => editDistance(alias.toLowerCase(), context.alias.toLowerCase()) <= 2);
    return {
      status: 'failed',
      evidence: [
        `The local cluster has no remote cluster "${context.alias}". Known aliases: ${known.length ? known.join(', ') : 'none'}.`,
      ],
      fix: similar.length
        ? `Did you mean ${similar.map((alias) => `"${alias}"`).join(' or ')}? Aliases are case-sensitive and must match exactly.`
        : `Configure cluster.remote.${context.alias}.* on the local cluster.`,
    };
  },
};

const connected: Check = {
  id: 'local.connected',
  title: 'The local cluster reports the remote as connected',
  section: 'local',
  async run(context) {
    const entry = await context.remoteEntry().catch(() => undefined);
    if (!entry) return notChecked('The alias is not in GET /_remote/info (see above).');
    if (entry.connected) return { status: 'passed', evidence: ['GET /_remote/info: connected true.'] };
    const reported = `GET /_remote/info: connected false (${entry.mode === 'proxy' ? `${entry.num_proxy_sockets_connected} proxy sockets` : `${entry.num_nodes_connected} nodes`} connected).`;
    // Elasticsearch does not retry a disconnected remote by itself; resolve-cluster makes it try again.
    const retried = await context.resolved().catch(() => undefined);
    if (retried?.connected) {
      return {
        status: 'passed',
        evidence: [
          reported,
          `GET /_resolve/cluster/${context.alias}:* made it retry, and it connected: the earlier failure has passed (Elasticsearch does not retry a disconnected remote until a cross-cluster request asks).`,
        ],
      };
    }
    return {
      status: 'failed',
      evidence: [reported],
      fix: 'The resolve-cluster check below retries the connection and shows the error Elasticsearch met; the other checks narrow it down.',
    };
  },
};

const resolveCluster: Check = {
  id: 'local.resolve',
  title: 'Resolve cluster (retries the connection, shows its error)',
  section: 'local',
  async run(context) {
    let entry;
    try {
      entry = await context.resolved();
    } catch (error) {
      // The API refuses the whole request for some causes (no remote_cluster_client role, unknown alias): those are findings.
      const explained = explainError(errorText(error));
      if (explained.length) {
        return {
          status: 'failed',
          evidence: [`GET /_resolve/cluster/${context.alias}:* was refused: ${errorText(error)}`],
          fix: explained.map((entry) => `${entry.meaning} ${entry.fix}`).join(' '),
          action: explained.some((entry) => entry.id === 'no-remote-cluster-client-role')
            ? { kind: 'addRole', role: 'remote_cluster_client' }
            : undefined,
        };
      }
      if (error instanceof ApiError && (error.status === 400 || error.status === 404 || error.status === 405)) {
        return notChecked('GET /_resolve/cluster is not available on this cluster (it needs Elasticsearch 8.13 or later).');
      }
      return apiFailure(`GET /_resolve/cluster/${context.alias}:*`, error);
    }
    if (!entry) return notChecked(`GET /_resolve/cluster/${context.alias}:* did not mention the alias.`);
    const version = entry.version?.number ? ` Remote version ${entry.version.number}.` : '';
    if (entry.connected) {
      return { status: 'passed', evidence: [`GET /_resolve/cluster/${context.alias}:*: connected true.${version}`] };
    }
    const evidence = [`GET /_resolve/cluster/${context.alias}:*: connected false.`];
    if (entry.error) evidence.push(`Error: ${entry.error}`);
    const explained = entry.error ? explainError(entry.error) : [];
    return {
      status: 'failed',
      evidence,
      fix: explained.length
        ? explained.map((entry) => `${entry.meaning} ${entry.fix}`).join(' ')
        : 'Read the error above; the checks below look at the usual causes.',
      action: entry.error ? { kind: 'explainError', text: entry.error } : undefined,
    };
  },
};

const nodeRoles: Check = {
  id: 'local.roles',
  title: 'Nodes with the remote_cluster_client role',
  section: 'local',
  async run(context) {
    let nodes;
    try {
      nodes = await context.nodes();
    } catch (error) {
      return apiFailure('GET /_nodes', error);
    }
    const clients = nodes.filter((node) => node.roles.includes('remote_cluster_client'));
    const without = nodes.filter((node) => !node.roles.includes('remote_cluster_client'));
    if (clients.length === 0) {
      return {
        status: 'failed',
        evidence: [
          `None of the ${nodes.length} node(s) has the remote_cluster_client role (${nodes.map((node) => `${node.name}: ${node.roles.join(', ') || 'no roles'}`).join('; ')}).`,
        ],
        fix: 'Add remote_cluster_client to node.roles in elasticsearch.yml (ECK: spec.nodeSets[].config.node.roles) and restart those nodes. Without it _remote/info is empty and cross-cluster requests fail with "does not have the remote cluster client role enabled".',
        action: { kind: 'addRole', role: 'remote_cluster_client' },
      };
    }
    if (without.length) {
      return {
        status: 'warning',
        evidence: [
          `${clients.length} of ${nodes.length} nodes have remote_cluster_client; without it: ${without.map((node) => node.name).join(', ')}.`,
        ],
        fix: 'Cross-cluster requests that land on those nodes fail; send them to nodes with the role, or add it.',
      };
    }
    return { status: 'passed', evidence: [`All ${nodes.length} node(s) have remote_cluster_client.`] };
  },
};

const portForModel: Check = {
  id: 'local.port-model',
  title: 'The port matches the security model',
  section: 'local',
  async run(context) {
    const entry = await context.remoteEntry().catch(() => undefined);
    if (!entry) return notChecked('The alias is not in GET /_remote/info.');
    const { addresses } = await context.addresses();
    const ports = addresses.map((address) => portOf(address)).filter((port): port is number => port !== undefined);
    const apiKeyModel = Boolean(entry.cluster_credentials);
    if (apiKeyModel && ports.includes(9300)) {
      return {
        status: 'warning',
        evidence: [`Credentials are set (API-key model) but the address uses port 9300, the default transport port.`],
        fix: 'The API-key model connects to the remote cluster server port (remote_cluster.port, default 9443). Unless the remote moved its ports, use 9443.',
        action: { kind: 'openSetting', alias: context.alias, setting: entry.mode === 'proxy' ? 'proxy_address' : 'seeds' },
      };
    }
    if (!apiKeyModel && ports.includes(9443)) {
      return {
        status: 'warning',
        evidence: [
          'No credentials are set (certificate model) but the address uses port 9443, the default remote cluster server port.',
        ],
        fix: `The certificate model connects to the transport port (default 9300). If you meant the API-key model, add the cross-cluster API key as cluster.remote.${context.alias}.credentials in the keystore of every node and reload secure settings.`,
        action: { kind: 'createApiKey', alias: context.alias },
      };
    }
    if (ports.includes(9200)) {
      return {
        status: 'failed',
        evidence: [
          'The address uses port 9200, the default HTTP (REST) port; remote clusters connect over the transport protocol.',
        ],
        fix: 'Use the transport port (certificate model, default 9300) or the remote cluster server port (API-key model, default 9443).',
        action: { kind: 'openSetting', alias: context.alias, setting: entry.mode === 'proxy' ? 'proxy_address' : 'seeds' },
      };
    }
    return {
      status: 'passed',
      evidence: [`${apiKeyModel ? 'API-key' : 'Certificate'} model, ports ${ports.join(', ') || 'unknown'}.`],
    };
  },
};

// ------------------------------------------------------------------ the network, from this machine

function networkCheck(
  id: string,
  title: string,
  judge: (endpoint: EndpointReport, context: DiagnosisContext) => CheckResult | undefined,
): Check {
  return {
    id,
    title,
    section: 'network',
    async run(context) {
      let endpoints;
      try {
        endpoints = await context.endpoints();
      } catch (error) {
        return apiFailure('Probing the addresses', error);
      }
      if (endpoints.length === 0) return notChecked('No address is configured for the alias.');
      const results = endpoints.map((endpoint) => ({ endpoint, result: judge(endpoint, context) }));
      const judged = results.filter(
        (item): item is { endpoint: EndpointReport; result: CheckResult } => item.result !== undefined,
      );
      if (judged.length === 0)
        return notChecked('An earlier network step (resolve, connect, handshake) did not get this far for any address.');
      const rank = { failed: 3, warning: 2, passed: 1, 'not-checked': 0 } as const;
      const worst = judged.reduce((a, b) => (rank[b.result.status] > rank[a.result.status] ? b : a));
      return {
        status: worst.result.status,
        evidence: [
          ...judged.flatMap(({ endpoint, result }) => result.evidence.map((line) => `${endpoint.address}: ${line}`)),
          FROM_HERE,
        ],
        fix: worst.result.fix,
        action: worst.result.action,
      };
    },
  };
}

const dns = networkCheck('network.dns', 'The address resolves', (endpoint) =>
  'error' in endpoint.dns
    ? {
        status: 'failed',
        evidence: [`name resolution failed: ${endpoint.dns.error}`],
        fix: 'Check the host name for typos; from the cluster, check that its nodes can resolve it.',
      }
    : { status: 'passed', evidence: [`resolves to ${endpoint.dns.addresses.join(', ')}`] },
);

const tcp = networkCheck('network.tcp', 'The port accepts TCP connections', (endpoint) => {
  if (!endpoint.tcp) return undefined;
  if (endpoint.tcp.ok) return { status: 'passed', evidence: ['port open'] };
  return {
    status: 'failed',
    evidence: [`${endpoint.tcp.code}: ${endpoint.tcp.message}`],
    fix: 'Check the port; that the remote cluster server is enabled (remote_cluster_server.enabled: true) for the API-key model; and that no firewall blocks the path.',
  };
});

const protocol = networkCheck('network.protocol', 'What speaks on the port', (endpoint) => {
  switch (endpoint.speaks) {
    case undefined:
      return undefined;
    case 'http':
      return {
        status: 'failed',
        evidence: ['plain HTTP answers: this is an HTTP (REST) port'],
        fix: 'Remote clusters connect to the transport port (default 9300) or the remote cluster server port (default 9443), never the HTTP port (default 9200).',
      };
    case 'tls':
      if (endpoint.httpOverTls) {
        return {
          status: 'failed',
          evidence: ['HTTPS answers: this is the REST port behind TLS'],
          fix: 'Use the transport port (default 9300) or the remote cluster server port (default 9443) instead of the HTTPS port.',
        };
      }
      return { status: 'passed', evidence: [`TLS${endpoint.tls?.serverName ? ` (SNI ${endpoint.tls.serverName})` : ''}`] };
    case 'other':
      return {
        status: 'warning',
        evidence: ['something answers, but not TLS'],
        fix: 'With security on, Elasticsearch 8+ requires TLS on the transport and remote cluster interfaces; check the port.',
      };
    case 'silent':
      return {
        status: 'warning',
        evidence: ['the port accepts connections but did not complete a TLS handshake in time'],
        fix: 'A proxy or load balancer may be holding the connection; check what listens there.',
      };
  }
});

const trust = networkCheck('network.trust', 'The certificate chain is trusted', (endpoint, context) => {
  const tls = endpoint.tls;
  if (!tls) return undefined;
  if (tls.authorized) return { status: 'passed', evidence: [`chain verified against ${tls.trustedBy}; issuer ${tls.issuer}`] };
  const code = tls.authorizationError ?? 'unknown';
  const expired = code === 'CERT_HAS_EXPIRED';
  // OpenSSL stops at the expiry; the expiry check reports it with the dates.
  if (expired) return notChecked('the chain was not judged beyond its expiry (see the expiry check)');
  return {
    status: 'failed',
    evidence: [`${code}: the certificate (subject ${tls.subject}, issuer ${tls.issuer}) does not chain to ${tls.trustedBy}`],
    fix: "Make the local cluster trust the remote's CA: xpack.security.remote_cluster_client.ssl.certificate_authorities (API-key model) or xpack.security.transport.ssl.certificate_authorities (certificate model). On Elastic Cloud / ECE, add a trusted environment for the remote.",
    action: { kind: 'addTrustedEnvironment', connectionId: context.inputs.localConnectionId },
  };
});

const names = networkCheck('network.names', 'The certificate names the server', (endpoint) => {
  const tls = endpoint.tls;
  if (!tls || !tls.nameChecked) return undefined;
  const listed = tls.subjectAltNames.length ? tls.subjectAltNames.join(', ') : 'none';
  if (!tls.nameError) return { status: 'passed', evidence: [`certificate names (${listed}) include ${tls.nameChecked}`] };
  return {
    // Only a mismatch with an explicit server_name is sure to fail: hostname checks of seeds depend on verification_mode.
    status: tls.serverName ? 'failed' : 'warning',
    evidence: [`${tls.nameChecked} is not among the certificate's names (${listed}; subject ${tls.subject})`],
    fix: tls.serverName
      ? "Set server_name to a name the certificate carries (on Elastic Cloud, the deployment's host name from its endpoint)."
      : 'With verification_mode full (the default) the local nodes check this name; use a host name the certificate carries, or add it to the certificate.',
  };
});

const expiry = networkCheck('network.expiry', 'The certificate is within its validity dates', (endpoint, context) => {
  const tls = endpoint.tls;
  if (!tls) return undefined;
  const notAfter = Date.parse(tls.validTo);
  const notBefore = Date.parse(tls.validFrom);
  const now = context.now();
  if (Number.isFinite(notAfter) && notAfter <= now) {
    return {
      status: 'failed',
      evidence: [`the certificate expired on ${tls.validTo}`],
      fix: "Renew the remote's certificate (remote_cluster_server.ssl or transport.ssl) and reload it.",
    };
  }
  if (Number.isFinite(notBefore) && notBefore > now) {
    return {
      status: 'failed',
      evidence: [`the certificate is not valid before ${tls.validFrom}`],
      fix: "Check the clocks of the remote's nodes and the certificate's start date.",
    };
  }
  if (Number.isFinite(notAfter) && notAfter - now < EXPIRY_WARNING_DAYS * DAY_MS) {
    return {
      status: 'warning',
      evidence: [`the certificate expires on ${tls.validTo}, within ${EXPIRY_WARNING_DAYS} days`],
      fix: 'Renew it before it expires.',
    };
  }
  return { status: 'passed', evidence: [`valid until ${tls.validTo}`] };
});

// ------------------------------------------------------------------ credentials (remote side)

type KeyInfo = Awaited<ReturnType<NonNullable<DiagnosisContext['inputs']['remote']>['apiKeys']>>[number];

/** The cross-cluster key the alias uses: the one named by the user, else the one this extension created for it. */
async function keyInUse(context: DiagnosisContext): Promise<{ key?: KeyInfo; how: string; candidates: KeyInfo[] }> {
  const remote = context.inputs.remote;
  if (!remote) return { how: '', candidates: [] };
  return context.once('remote.key', async () => {
    const hint = context.inputs.keyHint;
    if (hint?.id || hint?.name) {
      const keys = await remote.apiKeys(hint.id ? { id: hint.id } : { name: hint.name });
      return {
        key: keys.find((key) => !key.invalidated) ?? keys[0],
        how: hint.id ? `id ${hint.id}` : `name "${hint.name}"`,
        candidates: keys,
      };
    }
    const local = await context.localInfo().catch(() => undefined);
    const keys = (await remote.apiKeys({})).filter((key) => key.metadata?.alias === context.alias);
    const mine = keys.filter(
      (key) => !local || !key.metadata?.local_cluster_uuid || key.metadata.local_cluster_uuid === local.clusterUuid,
    );
    const newest = [...mine].sort((a, b) => (b.creation ?? 0) - (a.creation ?? 0));
    return { key: newest[0], how: `metadata alias "${context.alias}" (keys this extension created)`, candidates: mine };
  });
}

async function usesApiKeyModel(context: DiagnosisContext): Promise<boolean | undefined> {
  const entry = await context.remoteEntry().catch(() => undefined);
  return entry ? Boolean(entry.cluster_credentials) : undefined;
}

const apiKey: Check = {
  id: 'credentials.key',
  title: 'The cross-cluster API key on the remote',
  section: 'credentials',
  async run(context) {
    const remote = context.inputs.remote;
    if (!remote)
      return notChecked(
        'The remote cluster is not a configured connection, so its keys cannot be read. Add a connection to it to check them.',
      );
    if ((await usesApiKeyModel(context)) === false)
      return notChecked('The alias uses the certificate model (no credentials), so no API key is involved.');
    let found;
    try {
      found = await keyInUse(context);
    } catch (error) {
      return apiFailure(`GET /_security/api_key on "${remote.connectionName}"`, error);
    }
    const { key, how } = found;
    if (!key) {
      return notChecked(`No API key found on "${remote.connectionName}" by ${how}. Give the key's id or name to check it.`);
    }
    const evidence = [
      `Key ${key.id} ("${key.name}") found by ${how}: type ${key.type ?? 'unknown'}, ${key.invalidated ? 'invalidated' : 'active'}${key.expiration ? `, expires ${new Date(key.expiration).toISOString()}` : ', no expiry'}.`,
    ];
    if (key.type === 'rest') {
      return {
        status: 'failed',
        evidence,
        fix: 'A REST API key is stored as the remote credentials; the remote cluster server accepts only cross-cluster API keys ("authentication expected API key type of [cross_cluster]"). Create a cross-cluster API key and store it as cluster.remote.<alias>.credentials.',
        action: { kind: 'createApiKey', alias: context.alias },
      };
    }
    if (key.invalidated) {
      return {
        status: 'failed',
        evidence,
        fix: "The key was invalidated; create a new cross-cluster API key and replace the credentials in every local node's keystore.",
        action: { kind: 'createApiKey', alias: context.alias },
      };
    }
    const now = context.now();
    if (key.expiration !== undefined && key.expiration <= now) {
      return {
        status: 'failed',
        evidence,
        fix: 'The key has expired; create a new cross-cluster API key and replace the credentials.',
        action: { kind: 'createApiKey', alias: context.alias },
      };
    }
    if (key.expiration !== undefined && key.expiration - now < EXPIRY_WARNING_DAYS * DAY_MS) {
      return {
        status: 'warning',
        evidence,
        fix: `The key expires within ${EXPIRY_WARNING_DAYS} days; create a replacement and swap the credentials before then.`,
        action: { kind: 'createApiKey', alias: context.alias },
      };
    }
    return { status: 'passed', evidence };
  },
};

const access: Check = {
  id: 'credentials.access',
  title: "The key's access covers the local roles' remote_indices",
  section: 'credentials',
  async run(context) {
    if (!context.inputs.remote) return notChecked('The remote cluster is not a configured connection.');
    if ((await usesApiKeyModel(context)) === false)
      return notChecked('Certificate model: remote_indices and key access do not apply.');
    const found = await keyInUse(context).catch(() => undefined);
    if (!found?.key || found.key.type === 'rest') return notChecked('No cross-cluster key to compare with (see above).');
    let roles;
    try {
      roles = await context.roles();
    } catch (error) {
      return apiFailure('GET /_security/role', error);
    }
    const wanted = new Set<string>();
    for (const role of Object.values(roles)) {
      for (const entry of role.remote_indices ?? []) {
        if (toList(entry.clusters).some((pattern) => globMatch(pattern, context.alias)))
          toList(entry.names).forEach((name) => wanted.add(name));
      }
    }
    if (wanted.size === 0) {
      return {
        status: 'warning',
        evidence: [`No local role grants remote_indices on "${context.alias}".`],
        fix:
          'Local users then get "no remote indices privileges apply for the target cluster". Add remote_indices with clusters ["' +
          context.alias +
          '"] to their roles.',
      };
    }
    const accessInfo = (
      found.key as {
        access?: { search?: Array<{ names: string | string[] }>; replication?: Array<{ names: string | string[] }> };
      }
    ).access;
    const granted = [...(accessInfo?.search ?? []), ...(accessInfo?.replication ?? [])].flatMap((entry) => toList(entry.names));
    const uncovered = [...wanted].filter((pattern) => !granted.some((grant) => globMatch(grant, pattern)));
    const evidence = [
      `Local roles want ${[...wanted].join(', ')} on "${context.alias}"; the key grants ${granted.join(', ') || 'nothing'}.`,
    ];
    if (uncovered.length) {
      return {
        status: 'warning',
        evidence,
        fix: `The effective access is the intersection, so ${uncovered.join(', ')} stay unreachable. Update the key's access (PUT /_security/cross_cluster/api_key/${found.key.id}) or narrow the roles.`,
      };
    }
    return { status: 'passed', evidence };
  },
};

const identity: Check = {
  id: 'credentials.identity',
  title: 'Strong identity: certificate_identity matches the local certificate',
  section: 'credentials',
  async run(context) {
    const found = context.inputs.remote ? await keyInUse(context).catch(() => undefined) : undefined;
    const pattern = found?.key?.certificate_identity;
    if (!pattern)
      return notChecked('The key has no certificate_identity (or could not be read), so strong identity is not in use.');
    const certificates = await context
      .once('local.ssl', () => context.inputs.local.sslCertificates?.() ?? Promise.resolve(undefined))
      .catch(() => undefined);
    if (!certificates)
      return notChecked(
        `certificate_identity is ${pattern}; the local certificates could not be read (GET /_ssl/certificates) to compare.`,
      );
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${pattern})$`);
    } catch {
      return {
        status: 'failed',
        evidence: [`certificate_identity ${pattern} is not a valid pattern.`],
        fix: 'Update the key with a valid regular expression.',
      };
    }
    const subjects = [...new Set(certificates.map((certificate) => certificate.subject_dn))];
    const match = subjects.find((subject) => regex.test(subject));
    const evidence = [`certificate_identity ${pattern}; local certificate subjects: ${subjects.join('; ') || 'none'}.`];
    return match
      ? { status: 'passed', evidence }
      : {
          status: 'failed',
          evidence,
          fix: "Update the key's certificate_identity to match the local nodes' certificate DN, or sign the local certificate with the expected subject.",
        };
  },
};

// ------------------------------------------------------------------ versions

const versions: Check = {
  id: 'versions.ccs',
  title: 'Local and remote versions are compatible',
  section: 'versions',
  async run(context) {
    const local = await context.localInfo().catch(() => undefined);
    const resolved = await context.resolved().catch(() => undefined);
    const remoteInfo = await context.remoteClusterInfo().catch(() => undefined);
    const remoteVersion = resolved?.version?.number ?? remoteInfo?.version;
    if (!local) return notChecked('The local version is unknown (GET / failed).');
    if (!remoteVersion)
      return notChecked(
        `Local ${local.version}; the remote version is unknown (resolve-cluster did not report it and the remote is not a configured connection).`,
      );
    const parsedLocal = parseVersion(local.version);
    const parsedRemote = parseVersion(remoteVersion);
    if (!parsedLocal || !parsedRemote) return notChecked(`Versions ${local.version} / ${remoteVersion} could not be read.`);
    const evidence = [`Local ${local.version}, remote ${remoteVersion}.`];
    const verdict = ccsCompatibility(parsedLocal, parsedRemote);
    switch (verdict.kind) {
      case 'supported':
        return { status: 'passed', evidence };
      case 'unsupported':
        return {
          status: 'warning',
          evidence,
          fix: `Not a supported cross-cluster search pairing: ${verdict.reason} Upgrade the older cluster.`,
        };
      case 'incompatible':
        return {
          status: 'failed',
          evidence,
          fix: `The clusters cannot talk: ${verdict.reason} Upgrade the older cluster first.`,
        };
    }
  },
};

export const CHECKS: readonly Check[] = [
  aliasKnown,
  connected,
  resolveCluster,
  nodeRoles,
  portForModel,
  dns,
  tcp,
  protocol,
  trust,
  names,
  expiry,
  apiKey,
  access,
  identity,
  versions,
];

// ------------------------------------------------------------------ helpers

function portOf(address: string): number | undefined {
  const match = /:(\d+)$/.exec(address.trim());
  return match ? Number(match[1]) : undefined;
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Elasticsearch-style wildcard (`*`) match of `text` against `pattern`. */
export function globMatch(pattern: string, text: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(text);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
