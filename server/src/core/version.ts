/** Elasticsearch / ECK versions as plain numbers, for version-gated rules. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

export function parseVersion(text: string | undefined | null): Version | undefined {
  if (!text) return undefined;
  const match = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?\s*$/.exec(String(text));
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), text: String(text).trim() };
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version | string): number {
  const other = typeof b === 'string' ? parseVersion(b) : b;
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
