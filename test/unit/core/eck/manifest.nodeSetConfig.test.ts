import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withConfig } from './fixtures';
import { eckFindingsOf } from './support';

describe('settings rules run inside nodeSets[].config at exact positions', () => {
  test('reports an unknown remote-cluster key where it is written in the manifest', () => {
    const found = eckFindingsOf('unknown-setting', withConfig('cluster.remote.west.seed: ["w:9300"]'));
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'seed');
    assert.equal(found[0].line, 11);
  });
});
