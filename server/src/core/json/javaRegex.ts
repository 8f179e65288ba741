import { errorText } from '../text';

/**
 * Checks a regular expression written for Java (`java.util.regex.Pattern`, which Elasticsearch
 * compiles `certificate_identity` with) using JavaScript's engine. Java-only syntax that JavaScript
 * lacks (`\Q…\E`, inline flags, atomic groups, possessive quantifiers, `\A`/`\Z`/`\z`/`\h`) is
 * rewritten to an equivalent first. What still fails is split in two: structural mistakes both
 * engines refuse (unbalanced groups or classes, a quantifier with nothing to repeat, reversed
 * ranges) are certain; anything else may be a dialect difference and is only "probably" invalid.
 */
export type RegexVerdict = { ok: true } | { ok: false; certain: boolean; reason: string };

const STRUCTURAL = [
  /unterminated group/i,
  /unmatched '\)'/i,
  /nothing to repeat/i,
  /unterminated character class/i,
  /out of order/i,
  /\\ at end of pattern/i,
];

export function checkJavaRegex(pattern: string): RegexVerdict {
  try {
    new RegExp(toJavaScript(pattern));
    return { ok: true };
  } catch (error) {
    const message = errorText(error);
    // V8: "Invalid regular expression: /…/: Unterminated group" — keep the part after the pattern.
    const reason = message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '');
    return { ok: false, certain: STRUCTURAL.some((re) => re.test(reason)), reason };
  }
}

function toJavaScript(pattern: string): string {
  return pattern
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, literal: string) => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .replace(/\(\?[idmsuxU]*(?:-[idmsuxU]+)?\)/g, '') // (?i), (?-s), …
    .replace(/\(\?[idmsuxU]*(?:-[idmsuxU]+)?:/g, '(?:') // (?i:…)
    .replace(/\(\?>/g, '(?:') // atomic group
    .replace(/(^|[^\\])([*+?}])\+/g, '$1$2') // possessive quantifier
    .replace(/\\[AG]/g, '^')
    .replace(/\\[Zz]/g, '$')
    .replace(/\\h/g, '[ \\t]')
    .replace(/\\H/g, '[^ \\t]')
    .replace(/\\R/g, '(?:\\r\\n|[\\n\\r])');
}
