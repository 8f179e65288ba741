import { apiKeyModel } from '../../json/models';
import { keyNode, spanOf } from '../../json/jsonAst';
import { atLeast } from '../../version';
import { bodyRule } from './bodyRule';
import { VERSION_GATES } from '../../catalog/facts';

/** Cross-cluster API key bodies (`POST /_security/cross_cluster/api_key`, `PUT …/<id>`). */

export const apiKeyCertificateIdentityVersion = bodyRule({
  id: 'api-key-certificate-identity-version',
  severity: 'error',
  title: '`certificate_identity` on an Elasticsearch version before 9.3',
  reference: [44],
  bodyKinds: ['cross-cluster-api-key'],
  check({ body, stackVersion, report }) {
    const property = apiKeyModel(body)?.certificateIdentity;
    if (!property || atLeast(stackVersion, VERSION_GATES.certificateIdentity) !== false) return;
    report({
      message: `\`certificate_identity\` (strong identity verification) needs Elasticsearch 9.3 or later; the configured version is ${stackVersion!.text}, which refuses the field. Remove it, or upgrade both clusters first.`,
      span: spanOf(keyNode(property) ?? property),
    });
  },
});
