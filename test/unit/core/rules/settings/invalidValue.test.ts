import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY, check, fixed, single } from './harness';

describe('rule invalid-value', () => {
  test('flags a port range for remote_cluster.port and keeps the first port', () => {
    const text = 'remote_cluster.port: 9443-9500\n';
    const finding = single('invalid-value', text);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '9443-9500');
    assert.equal(fixed('invalid-value', text), 'remote_cluster.port: 9443\n');
  });

  test('flags numbers outside the allowed range', () => {
    const found = check(
      'invalid-value',
      'remote_cluster.port: 70000\nremote_cluster.publish_port: -2\nremote_cluster.tcp.keep_idle: 301\nremote_cluster.tcp.keep_interval: -5\nremote_cluster.tcp.keep_count: -2\ncluster.remote.a.seeds: [a:9300]\ncluster.remote.a.node_connections: 0\n',
    );
    assert.deepEqual(
      found.map((f) => f.text),
      ['70000', '-2', '301', '-5', '-2', '0'],
    );
  });

  test('flags enum and boolean values with a fix for near misses', () => {
    const text =
      'cluster.remote.a.seeds: [a:9300]\ncluster.remote.a.transport.compression_scheme: lz5\ncluster.remote.a.skip_unavailable: ture\n';
    assert.deepEqual(
      check('invalid-value', text).map((f) => f.text),
      ['lz5', 'ture'],
    );
    assert.equal(fixed('invalid-value', text, {}, 0, 1), text.replace('ture', 'true'));
  });

  test('flags a time value without a unit and adds seconds', () => {
    const text = 'cluster.remote.initial_connect_timeout: 30\n';
    assert.match(single('invalid-value', text).message, /has no unit/);
    assert.equal(fixed('invalid-value', text), 'cluster.remote.initial_connect_timeout: 30s\n');
  });

  test('writes JSON booleans bare when fixing', () => {
    const text = '{"persistent": {"cluster.remote.a.skip_unavailable": "flase"}}';
    assert.equal(fixed('invalid-value', text, { uri: BODY }), '{"persistent": {"cluster.remote.a.skip_unavailable": false}}');
  });

  test('accepts valid values, YAML 1.1 booleans, -1 for ping_schedule and null', () => {
    const text = [
      'remote_cluster.port: 9443',
      'remote_cluster.tcp.keep_idle: -1',
      'cluster.remote.a.seeds: [a:9300]',
      'cluster.remote.a.skip_unavailable: yes',
      'cluster.remote.a.transport.ping_schedule: -1',
      'cluster.remote.a.transport.compress: INDEXING_DATA',
      'cluster.remote.a.node_connections:',
      'remote_cluster.tcp.send_buffer_size: 64kb',
      '',
    ].join('\n');
    assert.deepEqual(check('invalid-value', text), []);
  });
});
