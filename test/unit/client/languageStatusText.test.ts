import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { presentDocumentStatus } from '../../../client/src/languageStatusText';

describe('language status texts', () => {
  test('a file that is not about remote clusters shows no status', () => {
    assert.equal(presentDocumentStatus({ recognizedAs: 'YAML file', kind: 'unrelated' }), undefined);
  });

  test('an ECK manifest: what it was read as, the version from spec.version, and the keystore aliases, each linking to its setting', () => {
    const entries = presentDocumentStatus({
      recognizedAs: 'ECK manifest',
      kind: 'eck-manifest',
      stackVersion: '8.15.0',
      stackVersionSource: 'document',
      keystoreCredentialAliases: ['eu', 'us'],
    });
    assert.deepEqual(
      entries?.map((entry) => [entry.id, entry.text, entry.detail, entry.setting?.id]),
      [
        ['document', 'Remote clusters: ECK manifest', 'How the remote-cluster checks read this file', undefined],
        [
          'stackVersion',
          'Elasticsearch 8.15.0',
          'From this file (it wins over the setting)',
          'elasticRemoteClusters.stackVersion',
        ],
        [
          'keystoreAliases',
          'Keystore aliases: eu, us',
          'Aliases with cluster.remote.<alias>.credentials (API-key model)',
          'elasticRemoteClusters.keystoreCredentialAliases',
        ],
      ],
    );
  });

  test('a version from the setting, no version at all, and unknown or empty alias lists are told apart', () => {
    const fromSetting = presentDocumentStatus({
      recognizedAs: 'elasticsearch.yml',
      kind: 'elasticsearch-yml',
      stackVersion: '9.1.0',
      stackVersionSource: 'setting',
      keystoreCredentialAliases: null,
    });
    assert.equal(fromSetting?.[1].detail, 'From the stackVersion setting');
    assert.equal(fromSetting?.[2].text, 'Keystore aliases: unknown');
    const unversioned = presentDocumentStatus({
      recognizedAs: 'elasticsearch.yml',
      kind: 'elasticsearch-yml',
      keystoreCredentialAliases: [],
    });
    assert.equal(unversioned?.[1].text, 'Elasticsearch version: unknown');
    assert.match(unversioned?.[1].detail ?? '', /Version-dependent checks are off/);
    assert.equal(unversioned?.[2].text, 'Keystore aliases: none');
  });

  test('documents where keystore credentials play no part get no keystore item', () => {
    const entries = presentDocumentStatus({
      recognizedAs: 'cross-cluster API key request',
      kind: 'cross-cluster-api-key',
      stackVersion: '8.14.0',
      stackVersionSource: 'setting',
    });
    assert.deepEqual(
      entries?.map((entry) => entry.id),
      ['document', 'stackVersion'],
    );
  });
});
