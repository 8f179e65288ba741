import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonDoc, ruleFindings } from '../../json/support';

describe('alias checks of the Cloud remote-clusters body', () => {
  test('rejects aliases with other characters (schema) and repeated aliases', () => {
    const document = jsonDoc(`
      { "resources": [
        { "deployment_id": "d1", "elasticsearch_ref_id": "main-elasticsearch", "alias": "west.eu" },
        { "deployment_id": "d2", "elasticsearch_ref_id": "main-elasticsearch", "alias": "east" },
        { "deployment_id": "d3", "elasticsearch_ref_id": "main-elasticsearch", "alias": "east" }
      ] }
    `);
    const [schema] = ruleFindings('json-schema', document);
    assert.equal(schema.text, '"west.eu"');
    assert.equal(schema.message, 'An alias may use only letters, digits, `-` and `_`.');
    const [duplicate] = ruleFindings('cloud-remote-clusters-duplicate-alias', document);
    assert.deepEqual([duplicate.line, duplicate.text], [4, '"east"']);
  });
});
