import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleFindings } from '../../json/support';
import { ENCODED } from '../../../helpers';
import { keystore } from './fixtures';

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
