import { X509Certificate } from 'node:crypto';

/** What a `certificates[].pem` value holds, read with Node's X.509 parser. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  isCA: boolean;
  fingerprint256: string;
}

export type PemProblem =
  | 'private-key'
  | 'not-pem'
  | 'unparsable'
  /** Line breaks written as a literal backslash-n (escaped twice in JSON). */
  | 'escaped-newlines';

export type PemInspection = { ok: true; certificates: CertificateSummary[] } | { ok: false; problem: PemProblem };

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export function inspectPem(value: string): PemInspection {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return { ok: false, problem: 'private-key' };
  const blocks = [...value.matchAll(BLOCK)];
  if (blocks.length === 0) return { ok: false, problem: 'not-pem' };
  const certificates: CertificateSummary[] = [];
  for (const block of blocks) {
    if (block[1] !== 'CERTIFICATE') return { ok: false, problem: 'not-pem' };
    const summary = parseCertificate(block[0]);
    if (!summary) {
      if (/\\n/.test(block[0]) && !/\n/.test(block[0]) && parseCertificate(block[0].replace(/\\n/g, '\n'))) {
        return { ok: false, problem: 'escaped-newlines' };
      }
      return { ok: false, problem: 'unparsable' };
    }
    certificates.push(summary);
  }
  return { ok: true, certificates };
}

function parseCertificate(pem: string): CertificateSummary | undefined {
  try {
    const certificate = new X509Certificate(pem);
    return {
      subject: certificate.subject.replace(/\n/g, ', '),
      issuer: certificate.issuer.replace(/\n/g, ', '),
      validFrom: new Date(certificate.validFrom),
      validTo: new Date(certificate.validTo),
      isCA: certificate.ca,
      fingerprint256: certificate.fingerprint256,
    };
  } catch {
    return undefined;
  }
}
