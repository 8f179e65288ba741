import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consoleDoc, jsonDoc, ruleFindings } from '../../json/support';
import { CLUSTER_ID, accounts } from './fixtures';
const DEPLOYMENT_ID = 'fedcba9876543210fedcba9876543210';

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
