import { resolveKey } from './catalog/lookup';
import type { SettingDef } from './catalog/settings';
import { DOCS } from './catalog/settings';
import { parseAddress } from './address';
import type { ConfigDocument } from './model/document';
import type { SettingOccurrence, SettingsScope, ValueNode } from './model/settings';
import { spanContains } from './text';
import type { Span } from './types';

export interface HoverResult {
  markdown: string;
  span: Span;
}

/** Hover for any key segment or value of a remote-cluster setting. */
export function hoverAt(document: ConfigDocument, offset: number): HoverResult | undefined {
  for (const scope of document.scopes) {
    if (offset < scope.span.start || offset > scope.span.end) continue;
    for (const occurrence of scope.occurrences) {
      if (offset < occurrence.entrySpan.start && offset < occurrence.segments[0].span.start) continue;
      const segmentIndex = occurrence.segments.findIndex((s) => spanContains(s.span, offset));
      if (segmentIndex >= 0) return hoverKeySegment(scope, occurrence, segmentIndex);
      const valueNode = valueAt(occurrence.value, offset);
      if (valueNode) return hoverValue(occurrence, valueNode);
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
  const resolved = resolveKey(occurrence.key);
  const span = occurrence.segments[index].span;
  if (resolved.alias !== undefined && index === resolved.aliasIndex) {
    return { markdown: aliasSummary(scope, resolved.alias), span };
  }
  if (index === occurrence.segments.length - 1 || (resolved.aliasIndex !== undefined && index > resolved.aliasIndex)) {
    if (!resolved.def) return undefined;
    return { markdown: describeSetting(resolved.def, occurrence.key), span };
  }
  const prefix = occurrence.segments.slice(0, index + 1).map((s) => s.text).join('.');
  const blurb = NAMESPACE_BLURBS[prefix];
  return blurb ? { markdown: `**\`${prefix}\`**\n\n${blurb}`, span } : undefined;
}

const NAMESPACE_BLURBS: Record<string, string> = {
  cluster: 'Cluster-level settings.',
  'cluster.remote': `Remote clusters this cluster connects to for cross-cluster search and replication: \`cluster.remote.<alias>.*\`. [Docs](${DOCS.remoteClusterSettings})`,
  remote_cluster: `Remote cluster server interface (API-key model, port 9443). Only used when \`remote_cluster_server.enabled: true\`. [Docs](${DOCS.networking})`,
  remote_cluster_server: `Remote cluster server switch (API-key model). [Docs](${DOCS.networking})`,
  'xpack.security.remote_cluster_server': `TLS of the remote cluster server interface (this cluster as the remote). [Docs](${DOCS.securitySettings})`,
  'xpack.security.remote_cluster_client': `TLS used when this cluster connects to remotes with the API-key model. [Docs](${DOCS.securitySettings})`,
};

function aliasSummary(scope: SettingsScope, alias: string): string {
  const keys = scope.occurrences.filter((o) => resolveKey(o.key).alias === alias && o.key.startsWith('cluster.remote.'));
  const mode = keys.find((o) => o.key.endsWith('.mode'))?.value.text?.toLowerCase() || 'sniff';
  const lines = keys.map((o) => `- \`${o.key.slice(`cluster.remote.${alias}.`.length)}\`: ${o.value.kind === 'list' ? `[${(o.value.items ?? []).map((i) => i.text).join(', ')}]` : o.value.text || '(null)'}`);
  return [
    `**Remote cluster alias \`${alias}\`** (${mode} mode)`,
    '',
    'Searches address it as `' + alias + ':index-name`. Aliases may use letters, digits, `_` and `-`; keep them lowercase when the API-key model stores `cluster.remote.' + alias + '.credentials` in a keystore.',
    '',
    ...lines,
  ].join('\n');
}

export function describeSetting(def: SettingDef, concrete?: string): string {
  const rows: string[] = [];
  rows.push(`| | |`, `|---|---|`);
  rows.push(`| Type | ${typeLabel(def)} |`);
  if (def.default) rows.push(`| Default | \`${def.default}\` |`);
  rows.push(`| Scope | ${scopeLabel(def)} |`);
  if (def.mode && def.mode !== 'both') rows.push(`| Mode | only with \`mode: ${def.mode}\` |`);
  if (def.since) rows.push(`| Since | ${def.since} |`);
  if (def.deprecatedSince) rows.push(`| Deprecated | ${def.deprecatedSince}${def.replacement ? `, use \`${def.replacement}\`` : ''} |`);
  if (def.removedIn) rows.push(`| Removed | ${def.removedIn}${def.unverified ? ' (unverified)' : ''} |`);
  return [`**\`${concrete ?? def.key}\`**`, '', def.summary, '', ...rows, '', `[Elastic documentation](${def.docs})`].join('\n');
}

function typeLabel(def: SettingDef): string {
  if (def.values && def.type !== 'list') return def.values.map((v) => `\`${v}\``).join(' \\| ');
  const labels: Record<string, string> = {
    int: 'integer',
    time: 'time value (`30s`, `5m`)',
    address: '`host:port`',
    'address-list': 'list of `host:port`',
    'host-list': 'list of host names or addresses',
    path: 'file path',
    'path-list': 'list of file paths',
    'byte-size': 'byte size (`64kb`)',
    secure: 'secure string (keystore)',
    hostname: 'host name',
  };
  let label = labels[def.type] ?? def.type;
  if (def.min !== undefined || def.max !== undefined) label += ` (${def.min ?? '…'} to ${def.max ?? '…'})`;
  return label;
}

function scopeLabel(def: SettingDef): string {
  switch (def.scope) {
    case 'static':
      return 'static node setting: `elasticsearch.yml` only, restart needed';
    case 'dynamic':
      return 'dynamic: `elasticsearch.yml` or `PUT _cluster/settings` (the API value wins)';
    case 'secure':
      return 'secure: Elasticsearch keystore only';
    case 'secure-reloadable':
      return 'secure, reloadable: keystore only, applied by `POST _nodes/reload_secure_settings`';
    case 'unregistered':
      return 'not a registered setting: Elasticsearch refuses it';
  }
}

const PORT_NOTES: Record<number, string> = {
  9443: 'Port 9443 is the remote cluster server port: use it with the **API-key model** (the alias needs `cluster.remote.<alias>.credentials` in the keystore).',
  9300: 'Port 9300 is the transport port: it serves the deprecated **TLS-certificate model**. With a cross-cluster API key, connect to the remote cluster server port 9443 instead.',
  9400: 'Port 9400 is the Elastic Cloud / ECE proxy port for the **TLS-certificate model**. With a cross-cluster API key, use 9443.',
};

function hoverValue(occurrence: SettingOccurrence, value: ValueNode): HoverResult | undefined {
  const def = resolveKey(occurrence.key).def;
  if (!def || value.kind !== 'scalar') return undefined;
  if (def.type === 'address' || def.type === 'address-list') {
    const address = parseAddress(value.text ?? '');
    const parts = [`**Remote address** \`${value.text}\``];
    if (address.ok) {
      parts.push('', `Host \`${address.host}\`, port ${address.port}.`);
      const note = PORT_NOTES[address.port];
      if (note) parts.push('', note);
      if (/\.(elastic-cloud\.com|found\.io|es\.io)$/i.test(address.host)) {
        parts.push('', 'This looks like an Elastic Cloud endpoint: connect with `mode: proxy`, this address as `proxy_address`, and the endpoint host name as `server_name`.');
      }
    } else {
      parts.push('', address.problem);
    }
    return { markdown: parts.join('\n'), span: value.span };
  }
  if (def.values && value.text) {
    const described = VALUE_NOTES[`${def.key.replace(/^cluster\.remote\.<alias>\./, '')}=${value.text.toLowerCase()}`];
    if (described) return { markdown: described, span: value.span };
  }
  return undefined;
}

const VALUE_NOTES: Record<string, string> = {
  'mode=sniff': '**Sniff mode**: the local cluster asks the `seeds` for the remote\'s gateway nodes and connects to them directly. Every gateway node must be reachable from the local cluster.',
  'mode=proxy': '**Proxy mode**: every connection goes to the one `proxy_address` (a load balancer or the Elastic Cloud proxy). Set `server_name` when the proxy routes on TLS SNI.',
  'transport.compress=indexing_data': 'Compress only raw indexing data (documents sent by CCR, for example), not every request.',
};
