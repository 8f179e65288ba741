import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findLeniencies } from '../../../../server/src/core/json/leniency';
import { consoleDoc, jsonDoc, ruleFindings } from './support';

describe('JSON the targets reject (trailing commas) or may reject (comments in Cloud bodies)', () => {
  test('finds trailing commas and comments, and nothing in strings', () => {
    const text = '{"a": [1, 2,], /* note */ "b": "x,}", // end\n "c": {"d": 1,},}';
    const found = findLeniencies(text);
    assert.deepEqual(
      found.trailingCommas.map((s) => text.slice(s.start - 1, s.end + 1)),
      ['2,]', '1,}', '},}'],
    );
    assert.deepEqual(
      found.comments.map((s) => text.slice(s.start, s.end)),
      ['/* note */', '// end'],
    );
  });

  test('reports a trailing comma in a _cluster/settings body as an error, with a fix', () => {
    const document = jsonDoc(`
      {
        "persistent": {
          "cluster.remote.west.seeds": ["west-1:9300"],
        }
      }
    `);
    const found = ruleFindings('json-trailing-comma', document);
    assert.deepEqual(
      found.map((f) => [f.line, f.severity, f.text]),
      [[3, 'error', ',']],
    );
    assert.match(found[0].message, /Elasticsearch rejects/);
    assert.deepEqual(found[0].fixes?.[0].edits, [{ span: found[0].span, newText: '' }]);
  });

  test('reports a trailing comma in a Cloud trust body and a Console request body', () => {
    const trust = jsonDoc(
      `
      {
        "trust": {
          "accounts": [{ "account_id": "123456789", "trust_all": true },]
        }
      }
    `,
      'file:///deploy/payload.trust.json',
    );
    assert.deepEqual(
      ruleFindings('json-trailing-comma', trust).map((f) => [f.line, f.text]),
      [[3, ',']],
    );
    assert.match(ruleFindings('json-trailing-comma', trust)[0].message, /Cloud API rejects/);
    const console = consoleDoc(`
      PUT _cluster/settings
      {
        "persistent": { "cluster.remote.west.mode": "proxy", }
      }
    `);
    assert.deepEqual(
      ruleFindings('json-trailing-comma', console).map((f) => f.line),
      [3],
    );
  });

  test('accepts comments in Elasticsearch bodies (Jackson ALLOW_COMMENTS) and warns in Cloud bodies', () => {
    const settings = jsonDoc('{\n  // the west data centre\n  "persistent": { "cluster.remote.west.seeds": ["w:9300"] }\n}');
    assert.deepEqual(ruleFindings('json-comment-cloud', settings), []);
    assert.deepEqual(ruleFindings('json-trailing-comma', settings), []);
    const trust = jsonDoc(
      '{\n  /* partner */\n  "trust": { "accounts": [{ "account_id": "1", "trust_all": true }] }\n}',
      'file:///deploy/payload.trust.json',
    );
    assert.deepEqual(
      ruleFindings('json-comment-cloud', trust).map((f) => [f.line, f.severity]),
      [[2, 'warning']],
    );
  });

  test('leaves JSON editor documents to VS Code, which reports both itself', () => {
    const document = jsonDoc('{"persistent": {"cluster.remote.west.mode": "proxy",}}', 'file:///x/body.json', 'json');
    assert.deepEqual(ruleFindings('json-trailing-comma', document), []);
  });
});
