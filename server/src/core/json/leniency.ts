import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Span } from '../types';
import type { JsonBodyKind } from './kinds';

/**
 * What our JSON parser forgives but a target may not. We parse leniently (trailing commas,
 * comments) so every other check still runs; this says where the text relies on that leniency.
 *
 * Elasticsearch reads JSON with Jackson configured in `JsonXContentImpl`: `ALLOW_COMMENTS` is on
 * (`//` and block comments are accepted), trailing commas are not allowed. The Elastic Cloud and
 * ECE APIs are not open source; that they reject trailing commas is what strict JSON parsers do,
 * and whether they accept comments is unverified.
 */
export interface JsonLeniencies {
  trailingCommas: Span[];
  comments: Span[];
}

export type JsonTarget = 'elasticsearch' | 'cloud';

export function targetOf(kind: JsonBodyKind): JsonTarget {
  return kind.startsWith('cloud-') ? 'cloud' : 'elasticsearch';
}

/** Trailing commas and comments of `text`; spans are offsets in `text` plus `base`. */
export function findLeniencies(text: string, base = 0): JsonLeniencies {
  const found: JsonLeniencies = { trailingCommas: [], comments: [] };
  const scanner = createScanner(text, false);
  let pendingComma: Span | undefined;
  // Bounded by the text length: every token advances the scanner by at least one character.
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const span = {
      start: base + scanner.getTokenOffset(),
      end: base + scanner.getTokenOffset() + Math.max(1, scanner.getTokenLength()),
    };
    switch (token) {
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        break;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        found.comments.push(span);
        break;
      case SyntaxKind.CommaToken:
        pendingComma = span;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma) found.trailingCommas.push(pendingComma);
        pendingComma = undefined;
        break;
      default:
        pendingComma = undefined;
    }
  }
  return found;
}
