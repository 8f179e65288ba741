import { isScalar } from 'yaml';
import type { DocumentRule } from '../rule';
import { ECK_KINDS } from './common';
import { CREDENTIALS_KEY } from '../../eck/keystore';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Heuristic (the key format is not verified in a source): the setting takes the `encoded` field of
 * the create-cross-cluster-API-key response, a base64 string. Messages never quote the value.
 */
export const eckSecretCredentialsValue: DocumentRule = {
  id: 'eck-secret-credentials-value',
  severity: 'warning',
  title: 'Secret value for `cluster.remote.<alias>.credentials` that does not look like an encoded cross-cluster API key',
  reference: [28],
  kinds: ECK_KINDS,
  check({ document, report }) {
    for (const secret of document.eck?.secrets ?? []) {
      for (const entry of secret.entries) {
        if (!CREDENTIALS_KEY.test(entry.key) || !isScalar(entry.value) || typeof entry.value.value !== 'string') continue;
        let value = entry.value.value.trim();
        if (value === '') continue;
        if (entry.section === 'data') {
          const compact = value.replace(/\s+/g, '');
          if (!BASE64.test(compact) || compact.length % 4 !== 0) {
            report({
              severity: 'error',
              message: `Values under \`data\` must be base64: Kubernetes rejects this Secret. Put the encoded API key under \`stringData\` instead, or base64-encode it once more for \`data\`.`,
              span: entry.keySpan,
            });
            continue;
          }
          value = Buffer.from(compact, 'base64').toString('utf8').trim();
        }
        const problem = /^apikey\s/i.test(value)
          ? 'starts with `ApiKey `, the HTTP header prefix'
          : value.includes(':')
            ? 'looks like a raw `id:api_key` pair'
            : !BASE64.test(value)
              ? 'is not a base64 string'
              : undefined;
        if (!problem) continue;
        report({
          message: `The value of \`${entry.key}\` ${problem}. Store only the \`encoded\` field of the create cross-cluster API key response.`,
          span: entry.keySpan,
        });
      }
    }
  },
};
