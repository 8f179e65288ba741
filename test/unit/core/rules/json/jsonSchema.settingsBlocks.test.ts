import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { completeAt } from '../../../../../server/src/core/completion';
import { hoverAt } from '../../../../../server/src/core/hover';
import { applyFix } from '../../../helpers';
import { consoleDoc, jsonDoc, offsetOf, ruleFindings } from '../../json/support';

/**
 * The schema check does not walk the contents of `persistent`/`transient` (the settings rules
 * cover them; the schema only says they are objects). What it reports around those blocks must
 * still point at the right text, however large the blocks are.
 */

/** A `persistent` block with `count` remotes, nested and flat, over several lines each. */
function settingsBlock(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      `    "cluster.remote.r${i}.mode": "proxy",`,
      `    "cluster.remote.r${i}.proxy_address": "r${i}.example.com:9443",`,
    );
  }
  lines.push('    "cluster": { "remote": { "nested": { "mode": "sniff", "seeds": ["n:9300"] } } }');
  return `{\n${lines.join('\n')}\n  }`;
}

describe('schema check around large settings blocks', () => {
  test('points an unknown top-level field after the blocks at its key, with a working rename', () => {
    const document = jsonDoc(
      `{\n  "persistent": ${settingsBlock(200)},\n  "transiet": { "cluster.remote.x.mode": "proxy" }\n}\n`,
    );
    const [finding] = ruleFindings('json-schema', document);
    assert.equal(finding.text, '"transiet"');
    assert.match(finding.message, /Did you mean `transient`\?/);
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'json-schema')!,
    );
    assert.match(fixed, /\n {2}"transient": \{ "cluster\.remote\.x\.mode"/);
    assert.deepEqual(ruleFindings('json-schema', jsonDoc(fixed)), []);
  });

  test('points a wrong type between two blocks at the value', () => {
    const text = `{\n  "persistent": ${settingsBlock(50)},\n  "transient": 5\n}\n`;
    const [finding] = ruleFindings('json-schema', jsonDoc(text));
    assert.equal(finding.text, '5');
    assert.equal(finding.line, 105);
  });

  test('reports the same problems for a body whose blocks come before and after the problem', () => {
    const wrong = '"metadata": {}';
    const before = jsonDoc(`{ ${wrong}, "persistent": ${settingsBlock(30)}, "transient": ${settingsBlock(30)} }`);
    const after = jsonDoc(`{ "persistent": ${settingsBlock(30)}, "transient": ${settingsBlock(30)}, ${wrong} }`);
    for (const document of [before, after]) {
      const found = ruleFindings('json-schema', document);
      assert.deepEqual(
        found.map((f) => f.text),
        ['"metadata"'],
      );
    }
  });

  test('falls back to the whole text when a body has syntax errors, and still finds the same field', () => {
    const document = jsonDoc(`{\n  "persistent": { "cluster.remote.a.mode": "proxy",, },\n  "transiet": {}\n}\n`);
    assert.ok(analyze(document).findings.some((f) => f.ruleId === 'json-syntax'));
    assert.deepEqual(
      ruleFindings('json-schema', document).map((f) => f.text),
      ['"transiet"'],
    );
  });

  test('completes and explains top-level fields after a large block (document offsets, Console too)', () => {
    const document = consoleDoc(
      `GET _cluster/health\n\nPUT _cluster/settings\n{ "persistent": ${settingsBlock(100)}, "tran" }\n`,
    );
    const offset = offsetOf(document, '"tran"', 3);
    const transient = completeAt(document, offset).find((candidate) => candidate.label === 'transient');
    assert.ok(transient, 'transient is offered');
    assert.equal(document.text.slice(transient.replaceSpan.start, transient.replaceSpan.end), '"tran"');

    const hover = hoverAt(document, offsetOf(document, '"persistent"', 2));
    assert.match(hover?.markdown ?? '', /survive a full cluster restart/);
    assert.equal(document.text.slice(hover!.span.start, hover!.span.end), '"persistent"');
  });

  test('still completes settings inside a block, where the schema check never looks', () => {
    const document = jsonDoc(`{ "persistent": { "cluster.remote.west.mode": "proxy", "" } }`);
    const labels = completeAt(document, offsetOf(document, '"" }', 1)).map((candidate) => candidate.label);
    assert.ok(labels.includes('cluster.remote.west.proxy_address'), labels.join(', '));
  });
});
