/**
 * Platform-level trust between two ECE environments (seed ece-remote-cluster-other-ece, "Configuring
 * platform level trust"): each environment must hold a trust relationship with the other's CA
 * certificate and environment ID before their deployments can trust each other, and the trust must
 * go both ways. This module reads an environment's side (its own "local" relationship and the ones
 * it trusts) and tells whether one environment trusts another. Pure apart from the API calls; used
 * by the flows and the Remote Clusters view.
 *
 * Shapes: TrustRelationshipGetResponse of the ECE API description (cloud-sdk-go, api/apidocs.json):
 * `local` marks the installation's own relationship, `installation_id` is "the installation ID of
 * the environment to trust" (the environment ID the ECE UI shows under Trust parameters) and
 * `public_ca_cert` its CA certificate.
 */
import type { EceClient } from '../api/cloud';
import type { TrustRelationship } from '../api/types/cloud';
import type { ConnectionProfile } from '../connections/profile';

/** One ECE environment's platform trust, as read through one connection. */
export interface EnvironmentTrust {
  connection: ConnectionProfile;
  /** The installation's own relationship (`local: true`), with its CA certificate. */
  local?: TrustRelationship;
  /** The other environments it trusts (`local: false`), with their CA certificates. */
  trusted: TrustRelationship[];
}

/** What one environment hands to another so that it can be trusted (the ECE UI's Trust parameters). */
export interface TrustParameters {
  /** Marks a file written by Export ECE Trust Parameters. */
  kind: typeof TRUST_PARAMETERS_KIND;
  /** A name for the environment (its connection's name); the importing side may change it. */
  name: string;
  /** The environment (installation) ID: `installation_id` of its local relationship, else that relationship's ID. */
  environment_id: string;
  /** The CA certificate(s) of the environment, PEM. */
  public_ca_cert: string;
  /** The accounts of the environment, when known (ECE's own account, from GET /api/v1/account). */
  account_ids?: string[];
}

export const TRUST_PARAMETERS_KIND = 'ece-trust-parameters';

export async function readEnvironmentTrust(ece: EceClient, connection: ConnectionProfile): Promise<EnvironmentTrust> {
  const all = await ece.listTrustRelationships({ includeCertificate: true });
  return {
    connection,
    local: all.find((relationship) => relationship.local === true),
    trusted: all.filter((relationship) => relationship.local !== true),
  };
}

/** The environment ID a relationship stands for: its installation ID, else (for the local one) its own ID. */
export function environmentIdOf(relationship: TrustRelationship): string {
  return relationship.installation_id || relationship.id;
}

/** A PEM reduced to its base64 bodies, so line breaks and trailing spaces do not make two copies differ. */
export function certificateFingerprintText(pem: string | undefined): string {
  return (pem ?? '')
    .split(/-----(?:BEGIN|END) CERTIFICATE-----/)
    .filter((_part, index) => index % 2 === 1)
    .map((body) => body.replace(/\s+/g, ''))
    .join('|');
}

/**
 * The relationship through which `truster` trusts `trusted`: same environment ID, or (when the IDs
 * are missing) the same CA certificate. Undefined when there is none.
 */
export function relationshipFor(truster: EnvironmentTrust, trusted: EnvironmentTrust): TrustRelationship | undefined {
  const local = trusted.local;
  if (!local) return undefined;
  const id = environmentIdOf(local);
  const byId = truster.trusted.find((relationship) => relationship.installation_id === id);
  if (byId) return byId;
  const certificate = certificateFingerprintText(local.public_ca_cert);
  if (!certificate) return undefined;
  return truster.trusted.find(
    (relationship) => !relationship.installation_id && certificateFingerprintText(relationship.public_ca_cert) === certificate,
  );
}

/** Whether two connections reach the same ECE installation (then there is nothing to trust). */
export function sameEnvironment(a: EnvironmentTrust, b: EnvironmentTrust): boolean {
  return Boolean(a.local && b.local && environmentIdOf(a.local) === environmentIdOf(b.local));
}

export interface TwoWayTrust {
  /** The environment seen from `self`. */
  other: ConnectionProfile;
  /** How `self` trusts `other`, if it does. */
  outgoing?: TrustRelationship;
  /** How `other` trusts `self`, if it does. */
  incoming?: TrustRelationship;
  /** The other environment could not be read: the check is incomplete. */
  problem?: string;
  sameInstallation?: boolean;
}

export function twoWayTrust(self: EnvironmentTrust, other: EnvironmentTrust): TwoWayTrust {
  if (sameEnvironment(self, other)) return { other: other.connection, sameInstallation: true };
  return { other: other.connection, outgoing: relationshipFor(self, other), incoming: relationshipFor(other, self) };
}

/** One sentence on a two-way check, from `selfName`'s point of view; says which direction is missing. */
export function describeTwoWay(selfName: string, result: TwoWayTrust): { ok: boolean; text: string } {
  const other = `"${result.other.name}"`;
  const self = `"${selfName}"`;
  if (result.problem) return { ok: false, text: `Not checked: ${other} could not be read (${result.problem}).` };
  if (result.sameInstallation) return { ok: true, text: `${other} is the same ECE installation; no platform trust is needed.` };
  if (result.outgoing && result.incoming)
    return {
      ok: true,
      text: `Both directions are in place: ${self} trusts ${other} ("${result.outgoing.name}") and ${other} trusts ${self} ("${result.incoming.name}").`,
    };
  if (result.outgoing)
    return {
      ok: false,
      text: `One-way only: ${self} trusts ${other}, but ${other} does not trust ${self}. Create a trust relationship on ${other} from the trust parameters of ${self}.`,
    };
  if (result.incoming)
    return {
      ok: false,
      text: `One-way only: ${other} trusts ${self}, but ${self} does not trust ${other}. Create a trust relationship on ${self} from the trust parameters of ${other}.`,
    };
  return {
    ok: false,
    text: `Neither direction: ${self} and ${other} do not trust each other. Both need a trust relationship with the other's trust parameters.`,
  };
}

/** The trust parameters of an environment, from its local relationship. Undefined when it has no CA certificate to hand over. */
export function trustParametersOf(environment: EnvironmentTrust, accountIds: string[] = []): TrustParameters | undefined {
  const local = environment.local;
  if (!local || !local.public_ca_cert?.includes('BEGIN CERTIFICATE')) return undefined;
  return {
    kind: TRUST_PARAMETERS_KIND,
    name: environment.connection.name,
    environment_id: environmentIdOf(local),
    public_ca_cert: local.public_ca_cert,
    ...(accountIds.length ? { account_ids: accountIds } : {}),
  };
}

/** Reads a trust parameters file (JSON written by the export); a problem in words when it is not one. */
export function parseTrustParameters(text: string): { ok: true; value: TrustParameters } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not JSON (export it with "Elastic: Export ECE Trust Parameters").' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: 'it is not a JSON object.' };
  const record = value as Record<string, unknown>;
  if (record.kind !== TRUST_PARAMETERS_KIND)
    return {
      ok: false,
      problem: `it has no "kind": "${TRUST_PARAMETERS_KIND}" (export it with "Elastic: Export ECE Trust Parameters").`,
    };
  if (typeof record.environment_id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(record.environment_id))
    return { ok: false, problem: '"environment_id" is missing or not an ID.' };
  if (typeof record.public_ca_cert !== 'string' || !record.public_ca_cert.includes('-----BEGIN CERTIFICATE-----'))
    return { ok: false, problem: '"public_ca_cert" holds no PEM certificate.' };
  const accounts = Array.isArray(record.account_ids)
    ? record.account_ids.filter((id): id is string => typeof id === 'string')
    : [];
  return {
    ok: true,
    value: {
      kind: TRUST_PARAMETERS_KIND,
      name: typeof record.name === 'string' ? record.name : '',
      environment_id: record.environment_id,
      public_ca_cert: record.public_ca_cert,
      ...(accounts.length ? { account_ids: accounts } : {}),
    },
  };
}
