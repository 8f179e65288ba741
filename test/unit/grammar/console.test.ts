import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const GRAMMAR = join(REPO_ROOT, 'syntaxes', 'elasticsearch-console.tmLanguage.json');
const SCOPE = 'source.elasticsearch-console';

interface Token {
  text: string;
  scopes: string[];
}

let grammar: IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => (scopeName === SCOPE ? parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
  });
  const loaded = await registry.loadGrammar(SCOPE);
  assert.ok(loaded, 'grammar loads');
  grammar = loaded;
});

function tokenize(text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The innermost scopes of the token with exactly this text on the line. */
function scopesOf(line: Token[], text: string): string[] {
  const token = line.find((t) => t.text === text);
  assert.ok(token, `token "${text}" in ${JSON.stringify(line.map((t) => t.text))}`);
  return token.scopes;
}

const SAMPLE = [
  '# Configure the remote',
  'PUT /_cluster/settings?flat_settings=true',
  '{',
  '  "persistent": {',
  '    "cluster.remote.west.skip_unavailable": true,',
  '    "cluster.remote.west.node_connections": 3,',
  '    "cluster.remote.east.seeds": null // removed',
  '  }',
  '}',
  'POST _scripts/x',
  '{ "script": """',
  'GET is text here',
  '""" }',
  'get _remote/info',
].join('\n');

describe('Console TextMate grammar', () => {
  const lines = () => tokenize(SAMPLE);

  test('scopes comments', () => {
    assert.ok(scopesOf(lines()[0], '#').includes('punctuation.definition.comment.elasticsearch-console'));
    assert.ok(scopesOf(lines()[0], ' Configure the remote').includes('comment.line.number-sign.elasticsearch-console'));
    assert.ok(scopesOf(lines()[6], ' removed').includes('comment.line.double-slash.elasticsearch-console'));
  });

  test('scopes the request line: method, path and query string', () => {
    const line = lines()[1];
    assert.deepEqual(scopesOf(line, 'PUT'), [
      SCOPE,
      'meta.request-line.elasticsearch-console',
      'keyword.other.http-method.elasticsearch-console',
    ]);
    assert.ok(scopesOf(line, '/_cluster/settings').includes('string.unquoted.path.elasticsearch-console'));
    assert.ok(scopesOf(line, 'flat_settings').includes('variable.parameter.query.elasticsearch-console'));
    assert.ok(
      scopesOf(lines()[13], 'get').includes('keyword.other.http-method.elasticsearch-console'),
      'methods are case-insensitive',
    );
  });

  test('scopes JSON bodies: keys, strings, numbers and constants inside nested objects', () => {
    const body = lines();
    assert.ok(scopesOf(body[2], '{').includes('punctuation.definition.dictionary.begin.elasticsearch-console'));
    const key = scopesOf(body[4], 'cluster.remote.west.skip_unavailable');
    assert.ok(key.includes('support.type.property-name.elasticsearch-console'));
    assert.equal(key.filter((s) => s === 'meta.structure.dictionary.elasticsearch-console').length, 2, 'nested two objects deep');
    assert.ok(scopesOf(body[4], 'true').includes('constant.language.elasticsearch-console'));
    assert.ok(scopesOf(body[5], '3').includes('constant.numeric.elasticsearch-console'));
    assert.ok(scopesOf(body[6], 'null').includes('constant.language.elasticsearch-console'));
    assert.ok(
      !body[8].some((t) => t.scopes.includes('meta.structure.dictionary.elasticsearch-console') && t.text !== '}'),
      'the body ends at its brace',
    );
  });

  test('keeps request-looking text inside triple-quoted strings as string content', () => {
    const body = lines();
    assert.ok(scopesOf(body[11], 'GET is text here').includes('string.quoted.triple.elasticsearch-console'));
    assert.ok(!body[11].some((t) => t.scopes.includes('keyword.other.http-method.elasticsearch-console')));
  });

  test('recovers at the next request line when a body is left open', () => {
    const [, , , request] = tokenize('PUT _cluster/settings\n{\n  "persistent": {\nGET _cluster/health');
    assert.ok(scopesOf(request, 'GET').includes('keyword.other.http-method.elasticsearch-console'));
    assert.ok(!scopesOf(request, 'GET').includes('meta.structure.dictionary.elasticsearch-console'));
  });
});
