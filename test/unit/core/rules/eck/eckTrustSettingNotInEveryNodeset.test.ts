import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch } from '../../eck/fixtures';
import { SEED_004_MANIFEST } from '../../eck/seed004';
import { eckFindingsOf } from '../../eck/support';

describe('eck-trust-setting-not-in-every-nodeset', () => {
  const two = (dataConfig: string) =>
    elasticsearch(
      'a',
      dedent(`
      version: 8.15.0
      nodeSets:
        - name: masters
          count: 3
          config:
            xpack.security.remote_cluster_client.ssl.certificate_authorities: [remote-certs/ca.crt]
        - name: data
          count: 2
    `) + dataConfig,
    );
  test('warns about the nodeSet that lacks a remote-cluster trust setting', () => {
    const found = eckFindingsOf('eck-trust-setting-not-in-every-nodeset', two(''));
    assert.deepEqual(
      found.map((f) => f.text),
      ['data'],
    );
    assert.match(found[0].message, /nodeSet `masters`/);
  });
  test('is silent when every nodeSet has it', () => {
    const text = two(
      '    config:\n      xpack.security.remote_cluster_client.ssl.certificate_authorities: [remote-certs/ca.crt]\n',
    );
    assert.deepEqual(eckFindingsOf('eck-trust-setting-not-in-every-nodeset', text), []);
  });
  test('covers the trust restrictions file of the certificate model, with what its absence does', () => {
    const text = SEED_004_MANIFEST.replace(
      /(- name: data[\s\S]*?)\n\s+xpack\.security\.transport\.ssl\.trust_restrictions\.path: [^\n]+/,
      '$1',
    );
    const found = eckFindingsOf('eck-trust-setting-not-in-every-nodeset', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['data'],
    );
    assert.match(found[0].message, /lacks `xpack\.security\.transport\.ssl\.trust_restrictions\.path`/);
    assert.match(found[0].message, /accept every certificate their CAs signed/);
    assert.deepEqual(eckFindingsOf('eck-trust-setting-not-in-every-nodeset', SEED_004_MANIFEST), []);
  });
});
