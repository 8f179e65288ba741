import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENCODED } from '../../../helpers';
import { elasticsearch, local, secret } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-secure-settings-credentials-key (rule 69)', () => {
  test('warns about credentials-like keys ECK does not recognise, in a Secret of the same file', () => {
    const text = `${secret(`cluster.remote.west.credential: ${ENCODED}\nremote.east.credentials: ${ENCODED}\ncluster.remote.West.credentials: ${ENCODED}`)}---\n${local}`;
    const found = eckFindingsOf('eck-secure-settings-credentials-key', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['cluster.remote.west.credential', 'remote.east.credentials', 'cluster.remote.West.credentials'],
    );
    assert.match(found[2].message, /lowercase/);
  });

  test('checks entries[].path and Secrets found elsewhere in the workspace, pointing at the reference', () => {
    const viaEntries = elasticsearch(
      'local',
      'version: 8.15.0\nsecureSettings:\n  - secretName: keys\n    entries:\n      - key: west\n        path: cluster.remote.west.credential',
    );
    assert.deepEqual(
      eckFindingsOf('eck-secure-settings-credentials-key', viaEntries).map((f) => f.text),
      ['cluster.remote.west.credential'],
    );
    const workspace = {
      eckWorkspace: {
        elasticsearches: [],
        secrets: [{ uri: 'file:///k8s/secrets.yaml', name: 'remote-api-keys', keys: ['cluster-remote-west-credentials'] }],
        operatorVersions: [],
      },
    };
    const found = eckFindingsOf('eck-secure-settings-credentials-key', local, workspace);
    assert.deepEqual(
      found.map((f) => f.text),
      ['remote-api-keys'],
    );
    assert.match(found[0].message, /cluster-remote-west-credentials/);
  });

  test('is silent for well-formed keys and unrelated keystore settings', () => {
    const text = `${secret(`cluster.remote.west.credentials: ${ENCODED}\ns3.client.default.access_key: x`)}---\n${local}`;
    assert.deepEqual(eckFindingsOf('eck-secure-settings-credentials-key', text), []);
  });
});
