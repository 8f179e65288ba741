import { resolveKey } from '../../catalog/lookup';
import { SETTINGS } from '../../catalog/settings';
import { keystoreEntries, remoteResources } from '../../json/models';
import { property, keyNode, spanOf } from '../../json/nodes';
import { closestMatch } from '../../suggest';
import type { Fix, Span } from '../../types';
import { bodiesOf, bodyRule } from './bodyRule';

/** Elastic Cloud Hosted / ECE remote-clusters and keystore payloads. */

export const cloudRemoteClustersDeprecated = bodyRule({
  id: 'cloud-remote-clusters-deprecated',
  severity: 'info',
  title: 'Cloud remote-clusters API in use (deprecated, certificate model only, replaces the whole list)',
  reference: [77],
  bodyKinds: ['cloud-remote-clusters'],
  check({ body, report }) {
    const resources = property(body.root, 'resources');
    const span: Span | undefined = body.request ? body.request.pathSpan : resources ? spanOf(keyNode(resources) ?? resources) : undefined;
    if (!span) return;
    report({
      message:
        'The deployment remote-clusters API is deprecated and sets up only the certificate security model. A PUT replaces the whole list, so include every remote you want to keep. For the API key model, add the key to the keystore and configure the remote with `PUT _cluster/settings` instead.',
      span,
    });
  },
});

// Keystore entries that belong to one remote alias: `cluster.remote.<alias>.<secure suffix>`.
const ALIAS_PREFIX = 'cluster.remote.<alias>.';
const SECURE_SUFFIXES = SETTINGS.filter((def) => def.key.startsWith(ALIAS_PREFIX) && def.scope.startsWith('secure')).map((def) =>
  def.key.slice(ALIAS_PREFIX.length),
);
const CREDENTIALS_NAME = /^cluster\.remote\.([a-z0-9_-]+)\.credentials$/;

function looksLikeRemoteCredentials(name: string): boolean {
  return /^cluster\.remote\./i.test(name) || /credential/i.test(name);
}

function renameFix(keyNodeOffset: number, keyLength: number, name: string, title: string, preferred = true): Fix {
  return { title, edits: [{ span: { start: keyNodeOffset + 1, end: keyNodeOffset + keyLength - 1 }, newText: name }], isPreferred: preferred };
}

export const keystoreCredentialsName = bodyRule({
  id: 'keystore-credentials-name',
  severity: 'warning',
  title: 'Keystore entry meant for remote cluster credentials not named `cluster.remote.<lowercase alias>.credentials`',
  reference: [78, 2],
  bodyKinds: ['cloud-keystore'],
  check({ body, report }) {
    for (const entry of keystoreEntries(body)) {
      const name = entry.name;
      if (!looksLikeRemoteCredentials(name) || CREDENTIALS_NAME.test(name)) continue;
      const resolved = resolveKey(name);
      const key = entry.keyNode;
      const span = spanOf(key);
      if (resolved.alias !== undefined && resolved.namespace === 'cluster.remote.' && resolved.suffix) {
        if (resolved.def?.scope.startsWith('secure')) {
          if (resolved.suffix === 'credentials' && /[A-Z]/.test(resolved.alias)) {
            const lower = name.replace(`.${resolved.alias}.`, `.${resolved.alias.toLowerCase()}.`);
            report({
              message: `Elastic Cloud and ECE need a lowercase alias in keystore credentials: use \`${lower}\`, and the same lowercase alias in \`_cluster/settings\`.`,
              span,
              fixes: [renameFix(key.offset, key.length, lower, `Change to '${lower}'`)],
            });
          }
          continue; // other secure per-alias settings (signing passwords) are fine here
        }
        if (resolved.def) {
          report({
            message: `\`${name}\` is a regular cluster setting, not a keystore one: set it with \`PUT _cluster/settings\`. Only \`cluster.remote.<alias>.credentials\` (and signing passwords) go to the keystore.`,
            span,
          });
          continue;
        }
        const suggestion = closestMatch(resolved.suffix, SECURE_SUFFIXES);
        const fixed = suggestion ? `cluster.remote.${resolved.alias}.${suggestion}` : undefined;
        report({
          message: `Unknown keystore setting \`${name}\`.` + (fixed ? ` Did you mean \`${fixed}\`?` : ' API key credentials go in `cluster.remote.<alias>.credentials`.'),
          span,
          fixes: fixed ? [renameFix(key.offset, key.length, fixed, `Change to '${fixed}'`)] : undefined,
        });
        continue;
      }
      report({
        message: `\`${name}\` is not a remote cluster credentials setting: the name must be \`cluster.remote.<alias>.credentials\`, with the lowercase alias you use in \`_cluster/settings\`.`,
        span,
      });
    }
  },
});

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

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
        report({ message: 'Remote cluster credentials are a string setting: set `as_file` to `false` (or leave it out).', span: spanOf(entry.asFile) });
      }
      const value = entry.value;
      if (!value) continue;
      // Never echo the value: it is a secret.
      if (value.type !== 'string') {
        report({ message: 'The credentials value must be a string: the `encoded` field of the create cross-cluster API key response.', span: spanOf(value) });
        continue;
      }
      const problem = credentialsProblem(String(value.value));
      if (problem) report({ message: problem, span: spanOf(value) });
    }
  },
});

/** Heuristics on the shape of an encoded API key (base64 of `id:key`); the format is not formally documented. */
function credentialsProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^ApiKey\s+/i.test(trimmed)) return 'Remove the `ApiKey ` prefix: store only the `encoded` value of the cross-cluster API key, not an HTTP header.';
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

export const keystoreCredentialsAlias = bodyRule({
  id: 'keystore-credentials-alias-unused',
  severity: 'warning',
  title: 'Keystore credentials for an alias that no `_cluster/settings` request of the same file configures',
  reference: [78],
  bodyKinds: ['cloud-keystore'],
  check({ body, document, report }) {
    const settingsBodies = bodiesOf(document, ['cluster-settings']);
    if (settingsBodies.length === 0) return; // nothing to compare with in this file
    const aliases = new Set<string>();
    for (const scope of settingsBodies.flatMap((b) => b.scopes)) {
      for (const occurrence of scope.occurrences) {
        const alias = occurrence.resolved.alias;
        if (alias && occurrence.key.startsWith('cluster.remote.')) aliases.add(alias);
      }
    }
    for (const entry of keystoreEntries(body)) {
      const match = CREDENTIALS_NAME.exec(entry.name);
      if (!match || aliases.has(match[1])) continue;
      const suggestion = closestMatch(match[1], [...aliases]);
      report({
        message:
          `No \`_cluster/settings\` request in this file configures alias \`${match[1]}\`; the credentials only take effect for \`cluster.remote.${match[1]}.*\`.` +
          (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
        span: spanOf(entry.keyNode),
        fixes: suggestion ? [renameFix(entry.keyNode.offset, entry.keyNode.length, `cluster.remote.${suggestion}.credentials`, `Change to '${suggestion}'`)] : undefined,
      });
    }
  },
});

/**
 * Aliases in the Cloud remote-clusters body are checked by the schema; this one keeps them unique.
 * Each alias becomes one `cluster.remote.<alias>` group, so two remotes cannot share it; how the
 * Cloud API answers a repeated alias is unverified, hence a warning.
 */
export const cloudRemoteClustersDuplicateAlias = bodyRule({
  id: 'cloud-remote-clusters-duplicate-alias',
  severity: 'warning',
  title: 'The same alias twice in a Cloud remote-clusters body',
  reference: [77],
  bodyKinds: ['cloud-remote-clusters'],
  check({ body, report }) {
    const seen = new Map<string, Span>();
    for (const resource of remoteResources(body)) {
      if (resource.alias?.type !== 'string') continue;
      const alias = String(resource.alias.value);
      const first = seen.get(alias);
      if (!first) {
        seen.set(alias, spanOf(resource.alias));
        continue;
      }
      report({
        message: `Alias \`${alias}\` is already used by another remote in this list; each remote needs its own alias.`,
        span: spanOf(resource.alias),
        related: [{ span: first, message: 'First use' }],
      });
    }
  },
});
