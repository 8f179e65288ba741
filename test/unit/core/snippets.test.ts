import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { REMOTE_BLOCK_SNIPPETS, renderFlatYaml, vscodeSnippetFile } from '../../../server/src/core/catalog/snippets';
import { analyze } from '../../../server/src/core/analyze';
import { doc } from '../helpers';

describe('remote-cluster snippets', () => {
  it('the VS Code snippet file equals the catalog rendering (regenerate it from vscodeSnippetFile() when this fails)', () => {
    const file = readFileSync(join(process.cwd(), 'snippets', 'elasticsearch-yml.code-snippets'), 'utf8');
    assert.deepEqual(parse(file), vscodeSnippetFile(), JSON.stringify(vscodeSnippetFile(), null, 2));
  });

  it('package.json contributes the file under its real name', () => {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ path: string }> } };
    assert.ok(manifest.contributes.snippets.some((s) => s.path === './snippets/elasticsearch-yml.code-snippets'));
  });

  it('every snippet, with its placeholders filled in, is a clean elasticsearch.yml', () => {
    for (const snippet of REMOTE_BLOCK_SNIPPETS) {
      const text = renderFlatYaml(snippet)
        .join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace('$0', '');
      const errors = analyze(doc(text), { stackVersion: '8.15.0' }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), [], snippet.prefix);
    }
  });
});
