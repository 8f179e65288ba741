import type { ConfigDocument } from '../../model/configDocument';
import type { Fix, TextEdit } from '../../types';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { insertSettingEdit, literal, replaceEdit, replaceValueEdit } from './edits';
import {
  connectionAddresses,
  enablingSuffix,
  isCloudEndpoint,
  mayHoldCloudEndpoint,
  remoteAliases,
  written,
  type AddressValue,
  type RemoteAlias,
} from '../../model/remoteAliases';

/** Heuristic (by host name): Elastic Cloud / ECE endpoints are reached through their proxy. */
export const cloudEndpointMode: ScopeRule = {
  id: 'cloud-endpoint-mode',
  severity: 'warning',
  title: 'Elastic Cloud endpoint in sniff mode or without `server_name`',
  reference: [23],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const remotes = remoteAliases(scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      const connecting = remote.mode ? remote.bySuffix.get(enablingSuffix(remote.mode)) : undefined;
      if (!connecting || !mayHoldCloudEndpoint(connecting.value)) continue;
      const connection = connectionAddresses(remote);
      // The first Cloud endpoint it connects to, and how many there are.
      let first: AddressValue | undefined;
      let endpoints = 0;
      for (let j = 0; j < connection.length; j++) {
        const parsed = connection[j].parsed;
        if (!parsed.ok || !isCloudEndpoint(parsed.host)) continue;
        first ??= connection[j];
        endpoints++;
      }
      if (!first || !first.parsed.ok) continue;
      const host = first.parsed.host;
      if (remote.mode === 'sniff') {
        report({
          message: `\`${host}\` looks like an Elastic Cloud / ECE endpoint, which cannot be sniffed: its nodes are only reachable through the proxy. Use \`${written(document, 'mode', 'proxy')}\`, \`${written(document, 'proxy_address', first.text)}\` and \`${written(document, 'server_name', host)}\`.`,
          span: first.span,
          fixes: endpoints === 1 && connection.length === 1 ? convertToProxy(document, remote, first, host) : undefined,
        });
      } else if (!remote.bySuffix.get('server_name')) {
        const edit = insertSettingEdit(document, first.occurrence, `cluster.remote.${remote.alias}.server_name`, host);
        report({
          message: `\`${host}\` looks like an Elastic Cloud / ECE endpoint; its proxy routes on the TLS server name, so set \`${written(document, 'server_name', host)}\`.`,
          span: first.span,
          fixes: edit ? [{ title: `Add 'server_name: ${host}'`, edits: [edit], isPreferred: true }] : undefined,
        });
      }
    }
  },
};

/** One seed (the Cloud endpoint `address`) and nothing else of sniff mode: rewrite it as a proxy-mode remote. */
function convertToProxy(document: ConfigDocument, remote: RemoteAlias, address: AddressValue, host: string): Fix[] | undefined {
  const seeds = remote.bySuffix.get('seeds');
  if (!seeds) return undefined;
  if (remote.bySuffix.get('node_connections') || remote.bySuffix.get('proxy_address')) return undefined;
  const alias = `cluster.remote.${remote.alias}`;
  const edits: TextEdit[] = [];
  const keySegment = seeds.segments[seeds.segments.length - 1];
  const rename = replaceEdit(keySegment.span, 'proxy_address');
  edits.push(rename);
  edits.push(replaceValueEdit(document, seeds, literal(address.text, document.format)));
  const modeOccurrence = remote.bySuffix.get('mode');
  const extra: Array<[string, string]> = [];
  if (modeOccurrence) edits.push(replaceValueEdit(document, modeOccurrence, literal('proxy', document.format)));
  else extra.push([`${alias}.mode`, 'proxy']);
  if (!remote.bySuffix.get('server_name')) extra.push([`${alias}.server_name`, host]);
  const inserts = extra.map(([key, value]) => insertSettingEdit(document, seeds, key, value));
  if (inserts.some((e) => !e)) return undefined;
  // Insertions land at one offset (the start of the seeds key): merge them into one edit, and
  // into the rename when that starts there too, so no two edits share a start.
  const inserted = inserts.map((e) => e!.newText).join('');
  if (inserts.length > 0 && inserts[0]!.span.start === rename.span.start) rename.newText = inserted + rename.newText;
  else if (inserts.length > 0) edits.push({ span: inserts[0]!.span, newText: inserted });
  return [{ title: `Switch '${remote.alias}' to proxy mode through ${address.text}`, edits, isPreferred: true }];
}
