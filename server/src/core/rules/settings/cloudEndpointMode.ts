import type { Fix, TextEdit } from '../../types';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { insertSettingEdit, literal, replaceEdit, replaceValueEdit } from './edits';
import { connectionAddresses, isCloudEndpoint, remoteAliases, written } from '../../model/remoteAliases';

/** Heuristic (by host name): Elastic Cloud / ECE endpoints are reached through their proxy. */
export const cloudEndpointMode: ScopeRule = {
  id: 'cloud-endpoint-mode',
  severity: 'warning',
  title: 'Elastic Cloud endpoint in sniff mode or without `server_name`',
  reference: [23],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    for (const remote of remoteAliases(scope)) {
      const addresses = connectionAddresses(remote).filter((a) => a.parsed.ok && isCloudEndpoint(a.parsed.host));
      const first = addresses[0];
      if (!first || !first.parsed.ok) continue;
      const host = first.parsed.host;
      const alias = `cluster.remote.${remote.alias}`;
      if (remote.mode === 'sniff') {
        report({
          message: `\`${host}\` looks like an Elastic Cloud / ECE endpoint, which cannot be sniffed: its nodes are only reachable through the proxy. Use \`${written(document, 'mode', 'proxy')}\`, \`${written(document, 'proxy_address', first.text)}\` and \`${written(document, 'server_name', host)}\`.`,
          span: first.span,
          fixes: convertToProxy(),
        });
      } else if (!remote.bySuffix.get('server_name')) {
        const edit = insertSettingEdit(document, first.occurrence, `${alias}.server_name`, host);
        report({
          message: `\`${host}\` looks like an Elastic Cloud / ECE endpoint; its proxy routes on the TLS server name, so set \`${written(document, 'server_name', host)}\`.`,
          span: first.span,
          fixes: edit ? [{ title: `Add 'server_name: ${host}'`, edits: [edit], isPreferred: true }] : undefined,
        });
      }

      /** One seed and nothing else of sniff mode: rewrite it as a proxy-mode remote. */
      function convertToProxy(): Fix[] | undefined {
        const seeds = remote.bySuffix.get('seeds');
        if (!seeds || addresses.length !== 1 || connectionAddresses(remote).length !== 1 || !first) return undefined;
        if (remote.bySuffix.get('node_connections') || remote.bySuffix.get('proxy_address')) return undefined;
        const edits: TextEdit[] = [];
        const keySegment = seeds.segments[seeds.segments.length - 1];
        const rename = replaceEdit(keySegment.span, 'proxy_address');
        edits.push(rename);
        edits.push(replaceValueEdit(document, seeds, literal(first.text, document.format)));
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
        return [{ title: `Switch '${remote.alias}' to proxy mode through ${first.text}`, edits, isPreferred: true }];
      }
    }
  },
};
