import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent } from '../../../helpers';
import { rcsService } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-remote-cluster-service-operator-version (rule 63)', () => {
  const text = rcsService('- name: rcs\n  port: 9443');
  const operator = (version: string) =>
    dedent(`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: { name: elastic-operator }
    spec:
      template:
        spec:
          containers:
            - name: manager
              image: docker.elastic.co/eck/eck-operator:${version}
  `);

  test('warns when the operator found in the file or workspace is older than 3.3', () => {
    const found = eckFindingsOf('eck-remote-cluster-service-operator-version', `${text}---\n${operator('3.2.1')}`);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['warning', 'service']],
    );
    const workspace = { eckWorkspace: { elasticsearches: [], secrets: [], operatorVersions: ['2.16.0'] } };
    assert.equal(eckFindingsOf('eck-remote-cluster-service-operator-version', text, workspace).length, 1);
  });

  test('is silent from ECK 3.3 and when the operator version is unknown', () => {
    assert.deepEqual(eckFindingsOf('eck-remote-cluster-service-operator-version', `${text}---\n${operator('3.3.0')}`), []);
    assert.deepEqual(eckFindingsOf('eck-remote-cluster-service-operator-version', text), []);
  });
});
