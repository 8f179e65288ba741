import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eckKeystoreCredentialAliases } from '../../../../server/src/core/eck/keystore';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { ENCODED } from '../../helpers';
import { elasticsearch, secret } from './fixtures';
import { MANIFEST_URI, manifest } from './support';

describe('keystore credential aliases of a nodeSet (for the security-model rules)', () => {
  test('combines ECK-managed API-key remotes with credentials loaded through secureSettings', () => {
    const text = `${secret(`cluster.remote.cloud.credentials: ${ENCODED}\nother.setting: x`)}---\n${elasticsearch(
      'local',
      'version: 8.15.0\nsecureSettings:\n  - secretName: remote-api-keys\nremoteClusters:\n  - name: west\n    elasticsearchRef: {name: west}\n    apiKey:\n      access:\n        search:\n          names: ["*"]\nnodeSets:\n  - name: default\n    count: 1\n    config:\n      cluster.remote.cloud.mode: proxy',
    )}`;
    const document = manifest(text);
    assert.deepEqual(eckKeystoreCredentialAliases(document, document.scopes[0], {}), ['cloud', 'west']);
  });

  test('is unknown while a referenced Secret cannot be found', () => {
    const document = manifest(
      elasticsearch(
        'local',
        'version: 8.15.0\nsecureSettings:\n  - secretName: elsewhere\nnodeSets:\n  - name: default\n    count: 1\n    config:\n      node.roles: [master]',
      ),
    );
    assert.equal(eckKeystoreCredentialAliases(document, document.scopes[0], {}), undefined);
    const workspace = {
      eckWorkspace: {
        elasticsearches: [],
        secrets: [{ uri: 'file:///k8s/s.yaml', name: 'elsewhere', keys: ['cluster.remote.a.credentials'] }],
        operatorVersions: [],
      },
    };
    assert.deepEqual(eckKeystoreCredentialAliases(document, document.scopes[0], workspace), ['a']);
  });

  test('reads the Secret again when it changed in the next version, though the resource document is reused', () => {
    const resource = elasticsearch(
      'local',
      'version: 8.15.0\nsecureSettings:\n  - secretName: remote-api-keys\nnodeSets:\n  - name: default\n    count: 1\n    config:\n      node.roles: [master]',
    );
    const before = parseConfigDocument({
      uri: MANIFEST_URI,
      text: `${resource}---\n${secret(`cluster.remote.east.credentials: ${ENCODED}`)}`,
    });
    const options = {};
    assert.deepEqual(eckKeystoreCredentialAliases(before, before.scopes[0], options), ['east']);
    const after = parseConfigDocument({
      uri: MANIFEST_URI,
      text: `${resource}---\n${secret(`cluster.remote.west.credentials: ${ENCODED}`)}`,
      previous: before,
    });
    // The resource's document is taken over from the previous version (same objects), the Secret's is not.
    assert.equal(after.eck!.elasticsearches[0], before.eck!.elasticsearches[0]);
    assert.deepEqual(eckKeystoreCredentialAliases(after, after.scopes[0], options), ['west']);
  });
});
