import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REMOTE_BLOCK_SNIPPETS, renderFlatYaml } from '../../../../server/src/core/catalog/snippets';
import { analyze } from '../../../../server/src/core/analyze';
import { doc } from '../../helpers';

describe('remote-cluster snippets', () => {
  test('every snippet, with its placeholders filled in, is a clean elasticsearch.yml', () => {
    for (const snippet of REMOTE_BLOCK_SNIPPETS) {
      const text = renderFlatYaml(snippet)
        .join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace('$0', '');
      const errors = analyze(doc(text), { stackVersion: '8.15.0' }).findings.filter(
        (f) => f.severity === 'error' || f.severity === 'warning',
      );
      assert.deepEqual(
        errors.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        snippet.prefix,
      );
    }
  });
});
