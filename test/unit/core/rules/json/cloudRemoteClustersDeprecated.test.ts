import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consoleDoc, jsonDoc, ruleFindings } from '../../json/support';
import { ENCODED } from '../../../helpers';
import { keystore } from './fixtures';

describe('rule cloud-remote-clusters-deprecated', () => {
  test('points at the request path in Console files and at resources in JSON files', () => {
    const body = '{ "resources": [ { "deployment_id": "d", "elasticsearch_ref_id": "main-elasticsearch", "alias": "west" } ] }';
    const [inConsole] = ruleFindings(
      'cloud-remote-clusters-deprecated',
      consoleDoc(`PUT /api/v1/deployments/abc/elasticsearch/main-elasticsearch/remote-clusters\n${body}\n`),
    );
    assert.equal(inConsole.severity, 'info');
    assert.equal(inConsole.text, '/api/v1/deployments/abc/elasticsearch/main-elasticsearch/remote-clusters');
    const [inJson] = ruleFindings('cloud-remote-clusters-deprecated', jsonDoc(body));
    assert.equal(inJson.text, '"resources"');
  });

  test('does not fire for other Cloud payloads', () => {
    assert.deepEqual(
      ruleFindings('cloud-remote-clusters-deprecated', keystore(`"cluster.remote.west.credentials": { "value": "${ENCODED}" }`)),
      [],
    );
  });
});
