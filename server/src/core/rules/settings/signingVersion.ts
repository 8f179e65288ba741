import { compareVersions } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { VERSION_GATES } from '../../catalog/facts';
import type { SettingOccurrence } from '../../model/settingsScope';

export const signingVersion: ScopeRule = {
  id: 'signing-version',
  severity: 'error',
  title: 'Request-signing (strong identity verification) settings before 9.3, or in technical preview',
  reference: [44],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, stackVersion, report }) {
    if (!stackVersion) return; // unknown version: never guess
    let signing: SettingOccurrence[] | undefined;
    for (let i = 0; i < scope.occurrences.length; i++) {
      const occurrence = scope.occurrences[i];
      if (occurrence.resolved.def?.group === 'signing') (signing ??= []).push(occurrence);
    }
    if (!signing) return;
    if (compareVersions(stackVersion, VERSION_GATES.certificateIdentity) < 0) {
      for (const occurrence of signing) {
        report({
          message: `\`${occurrence.key}\` belongs to strong identity verification (request signing), added in Elasticsearch 9.3; ${stackVersion.text} rejects it as an unknown setting. Remove it or upgrade both clusters to 9.3 or later.`,
          span: occurrence.keySpan,
        });
      }
      return;
    }
    report({
      severity: 'info',
      // Technical preview on every deployment type: Elastic's ECH page marks its strong identity
      // tab "stack: preview 9.3" too (https://www.elastic.co/docs/deploy-manage/remote-clusters/ec-remote-cluster-same-ess).
      message:
        'Strong identity verification (request signing) is a technical preview in Elasticsearch 9.3, on Elastic Cloud Hosted as on self-managed clusters. Both clusters must run 9.3 or later.',
      span: signing[0].keySpan,
    });
  },
};
