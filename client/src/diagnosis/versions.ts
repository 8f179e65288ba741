/**
 * Cross-cluster search version compatibility, two layers:
 *
 * 1. Whether a connection is possible at all (wire compatibility). A node accepts a transport
 *    handshake only from versions at or above its minimum compatible version, which is the last
 *    minor of the previous major (7.17 for 8.x, 8.18 for 9.x: 8.18 shipped alongside 9.0). The check
 *    is InboundDecoder.ensureVersionCompatibility in elastic/elasticsearch
 *    server/src/main/java/org/elasticsearch/transport/InboundDecoder.java ("Received message from
 *    unsupported version: [..] minimal compatible version is: [..]"), with the minimum in
 *    server/src/main/java/org/elasticsearch/TransportVersions.java (MINIMUM_COMPATIBLE /
 *    MINIMUM_CCS_VERSION).
 * 2. Whether Elastic supports the pair for cross-cluster search (docs "Supported cross-cluster
 *    search configurations", elastic/docs-content solutions/search/cross-cluster-search.md, and the
 *    older docs/reference/search/search-your-data/ccs-version-compat-matrix.asciidoc): the remote may
 *    run the previous minor, the same version, or a newer minor of the same major; and the last minor
 *    of a major (7.17, 8.18, 8.19) may search any remote of the next major. Pairs outside that may
 *    connect but are unsupported: a warning, not a failure.
 */
export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(text: string | undefined): Version | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text?.trim() ?? '');
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) } : undefined;
}

/** The lowest version a node of `major` shakes hands with (previous major's last wire-compatible minor). */
export function minimumWireCompatible(major: number): Version {
  if (major === 8) return { major: 7, minor: 17, patch: 0 };
  if (major === 9) return { major: 8, minor: 18, patch: 0 };
  // Before 8: 7.x accepted 6.8. After 9: unknown here; assume the pattern "previous major's last minor" holds loosely.
  if (major === 7) return { major: 6, minor: 8, patch: 0 };
  return { major: major - 1, minor: 0, patch: 0 };
}

function atLeast(version: Version, floor: Version): boolean {
  return version.major !== floor.major ? version.major > floor.major : version.minor >= floor.minor;
}

export type Compatibility =
  { kind: 'supported' } | { kind: 'unsupported'; reason: string } | { kind: 'incompatible'; reason: string };

/** Can a local cluster at `local` search a remote at `remote`? */
export function ccsCompatibility(local: Version, remote: Version): Compatibility {
  const show = (v: Version) => `${v.major}.${v.minor}`;
  // The older side must be at least the newer side's minimum wire-compatible version.
  const [older, newer] =
    local.major < remote.major || (local.major === remote.major && local.minor <= remote.minor)
      ? [local, remote]
      : [remote, local];
  const floor = minimumWireCompatible(newer.major);
  if (older.major !== newer.major && !atLeast(older, floor)) {
    return {
      kind: 'incompatible',
      reason: `${show(newer)} only talks to ${show(floor)} or later, so the ${older === local ? 'local' : 'remote'} cluster at ${show(older)} cannot connect.`,
    };
  }
  if (local.major === remote.major) {
    if (remote.minor >= local.minor - 1) return { kind: 'supported' };
    return {
      kind: 'unsupported',
      reason: `the remote (${show(remote)}) is more than one minor older than the local cluster (${show(local)}); Elastic supports the previous minor, the same version or newer minors of the same major.`,
    };
  }
  if (remote.major === local.major + 1) return { kind: 'supported' }; // local is the previous major's last minor (checked above).
  // remote.major === local.major - 1: a newer local searching the previous major's last minor.
  if (atLeast(remote, floor)) return { kind: 'supported' };
  return { kind: 'unsupported', reason: `searching ${show(remote)} from ${show(local)} is not a supported configuration.` };
}
