import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch } from '../../eck/fixtures';
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
});
