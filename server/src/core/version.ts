import { TextMemo } from './textMemo';

/** Elasticsearch / ECK versions as plain numbers, for version-gated rules. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/**
 * `X.Y` or `X.Y.Z`, optionally with a pre-release (`-rc1`, `-SNAPSHOT`) and/or build (`+abc`) suffix.
 * The suffix is kept in `text` but ignored when comparing: a pre-release of 8.15.0 already behaves
 * like 8.15.0 for every version gate the rules use.
 */
const VERSION_TEXT = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?\s*$/;

export function parseVersion(text: string | undefined | null): Version | undefined {
  if (!text) return undefined;
  const match = VERSION_TEXT.exec(String(text));
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), text: String(text).trim() };
}

/**
 * Versions compared against as text (release gates, the catalog's `since` of every setting a rule
 * looks at), parsed once each. Bounded: past the limit the memory starts over.
 */
const comparedVersions = new TextMemo(parseVersion, 1000);

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version | string): number {
  const other = typeof b === 'string' ? comparedVersions.get(b) : b;
  if (!other) throw new Error(`not a version: ${String(b)}`);
  return a.major - other.major || a.minor - other.minor || a.patch - other.patch;
}

export function atLeast(version: Version | undefined, minimum: string): boolean | undefined {
  return version ? compareVersions(version, minimum) >= 0 : undefined;
}

/** `8.10.0` → `8.10`: how messages name a release line. */
export function releaseLine(version: string): string {
  return version.replace(/^(\d+\.\d+)\.0$/, '$1');
}
