import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countProblem,
  currentValues,
  describeDiff,
  editBody,
  isEmptyBody,
  legacyKeys,
  parseSeeds,
} from '../../../../client/src/flows/remoteEdit';
import { pickAliasSettings } from '../../../../client/src/flows/aliasSettings';

const settings = (persistent: Record<string, unknown>, transient: Record<string, unknown> = {}) =>
  pickAliasSettings('eu', { persistent, transient });

test('the values in effect: transient over persistent, current names over legacy ones, sniff when no mode is set', () => {
  const stored = settings(
    {
      'cluster.remote.eu.seeds': ['a:9300', 'b:9300'],
      'search.remote.eu.seeds': ['old:9300'],
      'search.remote.eu.skip_unavailable': 'false',
      'cluster.remote.eu.node_connections': '2',
      'cluster.remote.other.seeds': ['x:9300'],
    },
    { 'cluster.remote.eu.skip_unavailable': 'true' },
  );
  assert.deepEqual(Object.keys(stored.persistent).sort(), [
    'cluster.remote.eu.node_connections',
    'cluster.remote.eu.seeds',
    'search.remote.eu.seeds',
    'search.remote.eu.skip_unavailable',
  ]);
  assert.deepEqual(currentValues(stored), {
    mode: 'sniff',
    seeds: ['a:9300', 'b:9300'],
    nodeConnections: 2,
    skipUnavailable: true,
  });
  assert.deepEqual(legacyKeys(stored), ['search.remote.eu.seeds', 'search.remote.eu.skip_unavailable']);
});

test('switching sniff → proxy sets the new keys and nulls the sniff keys, legacy keys and transient copies in one body', () => {
  const before = settings(
    {
      'cluster.remote.eu.seeds': ['a:9300'],
      'cluster.remote.eu.transport.compress': 'true',
      'search.remote.eu.skip_unavailable': 'true',
    },
    { 'cluster.remote.eu.node_connections': '5' },
  );
  const body = editBody(before, { mode: 'proxy', proxyAddress: 'p:9443', serverName: 'p', skipUnavailable: true });
  assert.deepEqual(body, {
    persistent: {
      'cluster.remote.eu.seeds': null,
      'search.remote.eu.skip_unavailable': null,
      'cluster.remote.eu.mode': 'proxy',
      'cluster.remote.eu.proxy_address': 'p:9443',
      'cluster.remote.eu.server_name': 'p',
      'cluster.remote.eu.skip_unavailable': true,
    },
    transient: { 'cluster.remote.eu.node_connections': null },
  });
  assert.deepEqual(describeDiff(before, body), [
    'cluster.remote.eu.seeds: [a:9300] → (removed) (persistent)',
    'search.remote.eu.skip_unavailable: true → (removed) (persistent) — legacy name, moved to cluster.remote.*',
    'cluster.remote.eu.mode: (not set) → proxy (persistent)',
    'cluster.remote.eu.proxy_address: (not set) → p:9443 (persistent)',
    'cluster.remote.eu.server_name: (not set) → p (persistent)',
    'cluster.remote.eu.skip_unavailable: (not set) → true (persistent)',
    'cluster.remote.eu.node_connections: 5 → (removed) (transient)',
  ]);
});

test('unchanged values make an empty body; clearing a value nulls it and keeps the mode in the request', () => {
  const before = settings({
    'cluster.remote.eu.mode': 'proxy',
    'cluster.remote.eu.proxy_address': 'p:9443',
    'cluster.remote.eu.proxy_socket_connections': '6',
  });
  assert.ok(isEmptyBody(editBody(before, currentValues(before))));
  assert.deepEqual(editBody(before, { mode: 'proxy', proxyAddress: 'p:9443' }), {
    persistent: { 'cluster.remote.eu.proxy_socket_connections': null, 'cluster.remote.eu.mode': 'proxy' },
  });
});

test('seeds and counts as typed', () => {
  assert.deepEqual(parseSeeds(' a:1, b:2  c:3 ,'), ['a:1', 'b:2', 'c:3']);
  assert.equal(countProblem(''), undefined);
  assert.equal(countProblem('3'), undefined);
  assert.match(countProblem('0') ?? '', /at least 1/);
  assert.match(countProblem('two') ?? '', /whole number/);
});
