import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withConfig } from '../../eck/fixtures';
import { eckFindingsOf, fixed } from '../../eck/support';

describe('eck-remote-cluster-port (rule 65)', () => {
  test('is an error for any port but 9443 and removes the setting', () => {
    const text = withConfig('remote_cluster:\n  port: 9444\nnode.roles: [master]');
    const found = eckFindingsOf('eck-remote-cluster-port', text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      [['error', '9444']],
    );
    assert.equal(fixed(text, 'eck-remote-cluster-port'), withConfig('node.roles: [master]'));
  });
  test('is silent for 9443 and in elasticsearch.yml', () => {
    assert.deepEqual(eckFindingsOf('eck-remote-cluster-port', withConfig('remote_cluster.port: 9443')), []);
    assert.deepEqual(
      eckFindingsOf('eck-remote-cluster-port', 'remote_cluster.port: 9444\n', {}, 'file:///etc/elasticsearch/elasticsearch.yml'),
      [],
    );
  });
});
