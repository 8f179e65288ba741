import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { consoleDoc, jsonDoc, ruleFindings } from '../../json/support';

describe('rule json-schema', () => {
  test('reports an unknown field with "did you mean" and a rename fix', () => {
    const document = jsonDoc(`
      {
        "name": "ccs",
        "access": { "search": [ { "names": ["logs-*"], "allow_restricted_indice": true } ] }
      }
    `);
    const [finding] = ruleFindings('json-schema', document);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.text, '"allow_restricted_indice"');
    assert.match(finding.message, /Did you mean `allow_restricted_indices`\?/);
    const fixed = applyFix(
      document,
      analyze(document).findings.find((f) => f.ruleId === 'json-schema')!,
    );
    assert.match(fixed, /"allow_restricted_indices": true/);
    assert.deepEqual(ruleFindings('json-schema', jsonDoc(fixed)), []);
  });

  test('lists the allowed fields when nothing is close', () => {
    const [finding] = ruleFindings(
      'json-schema',
      jsonDoc('{ "name": "k", "access": { "search": [ { "names": ["a"] } ], "everything": true } }'),
    );
    assert.match(finding.message, /`everything` is not a field of this object\. Expected one of: `replication`/);
  });

  test('reports wrong types, missing required fields and values outside an enum', () => {
    const document = jsonDoc(`
      {
        "remote_indices": [ { "clusters": ["west"], "names": "logs-*" } ],
        "remote_cluster": [ { "clusters": ["west"], "privileges": ["monitor"] } ],
        "run_as": "bob"
      }
    `);
    const findings = ruleFindings('json-schema', document);
    assert.deepEqual(
      findings.map((f) => [f.line, f.message]),
      [
        [2, 'Missing property "privileges".'],
        [3, 'Value is not accepted. Valid values: "monitor_enrich", "monitor_stats".'],
        [4, 'Incorrect type. Expected "array".'],
      ],
    );
  });

  test('accepts complete, valid bodies of every kind', () => {
    const bodies = [
      '{ "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "west.example.com:9443" } }',
      '{ "name": "k", "expiration": "30d", "access": { "search": [ { "names": "logs-*", "query": { "term": { "team": "a" } }, "field_security": { "grant": ["*"], "except": ["secret"] } } ], "replication": [ { "names": ["archive"] } ] }, "metadata": { "team": "search" } }',
      '{ "description": "r", "cluster": ["monitor"], "indices": [ { "names": ["a"], "privileges": ["read"] } ], "remote_indices": [ { "clusters": ["west", "east-*"], "names": ["logs-*"], "privileges": ["read", "read_cross_cluster"] } ], "remote_cluster": [ { "clusters": ["west"], "privileges": ["monitor_enrich"] } ] }',
      '{ "resources": [ { "deployment_id": "d1", "elasticsearch_ref_id": "main-elasticsearch", "alias": "west-1", "skip_unavailable": true } ] }',
      '{ "secrets": { "cluster.remote.west.credentials": { "value": "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==" }, "old.setting": null } }',
      '{ "trust": { "accounts": [ { "account_id": "123", "trust_all": false, "trust_allowlist": ["0123456789abcdef0123456789abcdef"] } ], "external": [ { "trust_relationship_id": "t1", "trust_all": true } ] } }',
    ];
    for (const text of bodies) {
      const document = jsonDoc(text);
      assert.notEqual(document.kind, 'unrelated', text);
      assert.deepEqual(ruleFindings('json-schema', document), [], text);
    }
  });

  test('knows create from update for cross-cluster API keys in Console files', () => {
    const document = consoleDoc(`
      POST /_security/cross_cluster/api_key
      { "access": { "search": [ { "names": ["a"] } ] } }

      PUT /_security/cross_cluster/api_key/VuaCfGcBCdbkQm-e5aOx
      { "name": "renamed", "access": { "search": [ { "names": ["a"] } ] } }

      PUT /_security/cross_cluster/api_key/VuaCfGcBCdbkQm-e5aOx
      { "metadata": { "owner": "search-team" } }
    `);
    assert.deepEqual(
      ruleFindings('json-schema', document).map((f) => [f.line, f.text, f.message]),
      [
        [2, '{', 'Missing property "name".'],
        [5, '"name"', '`name` is not a field of this object. Expected one of: `expiration`, `metadata`, `certificate_identity`.'],
      ],
    );
  });

  test('checks each role of a bulk roles body', () => {
    const document = consoleDoc(`
      POST /_security/role
      {
        "roles": {
          "reader": { "remote_indices": [ { "clusters": ["west"], "names": ["a"], "privileges": ["read"] } ] },
          "broken": { "remote_cluster": [ { "privileges": ["monitor_enrich"] } ] }
        }
      }
    `);
    const [finding] = ruleFindings('json-schema', document);
    assert.equal(finding.line, 5);
    assert.equal(finding.message, 'Missing property "clusters".');
  });

  test('rejects reserved metadata keys and malformed expirations with our own messages', () => {
    const findings = ruleFindings(
      'json-schema',
      jsonDoc(
        '{ "name": "k", "expiration": "1 month", "metadata": { "_internal": 1 }, "access": { "search": [ { "names": ["a"] } ] } }',
      ),
    );
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        'Use an Elasticsearch time value such as `30d`, `12h` or `90m`.',
        'Metadata keys that start with `_` are reserved for Elasticsearch.',
      ],
    );
  });
});
