import type { SettingOccurrence } from '../../model/settingsScope';
import type { ConfigDocument } from '../../model/configDocument';
import type { Fix } from '../../types';
import type { ScopeRule } from '../rule';
import { occurrenceOf, remoteAliases, occurrenceText } from '../../model/remoteAliases';

const ROLE = 'remote_cluster_client';

export const nodeRolesMissingRemoteClient: ScopeRule = {
  id: 'node-roles-missing-remote-client',
  severity: 'warning',
  title: '`node.roles` without `remote_cluster_client` on a node that defines remote clusters',
  reference: [54],
  origins: ['elasticsearch-yml', 'eck-config'],
  check({ scope, document, report }) {
    const roles = occurrenceOf(scope, 'node.roles');
    if (!roles || roles.value.kind === 'map' || (roles.value.kind === 'scalar' && roles.value.value === null)) return;
    const remotes = remoteAliases(scope).filter((r) => r.known);
    if (remotes.length === 0) return;
    const listed =
      roles.value.kind === 'list'
        ? (roles.value.items ?? []).map((i) => (i.text ?? '').trim())
        : (occurrenceText(roles) ?? '').split(',').map((r) => r.trim());
    if (listed.includes(ROLE)) return;
    const fix = addRoleFix(document, roles);
    report({
      message: `\`node.roles\` leaves out \`${ROLE}\`, but this node configures remote clusters (${aliasList(remotes.map((r) => r.alias))}). Cross-cluster search sent to it fails ("does not have the remote cluster client role enabled"), as do CCR, ML datafeeds and transforms using remotes. Add \`${ROLE}\` to its roles.`,
      span: roles.keySpan,
      fixes: fix ? [fix] : undefined,
    });
  },
};

/** `a`, `b` and `c`; long lists are cut after five names. */
function aliasList(aliases: readonly string[]): string {
  const named = aliases.slice(0, 5).map((alias) => `\`${alias}\``);
  const more = aliases.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
}

/** Appends the role to a flow list (`[master, data]`) or a block list (`- data`). */
function addRoleFix(document: ConfigDocument, roles: SettingOccurrence): Fix | undefined {
  const value = roles.value;
  const text = document.text;
  if (value.kind !== 'list') return undefined;
  const items = value.items ?? [];
  const quote = document.format === 'json' ? '"' : '';
  if (text[value.span.start] === '[') {
    let close = value.span.end - 1;
    while (close > value.span.start && text[close] !== ']') close--;
    if (text[close] !== ']') return undefined;
    let insertAt = close;
    while (insertAt > value.span.start + 1 && /\s/.test(text[insertAt - 1])) insertAt--;
    const newText = items.length > 0 ? `, ${quote}${ROLE}${quote}` : `${quote}${ROLE}${quote}`;
    return {
      title: `Add '${ROLE}' to node.roles`,
      edits: [{ span: { start: insertAt, end: insertAt }, newText }],
      isPreferred: true,
    };
  }
  const last = items[items.length - 1];
  if (!last) return undefined;
  const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
  const prefix = text.slice(lineStart, last.span.start);
  if (!/^\s*-\s+$/.test(prefix)) return undefined;
  let end = last.span.end;
  while (end > last.span.start && /\s/.test(text[end - 1])) end--;
  // After the whole line, so a trailing comment stays with its item.
  const newline = text.indexOf('\n', end);
  let lineEnd = newline < 0 ? text.length : newline;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  return {
    title: `Add '${ROLE}' to node.roles`,
    edits: [{ span: { start: lineEnd, end: lineEnd }, newText: `\n${prefix}${ROLE}` }],
    isPreferred: true,
  };
}
