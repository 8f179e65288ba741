import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch, withConfig } from '../../eck/fixtures';
import { eckFindings, eckFindingsOf } from '../../eck/support';
import { SEED_004_MANIFEST } from '../../eck/seed004';

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

  test('warns when another nodeSet mounts the trust file this nodeSet names', () => {
    // The seed-004 manifest with the mounts and volumes of the second nodeSet forgotten.
    const text = SEED_004_MANIFEST.replace(
      /(- name: data[\s\S]*?)podTemplate:[\s\S]*$/,
      '$1podTemplate:\n        spec:\n          containers:\n            - name: elasticsearch\n',
    );
    const found = eckFindingsOf('eck-trust-file-not-mounted', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.line, f.text]),
      [
        ['warning', 60, '/usr/share/elasticsearch/config/other/ece-ca.crt'],
        ['warning', 61, '/usr/share/elasticsearch/config/trust-filter/trust.yml'],
      ],
    );
    assert.match(found[1].message, /nodeSet `masters` mounts from the volume `quickstart-trust`/);
    assert.match(found[1].message, /nodeSet `data` does not mount/);
  });

  test('the complete seed-004 manifest (CA Secret, trust.yml ConfigMap, mounts in every nodeSet) has no findings at all', () => {
    assert.deepEqual(eckFindings(SEED_004_MANIFEST), []);
  });

  test('accepts the directories ECK fills itself, such as the client trust bundle', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-trust-file-not-mounted',
        withConfig(
          'xpack.security.transport.ssl.certificate_authorities: [/usr/share/elasticsearch/config/client-trust-bundle/ca.crt]',
        ),
      ),
      [],
    );
  });
});
