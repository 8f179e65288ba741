import type { SettingDef } from './settingsCatalog';

/**
 * Catalog entries as Markdown: the text hover, completion and the JSON-body features show for a
 * setting and for one of its values.
 */

const PORT_GUIDANCE = [
  '**Which port?**',
  '- API-key model (`credentials` in the keystore): the remote cluster server port, **9443**.',
  '- TLS certificate model (deprecated in 9.0): the transport port, **9300**.',
  '- Elastic Cloud / ECE endpoints: use `mode: proxy` with `proxy_address: <endpoint>:9443` (API key) or `:9400` (certificate), and `server_name: <endpoint>`.',
].join('\n');

export function describeSetting(def: SettingDef, concrete?: string): string {
  const uncertain = (fact: 'since' | 'removedIn') => (def.uncertain?.includes(fact) ? ' (unverified)' : '');
  const rows: string[] = [];
  rows.push(`| | |`, `|---|---|`);
  rows.push(`| Type | ${typeLabel(def)} |`);
  if (def.default) rows.push(`| Default | \`${def.default}\` |`);
  rows.push(`| Scope | ${scopeLabel(def)} |`);
  if (def.mode && def.mode !== 'both') rows.push(`| Mode | only with \`mode: ${def.mode}\` |`);
  if (def.since) rows.push(`| Since | ${def.since}${uncertain('since')} |`);
  if (def.valueSince) {
    rows.push(
      `| Values | ${Object.entries(def.valueSince)
        .map(([value, since]) => `\`${value}\` since ${since}`)
        .join(', ')}${def.uncertain?.includes('valueSince') ? ' (unverified)' : ''} |`,
    );
  }
  if (def.deprecatedSince)
    rows.push(`| Deprecated | ${def.deprecatedSince}${def.replacement ? `, use \`${def.replacement}\`` : ''} |`);
  if (def.removedIn) rows.push(`| Removed | ${def.removedIn}${uncertain('removedIn')} |`);
  const parts = [`**\`${concrete ?? def.key}\`**`, '', def.summary, '', ...rows];
  if (def.type === 'address' || def.type === 'address-list') parts.push('', PORT_GUIDANCE);
  parts.push('', `[Elastic documentation](${def.docs})`);
  return parts.join('\n');
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
  if (def.min !== undefined && def.max !== undefined) label += ` (${def.min} to ${def.max})`;
  else if (def.min !== undefined) label += ` (at least ${def.min})`;
  else if (def.max !== undefined) label += ` (at most ${def.max})`;
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

const VALUE_NOTES: Record<string, string> = {
  'mode=sniff':
    "**Sniff mode**: the local cluster asks the `seeds` for the remote's gateway nodes and connects to them directly. Every gateway node must be reachable from the local cluster. Not for Elastic Cloud endpoints.",
  'mode=proxy':
    '**Proxy mode**: every connection goes to the one `proxy_address` (a load balancer or the Elastic Cloud proxy). Set `server_name` when the proxy routes on TLS SNI.',
  'skip_unavailable=true':
    '**`true`**: searches leave this remote out (and report it as skipped) when it cannot be reached. The default since 8.15.',
  'skip_unavailable=false':
    '**`false`**: a search that includes this remote fails when the remote cannot be reached. The default before 8.15.',
  'transport.compress=true': '**`true`**: compress every request sent to this remote.',
  'transport.compress=false': '**`false`**: send requests uncompressed.',
  'transport.compress=indexing_data':
    '**`indexing_data`**: compress only raw indexing data (documents sent by CCR, for example), not every request.',
  'transport.compression_scheme=lz4': '**`lz4`**: fast compression with a moderate ratio (the node default).',
  'transport.compression_scheme=deflate': '**`deflate`**: better compression ratio, more CPU.',
  'verification_mode=full': "**`full`**: check the certificate chain and that the certificate matches the remote's host name.",
  'verification_mode=certificate': '**`certificate`**: check the chain but not the host name.',
  'verification_mode=none': '**`none`**: no checks at all; for support diagnostics only.',
};

/** Markdown for one value of an enum or boolean setting, for value hovers and completion items. */
export function describeValue(def: SettingDef, value: string): string | undefined {
  const suffix = def.key
    .replace(/^cluster\.remote\.<alias>\./, '')
    .replace(/^xpack\.security\.remote_cluster_(server|client)\.ssl\./, '');
  return VALUE_NOTES[`${suffix}=${value.toLowerCase()}`];
}
