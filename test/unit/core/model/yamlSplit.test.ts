import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import type { ConfigDocument } from '../../../../server/src/core/model/configDocument';
import { splitYamlStream } from '../../../../server/src/core/model/yamlSplit';
import { largeEckManifest } from '../../../bench/generate';

const URI = 'file:///k8s/clusters.yaml';

/** What a user sees of a parse: findings with their positions, and the settings with theirs. */
function observable(document: ConfigDocument) {
  return {
    kind: document.kind,
    findings: analyze(document, { stackVersion: '8.15.0' }).findings.map((f) => [f.ruleId, f.span.start, f.span.end, f.message]),
    settings: document.scopes.flatMap((scope) =>
      scope.occurrences.map((o) => [o.key, o.keySpan.start, o.value.span.start, o.value.span.end]),
    ),
    documents: document.yamlDocuments?.map((doc) => doc.range),
  };
}

describe('incremental parse of multi-document YAML', () => {
  test('splits a stream where YAML itself separates documents', () => {
    const text = 'a: 1\n---\nb: |\n  ---\n  x\n...\n%YAML 1.2\n---\nc: 3\n--- d\n';
    assert.deepEqual(
      splitYamlStream(text).map((chunk) => chunk.text),
      ['a: 1\n', '---\nb: |\n  ---\n  x\n...\n', '%YAML 1.2\n---\nc: 3\n', '--- d\n'],
    );
    assert.equal(
      splitYamlStream(text)
        .map((chunk) => chunk.text)
        .join(''),
      text,
    );
    assert.deepEqual(splitYamlStream(''), [{ start: 0, text: '' }]);
  });

  test('gives the same findings and positions as a fresh parse after every kind of edit', () => {
    const base = largeEckManifest(1500);
    const lines = base.split('\n');
    const edits: Array<(text: string) => string> = [
      (t) => t.replace('version: 8.15.0', 'version: 8.9.0'), // early document, everything after moves
      (t) => `# header comment\n${t}`,
      (t) => t.slice(0, Math.floor(t.length / 2)) + 'x' + t.slice(Math.floor(t.length / 2)),
      (t) => t.replace(/\n---\n/, '\n'), // two documents merge
      (t) => t.replace(/\n(kind: ConfigMap)/, '\n---\n$1'), // one document splits
      (t) => t + '---\nkind: Secret\nmetadata: {name: extra}\n',
      (t) => t.replace('seeds', 'sedes'),
      () => `${lines.slice(0, 40).join('\n')}\n  bad: [\n${lines.slice(40).join('\n')}`, // a syntax error
    ];
    let previous = parseConfigDocument({ uri: URI, text: base });
    let text = base;
    for (const edit of edits) {
      text = edit(text);
      const incremental = parseConfigDocument({ uri: URI, text, previous });
      const fresh = parseConfigDocument({ uri: URI, text });
      assert.deepEqual(observable(incremental), observable(fresh));
      previous = incremental;
    }
  });

  test('reuses the documents an edit did not touch', () => {
    const text = largeEckManifest(1500);
    const first = parseConfigDocument({ uri: URI, text });
    const at = text.lastIndexOf('name:');
    const second = parseConfigDocument({
      uri: URI,
      text: text.slice(0, at) + 'name: renamed-' + text.slice(at + 'name: '.length),
      previous: first,
    });
    const reused = second.yamlDocuments!.filter((doc) => first.yamlDocuments!.includes(doc)).length;
    assert.equal(reused, second.yamlDocuments!.length - 1, 'all but the edited document');
  });
});
