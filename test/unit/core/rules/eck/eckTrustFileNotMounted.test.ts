import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch, withConfig } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-trust-file-not-mounted', () => {
  const mounted = (mountPath: string) =>
    elasticsearch(
      'a',
      dedent(`
      version: 8.15.0
      nodeSets:
        - name: default
          count: 1
          config:
            xpack.security.remote_cluster_client.ssl.certificate_authorities: [ "remote-certs/ca.crt" ]
          podTemplate:
            spec:
              containers:
                - name: elasticsearch
                  volumeMounts:
                    - name: remote-ca
                      mountPath: ${mountPath}
              volumes:
                - name: remote-ca
                  secret:
                    secretName: remote-ca
    `),
    );
  test('notes a CA path no mount provides', () => {
    const found = eckFindingsOf('eck-trust-file-not-mounted', mounted('/usr/share/elasticsearch/config/other'));
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['info', '"remote-certs/ca.crt"']],
    );
  });
  test('accepts mounted paths and the directories ECK fills', () => {
    assert.deepEqual(eckFindingsOf('eck-trust-file-not-mounted', mounted('/usr/share/elasticsearch/config/remote-certs/')), []);
    assert.deepEqual(
      eckFindingsOf(
        'eck-trust-file-not-mounted',
        withConfig(
          'xpack.security.transport.ssl.certificate_authorities: [/usr/share/elasticsearch/config/transport-certs/ca.crt]',
        ),
      ),
      [],
    );
  });
});
