import { keystoreEntries } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { bodyRule } from './bodyRule';

/** Elastic Cloud Hosted / ECE remote-clusters and keystore payloads. */

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Heuristics on the shape of an encoded API key (base64 of `id:key`); the format is not formally documented. */
function credentialsProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^ApiKey\s+/i.test(trimmed))
    return 'Remove the `ApiKey ` prefix: store only the `encoded` value of the cross-cluster API key, not an HTTP header.';
  if (/^[^:\s]+:[^:\s]+$/.test(trimmed) && !BASE64.test(trimmed)) {
    return 'This looks like `id:api_key`. Store the `encoded` field of the create cross-cluster API key response (the base64 form) instead.';
  }
  if (!BASE64.test(trimmed) || trimmed.length % 4 !== 0) {
    return 'This does not look like an encoded cross-cluster API key (a base64 string). Copy the `encoded` field of the create cross-cluster API key response.';
  }
  const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
  if (!decoded.includes(':')) {
    return 'This base64 value does not decode to `id:key`, so it is probably not the `encoded` field of a cross-cluster API key.';
  }
  return undefined;
}

export const keystoreCredentialsValue = bodyRule({
  id: 'keystore-credentials-value',
  severity: 'warning',
  title: 'Keystore credentials value that does not look like the `encoded` value of a cross-cluster API key',
  reference: [28],
  bodyKinds: ['cloud-keystore'],
  check({ body, report }) {
    for (const entry of keystoreEntries(body)) {
      if (!/^cluster\.remote\.[^.]+\.credentials$/i.test(entry.name) || entry.entry?.type !== 'object') continue;
      if (entry.asFile?.type === 'boolean' && entry.asFile.value === true) {
        report({
          message: 'Remote cluster credentials are a string setting: set `as_file` to `false` (or leave it out).',
          span: spanOf(entry.asFile),
        });
      }
      const value = entry.value;
      if (!value) continue;
      // Never echo the value: it is a secret.
      if (value.type !== 'string') {
        report({
          message: 'The credentials value must be a string: the `encoded` field of the create cross-cluster API key response.',
          span: spanOf(value),
        });
        continue;
      }
      const problem = credentialsProblem(String(value.value));
      if (problem) report({ message: problem, span: spanOf(value) });
    }
  },
});
