import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SEED_004_MANIFEST } from '../../eck/seed004';
import { doc, findings, findingsOf } from '../../../helpers';

const TRUST = 'file:///ece/trust.yml';
const RULE = 'trust-file-invalid';
const summary = (text: string, uri = TRUST) => findingsOf(RULE, text, {}, uri).map((f) => [f.severity, f.text]);

describe('trust-file-invalid', () => {
  test('a file named trust.yml is recognised as trust restrictions, other files are not', () => {
    assert.equal(doc('trust.subject_name: ["*.ece.local"]\n', TRUST).kind, 'trust-restrictions');
    assert.equal(doc('trust.subject_name: ["*.ece.local"]\n', 'file:///ece/trust.yaml').kind, 'trust-restrictions');
    assert.equal(doc('trust.subject_name: ["*.ece.local"]\n', 'file:///ece/values.yml').kind, 'unrelated');
    // Another tool's trust.yml (no top-level trust key) is none of our business.
    assert.equal(doc('policies:\n  - allow: all\n', TRUST).kind, 'unrelated');
    assert.deepEqual(findings('policies:\n  - allow: all\n', {}, TRUST), []);
    assert.deepEqual(findings('# to be written\n', {}, TRUST), []);
  });

  test('reports a file that trusts nobody: no trust.subject_name (with what it has instead), an empty list, an empty `trust` key', () => {
    const misspelt = findingsOf(RULE, 'trust.subject_names:\n  - "*.ece.local"\n', {}, TRUST);
    assert.deepEqual(
      misspelt.map((f) => [f.severity, f.text]),
      [['error', 'trust.subject_names']],
    );
    assert.match(
      misspelt[0].message,
      /There is no `trust\.subject_name` \(only `trust\.subject_names`, which Elasticsearch ignores\)/,
    );
    assert.match(misspelt[0].message, /refuses every transport connection, even between this cluster's own nodes/);
    assert.deepEqual(summary('trust.subject_name: []\n'), [['error', '[]']]);
    assert.deepEqual(summary('trust:\n'), [['error', 'trust']]);
  });

  test('reports shapes Elasticsearch refuses: a map instead of a list, list entries that are maps, a key written twice', () => {
    assert.deepEqual(summary('trust.subject_name:\n  trusted: "*.ece.local"\n'), [['error', 'trusted: "*.ece.local"']]);
    const nested = findingsOf(RULE, 'trust:\n  subject_name:\n    - name: "*.ece.local"\n', {}, TRUST);
    assert.deepEqual(
      nested.map((f) => [f.severity, f.text]),
      [['error', 'name: "*.ece.local"']],
    );
    assert.match(nested[0].message, /only value lists are allowed/);
    assert.deepEqual(summary('trust.subject_name: ["a"]\ntrust:\n  subject_name: ["b"]\n'), [['warning', 'subject_name']]);
  });

  test("checks a ConfigMap's trust.yml key in an ECK manifest", () => {
    const text = SEED_004_MANIFEST.replace('trust.subject_name:', 'trust.subject:');
    const found = findingsOf(RULE, text, {}, 'file:///k8s/cluster.yaml');
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', 'trust.yml']],
    );
    assert.match(found[0].message, /^In the ConfigMap `quickstart-trust`, `trust\.yml`: There is no `trust\.subject_name`/);
  });

  test('near misses: flat, nested, block and flow lists, patterns and regular expressions, the seed-004 manifest', () => {
    for (const text of [
      'trust.subject_name:\n  - "*.default.es.local"\n  - "/instance-[0-9]+\\\\..*/"\n',
      'trust:\n  subject_name: ["*.ece.local"]\n',
      'trust.subject_name: "*.ece.local"\n',
    ]) {
      assert.deepEqual(findings(text, {}, TRUST), [], text);
    }
    assert.deepEqual(findings(SEED_004_MANIFEST, {}, 'file:///k8s/cluster.yaml'), []);
  });
});
