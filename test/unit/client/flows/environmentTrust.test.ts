import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TrustRelationship } from '../../../../client/src/api/types/cloud';
import type { ConnectionProfile } from '../../../../client/src/connections/profile';
import {
  describeTwoWay,
  parseTrustParameters,
  relationshipFor,
  trustParametersOf,
  twoWayTrust,
  type EnvironmentTrust,
} from '../../../../client/src/flows/environmentTrust';

const PEM_A = '-----BEGIN CERTIFICATE-----\nAAAA\nBBBB\n-----END CERTIFICATE-----\n';
const PEM_B = '-----BEGIN CERTIFICATE-----\nCCCC\n-----END CERTIFICATE-----\n';

function relationship(fields: Partial<TrustRelationship> & { id: string }): TrustRelationship {
  return { name: fields.id, trust_by_default: false, local: false, last_modified: '2025-01-01T00:00:00Z', ...fields };
}

function environment(name: string, localId: string, pem: string, trusted: TrustRelationship[] = []): EnvironmentTrust {
  const connection: ConnectionProfile = { id: name, name, kind: 'ece', url: `https://${name}:12443`, auth: 'apiKey' };
  return {
    connection,
    local: relationship({ id: localId, name: 'Local environment', local: true, installation_id: localId, public_ca_cert: pem }),
    trusted,
  };
}

test('a relationship stands for an environment by its installation ID, or by its CA certificate when it has none', () => {
  const a = environment('a', 'env-a', PEM_A);
  const byId = environment('b', 'env-b', PEM_B, [relationship({ id: 'r1', installation_id: 'env-a' })]);
  assert.equal(relationshipFor(byId, a)?.id, 'r1');
  // The same certificate written with other line breaks still matches.
  const byCertificate = environment('c', 'env-c', PEM_B, [
    relationship({ id: 'r2', public_ca_cert: PEM_A.replace(/\n/g, '\r\n') }),
  ]);
  assert.equal(relationshipFor(byCertificate, a)?.id, 'r2');
  // Near miss: a relationship for another installation with the same certificate is not this one.
  const other = environment('d', 'env-d', PEM_B, [relationship({ id: 'r3', installation_id: 'env-x', public_ca_cert: PEM_A })]);
  assert.equal(relationshipFor(other, a), undefined);
});

test('the two-way check names the missing direction', () => {
  const a = environment('a', 'env-a', PEM_A, [relationship({ id: 'to-b', name: 'B', installation_id: 'env-b' })]);
  const b = environment('b', 'env-b', PEM_B);
  const oneWay = describeTwoWay('a', twoWayTrust(a, b));
  assert.equal(oneWay.ok, false);
  assert.match(oneWay.text, /"a" trusts "b", but "b" does not trust "a"/);
  const fromB = describeTwoWay('b', twoWayTrust(b, a));
  assert.match(fromB.text, /"a" trusts "b", but "b" does not trust "a". Create a trust relationship on "b"/);
  b.trusted.push(relationship({ id: 'to-a', name: 'A', installation_id: 'env-a' }));
  assert.deepEqual(describeTwoWay('a', twoWayTrust(a, b)).ok, true);
  assert.match(
    describeTwoWay('a', twoWayTrust(environment('x', 'env-x', PEM_A), environment('y', 'env-y', PEM_B))).text,
    /Neither direction/,
  );
  assert.equal(twoWayTrust(a, environment('a2', 'env-a', PEM_A)).sameInstallation, true);
});

test('trust parameters are exported from the local relationship and read back; other JSON is refused with the reason', () => {
  const parameters = trustParametersOf(environment('a', 'env-a', PEM_A), ['acct']);
  assert.deepEqual(parameters, {
    kind: 'ece-trust-parameters',
    name: 'a',
    environment_id: 'env-a',
    public_ca_cert: PEM_A,
    account_ids: ['acct'],
  });
  assert.deepEqual(parseTrustParameters(JSON.stringify(parameters)), { ok: true, value: parameters });
  assert.equal(trustParametersOf(environment('a', 'env-a', '')), undefined);
  const refused = parseTrustParameters('{"environment_id":"x"}');
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? '' : refused.problem, /ece-trust-parameters/);
  assert.equal(parseTrustParameters('not json').ok, false);
});
