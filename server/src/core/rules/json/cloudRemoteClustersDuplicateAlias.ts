import { remoteResources } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import type { Span } from '../../types';
import { bodyRule } from './bodyRule';

/** Elastic Cloud Hosted / ECE remote-clusters and keystore payloads. */

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
