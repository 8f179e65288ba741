import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixture, locate, pemJson, ruleFindings } from '../../json/support';
import { CLUSTER_ID, direct } from './fixtures';

describe('rule trust-direct-scope', () => {
  const pem = pemJson(fixture('remote-ca.pem'));

  test('needs scope_id when trusting by trust_all or allowlist', () => {
    const [finding] = ruleFindings(
      'trust-direct-scope',
      direct(`{ "name": "x", "type": "generic", "trust_all": true, "certificates": [ { "pem": ${pem} } ] }`),
    );
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '"trust_all"');
    const [viaList] = ruleFindings(
      'trust-direct-scope',
      direct(`{ "name": "x", "trust_all": false, "trust_allowlist": ["${CLUSTER_ID}"], "certificates": [ { "pem": ${pem} } ] }`),
    );
    assert.equal(viaList.text, '"trust_allowlist"');
  });

  test('needs scope_id or additional_node_names', () => {
    const [finding] = ruleFindings(
      'trust-direct-scope',
      direct(`{ "name": "x", "trust_all": false, "certificates": [ { "pem": ${pem} } ] }`),
    );
    assert.match(finding.message, /give `scope_id`, or list the node certificate names/);
  });

  test('a proxy entry names no nodes and needs neither', () => {
    assert.deepEqual(
      ruleFindings(
        'trust-direct-scope',
        direct(`{ "name": "via proxy", "type": "proxy", "trust_all": false, "certificates": [ { "pem": ${pem} } ] }`),
      ),
      [],
    );
  });

  test('accepts the ECE ↔ ECK scope ID default.es.local', () => {
    assert.deepEqual(
      locate(
        direct(
          `{ "name": "eck", "type": "generic", "scope_id": "default.es.local", "trust_all": true, "certificates": [ { "pem": ${pem} } ] }`,
        ),
      ).filter((f) => f.ruleId === 'json-schema'),
      [],
    );
  });

  test('accepts either way of naming the nodes', () => {
    assert.deepEqual(
      ruleFindings(
        'trust-direct-scope',
        direct(`{ "name": "x", "scope_id": "abc123", "trust_all": true, "certificates": [ { "pem": ${pem} } ] }`),
      ),
      [],
    );
    assert.deepEqual(
      ruleFindings(
        'trust-direct-scope',
        direct(
          `{ "name": "x", "trust_all": false, "additional_node_names": ["node-1.example.com"], "certificates": [ { "pem": ${pem} } ] }`,
        ),
      ),
      [],
    );
  });

  test('leaves scope_id format, wildcards, type and missing certificates to the schema', () => {
    const findings = locate(
      direct(
        '{ "name": "x", "type": "selfmanaged", "scope_id": "Bad_Scope", "trust_all": true, "additional_node_names": ["*.example.com"], "certificates": [] }',
      ),
    );
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'json-schema').map((f) => f.text),
      ['"selfmanaged"', '"Bad_Scope"', '"*.example.com"', '[]'],
    );
  });
});
