import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { inspectPem } from '../../../../../server/src/core/json/pem';
import { applyFix } from '../../../helpers';
import { consoleDoc, fixture, jsonDoc, locate, pemJson, ruleFindings } from '../../json/support';

const CLUSTER_ID = '0123456789abcdef0123456789abcdef';
const DEPLOYMENT_ID = 'fedcba9876543210fedcba9876543210';

const accounts = (entry: string) => jsonDoc(`{ "trust": { "accounts": [ ${entry} ] } }`);
const direct = (entry: string) => jsonDoc(`{ "trust": { "direct": [ ${entry} ] } }`);

describe('rule trust-allowlist-format', () => {
  test('flags entries that do not look like cluster IDs (heuristic: a warning)', () => {
    const findings = ruleFindings(
      'trust-allowlist-format',
      accounts(`{ "account_id": "1", "trust_all": false, "trust_allowlist": ["prod-cluster", "${CLUSTER_ID}"] }`),
    );
    assert.deepEqual(
      findings.map((f) => [f.severity, f.text]),
      [['warning', '"prod-cluster"']],
    );
  });

  test('offers lowercase for an upper-case ID', () => {
    const document = accounts(`{ "account_id": "1", "trust_all": false, "trust_allowlist": ["${CLUSTER_ID.toUpperCase()}"] }`);
    const finding = analyze(document).findings.find((f) => f.ruleId === 'trust-allowlist-format')!;
    assert.ok(applyFix(document, finding).includes(`"${CLUSTER_ID}"`));
  });
});

describe('rule trust-allowlist-deployment-id', () => {
  test('flags a deployment ID named by the request path of a Console request', () => {
    const document = consoleDoc(`
      PUT /api/v1/deployments/${DEPLOYMENT_ID}
      {
        "resources": { "elasticsearch": [ { "ref_id": "main-elasticsearch", "settings": { "trust": {
          "accounts": [ { "account_id": "1", "trust_all": false, "trust_allowlist": ["${DEPLOYMENT_ID}", "${CLUSTER_ID}"] } ]
        } } } ] }
      }
    `);
    const findings = ruleFindings('trust-allowlist-deployment-id', document);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.line, f.text]),
      [['error', 4, `"${DEPLOYMENT_ID}"`]],
    );
    assert.match(findings[0].message, /request path on line 1/);
    assert.equal(findings[0].related?.[0].span.start, document.text.indexOf(DEPLOYMENT_ID));
    // The format heuristic stays out of it: the certain rule speaks.
    assert.deepEqual(ruleFindings('trust-allowlist-format', document), []);
  });

  test("flags a deployment payload's own ID and a deployment_id of another request in the file", () => {
    const payload = jsonDoc(
      `{ "id": "${DEPLOYMENT_ID}", "resources": { "elasticsearch": [ { "info": { "settings": { "trust": { "external": [ { "trust_relationship_id": "t", "trust_all": false, "trust_allowlist": ["${DEPLOYMENT_ID}"] } ] } } } } ] } }`,
    );
    assert.equal(ruleFindings('trust-allowlist-deployment-id', payload).length, 1);
    const file = consoleDoc(`
      PUT /api/v1/deployments/aaa/elasticsearch/main-elasticsearch/remote-clusters
      { "resources": [ { "deployment_id": "${DEPLOYMENT_ID}", "elasticsearch_ref_id": "main-elasticsearch", "alias": "west" } ] }
      PUT /api/v1/deployments/aaa
      { "resources": { "elasticsearch": [ { "settings": { "trust": { "accounts": [ { "account_id": "1", "trust_all": false, "trust_allowlist": ["${DEPLOYMENT_ID}"] } ] } } } ] } }
    `);
    assert.equal(ruleFindings('trust-allowlist-deployment-id', file)[0]?.line, 4);
  });

  test('is silent on cluster IDs', () => {
    assert.deepEqual(
      ruleFindings(
        'trust-allowlist-deployment-id',
        accounts(`{ "account_id": "1", "trust_all": false, "trust_allowlist": ["${CLUSTER_ID}"] }`),
      ),
      [],
    );
  });
});

describe('rules trust-allowlist-ignored and trust-nothing-trusted', () => {
  test('warns when trust_all makes the allowlist pointless', () => {
    const [finding] = ruleFindings(
      'trust-allowlist-ignored',
      accounts(`{ "account_id": "1", "trust_all": true, "trust_allowlist": ["${CLUSTER_ID}"] }`),
    );
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.text, '"trust_allowlist"');
  });

  test('informs when an entry trusts nothing', () => {
    for (const entry of [
      '{ "account_id": "1", "trust_all": false }',
      '{ "account_id": "1", "trust_all": false, "trust_allowlist": [] }',
    ]) {
      const [finding] = ruleFindings('trust-nothing-trusted', accounts(entry));
      assert.equal(finding?.severity, 'info', entry);
      assert.equal(finding.text, 'false');
    }
  });

  test('is silent on consistent entries', () => {
    for (const entry of [
      '{ "account_id": "1", "trust_all": true }',
      `{ "account_id": "1", "trust_all": false, "trust_allowlist": ["${CLUSTER_ID}"] }`,
    ]) {
      assert.deepEqual(ruleFindings('trust-allowlist-ignored', accounts(entry)), [], entry);
      assert.deepEqual(ruleFindings('trust-nothing-trusted', accounts(entry)), [], entry);
    }
  });
});

describe('rule trust-nothing-trusted on direct entries', () => {
  test('counts the nodes of additional_node_names as trusted', () => {
    const named = direct(
      '{ "name": "dc2", "type": "generic", "trust_all": false, "additional_node_names": ["node-1.dc2.example.com"], "certificates": [] }',
    );
    assert.deepEqual(ruleFindings('trust-nothing-trusted', named), []);
    const none = direct('{ "name": "dc2", "type": "generic", "scope_id": "dc2", "trust_all": false, "certificates": [] }');
    assert.equal(ruleFindings('trust-nothing-trusted', none).length, 1);
  });
});

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

describe('rule trust-certificate-pem', () => {
  const withPem = (pem: string) =>
    direct(`{ "name": "x", "scope_id": "abc", "trust_all": true, "certificates": [ { "pem": ${pem} } ] }`);

  test('accepts a real CA certificate', () => {
    assert.deepEqual(ruleFindings('trust-certificate-pem', withPem(pemJson(fixture('remote-ca.pem')))), []);
  });

  test('rejects text that is not a certificate', () => {
    const cases: Array<[string, RegExp]> = [
      ['"not a certificate"', /must hold a certificate in PEM form/],
      [pemJson(fixture('remote-ca.pem').replace(/MII[A-Za-z]/, 'XXXX')), /does not parse as an X\.509 certificate/],
      [JSON.stringify(fixture('remote-ca.pem').trim().replace(/\n/g, '\\n')), /escaped twice/],
      [
        '"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n"',
        /private key, not a certificate/,
      ],
    ];
    for (const [pem, message] of cases) {
      const [finding] = ruleFindings('trust-certificate-pem', withPem(pem));
      assert.equal(finding?.severity, 'error', pem);
      assert.match(finding.message, message);
      assert.ok(!finding.message.includes('MIIEvQ'), 'never echoes key material');
    }
  });

  test('warns about an expired certificate', () => {
    const [finding] = ruleFindings('trust-certificate-pem', withPem(pemJson(fixture('expired-ca.pem'))));
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /expired on 2001-01-01/);
  });

  test('reads subject, issuer and validity', () => {
    const inspection = inspectPem(fixture('remote-ca.pem'));
    assert.ok(inspection.ok);
    assert.equal(inspection.certificates[0].subject, 'CN=Remote Cluster Test CA');
    assert.equal(inspection.certificates[0].isCA, true);
  });
});
