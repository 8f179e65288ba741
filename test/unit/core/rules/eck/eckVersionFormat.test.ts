import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { es } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-version-format', () => {
  test('flags a YAML number and a version without patch', () => {
    assert.deepEqual(
      eckFindingsOf('eck-version-format', es('a', 'version: 8.15')).map((f) => f.text),
      ['8.15'],
    );
    const found = eckFindingsOf('eck-version-format', es('a', 'version: "8.x"'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /major\.minor\.patch/);
  });

  test('accepts full versions, pre-release labels and kustomize patches without a version', () => {
    for (const spec of ['version: 8.15.3', 'version: "9.0.0-SNAPSHOT"', 'remoteClusterServer: {enabled: true}']) {
      assert.deepEqual(eckFindingsOf('eck-version-format', es('a', spec)), [], spec);
    }
  });
});
