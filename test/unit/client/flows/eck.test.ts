import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendDocumentEdit, credentialsSecretName, eckResources, secureSettingsEdit } from '../../../../client/src/flows/eck';

describe('ECK manifest edits', () => {
  const document = (text: string) => ({ uri: 'file:///m.yaml', label: 'm.yaml', text });

  test('finds the Elasticsearch resources of the open manifests, ignoring other YAML and broken files', () => {
    const found = eckResources([
      document(
        'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: one\nspec:\n  version: 8.15.0\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n',
      ),
      { uri: 'file:///values.yaml', label: 'values.yaml', text: 'replicas: 3\n' },
      { uri: 'file:///broken.yaml', label: 'broken.yaml', text: 'kind: [\n' },
    ]);
    assert.deepEqual(
      found.map((resource) => [resource.name, resource.version, resource.label]),
      [['one', '8.15.0', 'm.yaml']],
    );
  });

  test('a flow-style secureSettings list is not edited: the user is told what to add', () => {
    const edit = secureSettingsEdit(
      document(
        'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: one\nspec:\n  secureSettings: []\n',
      ),
      0,
      's',
    );
    assert.ok(!edit.ok);
    assert.match(edit.problem, /add "- secretName: s" to it by hand/);
  });

  test('an entry already listed needs no edit; CRLF files get CRLF; Secret names are valid Kubernetes names', () => {
    const crlf =
      'apiVersion: elasticsearch.k8s.elastic.co/v1\r\nkind: Elasticsearch\r\nmetadata:\r\n  name: one\r\nspec:\r\n  secureSettings:\r\n  - secretName: s\r\n';
    assert.deepEqual(secureSettingsEdit(document(crlf), 0, 's'), { ok: true, value: undefined });
    const added = secureSettingsEdit(document(crlf), 0, 't');
    assert.ok(added.ok && added.value);
    assert.equal(added.value.newText, '\r\n  - secretName: t');
    assert.equal(appendDocumentEdit(crlf, 'a: 1\nb: 2\n').newText, '---\r\na: 1\r\nb: 2\r\n');
    assert.equal(credentialsSecretName('Prod_ES', 'eu_west'), 'prod-es-remote-eu-west-credentials');
  });
});
