import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/core/analyze';
import { JSON_BODY_KINDS, SCHEMA_FILE_SUFFIXES, SCHEMA_FILES } from '../../../server/src/core/json/kinds';
import { CONSOLE_FILE_NAME, CONSOLE_LANGUAGE_ID, parseConfigDocument } from '../../../server/src/core/model/parseDocument';
import { REPO_ROOT } from '../core/json/support';

interface PackageJson {
  activationEvents: string[];
  contributes: {
    jsonValidation: Array<{ fileMatch: string; url: string }>;
    languages: Array<{ id: string; extensions: string[]; configuration: string }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    snippets: Array<{ language: string; path: string }>;
  };
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
const readRepoJson = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as unknown;

describe('package.json contributions for JSON bodies and Console files', () => {
  test('contributes one schema per body kind, with the same file-name convention the server uses', () => {
    const contributed = pkg.contributes.jsonValidation.map((v) => [v.fileMatch, v.url]).sort();
    const expected = JSON_BODY_KINDS.map((kind) => [`*${SCHEMA_FILE_SUFFIXES[kind]}`, `./schemas/${SCHEMA_FILES[kind]}`]).sort();
    assert.deepEqual(contributed, expected);
  });

  test('ships schemas whose local references all resolve', () => {
    for (const kind of JSON_BODY_KINDS) {
      const schema = readRepoJson(`schemas/${SCHEMA_FILES[kind]}`) as { definitions?: Record<string, unknown> };
      const refs = JSON.stringify(schema).match(/"\$ref":"[^"]+"/g) ?? [];
      for (const ref of refs) {
        const name = /#\/definitions\/([^"]+)/.exec(ref)?.[1];
        assert.ok(name && schema.definitions?.[name], `${kind}: ${ref}`);
      }
    }
  });

  test('declares the Console language with the extensions, grammar and configuration the server and files use', () => {
    const language = pkg.contributes.languages.find((l) => l.id === CONSOLE_LANGUAGE_ID);
    assert.ok(language);
    for (const extension of language.extensions) assert.ok(CONSOLE_FILE_NAME.test(`requests${extension}`), extension);
    assert.ok(existsSync(join(REPO_ROOT, language.configuration)));
    const grammar = pkg.contributes.grammars.find((g) => g.language === CONSOLE_LANGUAGE_ID);
    assert.ok(grammar && existsSync(join(REPO_ROOT, grammar.path)));
    assert.equal((readRepoJson(grammar.path) as { scopeName: string }).scopeName, grammar.scopeName);
    assert.ok(pkg.activationEvents.includes(`onLanguage:${CONSOLE_LANGUAGE_ID}`));
    const configuration = readRepoJson(language.configuration) as { comments: { lineComment: string }; brackets: string[][] };
    assert.equal(configuration.comments.lineComment, '#');
    assert.deepEqual(configuration.brackets, [
      ['{', '}'],
      ['[', ']'],
    ]);
  });
});

/** Expands a VS Code snippet with its default values: `${1:x}` → x, `${1|a,b|}` → a, `$1` → ''. */
function expandSnippet(body: string): string {
  let text = body.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+:((?:[^{}$\\]|\\.)*)\}/g, '$1');
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

const SNIPPET_KINDS: Record<string, string> = {
  'cluster-settings-api-key': 'cluster-settings',
  'cluster-settings-cert': 'cluster-settings',
  'cluster-settings-cloud': 'cluster-settings',
  'cluster-settings-remove': 'cluster-settings',
  'api-key-search': 'cross-cluster-api-key',
  'api-key-search-replication': 'cross-cluster-api-key',
  'api-key-strong-identity': 'cross-cluster-api-key',
  'api-key-update': 'cross-cluster-api-key',
  'role-remote': 'security-role',
  'cloud-trust-accounts': 'cloud-trust',
  'cloud-trust-direct': 'cloud-trust',
  'cloud-trust-external': 'cloud-trust',
  'cloud-remote-clusters': 'cloud-remote-clusters',
  'cloud-keystore': 'cloud-keystore',
};

/** Findings a snippet's placeholder text is expected to raise until the user fills it in. */
const PLACEHOLDER_ERRORS = new Set(['trust-certificate-pem']);

describe('snippets', () => {
  for (const [file, uri] of [
    ['snippets/json-remote-clusters.code-snippets', 'file:///snippets/body.json'],
    ['snippets/console-remote-clusters.code-snippets', 'file:///snippets/requests.es'],
  ]) {
    test(`${file}: every body expands to a recognised, error-free request`, () => {
      assert.ok(
        pkg.contributes.snippets.some((s) => `./${file}` === s.path),
        'declared in package.json',
      );
      const snippets = readRepoJson(file) as Record<string, { prefix: string; body: string[] }>;
      for (const [name, kind] of Object.entries(SNIPPET_KINDS)) {
        const snippet = snippets[name];
        assert.ok(snippet, `${file} has ${name}`);
        assert.match(snippet.prefix, /^es-/);
        const document = parseConfigDocument({ uri, text: expandSnippet(snippet.body.join('\n')) });
        const bodyKind = document.kind === 'console' ? document.bodies?.[0]?.kind : document.kind;
        assert.equal(bodyKind, kind, `${name} is a ${kind} body`);
        const errors = analyze(document, { stackVersion: '9.3.0' }).findings.filter(
          (f) => f.severity === 'error' && !PLACEHOLDER_ERRORS.has(f.ruleId),
        );
        assert.deepEqual(
          errors.map((f) => `${f.ruleId}: ${f.message}`),
          [],
          name,
        );
      }
    });
  }
});
