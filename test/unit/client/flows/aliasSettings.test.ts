import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  aliasesIn,
  pickAliasSettings,
  proxySettingsBody,
  removalBody,
  restoreBody,
  type AliasSettings,
} from '../../../../client/src/flows/aliasSettings';

describe('cluster settings bodies for one alias', () => {
  const before: AliasSettings = {
    alias: 'eu',
    persistent: { 'cluster.remote.eu.seeds': ['a:9300'], 'cluster.remote.eu.skip_unavailable': 'false' },
    transient: { 'cluster.remote.eu.transport.compress': 'true' },
  };

  test('switching to proxy mode nulls the old keys the new configuration does not set, in both scopes', () => {
    assert.deepEqual(proxySettingsBody('eu', { address: 'r:9443', serverName: 'r.example' }, before), {
      persistent: {
        'cluster.remote.eu.mode': 'proxy',
        'cluster.remote.eu.proxy_address': 'r:9443',
        'cluster.remote.eu.server_name': 'r.example',
        'cluster.remote.eu.seeds': null,
        'cluster.remote.eu.skip_unavailable': null,
      },
      transient: { 'cluster.remote.eu.transport.compress': null },
    });
  });

  test('restoring puts the earlier values back and nulls what was added; removal nulls everything', () => {
    const now: AliasSettings = {
      alias: 'eu',
      persistent: { 'cluster.remote.eu.mode': 'proxy', 'cluster.remote.eu.proxy_address': 'r:9443' },
      transient: {},
    };
    assert.deepEqual(restoreBody(before, now), {
      persistent: {
        'cluster.remote.eu.mode': null,
        'cluster.remote.eu.proxy_address': null,
        'cluster.remote.eu.seeds': ['a:9300'],
        'cluster.remote.eu.skip_unavailable': 'false',
      },
      transient: { 'cluster.remote.eu.transport.compress': 'true' },
    });
    assert.deepEqual(restoreBody({ alias: 'eu', persistent: {}, transient: {} }, now), removalBody(now));
  });

  test('aliases are read from flat keys, without the global cluster.remote settings', () => {
    assert.deepEqual(
      aliasesIn(
        {
          'cluster.remote.b.seeds': 'x:1',
          'cluster.remote.initial_connect_timeout': '30s',
          'cluster.remote.node.attr': 'gw',
          'cluster.remote.a.mode': 'proxy',
        },
        { 'cluster.remote.a.skip_unavailable': 'true' },
      ),
      ['a', 'b'],
    );
  });
});

test('an alias read from the cluster includes its 7.x legacy names, so removing it nulls them too; other aliases and nulls are left out', () => {
  const stored = pickAliasSettings('eu', {
    persistent: {
      'cluster.remote.eu.seeds': ['a:9300'],
      'search.remote.eu.skip_unavailable': 'true',
      'cluster.remote.eu-west.seeds': ['b:9300'],
      'cluster.remote.eu.mode': null,
    },
    transient: { 'search.remote.eu.seeds': ['c:9300'] },
  });
  assert.deepEqual(stored.persistent, { 'cluster.remote.eu.seeds': ['a:9300'], 'search.remote.eu.skip_unavailable': 'true' });
  assert.deepEqual(removalBody(stored), {
    persistent: { 'cluster.remote.eu.seeds': null, 'search.remote.eu.skip_unavailable': null },
    transient: { 'search.remote.eu.seeds': null },
  });
});
