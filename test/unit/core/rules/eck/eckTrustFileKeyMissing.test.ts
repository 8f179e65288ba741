import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SEED_004_MANIFEST } from '../../eck/seed004';
import { eckFindings, eckFindingsOf } from '../../eck/support';

const RULE = 'eck-trust-file-key-missing';
/** The seed-004 manifest with only the `data` nodeSet's trust settings kept, the others removed. */
const ES_ONLY = SEED_004_MANIFEST.slice(SEED_004_MANIFEST.indexOf('apiVersion: elasticsearch.k8s.elastic.co/v1'));

describe('eck-trust-file-key-missing', () => {
  test('reports a CA path whose file the Secret in the same file does not hold', () => {
    const text = SEED_004_MANIFEST.replace('ece-ca.crt: |', 'ca.crt: |');
    const found = eckFindingsOf(RULE, text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['error', '/usr/share/elasticsearch/config/other/ece-ca.crt'],
        ['error', '/usr/share/elasticsearch/config/other/ece-ca.crt'],
      ],
    );
    assert.match(found[0].message, /The Secret `ce-aws-cert` in this file has no key `ece-ca\.crt` \(it has `ca\.crt`\)/);
  });

  test('reports a trust.yml the ConfigMap lacks, and a file the volume items leave out', () => {
    const renamed = eckFindingsOf(RULE, SEED_004_MANIFEST.replace('trust.yml: |', 'trust.yaml: |'));
    assert.equal(renamed.length, 2);
    assert.match(renamed[0].message, /ConfigMap `quickstart-trust` in this file has no key `trust\.yml`/);
    const items = SEED_004_MANIFEST.replace(
      /secretName: ce-aws-cert/g,
      'secretName: ce-aws-cert\n                items:\n                  - key: ece-ca.crt\n                    path: ca.pem',
    );
    const found = eckFindingsOf(RULE, items);
    assert.equal(found.length, 2);
    assert.match(found[0].message, /its `items` only mount `ca\.pem`/);
  });

  test('uses the workspace index as milder evidence, and says nothing when the object is not visible', () => {
    const options = {
      eckWorkspace: {
        elasticsearches: [],
        secrets: [{ uri: 'file:///k8s/secret.yaml', name: 'ce-aws-cert', keys: ['ca.crt'] }],
        configMaps: [{ uri: 'file:///k8s/trust.yaml', name: 'quickstart-trust', keys: ['trust.yml'] }],
        operatorVersions: [],
      },
    };
    const found = eckFindingsOf(RULE, ES_ONLY, options);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [
        ['warning', '/usr/share/elasticsearch/config/other/ece-ca.crt'],
        ['warning', '/usr/share/elasticsearch/config/other/ece-ca.crt'],
      ],
    );
    assert.match(found[0].message, /in the workspace has no key `ece-ca\.crt`/);
    assert.deepEqual(eckFindingsOf(RULE, ES_ONLY), []);
  });

  test('near miss: the seed-004 manifest, a subPath mount and items that carry the file', () => {
    assert.deepEqual(eckFindingsOf(RULE, SEED_004_MANIFEST), []);
    const items = SEED_004_MANIFEST.replace(
      /secretName: ce-aws-cert/g,
      'secretName: ce-aws-cert\n                items:\n                  - key: ca.crt\n                    path: ece-ca.crt',
    );
    assert.deepEqual(eckFindings(items), []);
    const subPath = SEED_004_MANIFEST.replace(
      /- mountPath: \/usr\/share\/elasticsearch\/config\/trust-filter\n(\s+)name: quickstart-trust/g,
      '- mountPath: /usr/share/elasticsearch/config/trust-filter/trust.yml\n$1name: quickstart-trust\n$1subPath: trust.yml',
    );
    assert.notEqual(subPath, SEED_004_MANIFEST);
    assert.deepEqual(eckFindingsOf(RULE, subPath), []);
  });
});
