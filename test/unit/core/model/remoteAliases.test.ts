import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import {
  connectionAddresses,
  flaggedAddresses,
  isCloudEndpoint,
  legacyRemoteAliases,
  mayHoldCloudEndpoint,
  occurrencesByDefinition,
  occurrencesOf,
  remoteAliases,
  unknownOccurrences,
} from '../../../../server/src/core/model/remoteAliases';
import type { SettingsScope, ValueNode } from '../../../../server/src/core/model/settingsScope';

function scopeOf(text: string, uri = 'file:///cfg/elasticsearch.yml', version = 1): SettingsScope {
  const document = parseConfigDocument({ uri, text, version });
  assert.equal(document.scopes.length, 1);
  return document.scopes[0];
}

describe('remote-alias model', () => {
  test('groups settings by alias in order of first appearance; invalid aliases only when asked for', () => {
    const scope = scopeOf(
      [
        'cluster.remote.west.seeds: [w1:9300]',
        'cluster.remote.bad alias.seeds: [b:9300]',
        'cluster.remote.east.mode: proxy',
        'cluster.remote.west.skip_unavailable: true',
        'cluster.remote.east.proxy_address: e:9443',
        'search.remote.old.seeds: [o:9300]',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      remoteAliases(scope).map((r) => [r.alias, r.mode, r.settings.map((s) => s.suffix)]),
      [
        ['west', 'sniff', ['seeds', 'skip_unavailable']],
        ['east', 'proxy', ['mode', 'proxy_address']],
      ],
    );
    assert.deepEqual(
      remoteAliases(scope, { includeInvalid: true }).map((r) => r.alias),
      ['west', 'bad alias', 'east'],
    );
    assert.deepEqual(
      legacyRemoteAliases(scope).map((r) => r.alias),
      ['old'],
    );
    assert.equal(remoteAliases(scope), remoteAliases(scope), 'built once per scope');
  });

  test('finds the first setting of a suffix the same way for a few settings and for many', () => {
    for (const extra of [1, 30]) {
      const lines = ['cluster.remote.west.mode: proxy', 'cluster.remote.west.proxy_address: first:9443'];
      for (let i = 0; i < extra; i++) lines.push(`cluster.remote.west.unknown_${i}: x`);
      lines.push('cluster.remote.west.proxy_address: again:9443', '');
      const [west] = remoteAliases(scopeOf(lines.join('\n')));
      assert.equal(west.settings.length, extra + 3);
      assert.equal(west.bySuffix.get('proxy_address')?.value.text, 'first:9443', `${extra} extra settings`);
      assert.equal(west.bySuffix.has('unknown_0'), true);
      assert.equal(west.bySuffix.has('seeds'), false);
      assert.equal(west.bySuffix.get('seeds'), undefined);
    }
  });

  test('lists the addresses that do not parse, in document order, and re-checks an edited version', () => {
    const text = [
      'cluster.remote.a.seeds: ["a1:9300", "a2"]',
      'cluster.remote.b.mode: proxy',
      'cluster.remote.b.proxy_address: "https://b:9443"',
      'cluster.remote.c.seeds: c1:9300, c2:x',
      '',
    ].join('\n');
    const scope = scopeOf(text);
    const invalid = flaggedAddresses(scope);
    assert.deepEqual(
      invalid.map((a) => [a.text, a.parsed.ok ? 'ok' : a.parsed.kind, text.slice(a.span.start, a.span.end)]),
      [
        ['a2', 'missing-port', 'a2'],
        ['https://b:9443', 'scheme', 'https://b:9443'],
        ['c2:x', 'bad-port', 'c2:x'],
      ],
    );
    assert.equal(flaggedAddresses(scope), invalid, 'worked out once per scope');
    // The next version fixes one address and breaks another: its own parse, its own answer.
    const edited = scopeOf(text.replace('"a2"', '"a2:9300"').replace('a1:9300', 'a1:9300:1'), undefined, 2);
    assert.deepEqual(
      flaggedAddresses(edited).map((a) => a.text),
      ['a1:9300:1', 'https://b:9443', 'c2:x'],
    );
    assert.deepEqual(
      flaggedAddresses(scopeOf('cluster.remote.a.seeds: [a1:9300]\n')).map((a) => a.text),
      [],
    );
  });

  test('gives each alias the parsing addresses of the setting its mode connects through', () => {
    const text = [
      'cluster.remote.a.seeds: [a1:9300, a2, a3:9300]',
      'cluster.remote.a.proxy_address: ignored:9443',
      'cluster.remote.b.mode: proxy',
      'cluster.remote.b.seeds: [ignored:9300]',
      'cluster.remote.b.proxy_address: b:9443',
      'cluster.remote.c.mode: proxy',
      '',
    ].join('\n');
    const [a, b, c] = remoteAliases(scopeOf(text));
    assert.deepEqual(
      connectionAddresses(a).map((x) => x.text),
      ['a1:9300', 'a3:9300'],
    );
    assert.deepEqual(
      connectionAddresses(b).map((x) => x.text),
      ['b:9443'],
    );
    assert.deepEqual(connectionAddresses(c), []);
    assert.equal(connectionAddresses(a), connectionAddresses(a), 'worked out once per alias');
    // Edited: the alias of the next version connects through the new value.
    const [edited] = remoteAliases(scopeOf(text.replace('a1:9300', 'a9:9300'), undefined, 2));
    assert.deepEqual(
      connectionAddresses(edited).map((x) => x.text),
      ['a9:9300', 'a3:9300'],
    );
  });

  test('indexes occurrences by catalog entry, each list in document order, and keeps the unknown keys apart', () => {
    const scope = scopeOf(
      [
        'cluster.remote.a.seeds: [a:9300]',
        'cluster.remote.a.skip_unavailable: true',
        'cluster.remote.b.seeds: [b:9300]',
        'cluster.remote.b.sede: [b:9300]',
        'node.roles: [remote_cluster_client]',
        'cluster.remote.c.skip_unavailable: false',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      occurrencesByDefinition(scope).map(({ def, occurrences }) => [def.key, occurrences.map((o) => o.key)]),
      [
        ['cluster.remote.<alias>.seeds', ['cluster.remote.a.seeds', 'cluster.remote.b.seeds']],
        ['cluster.remote.<alias>.skip_unavailable', ['cluster.remote.a.skip_unavailable', 'cluster.remote.c.skip_unavailable']],
        ['node.roles', ['node.roles']],
      ],
    );
    assert.deepEqual(
      unknownOccurrences(scope).map((o) => o.key),
      ['cluster.remote.b.sede'],
    );
  });

  test('lists every occurrence of a key, repeated ones included', () => {
    const scope = scopeOf('cluster.remote.connect: false\nnode.roles: [data]\ncluster.remote.connect: true\n');
    assert.deepEqual(
      occurrencesOf(scope, 'cluster.remote.connect').map((o) => o.value.text),
      ['false', 'true'],
    );
    assert.deepEqual(occurrencesOf(scope, 'remote_cluster.port'), []);
  });

  test('tests a value for Cloud endpoints without missing one isCloudEndpoint accepts', () => {
    const scalar = (text: string): ValueNode => ({ kind: 'scalar', span: { start: 0, end: text.length }, value: text, text });
    for (const host of [
      'abc.us-east-1.aws.found.io',
      'x.elastic-cloud.com.',
      'DEP.ES.IO',
      'd.eu.elastic.cloud',
      'remote.example.com',
    ]) {
      const value = scalar(`${host}:9443`);
      if (isCloudEndpoint(host)) assert.equal(mayHoldCloudEndpoint(value), true, host);
      assert.equal(
        mayHoldCloudEndpoint({ kind: 'list', span: value.span, items: [scalar('a:9300'), value] }),
        isCloudEndpoint(host),
        host,
      );
    }
    assert.equal(mayHoldCloudEndpoint(scalar('remote.example.com:9443')), false);
    assert.equal(mayHoldCloudEndpoint({ kind: 'map', span: { start: 0, end: 0 } }), false);
  });
});
