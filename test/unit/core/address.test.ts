import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { javaIpv4, MAX_REMEMBERED_ADDRESSES, parseAddress } from '../../../server/src/core/address';

describe('parseAddress', () => {
  test('reads host:port as Elasticsearch does', () => {
    assert.deepEqual(parseAddress('remote.example.com:9443'), { ok: true, host: 'remote.example.com', port: 9443, ipv6: false });
    assert.deepEqual(parseAddress(' [::1]:9300 '), { ok: true, host: '::1', port: 9300, ipv6: true });
    assert.equal(kindOf('remote.example.com'), 'missing-port');
    assert.deepEqual(parseAddress('::1:9300'), { ok: true, host: '::1', port: 9300, ipv6: true, ipv6Unbracketed: true });
    assert.equal(kindOf('fe80::1'), 'ipv6-unbracketed');
    assert.equal(kindOf('https://remote:9443'), 'scheme');
    assert.equal(kindOf('remote:0'), 'bad-port');
    assert.equal(kindOf('remote:70000'), 'port-out-of-range');
    assert.equal(kindOf('1.2.300.4:9300'), 'bad-host');
    assert.equal(kindOf('${REMOTE}:9300'), 'substituted');
  });

  test('parses each text once: the same text gives the same frozen result, an edited one is parsed again', () => {
    const first = parseAddress('edited.example.com:9300');
    assert.equal(parseAddress('edited.example.com:9300'), first);
    assert.ok(Object.isFrozen(first));
    // The value edited between two versions of a file: its own result, not the remembered one.
    assert.equal(kindOf('edited.example.com:93x0'), 'bad-port');
    assert.equal(parseAddress('edited.example.com:9300').ok, true);
  });

  test('remembers a bounded number of texts and still parses every one correctly past the bound', () => {
    const first = parseAddress('bounded-0.example.com:9300');
    for (let i = 1; i <= MAX_REMEMBERED_ADDRESSES; i++) parseAddress(`bounded-${i}.example.com:9300`);
    const again = parseAddress('bounded-0.example.com:9300');
    assert.notEqual(again, first, 'the memory started over once full');
    assert.deepEqual(again, first);
    assert.equal(kindOf(`bounded-${MAX_REMEMBERED_ADDRESSES}.example.com:0`), 'bad-port');
  });

  test('does not remember very long texts', () => {
    const long = `${'a'.repeat(400)}.example.com:9300`;
    const first = parseAddress(long);
    assert.equal(first.ok, false); // a label longer than 63 characters
    assert.notEqual(parseAddress(long), first);
    assert.deepEqual(parseAddress(long), first);
  });
});

function kindOf(text: string): string {
  const parsed = parseAddress(text);
  return parsed.ok ? 'ok' : parsed.kind;
}

describe('javaIpv4: digits and dots as Java reads them (the JDK examples of Inet4Address)', () => {
  test('one to four decimal parts, the last filling the bytes left', () => {
    assert.deepEqual(javaIpv4('127.0.1.1'), { address: '127.0.1.1', parts: 4 });
    assert.deepEqual(javaIpv4('007.008.009.010'), { address: '7.8.9.10', parts: 4 });
    assert.deepEqual(javaIpv4('127.0.257'), { address: '127.0.1.1', parts: 3 });
    assert.deepEqual(javaIpv4('127.257'), { address: '127.0.1.1', parts: 2 });
    assert.deepEqual(javaIpv4('02130706689'), { address: '127.0.1.1', parts: 1 });
    assert.deepEqual(parseAddress('10.0.12:9300'), {
      ok: true,
      host: '10.0.12',
      port: 9300,
      ipv6: false,
      ipv4Shorthand: '10.0.0.12',
    });
  });

  test('not an address: a part too large, five parts, an empty part, more than 15 characters', () => {
    for (const host of ['1.2.3.256', '1.2.65536', '1.16777216', '4294967296', '1.2.3.4.5', '1..2', '1.2.3.', '0001.0002.0003.04'])
      assert.equal(javaIpv4(host), undefined, host);
  });
});
