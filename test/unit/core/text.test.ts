import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { boundedMessage, LineIndex } from '../../../server/src/core/text';

/**
 * LineIndex finds line starts on its first lookup. Its answers must be those of the plain
 * definition: lines end at `\r\n`, `\r` or `\n`, and the last line may have no line break.
 */

/** Line starts by the definition, one character at a time. */
function referenceLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue; // the `\n` ends this line
    if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
  }
  return starts;
}

function assertMatchesReference(text: string): void {
  const starts = referenceLineStarts(text);
  const index = new LineIndex(text);
  assert.equal(index.lineCount, starts.length);
  for (let offset = 0; offset <= text.length; offset++) {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    const position = index.positionAt(offset);
    assert.deepEqual(position, { line, character: offset - starts[line] }, `offset ${offset}`);
  }
  starts.forEach((start, line) => {
    const next = line + 1 < starts.length ? starts[line + 1] : text.length;
    const content = text.slice(start, next).replace(/\r?\n$|\r$/, '');
    assert.equal(index.lineStart(line), start);
    assert.equal(index.lineText(line), content, `line ${line}`);
    assert.equal(index.lineEnd(line), start + content.length);
    assert.equal(index.offsetAt({ line, character: 0 }), start);
    assert.equal(index.offsetAt({ line, character: 10_000 }), start + content.length, 'past the end: end of the line');
  });
  assert.equal(index.offsetAt({ line: starts.length, character: 0 }), text.length);
  assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  assert.deepEqual(index.positionAt(text.length + 5), index.positionAt(text.length), 'clamped');
}

test('positions follow \\n, \\r\\n and \\r line breaks, with or without a final line break', () => {
  for (const text of [
    '',
    'a',
    'a\n',
    'a\nb',
    'a\r\nb\r\n',
    'a\r\nb',
    'a\rb\r',
    '\n\n',
    '\r\n\r\n',
    'mixed\r\nline\rbreaks\nhere',
    '\r',
    '{\r\n  "persistent": {}\r\n}',
  ]) {
    assertMatchesReference(text);
  }
});

test('generated texts of line breaks and characters', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n'), { maxLength: 40 }), (parts) =>
      assertMatchesReference(parts.join('')),
    ),
    { numRuns: 500 },
  );
});

test('a lookup of any kind first gives the same answers as a position lookup first', () => {
  const text = 'one\r\ntwo\nthree\rfour';
  const byPosition = new LineIndex(text);
  const position = byPosition.positionAt(12);
  const byOffset = new LineIndex(text);
  assert.equal(byOffset.offsetAt(position), 12);
  const byLine = new LineIndex(text);
  assert.equal(byLine.lineText(3), 'four');
  assert.equal(byLine.lineCount, 4);
});

describe('boundedMessage', () => {
  const long = 'x'.repeat(250);

  test('shortens a quoted piece of the file over 200 characters, and only that piece', () => {
    const message = `Unknown setting \`${long}\` for alias \`west\`.`;
    const bounded = boundedMessage(message);
    assert.ok(bounded.includes(`\`${'x'.repeat(199)}…\``), bounded);
    assert.ok(bounded.endsWith('for alias `west`.'));
  });

  test('leaves a long message whose quotes are all short as it is', () => {
    const message = `${'Words around quotes. '.repeat(15)}\`west\` and \`east\`.`;
    assert.ok(message.length > 200);
    assert.equal(boundedMessage(message), message);
  });

  test('pairs backticks from the left: the text between two quoted pieces is not a quote', () => {
    const message = `\`a\`${long}\`b\``;
    assert.equal(boundedMessage(message), message);
    // An unpaired backtick quotes nothing.
    assert.equal(boundedMessage(`\`${long}`), `\`${long}`);
  });

  test('caps the whole message at 600 characters', () => {
    assert.equal(boundedMessage('y'.repeat(1000)).length, 600);
  });
});
