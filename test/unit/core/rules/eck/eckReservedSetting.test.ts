import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withConfig } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

describe('eck-reserved-setting (rule 67)', () => {
  test('warns about every key ECK reserves, in flat and nested form', () => {
    const text = withConfig(
      'cluster.name: mine\nnetwork:\n  host: 0.0.0.0\nxpack.security.transport.ssl.verification_mode: none',
    );
    const found = eckFindingsOf('eck-reserved-setting', text);
    assert.deepEqual(
      found.map((f) => f.text),
      ['cluster.name', 'host', 'xpack.security.transport.ssl.verification_mode'],
    );
    assert.equal(
      fixed(withConfig('cluster.name: mine\nnode.roles: [master]'), 'eck-reserved-setting'),
      withConfig('node.roles: [master]'),
    );
  });
  test('is silent for keys ECK leaves to you', () => {
    assert.deepEqual(
      eckFindingsOf(
        'eck-reserved-setting',
        withConfig('node.roles: [master]\nxpack.security.transport.ssl.certificate_authorities: [a.crt]'),
      ),
      [],
    );
  });
});
