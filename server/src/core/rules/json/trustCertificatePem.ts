import { trustEntries } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { inspectPem, type PemProblem } from '../../json/pem';
import { bodyRule } from './bodyRule';

/** Elastic Cloud Hosted / ECE trust settings (`accounts[]`, `external[]`, `direct[]`). */

const PEM_MESSAGES: Record<PemProblem, string> = {
  'private-key':
    'This is a private key, not a certificate. Never share a private key: remove it and paste the CA certificate (`-----BEGIN CERTIFICATE-----`).',
  'not-pem':
    '`pem` must hold a certificate in PEM form: `-----BEGIN CERTIFICATE-----`, the base64 body, `-----END CERTIFICATE-----`, lines joined with `\\n`.',
  unparsable:
    'This PEM block does not parse as an X.509 certificate. Copy the whole CA certificate again, including its BEGIN and END lines.',
  'escaped-newlines':
    'The line breaks of this certificate are escaped twice (`\\\\n`), so it is one long line that does not parse. Use `\\n` in JSON.',
};

export const trustCertificatePem = bodyRule({
  id: 'trust-certificate-pem',
  severity: 'error',
  title: '`direct[].certificates[].pem` that is not a parseable X.509 certificate',
  reference: [76],
  bodyKinds: ['cloud-trust'],
  check({ body, report }) {
    const now = Date.now();
    for (const entry of trustEntries(body)) {
      for (const pem of entry.pems) {
        const inspection = inspectPem(String(pem.value));
        if (!inspection.ok) {
          report({ message: PEM_MESSAGES[inspection.problem], span: spanOf(pem) });
          continue;
        }
        const expired = inspection.certificates.find((c) => c.validTo.getTime() < now);
        if (expired) {
          report({
            message: `This certificate (${expired.subject}) expired on ${expired.validTo.toISOString().slice(0, 10)}; connections signed under it fail. Paste the remote's current CA certificate.`,
            span: spanOf(pem),
            severity: 'warning',
          });
        }
      }
    }
  },
});
