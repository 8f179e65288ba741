import { parseAddress } from '../../address';
import { valueTexts } from '../../model/settingsScope';
import type { ScopeRule } from '../rule';
import { nodeSetOfScope } from './common';

/** `<name>-es-remote-cluster[.<namespace>…]`: the Service ECK creates for a cluster's remote cluster server. */
const ECK_RCS_SERVICE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)-es-remote-cluster(\.|$)/;
const ADDRESS_KEY = /^cluster\.remote\.[^.]+\.(seeds|proxy_address)$/;
const CLIENT_TRUST_KEYS = [
  'xpack.security.remote_cluster_client.ssl.certificate_authorities',
  'xpack.security.remote_cluster_client.ssl.truststore.path',
];

export const eckExternalRemoteCa: ScopeRule = {
  id: 'eck-external-remote-ca',
  severity: 'info',
  title: "Connection to another ECK cluster's remote cluster Service without a client CA configured",
  reference: [72],
  origins: ['eck-config'],
  check({ document, scope, report }) {
    if (!nodeSetOfScope(document, scope)) return;
    if (scope.occurrences.some((occurrence) => CLIENT_TRUST_KEYS.includes(occurrence.key))) return;
    for (const occurrence of scope.occurrences) {
      if (!ADDRESS_KEY.test(occurrence.key)) continue;
      const items = occurrence.value.kind === 'list' ? (occurrence.value.items ?? []) : [occurrence.value];
      for (const item of items) {
        const text = valueTexts(item)[0] ?? '';
        // The host is part of the text: without the Service suffix there, parsing cannot find it.
        if (!text.includes('-es-remote-cluster')) continue;
        const address = parseAddress(text);
        const match = address.ok ? ECK_RCS_SERVICE.exec(address.host) : null;
        if (!match) continue;
        report({
          message: `\`${match[0].replace(/\.$/, '')}\` is the remote cluster Service of ECK cluster \`${match[1]}\`, whose certificates come from its own ECK CA. Trust it: copy \`ca.crt\` from the Secret \`${match[1]}-es-transport-certs-public\`, mount it and list it in \`xpack.security.remote_cluster_client.ssl.certificate_authorities\` in every nodeSet. ECK renews that CA yearly by default, so keep the copy current.`,
          span: item.span,
        });
      }
    }
  },
};
