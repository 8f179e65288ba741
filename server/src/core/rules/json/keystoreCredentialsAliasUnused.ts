import { keystoreEntries } from '../../json/models';
import { spanOf } from '../../json/jsonAst';
import { closestMatch } from '../../suggest';
import { bodiesOf, bodyRule } from './bodyRule';
import { CREDENTIALS_NAME, renameFix } from './cloudHelpers';

/** Elastic Cloud Hosted / ECE remote-clusters and keystore payloads. */

export const keystoreCredentialsAliasUnused = bodyRule({
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
        fixes: suggestion
          ? [
              renameFix(
                entry.keyNode.offset,
                entry.keyNode.length,
                `cluster.remote.${suggestion}.credentials`,
                `Change to '${suggestion}'`,
              ),
            ]
          : undefined,
      });
    }
  },
});
