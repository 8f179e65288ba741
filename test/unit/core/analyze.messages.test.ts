import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/core/analyze';
import { checkText } from '../../../server/src/cli/check';
import { formatJson, formatSarif, formatText } from '../../../server/src/cli/format';
import { parseConfigDocument, yamlErrorMessage } from '../../../server/src/core/model/parseDocument';
import { MAX_MESSAGE_LENGTH } from '../../../server/src/core/text';

const SECRET = 'c2VjcmV0LWlkOnNlY3JldC1rZXktdmFsdWU=';

/** Texts that break the YAML on or around a line holding a secret. */
const BROKEN_WITH_SECRET = [
  `- a\ncluster.remote.prod.credentials: ${SECRET}\n`,
  `cluster.remote.prod.seeds: [a:9300]\n- ${SECRET}\n`,
  `cluster.remote.prod.credentials: "${SECRET}\\q"\n`,
  `cluster.remote.prod.credentials: >${SECRET}\n  x\n`,
  `cluster.remote.prod.credentials: *${SECRET}\n`,
  `cluster.remote.prod.credentials: !${SECRET} x\n`,
  `"cluster.remote.prod.credentials": "${SECRET}\n`,
];

describe('messages never quote secrets or run long', () => {
  test("leaves the rules' own long explanations whole", () => {
    const text =
      'cluster.remote.west.seeds: west:9300\ncluster.remote.west.transport.compress: whenever\ncluster.remote.West.mode: sniff\n';
    const document = parseConfigDocument({ uri: 'file:///etc/elasticsearch/elasticsearch.yml', text });
    for (const finding of analyze(document).findings) assert.ok(!finding.message.includes('…'), finding.message);
  });

  for (const text of BROKEN_WITH_SECRET) {
    test(`no message holds the value: ${JSON.stringify(text.slice(0, 40))}`, () => {
      const document = parseConfigDocument({ uri: 'file:///etc/elasticsearch/elasticsearch.yml', text });
      const { findings } = analyze(document);
      assert.ok(findings.length > 0, 'the broken file is reported');
      for (const finding of findings) {
        assert.ok(!finding.message.includes(SECRET.slice(0, 8)), finding.message);
        for (const related of finding.related ?? []) assert.ok(!related.message.includes(SECRET.slice(0, 8)), related.message);
      }
      const checked = checkText('elasticsearch.yml', text);
      assert.ok(checked);
      const result = {
        files: [checked],
        skipped: 0,
        unrecognized: [],
        unreadable: [],
        counts: { error: 1, warning: 0, info: 0, hint: 0 },
      };
      for (const output of [formatText(result), formatSarif(result, '0.0.0'), formatJson(result)]) {
        assert.ok(!output.includes(SECRET.slice(0, 8)), output);
      }
    });
  }

  test('the parser message keeps its explanation but drops the quoted token', () => {
    assert.equal(
      yamlErrorMessage(`Unexpected scalar token in YAML stream: "${SECRET}" at line 2, column 1:\n\n${SECRET}\n^`),
      'Unexpected scalar token in YAML stream',
    );
    assert.equal(yamlErrorMessage('Invalid escape sequence \\q'), 'Invalid escape sequence');
    assert.equal(
      yamlErrorMessage('Missing closing "quote at line 1, column 6:'),
      'Missing closing "quote',
      'the quote character is not document text',
    );
    assert.equal(
      yamlErrorMessage('Implicit map keys need to be followed by map values at line 3, column 1:'),
      'Implicit map keys need to be followed by map values',
    );
  });

  test('caps messages that quote a huge key, and the YAML errors of random bytes', () => {
    const key = `cluster.remote.${'x'.repeat(50_000)}.sedes`;
    const document = parseConfigDocument({ uri: 'file:///etc/elasticsearch/elasticsearch.yml', text: `${key}: a:9300\n` });
    const { findings } = analyze(document);
    assert.ok(findings.length > 0);
    for (const finding of findings) {
      assert.ok(finding.message.length <= MAX_MESSAGE_LENGTH, `${finding.message.length} characters`);
      assert.ok(!finding.message.includes('x'.repeat(250)), 'the key is quoted as an excerpt');
    }
    assert.ok(
      findings.some((f) => f.message.includes('xxx…')),
      'a cut quote says so',
    );

    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const noise = Array.from({ length: 200_000 }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('');
    const noisy = analyze(parseConfigDocument({ uri: 'file:///etc/elasticsearch/elasticsearch.yml', text: noise }));
    for (const finding of noisy.findings)
      assert.ok(finding.message.length <= MAX_MESSAGE_LENGTH, `${finding.message.length} characters`);
  });
});
