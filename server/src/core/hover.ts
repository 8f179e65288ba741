import { describeSetting, describeValue } from './catalog/describe';
import { PORTS } from './catalog/facts';
import { DOCS } from './catalog/settingsCatalog';
import { eckHover } from './eck/hover';
import { eckServiceHover } from './eck/serviceHover';
import { handlesJsonBodies, hoverJsonBodies } from './json/jsonCompletionHover';
import type { ConfigDocument } from './model/configDocument';
import type { SettingOccurrence, SettingsScope, ValueNode } from './model/settingsScope';
import { addressValues, isCloudEndpoint, isEnabled, remoteAliases, type RemoteAlias } from './model/remoteAliases';
import { spanContains } from './text';
import type { HoverResult } from './types';
import { trustHover } from './trustHover';

/** Hover for any key segment or value of a remote-cluster setting. */
export function hoverAt(document: ConfigDocument, offset: number): HoverResult | undefined {
  if (handlesJsonBodies(document)) {
    const body = hoverJsonBodies(document, offset);
    if (body) return body;
  }
  if (document.kind === 'eck-manifest') {
    const eck = eckHover(document, offset) ?? eckServiceHover(document, offset);
    if (eck) return eck;
  }
  if (document.kind === 'trust-restrictions' || document.kind === 'eck-manifest') {
    const trust = trustHover(document, offset);
    if (trust) return trust;
  }
  for (const scope of document.scopes) {
    if (offset < scope.span.start || offset > scope.span.end) continue;
    for (const occurrence of scope.occurrences) {
      // Every span of an occurrence lies between the start of its outermost key and the end of its entry.
      if (offset > occurrence.entrySpan.end || (offset < occurrence.entrySpan.start && offset < occurrence.keyStart)) continue;
      const segmentIndex = occurrence.segments.findIndex((s) => spanContains(s.span, offset));
      if (segmentIndex >= 0) return hoverKeySegment(scope, occurrence, segmentIndex);
      const valueNode = valueAt(occurrence.value, offset);
      if (valueNode) return hoverValue(occurrence, valueNode, offset);
    }
  }
  return undefined;
}

function valueAt(value: ValueNode, offset: number): ValueNode | undefined {
  if (!spanContains(value.span, offset)) return undefined;
  if (value.kind === 'list') return value.items?.find((item) => spanContains(item.span, offset)) ?? value;
  return value;
}

function hoverKeySegment(scope: SettingsScope, occurrence: SettingOccurrence, index: number): HoverResult | undefined {
  const resolved = occurrence.resolved;
  const span = occurrence.segments[index].span;
  if (resolved.alias !== undefined && index === resolved.aliasIndex && resolved.namespace === 'cluster.remote.') {
    const remote = remoteAliases(scope).find((r) => r.alias === resolved.alias);
    if (remote) return { markdown: aliasSummary(remote), span };
  }
  const prefix = occurrence.segments
    .slice(0, index + 1)
    .map((s) => s.text)
    .join('.');
  const blurb = NAMESPACE_BLURBS[prefix];
  const pastNamespace = resolved.aliasIndex !== undefined ? index > resolved.aliasIndex : !blurb;
  if (resolved.def && (index === occurrence.segments.length - 1 || pastNamespace)) {
    return { markdown: describeSetting(resolved.def, occurrence.key), span };
  }
  return blurb ? { markdown: `**\`${prefix}\`**\n\n${blurb}`, span } : undefined;
}

const NAMESPACE_BLURBS: Record<string, string> = {
  cluster: 'Cluster-level settings.',
  'cluster.remote': `Remote clusters this cluster connects to for cross-cluster search and replication: \`cluster.remote.<alias>.*\`. [Docs](${DOCS.remoteClusterSettings})`,
  'cluster.remote.signing': `Strong identity verification: how this cluster, as the remote, verifies signed cross-cluster requests (9.3+). [Docs](${DOCS.remoteClusterSettings})`,
  search: 'Search settings.',
  'search.remote': 'Old (6.x) name of `cluster.remote`, removed in 8.0.',
  remote_cluster: `Remote cluster server interface (API-key model, port 9443). Only used when \`remote_cluster_server.enabled: true\`. [Docs](${DOCS.networking})`,
  remote_cluster_server: `Remote cluster server switch (API-key model). [Docs](${DOCS.networking})`,
  xpack: 'X-Pack (Elastic Stack features) settings.',
  'xpack.security': `Security settings. [Docs](${DOCS.securitySettings})`,
  'xpack.security.remote_cluster_server': `TLS of the remote cluster server interface (this cluster as the remote). [Docs](${DOCS.securitySettings})`,
  'xpack.security.remote_cluster_server.ssl': `TLS of the remote cluster server interface (this cluster as the remote). [Docs](${DOCS.securitySettings})`,
  'xpack.security.remote_cluster_client': `TLS used when this cluster connects to remotes with the API-key model. [Docs](${DOCS.securitySettings})`,
  'xpack.security.remote_cluster_client.ssl': `TLS used when this cluster connects to remotes with the API-key model. [Docs](${DOCS.securitySettings})`,
};

function aliasSummary(remote: RemoteAlias): string {
  const prefix = `cluster.remote.${remote.alias}.`;
  const shown = (o: SettingOccurrence) => {
    if (o.key.endsWith('.credentials')) return '(secret, hidden)';
    if (o.value.kind === 'list') return `[${(o.value.items ?? []).map((i) => i.text).join(', ')}]`;
    return o.value.text || '(null)';
  };
  const enabled = isEnabled(remote);
  const state = !remote.mode
    ? 'invalid mode'
    : `${remote.mode} mode, ${enabled ? 'enabled' : `not enabled: needs \`${remote.mode === 'sniff' ? 'seeds' : 'proxy_address'}\``}`;
  return [
    `**Remote cluster \`${remote.alias}\`** (${state})`,
    '',
    `Searches address it as \`${remote.alias}:index-name\`. Aliases may use letters, digits, \`_\` and \`-\`; keep them lowercase when the API-key model stores \`${prefix}credentials\` in a keystore.`,
    '',
    ...remote.settings.map(({ occurrence }) => `- \`${occurrence.key.slice(prefix.length)}\`: ${shown(occurrence)}`),
  ].join('\n');
}

/** Where remote addresses should point, for hovers on `seeds` / `proxy_address` and their values. */
const PORT_NOTES: Record<number, string> = {
  [PORTS.remoteClusterServer]:
    'Port 9443 is the remote cluster server port: use it with the **API-key model** (the alias needs `cluster.remote.<alias>.credentials` in the keystore).',
  [PORTS.transport]:
    'Port 9300 is the transport port: it serves the deprecated **TLS-certificate model**. With a cross-cluster API key, connect to the remote cluster server port 9443 instead.',
  [PORTS.cloudCertificateProxy]:
    'Port 9400 is the Elastic Cloud / ECE proxy port for the **TLS-certificate model**. With a cross-cluster API key, use 9443.',
};

function hoverValue(occurrence: SettingOccurrence, value: ValueNode, offset: number): HoverResult | undefined {
  const def = occurrence.resolved.def;
  if (!def || value.kind !== 'scalar') return undefined;
  if (def.scope === 'secure' || def.scope === 'secure-reloadable') return undefined; // never echo a secret
  if (def.type === 'address' || def.type === 'address-list') {
    const address = addressValues(occurrence, def).find((a) => spanContains(a.span, offset));
    if (!address) return undefined;
    const parsed = address.parsed;
    const parts = [`**Remote address** \`${address.text}\``];
    if (parsed.ok) {
      parts.push('', `Host \`${parsed.host}\`, port ${parsed.port}.`);
      const note = PORT_NOTES[parsed.port];
      if (note) parts.push('', note);
      if (isCloudEndpoint(parsed.host)) {
        parts.push(
          '',
          'This looks like an Elastic Cloud endpoint: connect with `mode: proxy`, this address as `proxy_address`, and the endpoint host name as `server_name`.',
        );
      } else if (parsed.port === PORTS.remoteClusterServer && !/\.svc(\.cluster\.local)?$/.test(parsed.host)) {
        // Seed ece-enable-ccs-for-eck, "Connect to the remote cluster": try without server_name first.
        parts.push(
          '',
          'If this is an ECK cluster reached from outside Kubernetes (a LoadBalancer or your own Service) and the TLS handshake fails on the ECK-managed certificate, set `server_name` to `<cluster-name>-es-remote-cluster.<namespace>.svc`.',
        );
      }
    } else {
      parts.push('', parsed.problem);
    }
    return { markdown: parts.join('\n'), span: address.span };
  }
  const eck = occurrence.key.endsWith('.server_name') && value.text ? eckServerNameNote(value.text) : undefined;
  if (eck) return { markdown: eck, span: value.span };
  const described = value.text ? describeValue(def, value.text) : undefined;
  return described ? { markdown: described, span: value.span } : undefined;
}

/** `<name>-es-remote-cluster.<namespace>.svc`: the name ECK's certificates give the remote cluster server Service. */
const ECK_REMOTE_CLUSTER_SERVER_NAME =
  /^([a-z0-9]([a-z0-9-]*[a-z0-9])?)-es-remote-cluster\.([a-z0-9]([a-z0-9-]*[a-z0-9])?)\.svc(\.cluster\.local)?$/;

function eckServerNameNote(text: string): string | undefined {
  const match = ECK_REMOTE_CLUSTER_SERVER_NAME.exec(text.trim());
  if (!match) return undefined;
  return [
    `**ECK remote cluster server** \`${text.trim()}\``,
    '',
    `The Service ECK creates for the remote cluster server of Elasticsearch \`${match[1]}\` in namespace \`${match[3]}\` (port 9443). The ECK-managed certificate is issued for this name, so a cluster connecting from outside Kubernetes through a LoadBalancer or its own Service sends it as \`server_name\` when the handshake fails without it.`,
  ].join('\n');
}
