/**
 * parseEditedJson makes a version's parse from the previous one when an edit stays inside a piece
 * of a settings block. Whatever it gives must be what a full parse gives: the same tree, settings,
 * spans and look-ups, after every edit of a long series, each made on the previous result. And it
 * must actually be used for the edits people make while typing, or it saves nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { findNodeAtOffset } from 'jsonc-parser';
import { analyze } from '../../../../server/src/core/analyze';
import { editBetween, parseEditedJson } from '../../../../server/src/core/json/jsonEdit';
import { nodeAtOffset, parseJsonText, type ParsedJson } from '../../../../server/src/core/json/parseJson';
import { canParseOn, parseConfigDocument } from '../../../../server/src/core/model/parseDocument';
import { assertSameAsReference, assertSameChain, chain, nestedBody, referenceTree } from './jsonReference';

/** The next version's parse as the server makes it: from the previous parse when it can, else in full. */
function nextParse(previous: ParsedJson, text: string): ParsedJson {
  return parseEditedJson(previous.root, text) ?? parseJsonText(text);
}

/** Looks up `offsets` in the parse and in the reference tree: the same nodes, with the same surroundings. */
function assertSameLookupsAt(parsed: ParsedJson, text: string, offsets: number[]): void {
  const reference = referenceTree(text, 0).root;
  if (!reference || !parsed.root) return;
  for (const offset of offsets) {
    const found = nodeAtOffset(parsed.root, offset, true);
    const expected = findNodeAtOffset(reference, offset, true);
    assert.deepEqual(chain(found), chain(expected), `offset ${offset}`);
    assertSameChain(found, expected, `offset ${offset}`);
  }
}

const FLAT = `{
  "persistent": {
    "cluster.remote.west.mode": "proxy",
    "cluster.remote.west.proxy_address": "west.example.com:9443",
    "cluster.remote.east.seeds": ["e1:9300", "e2:9300"],
    "cluster": {
      "remote": {
        "north": {
          "mode": "sniff",
          "seeds": ["n1:9300"]
        },
        "south": {
          "skip_unavailable": true
        }
      }
    }
  },
  "transient": {
    "cluster.remote.west.skip_unavailable": false
  }
}
`;

/** Applies `replace` to the text at `at` (the first occurrence of `anchor` plus `shift`), replacing `remove` characters. */
function edited(text: string, anchor: string, shift: number, remove: number, insert: string): string {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, anchor);
  return text.slice(0, at + shift) + insert + text.slice(at + shift + remove);
}

describe('an edit inside a settings block parses only the piece it touched', () => {
  const reused: Array<[string, string]> = [
    // The bench's edit: a space typed at the end of a nested object's first line.
    ['a space after a nested object’s brace', edited(FLAT, '"north": {', 10, 0, ' ')],
    ['a character typed in a value', edited(FLAT, 'west.example.com', 4, 0, 'x')],
    ['a value deleted', edited(FLAT, '"proxy"', 1, 5, '')],
    ['a key renamed', edited(FLAT, '"cluster.remote.west.mode"', 16, 4, 'wes')],
    ['a list item added', edited(FLAT, '"e2:9300"', 9, 0, ', "e3:9300"')],
    ['a new setting pasted', edited(FLAT, '"cluster.remote.east.seeds"', 0, 0, '"cluster.remote.east.mode": "sniff",\n    ')],
    // A whole line deleted, as the editor's Delete Line does: from one line's start to the next's.
    ['a setting removed', FLAT.replace('    "cluster.remote.west.proxy_address": "west.example.com:9443",\n', '')],
    ['a comment after a nested object', edited(FLAT, '        },\n        "south"', 10, 0, ' // the south')],
    ['text before a closing brace', edited(FLAT, '"n1:9300"]', 10, 0, ',\n          "skip_unavailable": false')],
    ['an edit in the second block', edited(FLAT, 'false\n', 0, 5, 'true')],
    ['an edit replaced by the same length', edited(FLAT, 'e1:9300', 0, 2, 'x1')],
  ];
  for (const [name, text] of reused) {
    test(name, () => {
      const parsed = parseEditedJson(parseJsonText(FLAT).root, text);
      assert.ok(parsed?.reusedPrevious, 'made from the previous parse');
      assertSameAsReference(text, 0, parsed);
      assertSameLookupsAt(parseEditedJson(parseJsonText(FLAT).root, text)!, text, [...Array(text.length + 1).keys()]);
    });
  }

  const inFull: Array<[string, string]> = [
    ['a syntax error', edited(FLAT, '"proxy"', 0, 1, '')],
    ['a missing comma', edited(FLAT, '"proxy",', 7, 1, '')],
    ['a line comment that swallows the next key', edited(FLAT, '"proxy",\n    ', 8, 5, ' // ')],
    ['a value made an object of settings', edited(FLAT, '"proxy"', 0, 7, '{"a": 1}')],
    ['the last property of a nested object removed', edited(FLAT, '"skip_unavailable": true', 0, 24, '')],
    ['a nested object’s key renamed', edited(FLAT, '"north"', 1, 5, 'west')],
    ['an edit outside the blocks', edited(FLAT, '"transient"', 0, 0, '"x": 1, ')],
    ['an edit across two settings', edited(FLAT, 'proxy",\n    "cluster', 0, 20, '')],
  ];
  for (const [name, text] of inFull) {
    test(`parsed in full: ${name}`, () => {
      assert.equal(parseEditedJson(parseJsonText(FLAT).root, text), undefined);
      assertSameAsReference(text, 0, nextParse(parseJsonText(FLAT), text));
    });
  }

  test('a parse with syntax errors is not built on; the one after the fix is again', () => {
    const broken = edited(FLAT, '"proxy"', 0, 1, '');
    const brokenParse = nextParse(parseJsonText(FLAT), broken);
    assert.equal(parseEditedJson(brokenParse.root, FLAT), undefined);
    const fixed = parseJsonText(FLAT);
    assert.ok(parseEditedJson(fixed.root, edited(FLAT, 'west.example', 0, 0, 'x'))?.reusedPrevious);
  });

  test('editBetween finds the changed stretch', () => {
    assert.deepEqual(editBetween('abcdef', 'abXYef'), { start: 2, oldEnd: 4, delta: 0 });
    assert.deepEqual(editBetween('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, delta: 1 });
    assert.deepEqual(editBetween('abc', 'c'), { start: 0, oldEnd: 2, delta: -2 });
    assert.deepEqual(editBetween('same', 'same'), { start: 4, oldEnd: 4, delta: 0 });
  });
});

describe('a long series of random edits, each on the previous result', () => {
  /** An edit as typing makes them: a character or token inserted, a few characters deleted, a word replaced. */
  const editArbitrary = fc.record({
    at: fc.nat(),
    remove: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(3), fc.nat(30)),
    insert: fc.constantFrom(
      '',
      ' ',
      'x',
      '1',
      '"',
      ',',
      ':',
      '{',
      '}',
      '[',
      ']',
      '/',
      '//',
      '/*',
      '*/',
      '\n',
      '\r\n',
      '"a": 1,',
      ', "b"',
      'null',
    ),
  });

  test('every version equals a full parse, and many edits of a well-formed body reuse the previous parse', () => {
    let wellFormed = 0;
    let reusedCount = 0;
    fc.assert(
      fc.property(nestedBody, fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (body, series) => {
        let text = body;
        let parsed = parseJsonText(text);
        for (const { at, remove, insert } of series) {
          const cut = text.length === 0 ? 0 : at % (text.length + 1);
          text = text.slice(0, cut) + insert + text.slice(cut + remove);
          const before = parsed;
          parsed = nextParse(parsed, text);
          if (before.errors.length === 0 && parsed.errors.length === 0) wellFormed++;
          if (parsed.reusedPrevious) reusedCount++;
          assertSameAsReference(text, 0, parsed);
          assertSameLookupsAt(parsed, text, [cut, cut + insert.length, Math.floor(text.length / 2), text.length]);
        }
      }),
      { numRuns: 400 },
    );
    // Random edits break the text often (a broken version is parsed in full, and so is the next one);
    // of those between well-formed versions, about half stay inside a piece of a block (the rest are in
    // the small generated bodies’ text outside the blocks, or on a nested object’s key or braces).
    assert.ok(
      reusedCount > wellFormed * 0.35,
      `${reusedCount} of ${wellFormed} edits between well-formed versions reused the previous parse`,
    );
  });
});

describe('through parseConfigDocument, as the server calls it', () => {
  const body = (address: string) =>
    `{\n  "persistent": {\n    "cluster.remote.west.mode": "proxy",\n    "cluster.remote.west.proxy_address": "${address}",\n    "cluster.remote.east.seeds": ["e1:9300"]\n  }\n}\n`;

  test('findings after an edit are those of a full parse of the same text', () => {
    const uri = 'file:///project/requests/cluster-settings.json';
    let previous = parseConfigDocument({ uri, text: body('west.example.com:9443'), languageId: 'json', version: 1 });
    assert.ok(canParseOn(previous));
    // The port typed one character at a time: missing, then partly there, then whole.
    for (const [version, address] of [
      [2, 'west.example.com'],
      [3, 'west.example.com:'],
      [4, 'west.example.com:94'],
      [5, 'west.example.com:9443'],
    ] as const) {
      const text = body(address);
      const fresh = parseConfigDocument({ uri, text, languageId: 'json', version });
      const next = parseConfigDocument({ uri, text, languageId: 'json', version, previous });
      const summary = (document: typeof next) =>
        analyze(document, { stackVersion: '8.15.0' }).findings.map(
          (f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.message}`,
        );
      assert.deepEqual(summary(next), summary(fresh), address);
      previous = next;
    }
  });
});

describe('what the rules work out is carried to the next version only where the edit left it alone', () => {
  const alias = fc.constantFrom('west', 'east', 'north', 'Up', 'bad alias', 'w');
  const setting = fc.oneof(
    fc.tuple(fc.constant('mode'), fc.constantFrom('"sniff"', '"proxy"', '"Proxy"', '"bad"', 'null')),
    fc.tuple(
      fc.constant('seeds'),
      fc.constantFrom('["h:9300"]', '["h", "h2:9300"]', '"a:1,b"', '[]', '["x.elastic-cloud.com:9443"]'),
    ),
    fc.tuple(fc.constant('proxy_address'), fc.constantFrom('"p:9443"', '"p"', '"p:99999"', '":9443"', '"d.es.io:9400"')),
    fc.tuple(
      fc.constantFrom('server_name', 'skip_unavailable', 'transport.compress', 'seedz'),
      fc.constantFrom('"s.example.com"', 'true', '"maybe"', '""'),
    ),
  );
  const body = fc
    .tuple(fc.array(fc.tuple(alias, setting), { minLength: 1, maxLength: 8 }), fc.boolean())
    .map(([entries, nested]) => {
      const lines = entries.map(([name, [suffix, value]]) =>
        nested ? `"${name}": {"${suffix}": ${value}}` : `"cluster.remote.${name}.${suffix}": ${value}`,
      );
      const inner = lines.join(',\n    ');
      return nested
        ? `{\n  "persistent": {\n    "cluster": {"remote": {\n    ${inner}\n    }}\n  },\n  "transient": {"cluster.remote.east.mode": "proxy"}\n}\n`
        : `{\n  "persistent": {\n    ${inner}\n  },\n  "transient": {"cluster.remote.east.mode": "proxy"}\n}\n`;
    });
  const typing = fc.record({
    at: fc.nat(),
    remove: fc.oneof(fc.constant(0), fc.nat(2)),
    insert: fc.constantFrom('', 'x', 'x', ':', '9', '9', ' ', ' ', '\n', '"', ',', '.'),
  });

  test('after every edit, the findings and their fixes are those of a fresh parse and analysis', () => {
    const uri = 'file:///project/requests/cluster-settings.json';
    const describeFindings = (document: ReturnType<typeof parseConfigDocument>) =>
      analyze(document, { stackVersion: '8.15.0' }).findings.map(
        (f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.message} ${JSON.stringify(f.fixes ?? [])}`,
      );
    let carried = 0;
    fc.assert(
      fc.property(body, fc.array(typing, { minLength: 1, maxLength: 10 }), (original, series) => {
        let text = original;
        let previous = parseConfigDocument({ uri, text, languageId: 'json', version: 0 });
        describeFindings(previous); // the analysis works out the model the next version carries
        series.forEach(({ at, remove, insert }, index) => {
          const cut = at % (text.length + 1);
          text = text.slice(0, cut) + insert + text.slice(cut + remove);
          const fresh = describeFindings(parseConfigDocument({ uri, text, languageId: 'json', version: index + 1 }));
          const next = parseConfigDocument({ uri, text, languageId: 'json', version: index + 1, previous });
          // The same tree, moved: this version was made from the previous one.
          if (next.jsonRoot !== undefined && next.jsonRoot === previous.jsonRoot) carried++;
          assert.deepEqual(describeFindings(next), fresh, JSON.stringify(text));
          previous = next;
        });
      }),
      { numRuns: 300 },
    );
    assert.ok(carried > 150, `only ${carried} versions were made from the previous one`);
  });
});
