/**
 * Where a cluster runs, how two clusters authenticate each other, and the ports each model uses.
 * Sources: the project's reference notes, remote-cluster-settings.md (sections 1, 2, 5, 6).
 */

import { PORTS, type SecurityModel as CoreSecurityModel } from '#core';

export type Platform = 'cloud' | 'ece' | 'eck' | 'self-managed';

export const PLATFORM_LABELS: Record<Platform, string> = {
  cloud: 'Elastic Cloud Hosted',
  ece: 'Elastic Cloud Enterprise (ECE)',
  eck: 'Kubernetes (ECK)',
  'self-managed': 'Self-managed',
};

/** The two security models a flow sets up (the core's SecurityModel also has 'unknown', for analysis). */
export type SecurityModel = Exclude<CoreSecurityModel, 'unknown'>;

/** The ports of each model, from the core's facts (one place for client and server). */
export { PORTS };

/**
 * A first guess of where a cluster runs, from its connection alone, to preselect the platform
 * question: an Elastic Cloud endpoint or Cloud ID, a Kubernetes Service name, or this machine and
 * private addresses (most likely self-managed). Undefined when the address says nothing.
 */
export function guessPlatform(profile: { url?: string; cloudId?: string }): Platform | undefined {
  if (profile.cloudId && !profile.url) return 'cloud';
  let host: string;
  try {
    host = new URL(profile.url ?? '').hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
  if (/\.(elastic-cloud\.com|cloud\.es\.io|found\.io|elastic\.cloud)$/.test(host)) return 'cloud';
  if (/\.svc(\.cluster\.local)?$/.test(host)) return 'eck';
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (ipv4) {
    const [first, second] = [Number(ipv4[1]), Number(ipv4[2])];
    if (first === 127 || first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168))
      return 'self-managed';
    return undefined;
  }
  if (host === 'localhost' || host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || !host.includes('.')) return 'self-managed';
  return undefined;
}
