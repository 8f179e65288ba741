import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../../../server/src/core/analyze';
import { applyFix } from '../../../helpers';
import { consoleDoc, jsonDoc, ruleFindings } from '../../json/support';

const ENCODED = Buffer.from('VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw').toString('base64');
const keystore = (secrets: string) => jsonDoc(`{ "secrets": { ${secrets} } }`);

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

describe('rule keystore-credentials-name', () => {
  test('asks for a lowercase alias and fixes it', () => {
    const document = keystore(`"cluster.remote.West.credentials": { "value": "${ENCODED}" }`);
    const [finding] = ruleFindings('keystore-credentials-name', document);
    assert.equal(finding.severity, 'warning');
    assert.match(
      applyFix(
        document,
        analyze(document).findings.find((f) => f.ruleId === 'keystore-credentials-name')!,
      ),
      /"cluster\.remote\.west\.credentials"/,
    );
  });

  test('suggests the right suffix and spots misplaced settings', () => {
    const [typo] = ruleFindings(
      'keystore-credentials-name',
      keystore(`"cluster.remote.west.credential": { "value": "${ENCODED}" }`),
    );
    assert.match(typo.message, /Did you mean `cluster\.remote\.west\.credentials`\?/);
    const [regular] = ruleFindings('keystore-credentials-name', keystore('"cluster.remote.west.seeds": { "value": "h:9300" }'));
    assert.match(regular.message, /regular cluster setting/);
    const [shape] = ruleFindings('keystore-credentials-name', keystore(`"remote.west.credentials": { "value": "${ENCODED}" }`));
    assert.match(shape.message, /must be `cluster\.remote\.<alias>\.credentials`/);
  });

  test('accepts credentials, signing passwords and unrelated secrets', () => {
    const document = keystore(
      `"cluster.remote.west-1.credentials": { "value": "${ENCODED}" }, "cluster.remote.west-1.signing.keystore.secure_password": { "value": "x" }, "s3.client.default.secret_key": { "value": "x" }`,
    );
    assert.deepEqual(ruleFindings('keystore-credentials-name', document), []);
  });
});

describe('rule keystore-credentials-value', () => {
  test('flags values that are not an encoded cross-cluster API key, without echoing them', () => {
    const cases: Array<[string, RegExp]> = [
      [`{ "value": "ApiKey ${ENCODED}" }`, /`ApiKey ` prefix/],
      ['{ "value": "VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw" }', /looks like `id:api_key`/],
      ['{ "value": "encoded cross-cluster API key" }', /does not look like an encoded/],
      [`{ "value": "${Buffer.from('no colon here').toString('base64')}" }`, /does not decode to `id:key`/],
      [`{ "value": { "key": "${ENCODED}" } }`, /must be a string/],
      [`{ "value": "${ENCODED}", "as_file": true }`, /`as_file` to `false`/],
    ];
    for (const [entry, message] of cases) {
      const [finding] = ruleFindings('keystore-credentials-value', keystore(`"cluster.remote.west.credentials": ${entry}`));
      assert.equal(finding?.severity, 'warning', entry);
      assert.match(finding.message, message);
      assert.ok(
        !finding.message.includes('ui2lp2axTNmsyakw9tvNnw') && !finding.message.includes(ENCODED),
        'never echoes the secret',
      );
    }
  });

  test('accepts an encoded key, removals and other settings', () => {
    const document = keystore(
      `"cluster.remote.west.credentials": { "value": "${ENCODED}", "as_file": false }, "cluster.remote.east.credentials": null, "gcs.client.default.credentials_file": { "value": { "type": "service_account" }, "as_file": true }`,
    );
    assert.deepEqual(ruleFindings('keystore-credentials-value', document), []);
  });
});

describe('rule keystore-credentials-alias-unused', () => {
  test('flags credentials for an alias no settings request of the file configures', () => {
    const document = consoleDoc(`
      PATCH /api/v1/deployments/abc/elasticsearch/main-elasticsearch/keystore
      { "secrets": { "cluster.remote.wset.credentials": { "value": "${ENCODED}" } } }

      PUT _cluster/settings
      { "persistent": { "cluster.remote.west.mode": "proxy", "cluster.remote.west.proxy_address": "west.example.com:9443" } }
    `);
    const finding = analyze(document).findings.find((f) => f.ruleId === 'keystore-credentials-alias-unused')!;
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /Did you mean `west`\?/);
    assert.match(applyFix(document, finding), /"cluster\.remote\.west\.credentials"/);
  });

  test('is silent when the alias matches, and when the file has no settings request', () => {
    const matching = consoleDoc(`
      PATCH /api/v1/deployments/abc/elasticsearch/main-elasticsearch/keystore
      { "secrets": { "cluster.remote.west.credentials": { "value": "${ENCODED}" } } }
      PUT _cluster/settings
      { "persistent": { "cluster": { "remote": { "west": { "mode": "proxy", "proxy_address": "w:9443" } } } } }
    `);
    assert.deepEqual(ruleFindings('keystore-credentials-alias-unused', matching), []);
    assert.deepEqual(
      ruleFindings('keystore-credentials-alias-unused', keystore(`"cluster.remote.wset.credentials": { "value": "${ENCODED}" }`)),
      [],
    );
  });
});
