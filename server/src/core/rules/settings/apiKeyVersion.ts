import { compareVersions, releaseLine } from '../../version';
import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { remoteAliases, securityModelOf } from '../../model/remoteAliases';
import { VERSION_GATES } from '../../catalog/facts';

export const apiKeyVersion: ScopeRule = {
  id: 'api-key-version',
  severity: 'error',
  title: 'API-key remote on a stack version that does not support it (< 8.10) or only as beta (< 8.14)',
  reference: [24],
  origins: ALL_SETTINGS_ORIGINS,
  check(context) {
    const version = context.stackVersion;
    if (!version) return; // unknown version: never guess
    const remotes = remoteAliases(context.scope);
    for (let i = 0; i < remotes.length; i++) {
      const remote = remotes[i];
      if (securityModelOf(remote.alias, context) !== 'api-key') continue;
      if (compareVersions(version, VERSION_GATES.apiKeyModel) < 0) {
        context.report({
          message: `\`${remote.alias}\` uses a cross-cluster API key, but Elasticsearch ${version.text} predates the API-key model (${releaseLine(VERSION_GATES.apiKeyModel)}). Upgrade both clusters, or use the certificate model on the transport port.`,
          span: remote.anchor.span,
        });
      } else if (compareVersions(version, VERSION_GATES.apiKeyModelGa) < 0) {
        context.report({
          severity: 'warning',
          message: `\`${remote.alias}\` uses a cross-cluster API key on Elasticsearch ${version.text}; the API-key model was beta before ${releaseLine(VERSION_GATES.apiKeyModelGa)}, which the self-managed documentation lists as the minimum. Consider upgrading both clusters.`,
          span: remote.anchor.span,
        });
      }
    }
  },
};
