import { checkJavaRegex } from '../../json/javaRegex';
import { apiKeyModel } from '../../json/models';
import { spanOf, valueNode } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Cross-cluster API key bodies (`POST /_security/cross_cluster/api_key`, `PUT …/<id>`). */

export const apiKeyCertificateIdentityRegex = bodyRule({
  id: 'api-key-certificate-identity-regex',
  severity: 'error',
  title: '`certificate_identity` is not a valid regular expression',
  bodyKinds: ['cross-cluster-api-key'],
  check({ body, report }) {
    const value = valueNode(apiKeyModel(body)?.certificateIdentity);
    if (value?.type !== 'string') return;
    const verdict = checkJavaRegex(String(value.value));
    if (verdict.ok) return;
    // Elasticsearch compiles it as a Java regex and we check with JavaScript's engine: only
    // mistakes both refuse are errors; anything else may be a dialect difference.
    report({
      message: verdict.certain
        ? `\`certificate_identity\` must be a valid regular expression (${verdict.reason}); Elasticsearch refuses the request.`
        : `\`certificate_identity\` does not look like a valid regular expression (${verdict.reason}). Elasticsearch checks it with Java's regex syntax, which differs in places; verify it before sending.`,
      span: spanOf(value),
      severity: verdict.certain ? 'error' : 'warning',
    });
  },
});
