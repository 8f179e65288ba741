/**
 * parseJsonText builds jsonc-parser's tree without the contents of a `_cluster/settings` body's
 * `persistent`/`transient` blocks, reads those blocks' settings straight from the parser's events,
 * and parses the blocks' nodes only on demand. These tests hold it to the straightforward way:
 * `parseTree`, then the settings read from that tree. Same nodes, same errors, same settings,
 * on hand-picked and on thousands of generated texts, broken ones included.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { findNodeAtOffset, type Node as JsonNode } from 'jsonc-parser';
import { childObject } from '../../../../server/src/core/json/jsonAst';
import { nodeAtOffset, parseJsonText } from '../../../../server/src/core/json/parseJson';
import { assertSameAsReference, assertSameChain, assertSameTree, chain, nestedBody, referenceTree } from './jsonReference';
import { parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { completeAt } from '../../../../server/src/core/completion';

/**
 * At every offset, nodeAtOffset on a fresh parse finds what findNodeAtOffset finds in the reference
 * tree, and the very node that findNodeAtOffset then finds walking the parsed tree's children:
 * a node built for a look-up is the one the tree lists (one copy of each node).
 */
function assertSameLookups(text: string, base = 0): void {
  const reference = referenceTree(text, base).root;
  if (!reference) return;
  for (let offset = base; offset <= base + text.length; offset++) {
    for (const includeRightBound of [true, false]) {
      const label = `offset ${offset}${includeRightBound ? ' (right bound)' : ''}`;
      const parsed = parseJsonText(text, base); // fresh: block nodes not read yet
      const expected = findNodeAtOffset(reference, offset, includeRightBound);
      const found = nodeAtOffset(parsed.root!, offset, includeRightBound);
      assert.deepEqual(chain(found), chain(expected), label);
      assertSameChain(found, expected, label);
      assert.equal(findNodeAtOffset(parsed.root!, offset, includeRightBound), found, `${label}: the tree lists it`);
      assert.equal(nodeAtOffset(parsed.root!, offset, includeRightBound), found, `${label}: found again`);
    }
  }
}

// ---------------------------------------------------------------- cases

const HAND_PICKED: Record<string, string> = {
  flat: '{"persistent": {"cluster.remote.west.seeds": ["w:9300", "w2:9300"], "cluster.remote.west.mode": "sniff"}}',
  nested:
    '{"persistent": {"cluster": {"remote": {"west": {"mode": "proxy", "proxy_address": "w:9443", "skip_unavailable": true}}}}}',
  mixed:
    '{"persistent": {"cluster.remote": {"west.seeds": ["a:1"]}, "cluster": {"remote.east.mode": null}}, "transient": {"x": 1}}',
  'empty object, list of objects and lists':
    '{"persistent": {"a": {}, "b": [{"c": [1, {"d": 2}]}, [], [[true]]], "e": {"f": {}}, "g": -1.5e3}}',
  duplicates: '{"persistent": {"a.b": 1, "a": {"b": 2, "c": 3}, "a.c": 4}, "persistent": {"z": 1}}',
  'missing values': '{"persistent": {"a": , "b": 1, "c": }, "transient": {"d"}}',
  'missing colon and comma': '{"persistent": {"a" "b": 1 "c": {"d": 2 "e": 3}}}',
  'unclosed block': '{"persistent": {"cluster.remote.west.seeds": ["w:9300"',
  'unclosed nested object': '{"persistent": {"cluster": {"remote": {"west": {"mode": "sniff"',
  'garbage inside': '{"persistent": {"a": 1, ] "b": [1,, 2], } "c": tru, "d": 0x1}}',
  comments: '{\n  // note\n  "persistent": { /* inline */ "a": "b", },\n}',
  'trailing commas': '{"persistent": {"a": [1, 2,], "b": {"c": 1,},},}',
  'not a block: array root': '[{"persistent": {"a": 1}}]',
  'not a block: deeper': '{"x": {"persistent": {"a": 1}}, "persistent": 5, "transient": [1]}',
  'block key escaped': '{"persist\\u0065nt": {"a": 1}}',
  'escapes in keys and values': '{"persistent": {"cl\\u0075ster.remote.w\\"x.seeds": "a\\nb", "\\u00fc": "ü"}}',
  'text after the root': '{"persistent": {"a": 1}} {"transient": {"b": 2}}',
  empty: '',
  'only a block': '{"persistent": {}}',
  crlf: '{\r\n  "persistent": {\r\n    "cluster.remote.west.mode": "proxy"\r\n  }\r\n}\r\n',
};

describe('parseJsonText gives what parseTree and a walk of its nodes give', () => {
  for (const [name, text] of Object.entries(HAND_PICKED)) {
    test(name, () => {
      assertSameAsReference(text);
      assertSameAsReference(text, 37); // a Console request body further down a file
      assertSameLookups(text);
      assertSameLookups(text, 37);
    });
  }

  test('generated bodies, well-formed and broken', () => {
    const key = fc.oneof(
      fc.constantFrom('persistent', 'transient', 'cluster', 'remote', 'west', 'seeds', 'mode', 'a.b', ''),
      fc.constantFrom('cluster.remote.west.seeds', 'cluster.remote.east.mode', 'cluster.remote', 'remote.west'),
    );
    const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(null, true, false, 0, -2.5, 'w:9300', ''),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => ({ entries })),
      ),
    })).value;
    const write = (v: unknown, pretty: boolean): string => {
      if (Array.isArray(v)) return `[${v.map((item) => write(item, pretty)).join(', ')}]`;
      if (v && typeof v === 'object' && 'entries' in v) {
        const entries = (v as { entries: Array<[string, unknown]> }).entries;
        const separator = pretty ? ',\n  ' : ',';
        return `{${entries.map(([k, item]) => `${JSON.stringify(k)}: ${write(item, pretty)}`).join(separator)}}`;
      }
      return JSON.stringify(v);
    };
    const body = fc
      .tuple(fc.array(fc.tuple(key, value), { maxLength: 4 }), fc.boolean())
      .map(([entries, pretty]) => write({ entries }, pretty));
    // Broken variants: a cut, a deleted character, an inserted token.
    const mutated = fc
      .tuple(body, fc.nat(), fc.constantFrom('', ',', ':', '{', '}', '[', ']', '"', 'x', '//', '\n'))
      .map(([text, at, insert]) => {
        const cut = text.length === 0 ? 0 : at % text.length;
        return insert === '' ? text.slice(0, cut) + text.slice(cut + 1) : text.slice(0, cut) + insert + text.slice(cut);
      });
    fc.assert(
      fc.property(fc.oneof(body, mutated), fc.constantFrom(0, 11), (text, base) => assertSameAsReference(text, base)),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.oneof(body, mutated), fc.constantFrom(0, 11), (text, base) => assertSameLookups(text, base)),
      { numRuns: 300 },
    );
  });

  test('generated nested bodies: several levels, lists, comments, CRLF, trailing commas, and broken ones', () => {
    const mutated = fc
      .tuple(nestedBody, fc.nat(), fc.constantFrom('', ',', ':', '{', '}', ']', '"', '/*', '\r'))
      .map(([text, at, insert]) => {
        const cut = text.length === 0 ? 0 : at % text.length;
        return insert === '' ? text.slice(0, cut) + text.slice(cut + 1) : text.slice(0, cut) + insert + text.slice(cut);
      });
    fc.assert(
      fc.property(fc.oneof(nestedBody, nestedBody, mutated), fc.constantFrom(0, 11), (text, base) => {
        assertSameAsReference(text, base);
        assertSameLookups(text, base);
      }),
      { numRuns: 80 },
    );
  });
});

describe('the blocks are parsed into nodes only on demand', () => {
  test('the nodes of a block come from the text of its own version', () => {
    const before = '{"persistent": {"cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "w:9443"}}';
    const after = before.replace('"proxy", ', '"sniff", ');
    const first = parseJsonText(before);
    const second = parseJsonText(after);
    const secondBlock = childObject(second.root, 'persistent')!;
    const scope = second.settingsBlocks.get(secondBlock)!;
    assert.equal(scope.byKey.get('cluster.remote.west.mode')?.value.value, 'sniff');
    // The first version's nodes, asked for after the second was parsed, are still the first version's.
    assert.equal(childObject(first.root, 'persistent')!.children![0].children![1].value, 'proxy');
    assert.equal(secondBlock.children![0].children![1].value, 'sniff');
  });

  test('nothing is parsed again until a block is looked into, then once for all blocks', () => {
    const parsed = parseJsonText('{"persistent": {"a": 1}, "transient": {"b": 2}}');
    const persistent = childObject(parsed.root, 'persistent')!;
    const transient = childObject(parsed.root, 'transient')!;
    assert.equal(typeof Object.getOwnPropertyDescriptor(persistent, 'children')?.get, 'function');
    assert.equal(persistent.children!.length, 1);
    for (const block of [persistent, transient])
      assert.equal(Object.getOwnPropertyDescriptor(block, 'children')?.get, undefined, 'now plain data');
    assert.equal(transient.children![0].children![0].value, 'b');
  });

  test('a look-up by offset in a well-formed body parses one property, not the block', () => {
    const text = '{"persistent": {"cluster.remote.west.mode": "proxy", "cluster": {"remote": {"east": {"seeds": ["e:9300"]}}}}}';
    const parsed = parseJsonText(text);
    const block = childObject(parsed.root, 'persistent')!;
    const node = nodeAtOffset(parsed.root!, text.indexOf('e:9300'), true)!;
    assert.equal(node.value, 'e:9300');
    assert.deepEqual(
      chain(node).map((line) => line.split(' ')[0]),
      [
        'string',
        'array',
        'property',
        'object',
        'property',
        'object',
        'property',
        'object',
        'property',
        'object',
        'property',
        'object',
      ],
    );
    assert.equal(typeof Object.getOwnPropertyDescriptor(block, 'children')?.get, 'function', 'the block was not parsed');
    // A body with a syntax error is looked up in the whole tree.
    const broken = parseJsonText(text.replace('"proxy",', '"proxy" '));
    assert.equal(nodeAtOffset(broken.root!, text.indexOf('e:9300'), true)?.value, 'e:9300');
    assert.equal(Object.getOwnPropertyDescriptor(childObject(broken.root, 'persistent')!, 'children')?.get, undefined);
  });

  test('the nodes around look-ups in a nested property are built once per version, however many fall inside it', () => {
    const text = '{"persistent": {"cluster": {"remote": {"east": {"seeds": ["e:9300"], "skip_unavailable": true}}}}}';
    const parsed = parseJsonText(text);
    const seeds = nodeAtOffset(parsed.root!, text.indexOf('e:9300'), true)!;
    const skip = nodeAtOffset(parsed.root!, text.indexOf('true'), true)!;
    assert.equal(skip.value, true);
    // Both answers hang from the same parse of `"cluster": {…}`, not from one parse each.
    const top = (node: JsonNode) => {
      let current = node;
      while (current.parent && !(current.type === 'property' && current.parent === childObject(parsed.root, 'persistent')))
        current = current.parent;
      return current;
    };
    assert.equal(top(seeds), top(skip));
    assert.equal(top(seeds).children![0].value, 'cluster');
    // Another version gets its own parse.
    const again = parseJsonText(text.replace('true', 'false'));
    assert.equal(nodeAtOffset(again.root!, text.indexOf('true'), true)?.value, false);
  });

  test('a look-up in one alias of a large nested body parses one leaf property, not the objects around it', () => {
    const nested: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++)
      nested[`remote_${i}`] = { mode: 'sniff', seeds: [`r${i}-a:9300`, `r${i}-b:9300`], skip_unavailable: false };
    const text = JSON.stringify({ persistent: { 'cluster.remote.flat.mode': 'proxy', cluster: { remote: nested } } }, null, 2);
    const parsed = parseJsonText(text);
    const block = childObject(parsed.root, 'persistent')!;
    const notParsed = (node: JsonNode) => typeof Object.getOwnPropertyDescriptor(node, 'children')?.get === 'function';

    const seed = nodeAtOffset(parsed.root!, text.indexOf('r250-b:9300'), true)!;
    assert.equal(seed.value, 'r250-b:9300');
    const seedsProperty = seed.parent!.parent!;
    const aliasObject = seedsProperty.parent!;
    const aliasProperty = aliasObject.parent!;
    const remoteObject = aliasProperty.parent!;
    const clusterObject = remoteObject.parent!.parent!;
    assert.equal(seedsProperty.children![0].value, 'seeds');
    assert.equal(aliasProperty.children![0].value, 'remote_250');
    assert.equal(remoteObject.parent!.children![0].value, 'remote');
    assert.equal(clusterObject.parent!.children![0].value, 'cluster');
    assert.equal(clusterObject.parent!.parent, block);
    // Only `"seeds": [...]` was parsed: its alias's object, `remote`'s, `cluster`'s and the block's children were not.
    for (const [name, node] of Object.entries({ aliasObject, remoteObject, clusterObject, block }))
      assert.ok(notParsed(node), `${name} was not parsed`);

    // Another alias's look-up builds on the same `remote` object; the gap between two aliases is that object.
    const other = nodeAtOffset(parsed.root!, text.indexOf('"skip_unavailable"', text.indexOf('"remote_7"')) + 3, true)!;
    assert.equal(other.value, 'skip_unavailable');
    assert.equal(other.parent!.parent!.parent!.parent, remoteObject);
    assert.equal(nodeAtOffset(parsed.root!, text.indexOf('"remote_251"') - 1, true), remoteObject);
    const aliasKey = nodeAtOffset(parsed.root!, text.indexOf('"remote_300"') + 2, true)!;
    assert.equal(aliasKey.value, 'remote_300');
    assert.equal(aliasKey.parent!.parent, remoteObject);
    assert.ok(notParsed(remoteObject) && notParsed(clusterObject) && notParsed(block), 'still not parsed');

    // Read afterwards, the children are the reference's and hold the nodes already built.
    assert.equal(remoteObject.children!.length, 500);
    assert.equal(remoteObject.children![250], aliasProperty);
    assert.equal(remoteObject.children![300], aliasKey.parent);
    assert.equal(aliasObject.children![1], seedsProperty);
    assertSameTree(parsed.root, referenceTree(text, 0).root);

    // Walked from the root instead (as quick fixes do), the tree lists the nodes a look-up built.
    const again = parseJsonText(text);
    const built = nodeAtOffset(again.root!, text.indexOf('r250-b:9300'), true)!;
    assert.equal(findNodeAtOffset(again.root!, text.indexOf('r250-b:9300'), true), built);
    const builtRemote = built.parent!.parent!.parent!.parent!.parent!;
    assert.equal(builtRemote.children![250].children![1].children![1], built.parent!.parent);
  });

  test('completion inside a block of an edited body answers from the new version', () => {
    const uri = 'file:///requests/settings.json';
    const v1 = parseConfigDocument({
      uri,
      text: '{"persistent": {"cluster.remote.west.mode": "sniff", "cluster.remote.west.": 1}}',
    });
    const v2 = parseConfigDocument({
      uri,
      text: '{"persistent": {"cluster.remote.west.mode": "proxy", "cluster.remote.west.": 1}}',
    });
    const labels = (document: typeof v1) =>
      completeAt(document, document.text.indexOf('west."') + 5).map((c) => c.filterText ?? c.label);
    assert.ok(
      labels(v1).some((label) => label.includes('seeds')),
      labels(v1).join(', '),
    );
    assert.ok(!labels(v2).some((label) => label.includes('seeds')), labels(v2).join(', '));
    assert.ok(
      labels(v2).some((label) => label.includes('proxy_address')),
      labels(v2).join(', '),
    );
  });
});
