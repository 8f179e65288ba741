/**
 * Trust inside one Elastic Cloud Hosted organization, as
 * https://www.elastic.co/docs/deploy-manage/remote-clusters/ec-remote-cluster-same-ess (seed 003)
 * describes it for the TLS-certificate model:
 * - the organization's default ("Trust all deployments" under Trust management, the account's
 *   `trust.trust_all` in get-current-account) decides what NEW deployments trust; changing it does
 *   not change existing deployments;
 * - deployments created before the February 2021 release trust only themselves;
 * - a deployment's own `accounts` entry trusts all deployments, specific ones, or none, and for
 *   specific deployments the console applies the stricter cross-cluster search version policy
 *   (even for CCR-only trust; through the API, as here, the list is not filtered).
 * The version policy is the one of "Supported cross-cluster search configurations"
 * (https://www.elastic.co/docs/solutions/search/cross-cluster-search): a remote of the previous
 * minor, the same version or a newer minor of the same major; from the last minors of a major
 * (7.17; 8.18 and 8.19) any minor of the next major, and from 9.0 the 8.18 / 8.19 remotes (its
 * compatibility table). Approximate for releases the table does not list yet, so the flows ask
 * instead of refusing.
 */
import { parseVersion } from '#core';

export const ORGANIZATION_DEFAULT_NOTE =
  'The organization default decides what new deployments trust; changing it does not change the trust of existing deployments.';

export const BEFORE_FEBRUARY_2021_NOTE =
  'Deployments created before the Elastic Cloud February 2021 release trust only themselves: give each deployment that is used as, or connects to, a remote cluster its own trust.';

export const SPECIFIC_DEPLOYMENTS_NOTE =
  'With specific deployments the console applies the stricter cross-cluster search version policy, even for replication-only trust (the API does not).';

/** The last minor versions of a major that may search any minor of the next major. */
const BRIDGE_MINORS: Record<number, number[]> = { 7: [17], 8: [18, 19] };

/**
 * Why a cluster of version `local` cannot search one of version `remote` under the cross-cluster
 * search policy, or undefined when it can (or a version is unknown: never guess).
 */
export function ccsVersionProblem(local: string | undefined, remote: string | undefined): string | undefined {
  const a = parseVersion(local);
  const b = parseVersion(remote);
  if (!a || !b) return undefined;
  if (a.major === b.major) {
    if (b.minor >= a.minor - 1) return undefined;
    return `${a.text} can search remotes of ${a.major}.${Math.max(a.minor - 1, 0)} or later, not ${b.text}`;
  }
  if (b.major === a.major + 1 && (BRIDGE_MINORS[a.major] ?? []).includes(a.minor)) return undefined;
  // The first minor of a major counts the bridge minors of the previous one as its previous minor (9.0 → 8.18).
  if (b.major === a.major - 1 && a.minor === 0 && (BRIDGE_MINORS[b.major] ?? []).includes(b.minor)) return undefined;
  return b.major > a.major
    ? `${a.text} cannot search a ${b.major}.x remote (only the last minors of ${a.major}.x reach the next major)`
    : `${a.text} cannot search a ${b.major}.x remote`;
}
