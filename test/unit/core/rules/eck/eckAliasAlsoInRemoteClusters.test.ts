import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withConfig } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-alias-also-in-remote-clusters (rule 68)', () => {
  const spec = 'version: 8.15.0\nremoteClusters:\n  - name: west\n    elasticsearchRef: {name: west}';
  test('warns once per alias configured in both places, at the alias', () => {
    const found = eckFindingsOf(
      'eck-alias-also-in-remote-clusters',
      withConfig('cluster.remote.west.seeds: ["w:9300"]\ncluster.remote.west.skip_unavailable: true', spec),
    );
    assert.deepEqual(
      found.map((f) => [f.text, f.line]),
      [['west', 14]],
    );
    assert.equal(found[0].related?.length, 1);
  });
  test('is silent for other aliases', () => {
    assert.deepEqual(
      eckFindingsOf('eck-alias-also-in-remote-clusters', withConfig('cluster.remote.east.seeds: ["e:9300"]', spec)),
      [],
    );
  });
});
