import { ALL_SETTINGS_ORIGINS, type ScopeRule } from '../rule';
import { moveToKeystoreFix } from './edits';
import { occurrencesByDefinition } from '../../model/remoteAliases';

const WHERE: Record<string, string> = {
  'elasticsearch-yml':
    'Remove it from elasticsearch.yml and run `bin/elasticsearch-keystore add {key}` on every node, then `POST _nodes/reload_secure_settings`.',
  'eck-config':
    'Remove it from `nodeSets[].config`; put it in a Kubernetes Secret (key `{key}`) listed under `spec.secureSettings`.',
  'cluster-settings':
    '`_cluster/settings` rejects it. Run `bin/elasticsearch-keystore add {key}` on every node (Elastic Cloud: the deployment keystore), then `POST _nodes/reload_secure_settings`.',
};

export const credentialsInSettings: ScopeRule = {
  id: 'credentials-in-settings',
  severity: 'error',
  title: '`cluster.remote.<alias>.credentials` outside the keystore',
  reference: [25],
  origins: ALL_SETTINGS_ORIGINS,
  check({ scope, document, report }) {
    const settings = occurrencesByDefinition(scope);
    for (let s = 0; s < settings.length; s++) {
      const { def, occurrences } = settings[s];
      if (def.key !== 'cluster.remote.<alias>.credentials') continue;
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i];
        // Point at the key only: the value is a secret and stays out of the message.
        report({
          message: `\`${occurrence.key}\` is a secure setting that Elasticsearch reads only from its keystore, and the API key is exposed here. ${WHERE[scope.origin].replace(/\{key\}/g, occurrence.key)}`,
          span: occurrence.keySpan,
          fixes: [moveToKeystoreFix(document, scope, occurrence, occurrence.key)],
        });
      }
    }
  },
};
