import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { es } from '../../eck/fixtures';
import { eckFindingsOf } from '../../eck/support';

describe('eck-remote-cluster-server-version (rule 55)', () => {
  test('is an error before 8.10.0, at the enabled key', () => {
    const found = eckFindingsOf(
      'eck-remote-cluster-server-version',
      es('a', 'version: 8.9.2\nremoteClusterServer:\n  enabled: true'),
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].text, 'enabled');
    assert.match(found[0].message, /8\.10\.0/);
  });

  test('is silent from 8.10.0 (pre-releases included), when disabled, or without a version', () => {
    for (const spec of [
      'version: 8.10.0\nremoteClusterServer:\n  enabled: true',
      'version: 8.10.0-SNAPSHOT\nremoteClusterServer:\n  enabled: true',
      'version: 8.9.2\nremoteClusterServer:\n  enabled: false',
      'remoteClusterServer:\n  enabled: true',
    ]) {
      assert.deepEqual(eckFindingsOf('eck-remote-cluster-server-version', es('a', spec)), [], spec);
    }
  });
});
