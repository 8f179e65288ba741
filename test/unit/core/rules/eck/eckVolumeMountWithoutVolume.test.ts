import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { elasticsearch } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-volume-mount-without-volume', () => {
  const pod = (volumes: string, claims = '') =>
    elasticsearch(
      'a',
      dedent(`
      version: 8.15.0
      nodeSets:
        - name: default
          count: 1
          podTemplate:
            spec:
              initContainers:
                - name: setup
                  volumeMounts:
                    - name: elasticsearch-data
                      mountPath: /data
              containers:
                - name: elasticsearch
                  volumeMounts:
                    - name: remote-ca
                      mountPath: /usr/share/elasticsearch/config/remote-certs
    `) +
        volumes +
        claims,
    );

  test('is an error when a mount names no volume', () => {
    const found = eckFindingsOf('eck-volume-mount-without-volume', pod(''));
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', 'remote-ca']],
    );
  });

  test('accepts Pod volumes, claim templates and the volumes ECK adds', () => {
    const volumes = '        volumes:\n          - name: remote-ca\n            secret:\n              secretName: remote-ca\n';
    assert.deepEqual(eckFindingsOf('eck-volume-mount-without-volume', pod(volumes)), []);
    const claim = '    volumeClaimTemplates:\n      - metadata:\n          name: remote-ca\n';
    assert.deepEqual(eckFindingsOf('eck-volume-mount-without-volume', pod('', claim)), []);
  });
});
