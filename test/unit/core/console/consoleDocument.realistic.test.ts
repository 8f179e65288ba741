import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { fixture, locate } from '../json/support';

describe('a realistic Console file (test/fixtures/json/remote-setup.es)', () => {
  test('produces exactly the expected findings, at the expected places', () => {
    const document = parseConfigDocument({ uri: 'file:///project/remote-setup.es', text: fixture('remote-setup.es') });
    assert.deepEqual(
      document.bodies?.map((b) => b.kind),
      ['cross-cluster-api-key', 'cloud-keystore', 'cluster-settings', 'security-role', 'cloud-trust', 'cluster-settings'],
    );
    const findings = locate(document, { stackVersion: '8.15.0' }).map((f) => [f.line, f.ruleId, f.severity, f.text]);
    assert.deepEqual(findings, [
      [9, 'api-key-index-alias-prefix', 'warning', '"west:metrics-*"'],
      [10, 'api-key-replication-dls-fls', 'error', '"query"'],
      [48, 'trust-allowlist-deployment-id', 'error', '"0c8f2b1d9e7a4c6b8a5d3f1e2b4c6d8e"'],
      [51, 'trust-direct-scope', 'error', '"trust_all"'],
      [63, 'cluster-settings-mode-switch', 'error', '"proxy"'],
    ]);
  });
});
