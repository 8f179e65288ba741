import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { absolutePath, mountProviding, providedByEck, trustFileReferences } from '../../../../server/src/core/eck/trustFiles';
import { SEED_004_MANIFEST } from './seed004';
import { manifest } from './support';

describe('trust files of a nodeSet', () => {
  test('resolves relative paths against the config directory and knows the folders ECK fills', () => {
    assert.equal(absolutePath('certs/ca.crt'), '/usr/share/elasticsearch/config/certs/ca.crt');
    assert.equal(absolutePath('./ca.crt'), '/usr/share/elasticsearch/config/ca.crt');
    assert.ok(providedByEck('/usr/share/elasticsearch/config/transport-certs/ca.crt'));
    assert.ok(providedByEck('/usr/share/elasticsearch/config/transport-remote-certs/ca.crt'));
    assert.ok(!providedByEck('/usr/share/elasticsearch/config/other/ca.crt'));
    assert.ok(!providedByEck('/usr/share/elasticsearch/config/transport-certs-extra/ca.crt'));
  });

  test('lists the CA and trust.yml paths of the seed-004 nodeSets, each with the mount that provides it', () => {
    const nodeSet = manifest(SEED_004_MANIFEST).eck!.elasticsearches[0].nodeSets[0];
    const references = trustFileReferences(nodeSet);
    assert.deepEqual(
      references.map((r) => [r.key, r.absolute, mountProviding(nodeSet, r.absolute)?.name?.value]),
      [
        [
          'xpack.security.transport.ssl.certificate_authorities',
          '/usr/share/elasticsearch/config/other/ece-ca.crt',
          'ce-aws-cert',
        ],
        [
          'xpack.security.transport.ssl.trust_restrictions.path',
          '/usr/share/elasticsearch/config/trust-filter/trust.yml',
          'quickstart-trust',
        ],
      ],
    );
  });

  test('leaves out paths decided at start-up (${VAR})', () => {
    const text = SEED_004_MANIFEST.replace('- /usr/share/elasticsearch/config/other/ece-ca.crt', '- ${CA_DIR}/ece-ca.crt');
    const nodeSet = manifest(text).eck!.elasticsearches[0].nodeSets[0];
    assert.deepEqual(
      trustFileReferences(nodeSet).map((r) => r.key),
      ['xpack.security.transport.ssl.trust_restrictions.path'],
    );
  });
});
