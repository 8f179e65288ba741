import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AddRemoteDraft } from '../../../../client/src/flows/remoteDraft';
import {
  connectionFor,
  describeConnectionWrite,
  skipUnavailableItems,
  skipUnavailablePlaceholder,
  sniffAllowed,
} from '../../../../client/src/flows/remoteOptions';

test('sniff mode is offered only where the local nodes can reach the remote nodes: not on or to Cloud / ECE deployments', () => {
  assert.equal(sniffAllowed({ localPlatform: 'self-managed' }), true);
  assert.equal(sniffAllowed({ localPlatform: 'eck' }), true);
  assert.equal(sniffAllowed({ localPlatform: 'cloud' }), false);
  assert.equal(sniffAllowed({ localPlatform: 'ece' }), false);
  const remoteDeployment = { endpoint: 'x.example' } as AddRemoteDraft['remoteDeployment'];
  assert.equal(sniffAllowed({ localPlatform: 'self-managed', remoteDeployment }), false);
});

test('what is written: sniff seeds without server name, proxy with it, counts and skip_unavailable only when answered', () => {
  const sniff: AddRemoteDraft = {
    localPlatform: 'eck',
    address: 'a:9443',
    serverName: 'ignored',
    mode: 'sniff',
    seeds: ['a:9443', 'b:9443'],
    connectionCount: 2,
    skipUnavailable: false,
  };
  assert.deepEqual(connectionFor(sniff), {
    address: 'a:9443',
    seeds: ['a:9443', 'b:9443'],
    connections: 2,
    skipUnavailable: false,
  });
  assert.equal(
    describeConnectionWrite('local', 'eu', sniff, false),
    'On "local": PUT _cluster/settings — cluster.remote.eu.mode: sniff, seeds: a:9443, b:9443, node_connections: 2, skip_unavailable: false.',
  );
  // A sniff answer left over from before a Cloud platform was chosen does not count.
  const proxy: AddRemoteDraft = { localPlatform: 'cloud', address: 'p:9443', serverName: 'p', mode: 'sniff' };
  assert.deepEqual(connectionFor(proxy), { address: 'p:9443', serverName: 'p' });
  assert.match(
    describeConnectionWrite('local', 'eu', proxy, true),
    /mode: proxy, proxy_address: p:9443, server_name: p, skip_unavailable: not set \(the version's default\) \(replacing/,
  );
});

test('the skip_unavailable question names the 8.15 default change and the default of the cluster at hand', () => {
  assert.match(skipUnavailablePlaceholder('8.17.0'), /default became true in 8\.15 \(this cluster: 8\.17\.0\)/);
  const unset = (version: string | undefined) =>
    skipUnavailableItems(version).find((item) => item.value === 'unset')?.description;
  assert.equal(unset('8.14.3'), 'default here: false');
  assert.equal(unset('8.15.0'), 'default here: true');
  assert.equal(unset(undefined), 'the version default');
});
