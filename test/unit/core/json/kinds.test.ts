import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { kindFromFileName } from '../../../../server/src/core/json/kinds';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { jsonDoc, locate } from './support';

describe('JSON body recognition', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['cluster-settings', '{ "persistent": { "cluster": { "remote": { "west": { "mode": "proxy" } } } } }', undefined],
    ['cross-cluster-api-key', '{ "name": "k", "access": { "search": [ { "names": ["logs-*"] } ] } }', 'create'],
    ['cross-cluster-api-key', '{ "access": { "replication": [ { "names": ["a"] } ] }, "metadata": {} }', 'update'],
    [
      'security-role',
      '{ "cluster": [], "remote_indices": [ { "clusters": ["west"], "names": ["a"], "privileges": ["read"] } ] }',
      undefined,
    ],
    [
      'security-role',
      '{ "roles": { "r1": { "remote_cluster": [ { "clusters": ["*"], "privileges": ["monitor_enrich"] } ] } } }',
      'bulk',
    ],
    ['cloud-trust', '{ "trust": { "accounts": [ { "account_id": "123", "trust_all": true } ] } }', undefined],
    [
      'cloud-trust',
      '{ "resources": { "elasticsearch": [ { "ref_id": "main-elasticsearch", "settings": { "trust": { "direct": [] } } } ] } }',
      undefined,
    ],
    ['cloud-trust', '{ "external": [ { "trust_relationship_id": "t1", "trust_all": false } ] }', undefined],
    [
      'cloud-remote-clusters',
      '{ "resources": [ { "deployment_id": "d", "elasticsearch_ref_id": "main-elasticsearch", "alias": "a" } ] }',
      undefined,
    ],
    ['cloud-keystore', '{ "secrets": { "cluster.remote.west.credentials": { "value": "x" } } }', undefined],
  ];
  for (const [kind, text, variant] of cases) {
    test(`recognises ${kind}${variant ? ` (${variant})` : ''} by content`, () => {
      const document = jsonDoc(text);
      assert.equal(document.kind, kind);
      assert.equal(document.bodies?.length, 1);
      assert.equal(document.bodies?.[0].variant, variant);
    });
  }

  test('leaves other JSON alone, even with look-alike keys', () => {
    for (const text of [
      '{ "name": "app", "version": "1.0.0" }',
      '{ "persistent": { "indices.recovery.max_bytes_per_sec": "50mb" } }',
      '{ "access": "public", "resources": { "cpu": 2 } }',
      '{ "accounts": [ { "id": 1, "balance": 3 } ] }',
      '{ "secrets": { "db_password": { "value": "x" } } }',
      '[1, 2, 3]',
      '',
    ]) {
      const document = jsonDoc(text);
      assert.equal(document.kind, 'unrelated', text);
      assert.deepEqual(analyze(document).findings, [], text);
    }
  });

  test('takes the kind from the file-name convention, even for an empty object', () => {
    assert.equal(kindFromFileName('file:///w/prod.trust.json'), 'cloud-trust');
    assert.equal(kindFromFileName('file:///w/ccs.cross-cluster-api-key.json'), 'cross-cluster-api-key');
    assert.equal(kindFromFileName('file:///w/trust.json'), undefined, 'the suffix needs a name in front');
    assert.equal(kindFromFileName('file:///w/x.trust.yaml'), undefined);
    const document = jsonDoc('{}', 'file:///w/reader.role.json');
    assert.equal(document.kind, 'security-role');
  });

  test('leaves schema checks to VS Code only for JSON editor documents named by the convention', () => {
    const text = '{ "name": "k", "access": { "search": [ { "names": ["a"], "privileges": ["read"] } ] } }';
    const named = parseConfigDocument({ uri: 'file:///w/k.cross-cluster-api-key.json', text, languageId: 'json' });
    assert.equal(named.bodies?.[0].schemaFromEditor, true);
    assert.deepEqual(
      analyze(named).findings.filter((f) => f.ruleId === 'json-schema'),
      [],
    );

    const unnamed = parseConfigDocument({ uri: 'file:///w/key.json', text, languageId: 'json' });
    assert.equal(unnamed.bodies?.[0].schemaFromEditor, false);
    assert.equal(analyze(unnamed).findings.filter((f) => f.ruleId === 'json-schema').length, 1);

    // The command-line checker (no editor) checks named files itself.
    const cli = parseConfigDocument({ uri: 'file:///w/k.cross-cluster-api-key.json', text });
    assert.equal(analyze(cli).findings.filter((f) => f.ruleId === 'json-schema').length, 1);
  });

  test('reports JSON syntax errors once: in an editor the JSON language already does', () => {
    const text = '{ "persistent": { "cluster.remote.a.mode": "proxy" ';
    const cli = jsonDoc(text);
    assert.ok(locate(cli).some((f) => f.ruleId === 'json-syntax'));
    const editor = parseConfigDocument({ uri: 'file:///w/body.json', text, languageId: 'json' });
    assert.equal(editor.kind, 'cluster-settings');
    assert.deepEqual(
      analyze(editor).findings.filter((f) => f.ruleId === 'json-syntax'),
      [],
    );
  });

  test('never throws on malformed or oddly typed input', () => {
    for (const text of [
      '{',
      '{"access": 3}',
      '{"access": {"search": "x"}}',
      '{"trust": {"direct": [1, null, "x"]}}',
      '{"secrets": []}',
      '{"resources": [null]}',
      '\u0000{"a":',
    ]) {
      for (const uri of [
        'file:///w/x.json',
        'file:///w/x.trust.json',
        'file:///w/x.role.json',
        'file:///w/x.keystore.json',
        'file:///w/x.cross-cluster-api-key.json',
        'file:///w/x.remote-clusters.json',
      ]) {
        const result = analyze(parseConfigDocument({ uri, text }));
        assert.deepEqual(result.ruleErrors, [], `${uri}: ${text}`);
      }
    }
  });
});
